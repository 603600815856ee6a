"""Upload-first regulation entry in the admin: drop the signed PDF, get a DRAFT regulation to review.

The editor uploads the PDF (checked by :func:`.forms.validate_pdf_upload`, as every upload is),
picks the regulation index when there is more than one and may name the jenis. The file is stored
as a document first, so nothing is lost whatever extraction makes of it; then it is extracted and
:func:`.importers.pdf_drafts.draft_from_document` reads it and creates the draft, with judul and
slug derived, exactly as ``ingest_pdfs`` does for a folder. The editor lands on the review page,
where the PDF is shown beside the proposals.

A web request never extracts when extraction runs elsewhere (a ``db_worker`` queue, or the embedded
default's background thread): the upload then leads to a status page that shows the progress and
reloads itself; the first view after the extraction has finished creates the draft and goes on to
the review page. Under foreground extraction (tests, immediate tasks without the background
setting) the upload request does all of it. The status URL carries the index and the jenis chosen.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry
from wagtail.utils.file import hash_filelike

from registry import visibility

from .choices import ExtractionStatus
from .extraction.recovery import live_run
from .forms import max_upload_bytes, validate_pdf_upload
from .importers.pdf_drafts import CREATED, EXISTS, draft_from_document
from .models import RegulationDocument, RegulationIndexPage, RegulationPage, RegulationType
from .signal_handlers import SKIP_EXTRACTION_ATTR
from .tasks import extract_document_task, extracts_in_background, request_extraction

#: Statuses after which nothing more happens to a document without an editor.
FINISHED = {
    ExtractionStatus.DONE,
    ExtractionStatus.FAILED,
    ExtractionStatus.NEEDS_OCR,
    ExtractionStatus.NEEDS_PASSWORD,
}
#: How many of the user's unattached uploads the upload page lists.
RECENT_UPLOADS = 10


def upload_indexes(user) -> list[RegulationIndexPage]:
    """The regulation indexes under which ``user`` may add a regulation from an uploaded PDF."""
    if not user.is_authenticated or not user.is_active:
        return []
    policy = policy_registry.get_by_type(get_document_model())
    if not policy.user_has_permission(user, "add"):
        return []
    return [
        index
        for index in RegulationIndexPage.objects.order_by("path")
        if index.permissions_for_user(user).can_add_subpage()
    ]


def can_upload(user) -> bool:
    return bool(upload_indexes(user))


class RegulationUploadForm(forms.Form):
    """The signed PDF, the index it goes under and, optionally, its jenis."""

    berkas = forms.FileField(
        label=gettext_lazy("Berkas PDF peraturan (salinan bertanda tangan)"),
        help_text=gettext_lazy("Metadata dibaca dari PDF dan diusulkan; Anda meninjaunya sebelum terbit."),
    )
    induk = forms.ModelChoiceField(
        queryset=RegulationIndexPage.objects.none(), label=gettext_lazy("Indeks peraturan")
    )
    jenis = forms.ModelChoiceField(
        queryset=RegulationType.objects.order_by("rank", "name"),
        required=False,
        label=gettext_lazy("Jenis peraturan (bila sudah diketahui)"),
        help_text=gettext_lazy("Kosongkan agar jenisnya dibaca dari PDF."),
    )

    def __init__(self, *args, indexes, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["induk"]
        field.queryset = RegulationIndexPage.objects.filter(pk__in=[index.pk for index in indexes])
        field.initial = indexes[0].pk if indexes else None
        self.only_index = indexes[0] if len(indexes) == 1 else None
        if self.only_index is not None:
            field.widget, field.required = forms.HiddenInput(), False

    def clean_induk(self):
        return self.cleaned_data.get("induk") or self.only_index

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        validate_pdf_upload(upload)
        upload.seek(0)
        return upload


def status_url(document, index, type_code: str = "") -> str:
    query = {"induk": index.pk}
    if type_code:
        query["jenis"] = type_code
    return f"{reverse('regulations_upload_status', args=[document.pk])}?{urlencode(query)}"


def upload(request):
    """The upload form; a valid upload is stored, extracted and drafted (or queued, see the module)."""
    indexes = upload_indexes(request.user)
    if not indexes:
        raise PermissionDenied
    if request.method == "POST":
        form = RegulationUploadForm(request.POST, request.FILES, indexes=indexes)
        if form.is_valid():
            index = form.cleaned_data["induk"].specific
            rtype = form.cleaned_data["jenis"]
            return _store_and_extract(
                request, form.cleaned_data["berkas"], index, rtype.code if rtype else ""
            )
    else:
        wanted = request.GET.get("induk", "")
        chosen = next((index for index in indexes if str(index.pk) == wanted), indexes[0])
        form = RegulationUploadForm(initial={"induk": chosen.pk}, indexes=indexes)
    attached = RegulationPage.objects.exclude(document=None).values("document_id")
    recent = (
        RegulationDocument.objects.filter(uploaded_by_user=request.user)
        .exclude(pk__in=attached)
        .exclude(
            pk__in=RegulationPage.objects.exclude(attachment_document=None).values("attachment_document_id")
        )
        .exclude(pk__in=RegulationPage.objects.exclude(abstract_document=None).values("abstract_document_id"))
        .order_by("-created_at")[:RECENT_UPLOADS]
    )
    return TemplateResponse(
        request,
        "regulations/admin/upload.html",
        {
            "form": form,
            "max_size": filesizeformat(max_upload_bytes()),
            "recent": recent,
            "default_index": indexes[0],
        },
    )


def _store_and_extract(request, upload_file, index, type_code: str):
    same = RegulationDocument.objects.filter(file_hash=hash_filelike(upload_file)).order_by("pk").first()
    upload_file.seek(0)
    if same is not None:
        page = RegulationPage.objects.filter(document=same).order_by("pk").first()
        if page is not None:
            messages.warning(
                request,
                _("Berkas yang sama sudah diunggah untuk '%(t)s'; tidak ada yang dibuat.")
                % {"t": page.title},
            )
            return redirect("regulations_review", page.pk)
        messages.warning(
            request,
            _("Berkas yang sama sudah pernah diunggah (dokumen #%(d)s); dokumen itu dipakai.")
            % {"d": same.pk},
        )
        return redirect(status_url(same, index, type_code))
    document = RegulationDocument(
        title=upload_file.name.rsplit(".", 1)[0].replace("_", " ")[:255] or _("Peraturan"),
        collection=Collection.get_first_root_node(),
        uploaded_by_user=request.user,
    )
    setattr(document, SKIP_EXTRACTION_ATTR, True)  # extracted below, not by the save signal
    document.file = upload_file
    document._set_document_file_metadata()
    document.save()
    foreground = not extracts_in_background() and isinstance(
        extract_document_task.get_backend(), ImmediateBackend
    )
    # Elsewhere the extraction must see the committed document; here it runs now, in this request.
    request_extraction(document.pk, requested_by_id=request.user.pk, after_commit=not foreground)
    if foreground:
        document.refresh_from_db()
        return _advance(request, document, index, type_code)
    return redirect(status_url(document, index, type_code))


def _advance(request, document, index, type_code: str):
    """Go on from a stored upload: to its regulation's review page (making the draft when the
    extraction has finished), else to the status page, which says why there is none yet."""
    page = RegulationPage.objects.filter(document=document).order_by("pk").first()
    if page is not None:
        return redirect("regulations_review", page.pk)
    if document.extraction_status == ExtractionStatus.DONE:
        response, _result = _draft(request, document, index, type_code)
        if response is not None:
            return response
    return redirect(status_url(document, index, type_code))


def _draft(request, document, index, type_code: str):
    """Make the draft: (the redirect to its review page, result), or (None, result) with the reasons."""
    with transaction.atomic():
        result = draft_from_document(document, index=index, user=request.user, type_code=type_code)
    if result.status != CREATED:
        return None, result
    title = RegulationPage.objects.filter(pk=result.page_id).values_list("title", flat=True).first()
    messages.success(
        request,
        _("Draf '%(t)s' dibuat dari PDF. Periksa usulannya di samping berkas, lalu terapkan.") % {"t": title},
    )
    return redirect("regulations_review", result.page_id), result


def upload_status(request, document_id):
    """Where an upload stands: extraction progress (reloading itself), or why no draft was made."""
    indexes = upload_indexes(request.user)
    if not indexes:
        raise PermissionDenied
    document = get_object_or_404(RegulationDocument, pk=document_id)
    index = next((i for i in indexes if str(i.pk) == request.GET.get("induk", "")), indexes[0])
    rtype = RegulationType.objects.filter(code=request.GET.get("jenis", "")).first()
    type_code = rtype.code if rtype else ""
    page = RegulationPage.objects.filter(document=document).order_by("pk").first()
    if page is not None:
        return redirect("regulations_review", page.pk)
    run = live_run(document)  # sweeps a dead run first, so a stuck extraction shows as failed
    result = None
    if run is None and document.extraction_status == ExtractionStatus.DONE:
        response, result = _draft(request, document, index, type_code)
        if response is not None:
            return response
        # A view that ran at the same time may have made the draft (this one then found it "exists").
        page = RegulationPage.objects.filter(document=document).order_by("pk").first()
        if page is not None:
            return redirect("regulations_review", page.pk)
    existing = None
    if result is not None and result.status == EXISTS and result.existing_id:
        existing = RegulationPage.objects.filter(pk=result.existing_id).first()
    return TemplateResponse(
        request,
        "regulations/admin/upload_status.html",
        {
            "document": document,
            "run": run,
            "waiting": run is not None or document.extraction_status not in FINISHED,
            "result": result,
            "existing": existing,
            "index": index,
            "add_url": reverse("wagtailadmin_pages:add", args=["regulations", "regulationpage", index.pk]),
        },
    )


@xframe_options_sameorigin
def document_pdf(request, document_id):
    """The PDF itself, inline and framable by the admin's own pages (the review page shows it)."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if not visibility.document_visible_to(request, document):
        raise PermissionDenied
    try:
        handle = document.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404(_("Berkas dokumen tidak ditemukan.")) from exc
    # Inline (not as an attachment), so that the browser's PDF viewer shows it in the frame.
    return FileResponse(handle, content_type="application/pdf", filename=document.filename)
