"""manage.py search_health: is search working, which engine answers, and what waits to be indexed."""

from django.core.management.base import BaseCommand, CommandError

from ...health import answering, check
from ...tasks import replay_pending


class Command(BaseCommand):
    help = "Check the search engines; with --replay, apply updates the search cluster missed."

    def add_arguments(self, parser):
        parser.add_argument("--replay", action="store_true", help="Replay pending index updates.")

    def handle(self, *args, replay=False, **options):
        if replay:
            self.stdout.write(f"replayed: {replay_pending()}")
        failed = False
        reports = check()
        for report in reports:
            state = "ok" if report.ok else "FAILED"
            self.stdout.write(
                f"{report.engine}: {state}; documents={report.documents}; pending={report.pending}; {report.detail}"
            )
            failed = failed or not report.ok
        self.stdout.write(f"queries answered by: {answering(reports)}")
        if failed:
            raise CommandError("A search engine is not healthy; queries fall back to the database engine.")
