"""``/api/v1/coverage/``: the stored coverage results for the city, one OPD and one service.

Read from the results the coverage engine stores (``ServiceCoverage`` and ``Finding``); nothing is
recomputed. Only public services count, by the one rule of :mod:`registry.visibility`, and a service's
findings are the ones its public page shows (warnings and critical findings, not information).
"""

from datetime import datetime

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Path, Router, Schema

from registry.coverage.display import severity_label, status_label
from registry.coverage.models import Finding, ServiceCoverage
from registry.coverage.rulebase import Severity
from registry.coverage.summary import Totals
from registry.visibility import hidden_section_paths, public_q

from .common import ERRORS, MAX_ID, OpdRef, ServiceRef, not_found, opd_ref, reject_unknown, service_ref
from .service_records import no_such, opd_queryset

router = Router(tags=["Cakupan regulasi"])


class TotalsOut(Schema):
    total: int = Field(description=gettext_noop("Jumlah layanan yang dinilai."))
    lengkap: int = Field(description=gettext_noop("Layanan dengan regulasi lengkap."))
    sebagian: int = Field(description=gettext_noop("Layanan dengan regulasi sebagian."))
    belum: int = Field(description=gettext_noop("Layanan yang regulasinya belum lengkap."))
    percent_lengkap: float = Field(description=gettext_noop("Persentase lengkap (satu desimal)."))
    percent_sebagian: float = Field(description=gettext_noop("Persentase sebagian (satu desimal)."))
    percent_belum: float = Field(description=gettext_noop("Persentase belum lengkap (satu desimal)."))


class OpdTotalsOut(TotalsOut):
    opd: OpdRef = Field(description=gettext_noop("Perangkat daerah."))


class CityCoverage(Schema):
    city: TotalsOut = Field(description=gettext_noop("Cakupan seluruh kota."))
    opd: list[OpdTotalsOut] = Field(description=gettext_noop("Cakupan per perangkat daerah, urut nama."))


class ServiceStatusOut(Schema):
    service: ServiceRef = Field(description=gettext_noop("Layanan."))
    status: str = Field(description=gettext_noop("lengkap, sebagian atau belum."))
    status_label: str = Field(description=gettext_noop("Nama status."))


class OpdCoverage(TotalsOut):
    opd: OpdRef = Field(description=gettext_noop("Perangkat daerah."))
    services: list[ServiceStatusOut] = Field(description=gettext_noop("Status tiap layanan, urut nama."))


class FindingOut(Schema):
    code: str = Field(description=gettext_noop("Kode aturan cakupan."))
    title: str = Field(description=gettext_noop("Judul aturan."))
    severity: str = Field(description=gettext_noop("Tingkat: critical atau warning."))
    severity_label: str = Field(description=gettext_noop("Nama tingkat."))
    message: str = Field(description=gettext_noop("Apa yang kurang, dalam bahasa Indonesia."))


class ServiceCoverageOut(Schema):
    service: ServiceRef = Field(description=gettext_noop("Layanan."))
    status: str = Field(description=gettext_noop("lengkap, sebagian atau belum."))
    status_label: str = Field(description=gettext_noop("Nama status."))
    computed_at: datetime = Field(description=gettext_noop("Waktu penilaian."))
    findings: list[FindingOut] = Field(
        description=gettext_noop("Temuan yang ditampilkan di halaman layanan.")
    )


def _totals_dict(totals: Totals) -> dict:
    return {
        "total": totals.total,
        "lengkap": totals.lengkap,
        "sebagian": totals.sebagian,
        "belum": totals.belum,
        "percent_lengkap": totals.percent_lengkap,
        "percent_sebagian": totals.percent_sebagian,
        "percent_belum": totals.percent_belum,
    }


def public_coverage(hidden):
    """Stored coverage rows of live, public services."""
    return ServiceCoverage.objects.filter(live=True).filter(public_q("service__", hidden))


@router.get("/", response={200: CityCoverage, **ERRORS}, summary="Cakupan kota")
def city_coverage(request):
    """Kelengkapan regulasi layanan untuk seluruh kota dan per perangkat daerah."""
    reject_unknown(request, ())
    hidden = hidden_section_paths()
    counts = public_coverage(hidden).values_list("opd_id", "status").annotate(n=Count("pk")).order_by()
    city, per_opd = Totals(), {}
    for opd_id, status, n in counts:
        for scope in (city, per_opd.setdefault(opd_id, Totals(opd_id=opd_id))):
            setattr(scope, status, getattr(scope, status) + n)
    units = opd_queryset(hidden).filter(pk__in=[pk for pk in per_opd if pk])
    return {
        "city": _totals_dict(city),
        "opd": [{**_totals_dict(per_opd[unit.pk]), "opd": opd_ref(unit, request)} for unit in units],
    }


@router.get("/opd/{id}", response={200: OpdCoverage, **ERRORS}, summary="Cakupan satu perangkat daerah")
def opd_coverage(
    request, id: int = Path(..., ge=1, le=MAX_ID, description=gettext_noop("ID perangkat daerah."))
):
    """Kelengkapan regulasi layanan satu perangkat daerah, dengan status tiap layanan."""
    reject_unknown(request, ())
    hidden = hidden_section_paths()
    unit = opd_queryset(hidden).filter(pk=id).first()
    if unit is None:
        raise not_found(no_such(_("Perangkat daerah")))
    rows = (
        public_coverage(hidden)
        .filter(service__opd=unit)
        .select_related("service")
        .order_by("service__title", "service_id")
    )
    totals, services = Totals(), []
    for row in rows:
        setattr(totals, row.status, getattr(totals, row.status) + 1)
        services.append(
            {
                "service": service_ref(row.service, request),
                "status": row.status,
                "status_label": status_label(row.status),
            }
        )
    return {**_totals_dict(totals), "opd": opd_ref(unit, request), "services": services}


@router.get("/services/{id}", response={200: ServiceCoverageOut, **ERRORS}, summary="Cakupan satu layanan")
def service_coverage(request, id: int = Path(..., ge=1, le=MAX_ID, description=gettext_noop("ID layanan."))):
    """Kelengkapan regulasi satu layanan dengan temuan yang ditampilkan di halaman layanan."""
    reject_unknown(request, ())
    hidden = hidden_section_paths()
    row = public_coverage(hidden).filter(service_id=id).select_related("service").first()
    if row is None:
        raise not_found(
            _("Layanan dengan ID itu tidak ditemukan, tidak terbuka untuk umum, atau belum dinilai.")
        )
    findings = Finding.objects.filter(coverage=row).exclude(severity=Severity.INFO).order_by("id")
    return {
        "service": service_ref(row.service, request),
        "status": row.status,
        "status_label": status_label(row.status),
        "computed_at": row.computed_at,
        "findings": [
            {
                "code": item.code,
                "title": item.title,
                "severity": item.severity,
                "severity_label": severity_label(item.severity),
                "message": item.message,
            }
            for item in findings
        ],
    }
