"""manage.py rebuild_search_index: re-index every published service and regulation."""

import time

from django.core.management.base import BaseCommand

from ...backends import writable_backends
from ...models import PendingIndexOperation
from ...registry import registry


class Command(BaseCommand):
    help = "Rebuild the search index of every engine (a search cluster behind its alias: no downtime)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine", help="Only this engine (sqlite, postgresql, elasticsearch, opensearch)."
        )

    def handle(self, *args, engine=None, **options):
        for backend in writable_backends():
            if engine and backend.name != engine:
                continue
            started = time.perf_counter()
            self.stdout.write(f"{backend.name}: rebuilding …")

            def progress(count, name=backend.name):
                self.stdout.write(f"  {name}: {count} documents", ending="\n")
                self.stdout.flush()

            count = backend.rebuild(registry.iter_documents(), progress=progress)
            if not backend.is_database:
                PendingIndexOperation.objects.filter(engine=backend.name).delete()
            self.stdout.write(
                self.style.SUCCESS(
                    f"{backend.name}: {count} documents in {time.perf_counter() - started:.1f}s"
                )
            )
