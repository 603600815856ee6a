"""Importing services from an SK Standar Pelayanan PDF in the admin: upload, review, confirm.

The PDF is checked like every upload (``validate_pdf_upload``), read in the extraction's child
processes, and its proposals (per service, per component) wait in the user's session; the
confirmation posts the token, the chosen services, their titles and the ticked components. Who may
import into which OPD is the spreadsheet import's rule (``editable_units``), checked again when
writing. Services become drafts under the OPD page; nothing is published.
"""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.regulations.forms import validate_pdf_upload

from .import_views import _require_importer
from .importers.resolve import editable_units
from .importers.sp_decree import DELIVERY
from .importers.sp_import import UnreadablePdf, component_label, import_proposal, read_proposal

SESSION_KEY = "services_sp_decree"


class DecreeUploadForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("SK Standar Pelayanan (PDF)"),
        help_text=gettext_lazy(
            "Keputusan penetapan Standar Pelayanan beserta lampirannya, atau lembar Standar Pelayanan."
        ),
    )
    opd = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Perangkat daerah"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import PerangkatDaerahPage

        units = editable_units(user)
        self.fields["opd"].queryset = PerangkatDaerahPage.objects.filter(
            pk__in=[unit.pk for unit in units]
        ).order_by("title")

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        validate_pdf_upload(upload)
        upload.seek(0)
        self.data_bytes = upload.read()
        return upload


def _sections(service: dict) -> list[dict]:
    rows = []
    for code in DELIVERY:
        section = service["sections"].get(code)
        rows.append(
            {
                "code": code,
                "label": component_label(code),
                "found": section is not None,
                "readable": bool(section and section["readable"]),
                "items": section["items"] if section else [],
                "text": section["text"] if section else "",
                "skipped": section["skipped"] if section else [],
                "diagram": bool(section and section["diagram"]),
            }
        )
    return rows


def _render(request, form, proposal=None, token="", report=None, status=200):
    services = []
    if proposal:
        for index, service in enumerate(proposal["services"]):
            services.append({"index": index, "title": service["title"], "sections": _sections(service)})
    return TemplateResponse(
        request,
        "services/admin/import_sp_decree.html",
        {
            "form": form,
            "proposal": proposal,
            "services": services,
            "token": token,
            "report": report,
            "rows": report.rows() if report else [],
            "done": bool(report and report.written),
        },
        status=status,
    )


def upload(request):
    """Step 1 and 2: the upload form, then what was read, per service and component."""
    _require_importer(request)
    if request.method != "POST":
        request.session.pop(SESSION_KEY, None)
        return _render(request, DecreeUploadForm(user=request.user))
    form = DecreeUploadForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        return _render(request, form)
    try:
        proposal = read_proposal(form.data_bytes)
    except UnreadablePdf as exc:
        form.add_error("berkas", ValidationError(_("PDF tidak dapat dibaca: %(reason)s") % {"reason": exc}))
        return _render(request, form)
    if not proposal["services"]:
        form.add_error(
            "berkas",
            _(
                "Tidak ditemukan komponen Standar Pelayanan (Persyaratan, Prosedur, Jangka Waktu, Biaya/Tarif, "
                "Produk, Pengaduan) dalam PDF ini. Periksa apakah berkasnya SK Standar Pelayanan beserta lampirannya."
            ),
        )
        return _render(request, form)
    unit = form.cleaned_data["opd"]
    proposal["unit_id"], proposal["unit_title"] = unit.pk, unit.title
    token = uuid.uuid4().hex
    request.session[SESSION_KEY] = {"token": token, "proposal": proposal}
    return _render(request, form, proposal, token)


def _choices(post, proposal) -> dict[int, dict]:
    choices = {}
    for index, _service in enumerate(proposal["services"]):
        if post.get(f"service-{index}") != "on":
            continue
        components = {code for code in DELIVERY if post.get(f"component-{index}-{code}") == "on"}
        choices[index] = {"title": post.get(f"title-{index}", "").strip()[:255], "components": components}
    return choices


def confirm(request):
    """Step 3: write the chosen services and components as drafts, and show what was done."""
    _require_importer(request)
    if request.method != "POST":
        return redirect("services_sp_decree")
    staged = request.session.get(SESSION_KEY)
    if not staged or staged.get("token") != request.POST.get("token"):
        messages.warning(request, _("Tidak ada impor yang menunggu konfirmasi. Unggah PDF-nya lagi."))
        return redirect("services_sp_decree")
    proposal = staged["proposal"]
    unit = next((u for u in editable_units(request.user) if u.pk == proposal["unit_id"]), None)
    if unit is None:
        raise PermissionDenied
    report = import_proposal(proposal, unit, _choices(request.POST, proposal), user=request.user)
    if report.written:
        del request.session[SESSION_KEY]
        messages.success(request, report.summary())
        return _render(request, DecreeUploadForm(user=request.user), report=report)
    messages.error(request, report.summary())
    # The proposal stays in the session: the editor corrects the choice and confirms again.
    return _render(request, DecreeUploadForm(user=request.user), proposal, staged["token"], report)
