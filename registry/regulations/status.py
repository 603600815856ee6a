"""Derive each regulation's status from the relations that published regulations hold towards it."""

from collections import defaultdict

from django.db import transaction

from .choices import RelationKind, Status

# When several relations point at one regulation, the strongest one decides its status.
_STATUS_BY_KIND = {
    RelationKind.MENCABUT: Status.DICABUT,
    RelationKind.MENCABUT_SEBAGIAN: Status.DICABUT_SEBAGIAN,
    RelationKind.MENGUBAH: Status.DIUBAH,
    RelationKind.MENGUBAH_SEBAGIAN: Status.DIUBAH,
}
_PRECEDENCE = [Status.DICABUT, Status.TIDAK_BERLAKU, Status.DICABUT_SEBAGIAN, Status.DIUBAH, Status.BERLAKU]


def derive_status(incoming_kinds, declared_not_in_force: bool = False) -> str:
    """Return the status implied by the kinds of the incoming relations and the editor's declaration."""
    candidates = {_STATUS_BY_KIND[kind] for kind in incoming_kinds if kind in _STATUS_BY_KIND}
    if declared_not_in_force:
        candidates.add(Status.TIDAK_BERLAKU)
    for status in _PRECEDENCE:
        if status in candidates:
            return status
    return Status.BERLAKU


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
