"""Admin views: mark one notification, or all of them, as read."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .events import mark_read
from .models import Notification


def _back(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "wagtailadmin_home"
    return redirect(target)


@require_POST
def read_one(request, pk):
    """Mark one of the user's own notifications as read (another person's is not found)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(request.user, [notification.pk])
    return _back(request)


@require_POST
def read_all(request):
    """Mark all of the user's notifications as read."""
    count = mark_read(request.user)
    messages.success(request, _("%(n)s pemberitahuan ditandai sudah dibaca.") % {"n": count})
    return _back(request)
