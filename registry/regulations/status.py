"""Derive each regulation's status from the relations that published regulations hold towards it."""

from collections import defaultdict

from django.db import transaction

from .effective import derive_status


def refresh_statuses() -> list[int]:
    """Recompute every regulation's stored status in a few queries; return the ids that changed.

    Only relations declared by live (published) regulations count: a draft that revokes nothing yet
    must not change anything in public. A relation counts from the day it takes effect
    (:func:`registry.regulations.effective.effective_date`), so a revocation whose tanggal berlaku
    is still ahead leaves the target berlaku until the daily job runs on that date.
    """
    from .effective import incoming_kinds_on, today
    from .models import RegulationPage

    kinds_by_target = incoming_kinds_on(None, today())

    changed_by_status = defaultdict(list)
    rows = RegulationPage.objects.values_list("pk", "status", "declared_not_in_force")
    for pk, current, declared in rows:
        wanted = derive_status(kinds_by_target.get(pk, ()), declared)
        if wanted != current:
            changed_by_status[wanted].append(pk)

    changed = []
    with transaction.atomic():
        for status, ids in changed_by_status.items():
            # queryset.update() writes the derived value without creating a page revision.
            RegulationPage.objects.filter(pk__in=ids).update(status=status)
            changed.extend(ids)
    if changed:
        from .signals import statuses_changed

        statuses_changed.send(sender=RegulationPage, page_ids=changed)
    return changed
