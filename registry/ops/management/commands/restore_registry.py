"""``manage.py restore_registry SRC``: restore a backup into an empty installation."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...backup import BackupError
from ...restore import restore_backup


class Command(BaseCommand):
    help = (
        "Pulihkan arsip cadangan ke instalasi kosong (basis data, media), lalu bangun ulang indeks "
        "pencarian. Instalasi yang tidak kosong ditolak kecuali dengan --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("src", help="Arsip cadangan dari backup_registry.")
        parser.add_argument("--force", action="store_true", help="Timpa instalasi yang tidak kosong.")

    def handle(self, *args, src, force=False, **options):
        if not Path(src).is_file():
            raise CommandError(f"Arsip tidak ditemukan: {src}. (Archive not found.)")
        try:
            manifest = restore_backup(Path(src), force=force, progress=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Dipulihkan dari cadangan {manifest['created_at']}: {manifest['counts']}")
        )
