"""Importing services from a spreadsheet in the admin: upload, read the dry run, confirm.

For OPD editors (into the OPDs whose pages they may edit, checked row by row with Wagtail's page
permission policy) and the legal bureau (into any OPD). The uploaded file waits between the dry run
and the confirmation in the user's session, never in the form: the confirmation posts only a token.
"""

import base64
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .importers.resolve import editable_units, is_importer_for_all
from .importers.sheet import build_template
from .importers.writer import import_services

SESSION_KEY = "services_import"
MAX_BYTES = 2 * 1024 * 1024
TEMPLATE_NAME = "templat-impor-layanan.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_import(user) -> bool:
    """Superusers, the legal bureau, and editors who may add services under at least one OPD."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_importer_for_all(user) or bool(editable_units(user))


def _require_importer(request) -> None:
    if not can_import(request.user):
        raise PermissionDenied


class ServicesUploadForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Lembar Standar Pelayanan (.xlsx atau .csv)"),
        help_text=gettext_lazy(
            "Satu layanan per baris; satu persyaratan atau langkah per baris di dalam sel."
        ),
    )

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Unggah berkas .xlsx atau .csv."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Ukuran berkas %(size)s melebihi batas %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)}
            )
        self.data_bytes = upload.read()
        return upload


def _render(request, form, report=None, token="", done=False, status=200):
    return TemplateResponse(
        request,
        "services/admin/import.html",
        {
            "form": form,
            "report": report,
            "rows": report.rows() if report else [],
            "token": token,
            "done": done,
            "units": editable_units(request.user),
            "all_units": is_importer_for_all(request.user),
            "max_size": filesizeformat(MAX_BYTES),
        },
        status=status,
    )


def upload(request):
    """Step 1 and 2: the upload form, then the dry run's report with a button to confirm."""
    _require_importer(request)
    if request.method != "POST":
        request.session.pop(SESSION_KEY, None)
        return _render(request, ServicesUploadForm())
    form = ServicesUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, form)
    name = form.cleaned_data["berkas"].name
    report = import_services(name, form.data_bytes, user=request.user, dry_run=True)
    token = ""
    if report.ok:
        token = uuid.uuid4().hex
        request.session[SESSION_KEY] = {
            "token": token,
            "name": name,
            "data": base64.b64encode(form.data_bytes).decode("ascii"),
        }
    else:
        request.session.pop(SESSION_KEY, None)
    return _render(request, ServicesUploadForm(), report, token)


@require_POST
def confirm(request):
    """Step 3: import the file kept in the session, all or nothing, and show what was done."""
    _require_importer(request)
    staged = request.session.get(SESSION_KEY)
    if not staged or staged.get("token") != request.POST.get("token"):
        messages.warning(request, _("Tidak ada impor yang menunggu konfirmasi. Unggah berkasnya lagi."))
        return redirect("services_import")
    del request.session[SESSION_KEY]
    report = import_services(staged["name"], base64.b64decode(staged["data"]), user=request.user)
    if report.written:
        messages.success(request, report.summary())
    else:
        messages.error(request, report.summary())
    return _render(request, ServicesUploadForm(), report, done=report.written)


def template(request):
    """The XLSX template with the expected columns and an example row."""
    _require_importer(request)
    response = HttpResponse(build_template(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
    return response
