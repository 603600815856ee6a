"""``manage.py setup_registry``: make a fresh installation complete without the demo (idempotent)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.setup.installer import setup_registry
from registry.setup.site_tree import CREATED, UPDATED

ACTION_LABELS = {CREATED: gettext_lazy("dibuat"), UPDATED: gettext_lazy("diperbarui")}


def pending_migrations() -> int:
    """How many migrations the database still lacks."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def port_number(value: str) -> int:
    """A TCP port for ``--site-port``."""
    port = int(value)
    if not 1 <= port <= 65535:
        raise ValueError(value)
    return port


class Command(BaseCommand):
    help = (
        "Menyiapkan Registri tanpa data demo: jenis peraturan, pengaturan aturan cakupan, beranda dengan "
        "indeks peraturan dan indeks perangkat daerah, serta grup admin. Aman dijalankan ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-hostname", default="", help="Nama host situs bawaan, misalnya registri.example.go.id."
        )
        parser.add_argument(
            "--site-port", type=port_number, default=None, help="Port situs bawaan (bawaan: 80)."
        )

    def handle(self, *args, site_hostname="", site_port=None, **options):
        self.stdout.write(
            _("Menyiapkan Registri untuk %(city)s, %(province)s …")
            % {"city": settings.REGISTRY_CITY_NAME, "province": settings.REGISTRY_PROVINCE}
        )
        pending = pending_migrations()
        if pending:
            raise CommandError(
                _("%(n)d migrasi belum dijalankan. Jalankan 'manage.py migrate' dahulu.") % {"n": pending}
            )
        try:
            steps = setup_registry(hostname=site_hostname.strip(), port=site_port)
        except (ValidationError, ImproperlyConfigured) as error:
            reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise CommandError(
                _("Penyiapan dibatalkan, tidak ada yang disimpan: %(reasons)s")
                % {"reasons": "; ".join(reasons)}
            ) from error
        for step in steps:
            self.stdout.write(self.style.MIGRATE_HEADING(f"{step.heading}:"))
            for outcome in step.outcomes:
                action = ACTION_LABELS.get(outcome.action, _("sudah ada"))
                line = f"  {outcome.label}: {action}"
                self.stdout.write(self.style.SUCCESS(line) if outcome.changed else line)
                for detail in outcome.details:
                    self.stdout.write(f"    + {detail}")
                for note in outcome.notes:
                    self.stdout.write(self.style.WARNING(f"    ! {note}"))
        changes = sum(step.changes for step in steps)
        if changes:
            self.stdout.write(self.style.SUCCESS(_("Selesai: %(n)d perubahan.") % {"n": changes}))
        else:
            self.stdout.write(_("Selesai: tidak ada yang berubah, Registri sudah lengkap."))
