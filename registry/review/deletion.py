"""Deleting a live service needs the Bagian Organisasi's approval.

Wagtail has no deletion workflow. OPD editors hold no "publish" right, so Wagtail already refuses
them the deletion (and the unpublishing) of a live page; instead they *ask*: :func:`request_deletion`
records a :class:`~.models.DeletionRequest` with their reason and e-mails the deciders. A decider
(``review.decide_deletionrequest``, the Bagian Organisasi) approves it, which deletes the page
through Wagtail's own ``DeletePageAction`` (logged as a deletion by the decider), or rejects it with
a comment; either way the requester is e-mailed. Each step is also written to the page's history.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.log_actions import log

from registry.permissions import DELETION_DECISION_PERMISSION
from registry.services.models import ServicePage

from . import emails
from .models import DeletionRequest

REQUESTED = "registri.deletion.requested"
APPROVED = "registri.deletion.approved"
REJECTED = "registri.deletion.rejected"


def may_request_deletion(page, user) -> bool:
    """Whether ``user`` should ask for ``page``'s deletion: a live service they edit but may not delete."""
    if not (page.live and issubclass(page.specific_class, ServicePage)):
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and not permissions.can_delete()


def may_decide(user) -> bool:
    """Whether ``user`` decides deletion requests."""
    return user.is_active and (user.is_superuser or user.has_perm(DELETION_DECISION_PERMISSION))


def deciders():
    """The active users who decide deletion requests (superusers excluded: the role does it)."""
    app_label, codename = DELETION_DECISION_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .distinct()
    )


def pending_requests():
    """The requests that wait for a decision, oldest first."""
    return DeletionRequest.objects.filter(status=DeletionRequest.Status.PENDING).order_by("requested_at")


@transaction.atomic
def request_deletion(page, user, reason: str) -> DeletionRequest:
    """Record ``user``'s request to delete the live service ``page``; raises ValidationError if not allowed."""
    reason = reason.strip()
    if not may_request_deletion(page, user):
        raise ValidationError(_("Anda tidak dapat mengajukan penghapusan halaman ini."))
    if not reason:
        raise ValidationError(_("Tuliskan alasan penghapusan."))
    if DeletionRequest.objects.filter(page=page, status=DeletionRequest.Status.PENDING).exists():
        raise ValidationError(_("Penghapusan halaman ini sudah diajukan dan menunggu keputusan."))
    request = DeletionRequest.objects.create(
        page=page, page_title=page.title[:255], reason=reason, requested_by=user
    )
    log(page.specific, REQUESTED, user=user, data={"reason": reason})
    transaction.on_commit(lambda: emails.deletion_requested(request, deciders()))
    return request


@transaction.atomic
def decide(request: DeletionRequest, user, approve: bool, comment: str = "") -> DeletionRequest:
    """Approve (delete the page) or reject ``request``; raises ValidationError if it cannot be decided."""
    comment = comment.strip()
    request = DeletionRequest.objects.select_for_update().get(pk=request.pk)
    if not may_decide(user):
        raise ValidationError(_("Anda tidak berwenang memutus permintaan penghapusan."))
    if request.status != DeletionRequest.Status.PENDING or request.page is None:
        raise ValidationError(_("Permintaan ini sudah diputus."))
    if not approve and not comment:
        raise ValidationError(_("Tuliskan alasan penolakan agar pengaju tahu apa yang harus diubah."))
    page = request.page.specific
    request.status = DeletionRequest.Status.APPROVED if approve else DeletionRequest.Status.REJECTED
    request.decided_by, request.decided_at, request.comment = user, timezone.now(), comment
    request.save()
    log(page, APPROVED if approve else REJECTED, user=user, data={"comment": comment})
    if approve:
        # The decider's approval stands in for the "publish" right the requester lacks.
        DeletePageAction(page, user=user).execute(skip_permission_checks=True)
    transaction.on_commit(lambda: emails.deletion_decided(request))
    return request
