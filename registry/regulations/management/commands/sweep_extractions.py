"""``manage.py sweep_extractions``: record as failed the extractions whose process died.

Meant to run from a scheduler (every minute or so); the admin also sweeps lazily, so the embedded
default needs none.
"""

from django.core.management.base import BaseCommand

from registry.regulations.extraction.recovery import stale_seconds, sweep_stale_runs


class Command(BaseCommand):
    help = (
        "Tandai gagal setiap ekstraksi yang masih 'sedang diproses' padahal prosesnya sudah berhenti "
        "(tidak ada detak lebih lama dari batas, atau melewati batas waktu keseluruhan)."
    )

    def handle(self, *args, **options):
        swept = sweep_stale_runs()
        for run in swept:
            self.stdout.write(f"Dokumen #{run.document_id}, ekstraksi #{run.pk}: gagal — {run.reason}")
        if swept or options["verbosity"] > 1:
            self.stdout.write(
                f"{len(swept)} ekstraksi macet ditandai gagal (batas tanpa detak {stale_seconds():g} detik)."
            )
