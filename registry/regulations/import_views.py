"""The JDIHN import in the admin, for the legal bureau: upload a feed, read the dry run, confirm.

The uploaded feed waits between the two steps in an ``ImportRun`` row (state *staged*, owned by the
uploader), never in the form: the confirmation posts only the run's id. Staged runs older than a day
are dropped on the next upload.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from registry.permissions import BAGIAN_HUKUM

from .importers.source import SourceError, feed_max_bytes, parse_feed
from .importers.writer import ImportFailure, ImportOptions, run_import
from .models import ImportProposal, ImportRecord, ImportRun

STAGED_LIFETIME = timedelta(days=1)


def can_import(user) -> bool:
    """The legal bureau (Bagian Hukum) and superusers import feeds and review what they propose."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=BAGIAN_HUKUM).exists()


def _require_importer(request) -> None:
    if not can_import(request.user):
        raise PermissionDenied


class JdihnUploadForm(forms.Form):
    """The feed file and the options of the command that make sense in the admin."""

    berkas = forms.FileField(
        label=gettext_lazy("Berkas umpan JDIHN (JSON)"),
        help_text=gettext_lazy("Larik JSON seperti yang diterbitkan situs JDIH untuk Pusat JDIHN."),
    )
    wilayah = forms.CharField(
        label=gettext_lazy("Wilayah bawaan"),
        required=False,
        max_length=120,
        help_text=gettext_lazy("Dipakai untuk catatan yang tidak menyebut wilayahnya."),
    )
    draft = forms.BooleanField(label=gettext_lazy("Buat sebagai draf (tidak diterbitkan)"), required=False)
    overwrite = forms.BooleanField(
        label=gettext_lazy("Timpa nilai di registri yang berbeda dengan umpan"), required=False
    )

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        limit = feed_max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("Ukuran berkas %(size)s melebihi batas %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        body = upload.read()
        try:
            self.records = parse_feed(body)
        except SourceError as exc:
            raise forms.ValidationError(str(exc)) from exc
        self.text = body.decode("utf-8-sig")
        return upload


def _options(run: ImportRun, **overrides) -> ImportOptions:
    stored = run.options or {}
    return ImportOptions(
        draft=bool(stored.get("draft")),
        overwrite=bool(stored.get("overwrite")),
        wilayah=stored.get("wilayah", ""),
        **overrides,
    )


def upload(request):
    """Step 1 and 2: the upload form, then the dry run's report with a button to confirm."""
    _require_importer(request)
    report = run = None
    if request.method == "POST":
        form = JdihnUploadForm(request.POST, request.FILES)
        if form.is_valid():
            ImportRun.objects.filter(
                state=ImportRun.State.STAGED, created_at__lt=timezone.now() - STAGED_LIFETIME
            ).delete()
            run = ImportRun.objects.create(
                source=form.cleaned_data["berkas"].name[:500],
                state=ImportRun.State.STAGED,
                user=request.user,
                payload=form.text,
                options={
                    "wilayah": form.cleaned_data["wilayah"],
                    "draft": form.cleaned_data["draft"],
                    "overwrite": form.cleaned_data["overwrite"],
                },
            )
            try:
                report = run_import(form.records, _options(run, dry_run=True, user=request.user))
            except ImportFailure as exc:
                run.delete()
                run = None
                messages.error(request, str(exc))
    else:
        form = JdihnUploadForm(initial={"wilayah": settings.REGISTRY_CITY_NAME})
    return TemplateResponse(
        request,
        "regulations/admin/jdihn_import.html",
        {
            "form": form,
            "report": report,
            "results": _shown_results(report.sorted_results()) if report else [],
            "run": run,
            "pending_proposals": ImportProposal.objects.filter(state=ImportProposal.State.PENDING).count(),
            "max_size": filesizeformat(feed_max_bytes()),
            "recent_runs": ImportRun.objects.exclude(state=ImportRun.State.STAGED)[:10],
        },
    )


def _shown_results(results):
    """Rows worth showing: everything but unchanged records with nothing to say."""
    return [r for r in results if r.outcome != ImportRecord.Outcome.UNCHANGED or r.reasons]


@require_POST
def confirm(request, run_id):
    """Step 3: run the staged import for real, then show what it did."""
    _require_importer(request)
    run = get_object_or_404(ImportRun, pk=run_id, user=request.user)
    if run.state != ImportRun.State.STAGED:
        messages.warning(request, _("Impor ini sudah dijalankan."))
        return redirect("regulations_jdihn_import_result", run.pk)
    try:
        records = parse_feed(run.payload.encode("utf-8"))
        run.state = ImportRun.State.RUNNING
        run.save(update_fields=["state"])
        report = run_import(records, _options(run, user=request.user), run=run)
    except (SourceError, ImportFailure) as exc:
        run.state, run.message, run.payload = ImportRun.State.FAILED, str(exc), ""
        run.save(update_fields=["state", "message", "payload"])
        messages.error(request, str(exc))
        return redirect("regulations_jdihn_import")
    messages.success(request, report.summary())
    return redirect("regulations_jdihn_import_result", run.pk)


def result(request, run_id):
    """What a finished import did to each record."""
    _require_importer(request)
    run = get_object_or_404(ImportRun, pk=run_id)
    records = run.records.select_related("regulation")
    return TemplateResponse(
        request,
        "regulations/admin/jdihn_import_result.html",
        {
            "run": run,
            "records": [r for r in records if r.outcome != ImportRecord.Outcome.UNCHANGED or r.reason],
            "counts": [(label, run.counts.get(value, 0)) for value, label in ImportRecord.Outcome.choices],
            "pending_proposals": ImportProposal.objects.filter(
                run=run, state=ImportProposal.State.PENDING
            ).count(),
        },
    )
