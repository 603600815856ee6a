"""manage.py recompute_coverage: recompute every service's coverage, with progress."""

import time

from django.core.management.base import BaseCommand

from ...engine import recompute
from ...history import ensure_monthly_snapshot


class Command(BaseCommand):
    help = "Hitung ulang cakupan regulasi seluruh layanan (atau layanan tertentu dengan --service)."

    def add_arguments(self, parser):
        parser.add_argument("--service", type=int, action="append", help="ID layanan; boleh diulang.")

    def handle(self, *args, service=None, **options):
        started = time.perf_counter()
        verbosity = options["verbosity"]

        def progress(phase, done, total):
            if verbosity >= 1 and (phase != "evaluate" or total):
                suffix = f" {done}/{total}" if total else ""
                self.stdout.write(f"{phase}{suffix}")

        result = recompute(service, progress=progress)
        if service is None:
            ensure_monthly_snapshot()
        statuses = ", ".join(f"{status}={n}" for status, n in sorted(result.statuses.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.services} layanan, {result.findings} temuan ({statuses}) "
                f"dalam {time.perf_counter() - started:.2f} detik."
            )
        )
