"""Write relation, legal-basis and extraction changes into Wagtail's history, with who and when.

Relations and legal bases are inline children of their pages: they reach the database when the page
is created or published (modelcluster commits them row by row), so a row-level handler sees every
real change, whichever path made it (the page editor, applying extraction proposals, an import, a
workflow's final approval). The acting user comes from Wagtail's log context, which the admin sets
for every request; work done outside a request (a command, a scheduled publish) is logged as the
system. Each change is logged on both pages it joins, so either page's history tells it.
"""

import uuid

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.log_actions import log

from registry.regulations.models import RegulationPage, RegulationRelation
from registry.regulations.signals import document_extracted
from registry.services.models import LegalBasis

from . import actions

#: The attribute a row carries between pre_save and post_save: its stored values before the save.
_BEFORE = "_history_before"
RELATION_FIELDS = ("kind", "target_id", "provision", "scope_text")
BASIS_FIELDS = ("regulation_id", "provision", "component", "role")


def _remember(sender, instance, raw=False, **kwargs):
    """Before a tracked row is saved, keep its stored values to compare with after the save."""
    if raw or instance.pk is None:
        setattr(instance, _BEFORE, None)
        return
    fields = RELATION_FIELDS if sender is RegulationRelation else BASIS_FIELDS
    setattr(instance, _BEFORE, sender.objects.filter(pk=instance.pk).values(*fields).first())


def _title(model, pk) -> str:
    return model.objects.filter(pk=pk).values_list("title", flat=True).first() or f"#{pk}"


def _changes(before: dict, instance, fields, titles) -> dict:
    """{field: [old, new]} for the fields that changed; foreign keys shown by their page's title."""
    changes = {}
    for name in fields:
        old, new = before[name], getattr(instance, name)
        if old == new:
            continue
        if name.endswith("_id"):
            old, new = _title(titles, old), _title(titles, new)
            name = name.removesuffix("_id")
        changes[name] = [old, new]
    return changes


def _relation_data(relation) -> dict:
    return {
        "relation_id": relation.pk,
        "kind": relation.kind,
        "source_id": relation.source_id,
        "source_title": relation.source.title,
        "target_id": relation.target_id,
        "target_title": relation.target.title,
        "provision": relation.provision,
        "scope_text": relation.scope_text,
    }


def _basis_data(basis) -> dict:
    return {
        "legal_basis_id": basis.pk,
        "service_id": basis.page_id,
        "service_title": basis.page.title,
        "regulation_id": basis.regulation_id,
        "regulation_title": basis.regulation.title,
        "provision": basis.provision,
        "component": basis.component,
        "role": basis.role,
    }


# (fields, the page model foreign keys point to, data builder, own side, other side) per tracked model.
_TRACKED = {
    RegulationRelation: (
        RELATION_FIELDS,
        RegulationPage,
        _relation_data,
        ("source", (actions.RELATION_CREATE, actions.RELATION_EDIT, actions.RELATION_DELETE)),
        (
            "target",
            (
                actions.INCOMING_RELATION_CREATE,
                actions.INCOMING_RELATION_EDIT,
                actions.INCOMING_RELATION_DELETE,
            ),
        ),
    ),
    LegalBasis: (
        BASIS_FIELDS,
        RegulationPage,
        _basis_data,
        ("page", (actions.BASIS_CREATE, actions.BASIS_EDIT, actions.BASIS_DELETE)),
        ("regulation", (actions.BASIS_IN_CREATE, actions.BASIS_IN_EDIT, actions.BASIS_IN_DELETE)),
    ),
}
_CREATE, _EDIT, _DELETE = range(3)


def _log_both(sender, instance, step: int, data: dict) -> None:
    """Log one change on both pages under one uuid of its own.

    Wagtail's history view shows only the latest entry per uuid and action: with the request's
    uuid, a publish adding three relations would show one of them.
    """
    _, _, _, *sides = _TRACKED[sender]
    change = uuid.uuid4()
    for attribute, names in sides:
        log(instance=getattr(instance, attribute), action=names[step], data=data, uuid=change)


def _log_saved(sender, instance, created, raw=False, **kwargs):
    """After a tracked row is saved: log its creation, or its change when a tracked field changed."""
    if raw:
        return
    fields, titles, build, *_ = _TRACKED[sender]
    before = getattr(instance, _BEFORE, None)
    if created or before is None:
        _log_both(sender, instance, _CREATE, build(instance))
        return
    changes = _changes(before, instance, fields, titles)
    if changes:
        _log_both(sender, instance, _EDIT, {**build(instance), "changes": changes})


def _log_deleted(sender, instance, **kwargs):
    """After a tracked row is deleted (by the editor, or with one of its pages): log it on both pages."""
    _, _, build, *_sides = _TRACKED[sender]
    try:
        data = build(instance)
    except ObjectDoesNotExist:  # deleted with a page that is already gone: that page's deletion is logged
        return
    _log_both(sender, instance, _DELETE, data)


def _log_extraction(sender, instance, run, **kwargs):
    """After a document's extraction: log the outcome on every regulation whose signed PDF it is."""
    if run is None:  # a re-send of an earlier outcome (no new run): nothing new to log
        return
    data = {
        "document_id": instance.pk,
        "document_title": instance.title,
        "run_id": run.pk,
        "status": run.status,
        "status_label": str(run.get_status_display()),
        "reason": run.reason[:300],
    }
    if kwargs.get("ocr_settings"):
        # How the scanned pages were rendered, cleaned up and recognised (ocr_image.OcrSettings).
        data["ocr_settings"] = kwargs["ocr_settings"]
    for page in RegulationPage.objects.filter(document=instance):
        log(instance=page, action=actions.EXTRACTION_RUN, user=run.requested_by, data=data)


def register_signal_handlers():
    """Connect the handlers (called from the app config's ready())."""
    for model in _TRACKED:
        name = model._meta.model_name
        pre_save.connect(_remember, sender=model, dispatch_uid=f"history_{name}_before")
        post_save.connect(_log_saved, sender=model, dispatch_uid=f"history_{name}_saved")
        post_delete.connect(_log_deleted, sender=model, dispatch_uid=f"history_{name}_deleted")
    document_extracted.connect(_log_extraction, dispatch_uid="history_extraction_run")
