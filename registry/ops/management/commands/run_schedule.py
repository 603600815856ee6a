"""``manage.py run_schedule``: queue the scheduled jobs that are due (for a systemd timer or cron).

``--due`` queues every due job, idempotently: run it as often as you like (every 5 minutes is the
documented timer). ``--job NAME`` runs a job now whatever its schedule (on demand). Without either
it lists the jobs with their last run. A failing job is recorded on its run and logged; this command
still exits 0, so the timer keeps running.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ...models import RunTrigger
from ...schedule import JOBS, JOBS_BY_NAME, enqueue, enqueue_due, is_due, last_runs


class Command(BaseCommand):
    help = "Jalankan tugas terjadwal yang sudah jatuh tempo (--due) atau satu tugas sekarang (--job)."

    def add_arguments(self, parser):
        parser.add_argument("--due", action="store_true", help="Antrekan setiap tugas yang jatuh tempo.")
        parser.add_argument(
            "--job", action="append", choices=sorted(JOBS_BY_NAME), help="Jalankan tugas ini sekarang."
        )

    def handle(self, *args, due=False, job=None, **options):
        if due and job:
            raise CommandError("Pilih --due atau --job, tidak keduanya.")
        if job:
            queued = [(JOBS_BY_NAME[name], enqueue(JOBS_BY_NAME[name], RunTrigger.MANUAL)) for name in job]
        elif due:
            queued = enqueue_due()
        else:
            self._list()
            return
        for item, run in queued:
            if run is None:
                self.stdout.write(f"{item.name}: masih berjalan, tidak diantrekan lagi")
            else:
                self.stdout.write(f"{item.name}: {run.get_outcome_display()} — {run.message}".rstrip(" —"))
        if not queued:
            self.stdout.write("Tidak ada tugas yang jatuh tempo.")

    def _list(self):
        runs = last_runs()
        now = timezone.now()
        for item in JOBS:
            run = runs.get(item.name)
            last = (
                f"{timezone.localtime(run.queued_at):%Y-%m-%d %H:%M} {run.get_outcome_display()}"
                if run
                else "belum pernah"
            )
            state = "jatuh tempo" if is_due(item, now) else "belum jatuh tempo"
            self.stdout.write(f"{item.name} ({item.cadence}): terakhir {last}; {state}")
