"""The SPBE evidence pack ("data dukung"): services, their regulations and their SK Standar Pelayanan.

:func:`build_evidence` gathers everything in four queries; :func:`write_xlsx` and the print view
present it. Both views are dated and gated by ``coverage.view_servicecoverage``.
"""

import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _t
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from registry.regulations import effective
from registry.regulations.choices import Status
from registry.services.components import Component
from registry.services.models import LegalBasis, LegalBasisRole, ServicePage, ServiceSOP

from . import display, engine
from .models import ServiceCoverage

_ROLE_LABELS = dict(LegalBasisRole.choices)
_STATUS_LABELS = dict(Status.choices)
_COMPONENT_LABELS = dict(Component.choices)


@dataclass
class EvidenceRow:
    """One service and everything an assessor asks to see about it."""

    service: ServicePage
    coverage_status: str = ""
    sk_sp: list = field(default_factory=list)
    bases: list = field(default_factory=list)
    sops: list = field(default_factory=list)

    @property
    def coverage_label(self) -> str:
        return display.status_label(self.coverage_status) if self.coverage_status else _t("Belum dihitung")


@dataclass
class Evidence:
    """The evidence pack as of one date."""

    as_of: date
    city: str
    rows: list[EvidenceRow]


def build_evidence(as_of: date | None = None) -> Evidence:
    """Gather live services with their links, SOPs and coverage status (four queries).

    With ``as_of`` before or after today, the coverage is computed as of that date
    (:func:`registry.coverage.engine.compute_as_of`, not stored) and each regulation carries its
    status on that date (``as_of_status`` / ``as_of_status_label``).
    """
    today = effective.today()
    past = as_of is not None and as_of != today
    services = list(ServicePage.objects.live().select_related("opd").order_by("opd__title", "title"))
    rows = {service.pk: EvidenceRow(service) for service in services}
    if past:
        coverages, _findings, _statuses = engine.compute_as_of(as_of, list(rows))
        for coverage in coverages:
            rows[coverage.service_id].coverage_status = coverage.status
    else:
        for service_id, status in ServiceCoverage.objects.filter(service_id__in=rows).values_list(
            "service_id", "status"
        ):
            rows[service_id].coverage_status = status
    links = (
        LegalBasis.objects.filter(page_id__in=rows)
        .select_related("regulation__regulation_type")
        .order_by("page_id", "sort_order")
    )
    for link in links:
        target = (
            rows[link.page_id].sk_sp
            if link.role == LegalBasisRole.SK_STANDAR_PELAYANAN
            else rows[link.page_id].bases
        )
        target.append(link)
    sops = defaultdict(list)
    for sop in ServiceSOP.objects.filter(page_id__in=rows).select_related("regulation__regulation_type"):
        sops[sop.page_id].append(sop)
    for service_id, items in sops.items():
        rows[service_id].sops = items
    if past:
        _mark_statuses_as_of(rows.values(), as_of)
    return Evidence(as_of or today, settings.REGISTRY_CITY_NAME, list(rows.values()))


def _mark_statuses_as_of(rows, as_of: date) -> None:
    """Give every regulation the rows name its status on ``as_of`` (one status query for all)."""
    regulations = [link.regulation for row in rows for link in (*row.sk_sp, *row.bases)]
    regulations += [sop.regulation for row in rows for sop in row.sops if sop.regulation is not None]
    statuses = effective.statuses_on({regulation.pk for regulation in regulations}, as_of)
    for regulation in regulations:
        regulation.as_of_status = statuses.get(regulation.pk, regulation.status)
        regulation.as_of_status_label = effective.status_label(regulation.as_of_status)


def status_text(regulation) -> str:
    """The regulation's status in the pack: as of the pack's date when marked, else the stored one."""
    if getattr(regulation, "as_of_status", None):
        return regulation.as_of_status_label
    return str(_STATUS_LABELS.get(regulation.status, regulation.status))


def _regulation_cells(regulation):
    return [
        regulation.regulation_type.name,
        regulation.nomor,
        regulation.tahun,
        regulation.tentang,
        regulation.tanggal_penetapan,
        status_text(regulation),
    ]


def _sheet(workbook, title, evidence, headings, rows, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append([_t("Data dukung SPBE: %(city)s") % {"city": evidence.city}])
    sheet.append([_t("Per tanggal %(date)s") % {"date": evidence.as_of.isoformat()}])
    sheet.append([])
    sheet.append(headings)
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A5"
    return sheet


def write_xlsx(evidence: Evidence) -> bytes:
    """The evidence pack as an XLSX workbook: services, legal bases and SOPs on three sheets."""
    workbook = Workbook()
    service_rows, basis_rows, sop_rows = [], [], []
    for n, row in enumerate(evidence.rows, 1):
        service, opd = row.service, row.service.opd.title if row.service.opd else ""
        sk = row.sk_sp[0].regulation if row.sk_sp else None
        service_rows.append(
            [
                n,
                opd,
                service.title,
                row.coverage_label,
                sk.short_title() if sk else "",
                sk.nomor if sk else "",
                sk.tanggal_penetapan if sk else None,
                len(row.bases),
                ", ".join(sop.nomor for sop in row.sops),
            ]
        )
        for link in [*row.sk_sp, *row.bases]:
            basis_rows.append(
                [
                    opd,
                    service.title,
                    str(_ROLE_LABELS.get(link.role, link.role)),
                    *_regulation_cells(link.regulation),
                    link.provision,
                    str(_COMPONENT_LABELS.get(link.component, "")),
                ]
            )
        for sop in row.sops:
            reg = sop.regulation
            sop_rows.append(
                [
                    opd,
                    service.title,
                    sop.nomor,
                    sop.judul,
                    sop.tanggal_efektif,
                    reg.short_title() if reg else "",
                    status_text(reg) if reg else "",
                ]
            )
    _sheet(
        workbook,
        _t("Layanan"),
        evidence,
        [
            _t("No"),
            _t("Perangkat daerah"),
            _t("Layanan"),
            _t("Status cakupan"),
            _t("SK Standar Pelayanan"),
            _t("Nomor SK"),
            _t("Tanggal penetapan SK"),
            _t("Jumlah dasar hukum"),
            _t("Nomor SOP"),
        ],
        service_rows,
        first=True,
    )
    _sheet(
        workbook,
        _t("Dasar hukum"),
        evidence,
        [
            _t("Perangkat daerah"),
            _t("Layanan"),
            _t("Peran"),
            _t("Jenis"),
            _t("Nomor"),
            _t("Tahun"),
            _t("Tentang"),
            _t("Tanggal penetapan"),
            _t("Status"),
            _t("Pasal"),
            _t("Komponen"),
        ],
        basis_rows,
    )
    _sheet(
        workbook,
        _t("SOP"),
        evidence,
        [
            _t("Perangkat daerah"),
            _t("Layanan"),
            _t("Nomor SOP"),
            _t("Judul SOP"),
            _t("Tanggal efektif"),
            _t("Ditetapkan dengan"),
            _t("Status penetapan"),
        ],
        sop_rows,
    )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _requested_date(request):
    """``?tanggal=YYYY-MM-DD`` (today when absent); raises ``effective.InvalidDate``."""
    return effective.parse_as_of(request.GET.get("tanggal"))


@permission_required("coverage.view_servicecoverage", raise_exception=True)
def evidence_xlsx(request):
    """Download the evidence pack as XLSX, dated today or ``?tanggal=YYYY-MM-DD``."""
    try:
        evidence = build_evidence(_requested_date(request))
    except effective.InvalidDate as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    response = HttpResponse(
        write_xlsx(evidence), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="data-dukung-spbe-{evidence.as_of:%Y-%m-%d}.xlsx"'
    )
    return response


@permission_required("coverage.view_servicecoverage", raise_exception=True)
def evidence_print(request):
    """The evidence pack as a printable HTML page, dated today or ``?tanggal=YYYY-MM-DD``."""
    try:
        evidence = build_evidence(_requested_date(request))
    except effective.InvalidDate as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    return render(request, "coverage/evidence_print.html", {"evidence": evidence})
