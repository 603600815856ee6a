"""``manage.py import_jdihn SOURCE``: bring regulations in from a JDIHN feed (a file or an http(s) URL)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from registry.regulations.importers.report import Outcome
from registry.regulations.importers.source import SourceError, load_source
from registry.regulations.importers.writer import ImportFailure, ImportOptions, run_import
from registry.regulations.models import ImportRun


class Command(BaseCommand):
    help = (
        "Impor peraturan dari umpan JSON JDIHN (berkas atau URL http/https). Catatan yang sama digabung, "
        "catatan yang tidak dapat dipetakan dilaporkan beserta alasannya; setiap kelompok (--batch-size) "
        "ditulis utuh atau dibatalkan utuh. Perubahan dan status 'Tidak Berlaku' diusulkan untuk ditinjau "
        "Bagian Hukum. Jalankan dengan --dry-run untuk melihat hasilnya tanpa menulis apa pun."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="path of a JSON file, or an http(s) URL of a JDIHN feed")
        parser.add_argument("--dry-run", action="store_true", help="report what would happen; write nothing")
        parser.add_argument(
            "--batch-size", type=int, default=100, help="records per transaction (default 100)"
        )
        parser.add_argument(
            "--draft", action="store_true", help="create regulations as drafts, not published"
        )
        parser.add_argument(
            "--with-files", action="store_true", help="fetch each urlDownload PDF, attach and extract it"
        )
        parser.add_argument(
            "--overwrite", action="store_true", help="replace registry values that differ from the feed"
        )
        parser.add_argument(
            "--wilayah", default="", help="region of records that name none (default: REGISTRY_CITY_NAME)"
        )
        parser.add_argument("--timeout", type=float, default=None, help="network timeout in seconds")

    def handle(self, *args, **options):
        source = options["source"]
        if options["batch_size"] < 1:
            raise CommandError(_("--batch-size harus 1 atau lebih."))
        try:
            records = load_source(source, timeout=options["timeout"])
        except SourceError as exc:
            raise CommandError(str(exc)) from exc
        verbosity = options["verbosity"]
        dry_run = options["dry_run"]
        if verbosity:
            self.stdout.write(_("Umpan %(source)s: %(n)s catatan.") % {"source": source, "n": len(records)})
        import_options = ImportOptions(
            dry_run=dry_run,
            draft=options["draft"],
            batch_size=options["batch_size"],
            with_files=options["with_files"],
            overwrite=options["overwrite"],
            wilayah=options["wilayah"],
            timeout=options["timeout"],
        )
        run = None
        if not dry_run:
            run = ImportRun.objects.create(source=source[:500], options=self._stored_options(options))

        def progress(done, total):
            if verbosity >= 2:
                self.stdout.write(_("Kelompok %(done)s/%(total)s selesai.") % {"done": done, "total": total})

        try:
            report = run_import(records, import_options, run=run, progress=progress)
        except Exception as exc:
            if run is not None:
                run.state, run.message = ImportRun.State.FAILED, str(exc)[:2000]
                run.save(update_fields=["state", "message"])
            if isinstance(exc, ImportFailure):
                raise CommandError(str(exc)) from exc
            raise
        if verbosity:
            for result in report.sorted_results():
                if result.outcome != Outcome.UNCHANGED or result.reasons or verbosity >= 2:
                    self.stdout.write(result.line(dry_run))
        self.stdout.write(report.summary())

    @staticmethod
    def _stored_options(options) -> dict:
        keys = ("batch_size", "draft", "with_files", "overwrite", "wilayah")
        return {key: options[key] for key in keys}
