"""``manage.py import_sp_decree PDF --opd SLUG [--dry-run]``: services from an SK Standar Pelayanan PDF.

The admin's "Impor dari SK Standar Pelayanan" without the review: every service read, with every
component that could be read, becomes a draft under the OPD (or a new draft revision of it).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.services.importers.sp_import import (
    UnreadablePdf,
    component_label,
    import_proposal,
    read_proposal,
)
from registry.services.models import PerangkatDaerahPage


class Command(BaseCommand):
    help = "Impor layanan dari PDF SK Standar Pelayanan sebagai draf di bawah satu perangkat daerah."

    def add_arguments(self, parser):
        parser.add_argument("pdf", help="Berkas PDF SK Standar Pelayanan")
        parser.add_argument("--opd", required=True, help="Slug halaman perangkat daerah")
        parser.add_argument("--dry-run", action="store_true", help="Baca dan laporkan tanpa menulis apa pun.")

    def handle(self, *args, pdf, opd, dry_run, **options):
        path = Path(pdf)
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        unit = PerangkatDaerahPage.objects.filter(slug=opd).first()
        if unit is None:
            raise CommandError(f"Perangkat daerah dengan slug '{opd}' tidak ditemukan.")
        try:
            proposal = read_proposal(path.read_bytes())
        except UnreadablePdf as exc:
            raise CommandError(f"PDF tidak dapat dibaca: {exc}") from exc
        if proposal["regulation_id"]:
            self.stdout.write(f"SK Standar Pelayanan di registri: {proposal['regulation_title']}")
        else:
            self.stdout.write(
                f"Peraturan nomor {proposal['nomor'] or '-'} tahun {proposal['tahun'] or '-'} belum ada di "
                "registri: layanan tidak ditautkan ke SK Standar Pelayanan."
            )
        choices = {}
        for index, service in enumerate(proposal["services"]):
            readable = [code for code, section in service["sections"].items() if section["readable"]]
            labels = ", ".join(component_label(code) for code in readable) or "-"
            self.stdout.write(f"layanan {index + 1}: {service['title'] or '(tanpa nama)'}: {labels}")
            choices[index] = {"title": service["title"], "components": set(readable)}
        report = import_proposal(proposal, unit, choices, user=None, dry_run=dry_run)
        for entry in report.rows():
            for issue in entry["issues"]:
                label = "KESALAHAN" if issue["level"] == "error" else "peringatan"
                self.stdout.write(f"{label} (layanan {entry['row']}): {issue['text']}")
            if entry["outcome"]:
                self.stdout.write(f"layanan {entry['row']}: {entry['title']}: {entry['outcome']}")
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
