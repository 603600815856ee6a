"""``manage.py setup_groups``: create or complete the admin groups (see registry.permissions)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from registry.permissions import ensure_groups


class Command(BaseCommand):
    help = "Membuat atau melengkapi grup Bagian Hukum, Editor OPD (per perangkat daerah) dan Evaluator."

    def handle(self, *args, **options):
        changes = ensure_groups()
        for change in changes:
            names = {"group": change.group}
            if change.created:
                self.stdout.write(self.style.SUCCESS(_("Grup '%(group)s' dibuat.") % names))
            elif change.granted:
                self.stdout.write(self.style.SUCCESS(_("Grup '%(group)s' dilengkapi.") % names))
            else:
                self.stdout.write(_("Grup '%(group)s' sudah sesuai.") % names)
            for right in change.granted:
                self.stdout.write(f"  + {right}")
            for note in change.notes:
                self.stdout.write(self.style.WARNING(f"  ! {note}"))
        changed = sum(change.changed for change in changes)
        self.stdout.write(
            _("Selesai: %(changed)d dari %(total)d grup berubah.")
            % {"changed": changed, "total": len(changes)}
        )
