"""Idempotent building blocks: upsert a page with its child rows, and store a PDF once.

A page is written (and gets a new revision) only when something differs from what is stored, so
running the demo loader again creates no revisions and no documents.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import models

from registry.regulations.models import RegulationDocument, RegulationPage


def _stored(value):
    """The comparable form of a field value: model instances compare by primary key."""
    return value.pk if isinstance(value, models.Model) else value


def _current(obj, name):
    field = obj._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        return getattr(obj, field.attname)
    return getattr(obj, name)


def _differs(page, fields, children, m2m) -> bool:
    for name, value in fields.items():
        if _current(page, name) != _stored(value):
            return True
    for relation, rows in children.items():
        existing = list(getattr(page, relation).all().order_by("sort_order"))
        if len(existing) != len(rows):
            return True
        for row, wanted in zip(existing, rows, strict=True):
            if any(_current(row, key) != _stored(value) for key, value in wanted.items()):
                return True
    for relation, objects in m2m.items():
        if {o.pk for o in getattr(page, relation).all()} != {o.pk for o in objects}:
            return True
    return not page.live or page.has_unpublished_changes


def upsert_page(parent, existing, model, fields, children=None, m2m=None) -> tuple:
    """Create ``existing`` under ``parent`` or update it in place, publishing through a revision.

    ``fields`` are page field values; ``children`` maps a child relation name to the list of row
    values it must hold (replaced, never appended); ``m2m`` maps a ParentalManyToManyField to its
    objects. Returns (page, action) with action "baru", "diperbarui" or "tetap".
    """
    children, m2m = children or {}, m2m or {}
    if existing is not None and not _differs(existing, fields, children, m2m):
        return existing, "tetap"
    page = existing or model()
    for name, value in fields.items():
        setattr(page, name, value)
    for relation, rows in children.items():
        row_model = model._meta.get_field(relation).related_model
        getattr(page, relation).set([row_model(sort_order=i, **row) for i, row in enumerate(rows)])
    for relation, objects in m2m.items():
        getattr(page, relation).set(objects)
    if existing is None:
        page.live = True
        parent.add_child(instance=page)  # validates the page (Page.save cleans by default)
    page.save_revision(clean=existing is not None).publish()
    return page, "baru" if existing is None else "diperbarui"


def sha1(data: bytes) -> str:
    """The SHA-1 hex digest Wagtail stores as a document's ``file_hash``."""
    return hashlib.sha1(data).hexdigest()  # noqa: S324 - content fingerprint, not security


def store_pdf(data: bytes, title: str, filename: str, current=None) -> tuple:
    """Return a RegulationDocument holding ``data``: the current one or any with the same hash, else new.

    Returns (document, created).
    """
    digest = sha1(data)
    if current is not None and current.file_hash == digest:
        return current, False
    same = RegulationDocument.objects.filter(file_hash=digest).first()
    if same is not None:
        return same, False
    document = RegulationDocument(title=title[:255], file_size=len(data), file_hash=digest)
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document, True


def drop_if_orphaned(document) -> bool:
    """Delete a superseded generated document (and its file) when no regulation uses it any more."""
    if document is None:
        return False
    in_use = (
        models.Q(document=document)
        | models.Q(attachment_document=document)
        | models.Q(abstract_document=document)
    )
    if RegulationPage.objects.filter(in_use).exists():
        return False
    document.file.delete(save=False)
    document.delete()
    return True
