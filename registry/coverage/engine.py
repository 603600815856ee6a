"""Compute and store coverage: evaluate the rules and write ServiceCoverage and Finding rows.

The results are derived data. :func:`recompute` replaces them for the services given (all when
None) in one transaction; :func:`services_for_regulations` says which services a change to some
regulations can affect, for incremental recomputes.
"""

import gc
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from registry.regulations.models import RegulationRelation
from registry.services.models import LegalBasis, ServiceSOP

from . import loader
from .models import Finding, ServiceCoverage
from .rulebase import Context, Severity, derive_status
from .rules import evaluate

Progress = Callable[[str, int, int], None]


@dataclass
class RecomputeResult:
    """What a recompute did."""

    services: int
    findings: int
    statuses: Counter


def recompute(
    service_ids: Iterable[int] | None = None, *, today: date | None = None, progress: Progress | None = None
) -> RecomputeResult:
    """Evaluate the rules for the given services (all when None) and store the results."""
    if service_ids is not None:
        service_ids = sorted(set(service_ids))
        if not service_ids:
            return RecomputeResult(0, 0, Counter())
    report = progress or (lambda phase, done, total: None)
    with _no_cyclic_gc():
        coverages, findings, statuses = _evaluate(service_ids, today or timezone.localdate(), report)
        report("write", 0, len(coverages))
        _store(service_ids, coverages, findings)
    report("write", len(coverages), len(coverages))
    return RecomputeResult(len(coverages), len(findings), statuses)


@contextmanager
def _no_cyclic_gc():
    """Pause the cyclic garbage collector during one recompute.

    A full recompute allocates a few hundred thousand short-lived objects (facts, hits, unsaved model
    instances) and no reference cycles worth collecting; the collector's passes over them cost about
    a third of the run (bench/coverage). Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compute_as_of(on: date, service_ids: Iterable[int] | None = None):
    """Coverage as it stood on ``on``, computed and not stored: ``(coverages, findings, statuses)``.

    The regulations are read as of ``on`` (the relations in effect and the statuses of that day) and
    the age-based rules measure from it; the services are read as they are now (their links have no
    history here). For an SPBE evidence pack produced for a past assessment date.
    """
    ids = None if service_ids is None else sorted(set(service_ids))
    with _no_cyclic_gc():
        return _evaluate(ids, on, lambda phase, done, total: None, as_of=on)


def _evaluate(service_ids, today, report, as_of=None):
    """Load the facts and run the rules; return unsaved coverages, findings and status counts."""
    report("load", 0, 0)
    services, regulations = loader.load(service_ids, on=as_of)
    ctx = Context(regulations=regulations, today=today, settings=loader.load_settings())
    now = timezone.now()
    coverages, findings, statuses = [], [], Counter()
    for done, service in enumerate(services, 1):
        found = evaluate(service, ctx)
        severities = Counter(item.severity for item in found)
        status = derive_status(found)
        statuses[status] += 1
        coverages.append(
            ServiceCoverage(
                service_id=service.id,
                opd_id=service.opd_id,
                live=service.live,
                status=status,
                critical_count=severities[Severity.CRITICAL],
                warning_count=severities[Severity.WARNING],
                info_count=severities[Severity.INFO],
                computed_at=now,
            )
        )
        findings.extend(
            Finding(
                coverage_id=service.id,
                code=item.code,
                severity=item.severity,
                message_id=item.message_id,
                message_params=item.message_params,
                fix_id=item.fix_id,
                fix_params=item.fix_params,
                regulation_id=item.regulation_id,
                suggested_regulation_id=item.suggested_regulation_id,
            )
            for item in found
        )
        if done % 500 == 0 or done == len(services):
            report("evaluate", done, len(services))
    return coverages, findings, statuses


def _store(service_ids, coverages, findings):
    computed = [coverage.service_id for coverage in coverages]
    with transaction.atomic():
        if service_ids is None:
            Finding.objects.all().delete()
            ServiceCoverage.objects.exclude(service_id__in=computed).delete()
        else:
            Finding.objects.filter(coverage_id__in=service_ids).delete()
            # Services that vanished since (deleted pages) lose their row; cascades usually did it already.
            ServiceCoverage.objects.filter(service_id__in=set(service_ids) - set(computed)).delete()
        ServiceCoverage.objects.bulk_create(
            coverages,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["service"],
            update_fields=[
                "opd",
                "live",
                "status",
                "critical_count",
                "warning_count",
                "info_count",
                "computed_at",
            ],
        )
        Finding.objects.bulk_create(findings, batch_size=500)


def services_for_regulations(regulation_ids: Iterable[int]) -> list[int]:
    """The services a change to these regulations can affect.

    A service is affected when it links one of them, or links a regulation they relate to (a new
    Perwal that revokes, amends or implements the one the service relies on).
    """
    ids = set(regulation_ids)
    if not ids:
        return []
    ids.update(RegulationRelation.objects.filter(source_id__in=ids).values_list("target_id", flat=True))
    pages = set(LegalBasis.objects.filter(regulation_id__in=ids).values_list("page_id", flat=True))
    pages.update(ServiceSOP.objects.filter(regulation_id__in=ids).values_list("page_id", flat=True))
    return sorted(pages)
