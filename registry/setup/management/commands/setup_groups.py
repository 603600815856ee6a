"""``manage.py setup_groups``: create or complete the admin groups (see registry.permissions)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from registry.permissions import ensure_groups
from registry.review.workflows import ensure_workflows


class Command(BaseCommand):
    help = (
        "Membuat atau melengkapi grup Bagian Hukum, Kepala Bagian Hukum, Bagian Organisasi, Editor OPD "
        "(per perangkat daerah) dan Evaluator, serta alur kerja tinjauan peraturan dan layanan."
    )

    def handle(self, *args, **options):
        changes = ensure_groups()
        self._report(changes)
        changed = sum(change.changed for change in changes)
        self.stdout.write(
            _("Selesai: %(changed)d dari %(total)d grup berubah.")
            % {"changed": changed, "total": len(changes)}
        )
        workflows = ensure_workflows()
        for change in workflows:
            label = _("Alur kerja '%(name)s'") % {"name": change.name}
            if change.created:
                self.stdout.write(self.style.SUCCESS(_("%(label)s dibuat.") % {"label": label}))
            elif change.granted:
                self.stdout.write(self.style.SUCCESS(_("%(label)s dilengkapi.") % {"label": label}))
            else:
                self.stdout.write(_("%(label)s sudah sesuai.") % {"label": label})
            self._details(change)

    def _details(self, change):
        for right in change.granted:
            self.stdout.write(f"  + {right}")
        for note in change.notes:
            self.stdout.write(self.style.WARNING(f"  ! {note}"))

    def _report(self, changes):
        for change in changes:
            names = {"group": change.group}
            if change.created:
                self.stdout.write(self.style.SUCCESS(_("Grup '%(group)s' dibuat.") % names))
            elif change.granted:
                self.stdout.write(self.style.SUCCESS(_("Grup '%(group)s' dilengkapi.") % names))
            else:
                self.stdout.write(_("Grup '%(group)s' sudah sesuai.") % names)
            self._details(change)
