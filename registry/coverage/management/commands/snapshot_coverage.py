"""manage.py snapshot_coverage: store today's coverage totals (idempotent per day)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from ...history import take_snapshot


class Command(BaseCommand):
    help = "Simpan cuplikan cakupan kota dan per perangkat daerah untuk hari ini (aman dijalankan berulang)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Tanggal cuplikan (YYYY-MM-DD); bawaan hari ini.")

    def handle(self, *args, date=None, **options):
        try:
            day = _parse(date)
        except ValueError as exc:
            raise CommandError(f"Tanggal tidak valid: {date!r}. Gunakan format YYYY-MM-DD.") from exc
        rows = take_snapshot(day)
        self.stdout.write(self.style.SUCCESS(f"{rows} baris cuplikan disimpan."))


def _parse(value):
    return date.fromisoformat(value) if value else None
