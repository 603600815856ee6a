"""``manage.py backup_registry DEST``: database + media in one archive with a manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Cadangkan basis data dan berkas media ke satu arsip .tar.gz beserta manifest."

    def add_arguments(self, parser):
        parser.add_argument("dest", help="Berkas arsip tujuan, atau folder untuk arsip bertanggal.")

    def handle(self, *args, dest, **options):
        try:
            path, manifest = create_backup(Path(dest))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{k}={v}" for k, v in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan ditulis: {path} ({manifest['database']['format']}, "
                f"{manifest['media_files']} berkas media; {counts})"
            )
        )
