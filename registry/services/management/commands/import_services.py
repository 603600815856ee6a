"""``manage.py import_services FILE [--dry-run]``: import services from a Standar Pelayanan sheet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.services.importers.writer import import_services


class Command(BaseCommand):
    help = (
        "Impor layanan dari lembar Standar Pelayanan (XLSX/CSV) sebagai draf; semua atau tidak sama sekali."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Berkas .xlsx atau .csv")
        parser.add_argument(
            "--dry-run", action="store_true", help="Periksa dan laporkan tanpa menulis apa pun."
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        report = import_services(path.name, path.read_bytes(), user=None, dry_run=dry_run)
        for entry in report.rows():
            for issue in entry["issues"]:
                where = f"baris {entry['row']}" if entry["row"] else "berkas"
                column = f", kolom {issue['column']}" if issue["column"] else ""
                label = "KESALAHAN" if issue["level"] == "error" else "peringatan"
                self.stdout.write(f"{label} ({where}{column}): {issue['text']}")
            if entry["outcome"]:
                self.stdout.write(
                    f"baris {entry['row']}: {entry['opd']} / {entry['title']}: {entry['outcome']}"
                )
        counts = report.counts()
        self.stdout.write(
            "created={created} updated={updated} unchanged={unchanged} errors={errors} warnings={warnings}".format(
                **counts, errors=len(report.errors), warnings=len(report.warnings)
            )
        )
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
