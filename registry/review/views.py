"""Admin views of the deletion requests: ask ("Ajukan penghapusan"), list, and decide."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import deletion
from .models import DeletionRequest


class DeletionRequestForm(forms.Form):
    """The requester's reason."""

    reason = forms.CharField(
        label=gettext_lazy("Alasan penghapusan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Bagian Organisasi membaca alasan ini sebelum memutus permintaan."),
    )


class DecisionForm(forms.Form):
    """The decider's verdict and comment (required to reject)."""

    decision = forms.ChoiceField(choices=[("setujui", "setujui"), ("tolak", "tolak")])
    comment = forms.CharField(label=gettext_lazy("Komentar"), required=False, widget=forms.Textarea)


def request_deletion(request, page_id):
    """Ask for the deletion of a live service the user edits but may not delete."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not deletion.may_request_deletion(page, request.user):
        raise PermissionDenied
    pending = DeletionRequest.objects.filter(page=page, status=DeletionRequest.Status.PENDING).first()
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            deletion.request_deletion(page, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Penghapusan '%(title)s' diajukan ke Bagian Organisasi; layanan tetap terbit sampai disetujui."
                )
                % {"title": page.title},
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request, "review/request_deletion.html", {"page": page, "form": form, "pending": pending}
    )


def deletion_requests(request):
    """The pending requests with their decision forms, and the last decided ones."""
    if not deletion.may_decide(request.user):
        raise PermissionDenied
    decided = DeletionRequest.objects.exclude(status=DeletionRequest.Status.PENDING)
    return TemplateResponse(
        request,
        "review/deletion_requests.html",
        {
            "pending": deletion.pending_requests().select_related("requested_by", "page"),
            "decided": decided.select_related("requested_by", "decided_by")[:20],
        },
    )


@require_POST
def decide_deletion(request, pk):
    """Approve (delete the page) or reject one request."""
    if not deletion.may_decide(request.user):
        raise PermissionDenied
    item = get_object_or_404(DeletionRequest, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Keputusan tidak dikenal."))
        return redirect("review_deletion_requests")
    approve = form.cleaned_data["decision"] == "setujui"
    try:
        deletion.decide(item, request.user, approve, form.cleaned_data["comment"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = _("'%(title)s' dihapus.") if approve else _("Penghapusan '%(title)s' ditolak.")
        messages.success(request, text % {"title": item.page_title})
    return redirect("review_deletion_requests")
