"""Database builders for coverage tests: a fully regulated service and its regulations."""

from dataclasses import dataclass

from django.utils import timezone

from registry.coverage.models import ServiceCoverage
from registry.regulations.choices import RelationKind
from registry.services.models import LegalBasis, LegalBasisRole, ServiceChannel, ServiceSOP
from tests import factories

COMPLETE_FIELDS = {
    "time_value": 5,
    "time_unit": "hari_kerja",
    "cost_kind": "gratis",
    "product": "Akta kelahiran",
    "complaint_procedure": "Sampaikan melalui SP4N-LAPOR!",
    "facilities": "Ruang tunggu",
    "staff_competency": "Memahami administrasi kependudukan",
    "internal_supervision": "Kepala bidang",
    "staff_count": 3,
    "service_guarantee": "Maklumat pelayanan",
    "safety_guarantee": "Data dijaga kerahasiaannya",
    "performance_evaluation": "Survei kepuasan tiap semester",
    "delivery_published": True,
}


@dataclass
class Regulations:
    """The regulations a complete service relies on."""

    perda: object
    perwal: object
    sk_sp: object


def regulations(unit_label="1"):
    """A Perda implemented by a Perwal on electronic delivery, and a current SK Standar Pelayanan."""
    perda = factories.regulation("PERDA", tentang=f"Penyelenggaraan Administrasi Kependudukan {unit_label}")
    perwal = factories.regulation("PERWAL", tentang="Pelayanan Administrasi Kependudukan secara Elektronik")
    factories.relate(perwal, perda, RelationKind.MELAKSANAKAN)
    sk_sp = factories.regulation(
        "KEP_KEPALA_PD", tahun=timezone.localdate().year, tentang="Standar Pelayanan Disdukcapil"
    )
    return Regulations(perda, perwal, sk_sp)


def complete_service(unit=None, regs=None, title=None, **fields):
    """A published service that passes every rule, linked to ``regs`` (built when not given)."""
    regs = regs or regulations()
    page = factories.service(
        unit=unit,
        title=title,
        requirements=["KTP orang tua"],
        steps=["Mengisi formulir"],
        bases=[(regs.perda, ""), (regs.perwal, "")],
        **{**COMPLETE_FIELDS, **fields},
    )
    page.legal_bases.add(
        LegalBasis(regulation=regs.sk_sp, role=LegalBasisRole.SK_STANDAR_PELAYANAN, sort_order=9)
    )
    page.sops.add(
        ServiceSOP(
            nomor="SOP/1",
            judul="Penerbitan akta",
            tanggal_efektif=timezone.localdate(),
            disahkan_nama="Kepala Dinas",
            disahkan_jabatan="Kepala Dinas",
            regulation=regs.sk_sp,
        )
    )
    page.channels.add(ServiceChannel(kind="daring", name="Portal", url="https://example.org"))
    page.save_revision().publish()
    page.refresh_from_db()
    return page, regs


def coverage_of(page):
    """The stored coverage of a service page."""
    return ServiceCoverage.objects.get(service_id=page.pk)


def codes_of(page):
    """The rule codes of a service's stored findings."""
    return sorted(coverage_of(page).findings.values_list("code", flat=True))
