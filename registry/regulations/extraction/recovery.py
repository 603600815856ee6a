"""Recovery of extraction runs whose process died (the Django side).

The process doing a run beats while it waits on its children (``ExtractionRun.heartbeat_at``, with
the pages done). :func:`sweep_stale_runs` records as failed every run that stopped beating or
outlived its lease (its process was killed), so a document never stays "running" forever. It runs
from ``manage.py sweep_extractions``, and lazily (:func:`recover_document`, :func:`live_run`)
whenever the admin shows a document's status or a new extraction of it starts.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..choices import ExtractionStatus
from ..models import ExtractionRun, RegulationDocument
from . import reasons

logger = logging.getLogger(__name__)


def heartbeat_seconds() -> float:
    """How often a running extraction records that it is alive."""
    return float(getattr(settings, "REGISTRY_EXTRACTION_HEARTBEAT_SECONDS", 5))


def stale_seconds() -> float:
    """How long a running extraction may stay silent before it is deemed dead (at least 3 beats)."""
    return max(float(getattr(settings, "REGISTRY_EXTRACTION_STALE_SECONDS", 60)), 3 * heartbeat_seconds())


def sweep_stale_runs(document_ids: Iterable[int] | None = None, now=None) -> list[ExtractionRun]:
    """Record as failed every running run that stopped beating or outlived its lease; return them.

    The run's document becomes *failed* with the same reason, unless another run of it is still
    going. A document left *running* with no running run at all is failed as well. ``document_ids``
    limits the sweep to those documents.
    """
    now = now or timezone.now()
    silent_since = now - timedelta(seconds=stale_seconds())
    runs = ExtractionRun.objects.filter(status=ExtractionStatus.RUNNING).filter(
        Q(heartbeat_at__lt=silent_since)
        | Q(heartbeat_at__isnull=True, started_at__lt=silent_since)
        | Q(lease_expires_at__lt=now)
    )
    documents = RegulationDocument.objects.filter(extraction_status=ExtractionStatus.RUNNING)
    if document_ids is not None:
        document_ids = list(document_ids)
        runs = runs.filter(document_id__in=document_ids)
        documents = documents.filter(pk__in=document_ids)
    swept = [run for run in runs.order_by("pk") if _fail_stale_run(run, now)]
    orphans = documents.exclude(extraction_runs__status=ExtractionStatus.RUNNING)
    reason = reasons.reason_text(reasons.ORPHANED)
    for pk in orphans.values_list("pk", flat=True):
        RegulationDocument.objects.filter(pk=pk, extraction_status=ExtractionStatus.RUNNING).exclude(
            extraction_runs__status=ExtractionStatus.RUNNING
        ).update(extraction_status=ExtractionStatus.FAILED, extraction_reason=reason, extracted_at=now)
    return swept


def _fail_stale_run(run: ExtractionRun, now) -> bool:
    """Fail one stale run (and its document); False when it beat or finished in the meantime."""
    limit = stale_seconds()
    silent = (run.heartbeat_at or run.started_at) < now - timedelta(seconds=limit)
    if not silent and run.lease_expires_at:
        lease = (run.lease_expires_at - run.started_at).total_seconds()
        reason = reasons.reason_text(reasons.LEASE_EXPIRED, {"limit": _number(round(lease))})
    else:
        params = {"worker": run.worker or "?", "age": run.heartbeat_age_seconds(now), "limit": _number(limit)}
        reason = reasons.reason_text(reasons.STALE, params)
    with transaction.atomic():
        failed = ExtractionRun.objects.filter(
            pk=run.pk, status=ExtractionStatus.RUNNING, heartbeat_at=run.heartbeat_at
        ).update(status=ExtractionStatus.FAILED, reason=reason, finished_at=now)
        if not failed:
            return False
        others = ExtractionRun.objects.filter(document_id=run.document_id, status=ExtractionStatus.RUNNING)
        if not others.exists():
            RegulationDocument.objects.filter(
                pk=run.document_id, extraction_status=ExtractionStatus.RUNNING
            ).update(
                extraction_status=ExtractionStatus.FAILED,
                extraction_reason=reason,
                extracted_sha256=run.sha256,
                extracted_at=now,
            )
    logger.warning("Extraction run %s of document %s declared dead: %s", run.pk, run.document_id, reason)
    run.status, run.reason, run.finished_at = ExtractionStatus.FAILED, reason, now
    return True


def recover_document(document: RegulationDocument) -> bool:
    """Lazily sweep one document shown as *running*; True (and ``document`` refreshed) if it changed."""
    if document.pk is None or document.extraction_status != ExtractionStatus.RUNNING:
        return False
    sweep_stale_runs([document.pk])
    return _refresh(document)


def live_run(document: RegulationDocument) -> ExtractionRun | None:
    """The newest run of ``document`` still going (after sweeping its stale runs), or None."""
    if document.pk is None:
        return None
    if sweep_stale_runs([document.pk]) or document.extraction_status == ExtractionStatus.RUNNING:
        _refresh(document)
    return document.extraction_runs.filter(status=ExtractionStatus.RUNNING).order_by("-pk").first()


_RECOVERED_FIELDS = ("extraction_status", "extraction_reason", "extracted_sha256", "extracted_at")


def _refresh(document: RegulationDocument) -> bool:
    """Reload the fields a sweep may change; True when the document is no longer running."""
    fresh = RegulationDocument.objects.filter(pk=document.pk).values(*_RECOVERED_FIELDS).first()
    if fresh is None or fresh["extraction_status"] == ExtractionStatus.RUNNING:
        return False
    for name, value in fresh.items():
        setattr(document, name, value)
    return True


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
