"""``/api/v1/services/`` and ``/api/v1/opd/``: the service catalogue and the Perangkat Daerah."""

from datetime import date, datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Path, Query, Router, Schema

from registry.services.models import LifeEvent, OPDKind, ServiceCategory
from registry.visibility import hidden_section_paths, public_pages

from .common import (
    DEFAULT_PAGE_SIZE,
    ERRORS,
    MAX_ID,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    PAGE_PARAMS,
    SLUG_PATTERN,
    OpdRef,
    PageMeta,
    RegulationRef,
    ServiceRef,
    no_such_value,
    not_found,
    note_last_modified,
    opd_ref,
    paginate,
    reject_unknown,
    service_ref,
)
from .service_records import no_such, opd_queryset, opd_record, service_records, services_queryset

router = Router(tags=["Layanan"])
opd_router = Router(tags=["Perangkat daerah"])


class Taxon(Schema):
    slug: str = Field(description=gettext_noop("Slug kategori atau peristiwa kehidupan (dipakai filter)."))
    name: str = Field(description=gettext_noop("Nama kategori atau peristiwa kehidupan."))


class ComponentState(Schema):
    code: str = Field(description=gettext_noop("Kode komponen Standar Pelayanan (PermenPANRB 15/2014)."))
    label: str = Field(description=gettext_noop("Nama komponen."))
    filled: bool = Field(description=gettext_noop("Apakah layanan ini sudah mengisi komponen tersebut."))


class Requirement(Schema):
    text: str = Field(description=gettext_noop("Komponen 1: satu persyaratan."))
    mandatory: bool = Field(description=gettext_noop("Apakah persyaratan ini wajib."))
    condition: str = Field(
        description=gettext_noop("Keadaan yang membuat persyaratan ini berlaku; kosong bila selalu berlaku.")
    )
    note: str = Field(description=gettext_noop("Catatan persyaratan."))


class TariffOut(Schema):
    label: str = Field(description=gettext_noop("Uraian baris tabel tarif."))
    amount: int | None = Field(description=gettext_noop("Tarif dalam rupiah; kosong bila berupa persentase."))
    unit: str = Field(description=gettext_noop("Satuan atau keterangan tarif."))


class Step(Schema):
    title: str = Field(description=gettext_noop("Komponen 2: satu langkah prosedur."))
    description: str = Field(description=gettext_noop("Uraian langkah."))


class ComplaintChannelOut(Schema):
    kind: str = Field(description=gettext_noop("Jenis saluran pengaduan (lapor, telepon, surel …)."))
    kind_label: str = Field(description=gettext_noop("Nama jenis saluran pengaduan."))
    value: str = Field(description=gettext_noop("Alamat atau nomor saluran pengaduan."))


class ChannelOut(Schema):
    kind: str = Field(description=gettext_noop("Jenis saluran layanan: kantor, daring, mpp."))
    kind_label: str = Field(description=gettext_noop("Nama jenis saluran layanan."))
    name: str = Field(description=gettext_noop("Nama tempat atau aplikasi layanan."))
    address: str = Field(description=gettext_noop("Alamat kantor."))
    hours: str = Field(description=gettext_noop("Jam layanan."))
    url: str = Field(description=gettext_noop("Alamat web layanan daring."))


class LegalBasisOut(Schema):
    regulation: RegulationRef = Field(description=gettext_noop("Peraturan yang menjadi dasar hukum."))
    provision: str = Field(
        description=gettext_noop("Pasal yang dirujuk, misalnya 'Pasal 5 ayat (2)'; kosong bila seluruhnya.")
    )
    anchor: str = Field(
        description=gettext_noop("Jangkar pasal di halaman peraturan, misalnya pasal-5-ayat-2.")
    )
    url: str = Field(description=gettext_noop("Alamat halaman peraturan, langsung ke pasalnya bila ada."))
    component: str = Field(
        description=gettext_noop("Kode komponen yang didasari (misalnya biaya), atau kosong.")
    )
    component_label: str = Field(description=gettext_noop("Nama komponen yang didasari."))
    role: str = Field(description=gettext_noop("Peran: dasar_hukum, sk_sp (SK Standar Pelayanan) atau sop."))
    role_label: str = Field(description=gettext_noop("Nama peran dasar hukum."))


class SopOut(Schema):
    nomor: str = Field(description=gettext_noop("Nomor SOP."))
    judul: str = Field(description=gettext_noop("Judul SOP."))
    tanggal_pembuatan: date | None = Field(description=gettext_noop("Tanggal pembuatan SOP."))
    tanggal_revisi: date | None = Field(description=gettext_noop("Tanggal revisi SOP."))
    tanggal_efektif: date = Field(description=gettext_noop("Tanggal efektif SOP."))
    regulation: RegulationRef | None = Field(
        description=gettext_noop("Peraturan yang menetapkan SOP, bila terbuka untuk umum.")
    )
    document_url: str = Field(description=gettext_noop("Alamat berkas SOP, bila ada."))


class CoverageState(Schema):
    status: str = Field(description=gettext_noop("Kelengkapan regulasi: lengkap, sebagian atau belum."))
    status_label: str = Field(description=gettext_noop("Nama status kelengkapan."))
    computed_at: datetime = Field(description=gettext_noop("Waktu penilaian terakhir."))


class ServiceOut(Schema):
    """A public service with its Standar Pelayanan components 1–7."""

    id: int = Field(description=gettext_noop("ID layanan."))
    title: str = Field(description=gettext_noop("Nama layanan."))
    slug: str = Field(description=gettext_noop("Slug alamat halaman layanan."))
    url: str = Field(description=gettext_noop("Alamat halaman publik layanan."))
    summary: str = Field(description=gettext_noop("Ringkasan layanan."))
    opd: OpdRef | None = Field(description=gettext_noop("Perangkat daerah penyelenggara."))
    category: Taxon | None = Field(description=gettext_noop("Kategori layanan."))
    life_events: list[Taxon] = Field(
        description=gettext_noop("Peristiwa kehidupan yang memerlukan layanan ini.")
    )
    components: list[ComponentState] = Field(description=gettext_noop("Komponen 1–7 dan apakah terisi."))
    requirements: list[Requirement] = Field(description=gettext_noop("Komponen 1: persyaratan, berurutan."))
    steps: list[Step] = Field(description=gettext_noop("Komponen 2: sistem, mekanisme, dan prosedur."))
    time_value: int | None = Field(description=gettext_noop("Komponen 3: jangka waktu (angka)."))
    time_unit: str = Field(description=gettext_noop("Satuan jangka waktu: menit, jam, hari, hari_kerja."))
    time_note: str = Field(description=gettext_noop("Keterangan jangka waktu."))
    time_display: str = Field(
        description=gettext_noop("Jangka waktu sebagai teks, misalnya '14 hari kerja'.")
    )
    cost_kind: str = Field(
        description=gettext_noop("Komponen 4: gratis atau berbayar (kosong bila belum diisi).")
    )
    cost_amount: int | None = Field(description=gettext_noop("Besaran biaya dalam rupiah."))
    cost_note: str = Field(description=gettext_noop("Keterangan biaya."))
    cost_qualifier: str = Field(
        description=gettext_noop(
            "Sifat besaran biaya: kosong (pasti), mulai, contoh, tergantung_luas, sesuai_tarif, bersyarat."
        )
    )
    cost_condition: str = Field(description=gettext_noop("Bagi siapa biaya bersyarat berlaku."))
    tariffs: list[TariffOut] = Field(description=gettext_noop("Tabel tarif, berurutan."))
    cost_display: str = Field(
        description=gettext_noop(
            "Biaya sebagai teks, misalnya 'Gratis', 'Rp 150.000' atau 'Bervariasi, contoh Rp 1.500.000'."
        )
    )
    product: str = Field(description=gettext_noop("Komponen 5: produk pelayanan."))
    complaint_procedure: str = Field(description=gettext_noop("Komponen 6: prosedur pengaduan."))
    complaint_channels: list[ComplaintChannelOut] = Field(
        description=gettext_noop("Komponen 6: saluran pengaduan.")
    )
    channels: list[ChannelOut] = Field(description=gettext_noop("Tempat dan saluran layanan."))
    legal_bases: list[LegalBasisOut] = Field(
        description=gettext_noop("Komponen 7: dasar hukum dengan pasalnya.")
    )
    sops: list[SopOut] = Field(description=gettext_noop("SOP layanan."))
    coverage: CoverageState | None = Field(
        description=gettext_noop("Kelengkapan regulasi terakhir; null bila belum dinilai.")
    )
    last_published_at: datetime | None = Field(
        description=gettext_noop("Waktu terbit terakhir halaman layanan.")
    )


class ServicePage_(PageMeta):
    results: list[ServiceOut] = Field(description=gettext_noop("Layanan pada halaman ini."))


class OpdOut(OpdRef):
    kind: str = Field(description=gettext_noop("Jenis perangkat daerah: dinas, badan, kecamatan …"))
    kind_label: str = Field(description=gettext_noop("Nama jenis perangkat daerah."))
    parent_unit: OpdRef | None = Field(description=gettext_noop("Perangkat daerah induk, bila ada."))
    description: str = Field(description=gettext_noop("Tugas dan fungsi."))
    address: str = Field(description=gettext_noop("Alamat kantor."))
    phone: str = Field(description=gettext_noop("Nomor telepon."))
    email: str = Field(description=gettext_noop("Alamat surel."))
    website: str = Field(description=gettext_noop("Situs web."))
    opening_hours: str = Field(description=gettext_noop("Jam layanan."))
    service_count: int = Field(description=gettext_noop("Jumlah layanan terbuka untuk umum."))
    last_published_at: datetime | None = Field(description=gettext_noop("Waktu terbit terakhir halaman."))


class OpdDetail(OpdOut):
    services: list[ServiceRef] = Field(description=gettext_noop("Layanan perangkat daerah ini, urut nama."))
    sub_units: list[OpdRef] = Field(
        description=gettext_noop("Perangkat daerah di bawahnya (kelurahan, UPTD).")
    )


class OpdPage(PageMeta):
    results: list[OpdOut] = Field(description=gettext_noop("Perangkat daerah pada halaman ini."))


def _taxon(model, name: str, slug: str | None):
    if not slug:
        return None
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise no_such_value(name, slug)
    return found


def _unit(slug: str | None, hidden):
    if not slug:
        return None
    unit = opd_queryset(hidden).filter(slug=slug).first()
    if unit is None:
        raise no_such_value("opd", slug)
    return unit


@router.get("/", response={200: ServicePage_, **ERRORS}, summary="Daftar layanan")
def list_services(
    request,
    page: int = Query(1, ge=1, le=MAX_PAGE, description=gettext_noop("Nomor halaman, mulai dari 1.")),
    page_size: int = Query(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=gettext_noop("Jumlah layanan per halaman (1–100)."),
    ),
    opd: str | None = Query(None, pattern=SLUG_PATTERN, description=gettext_noop("Slug perangkat daerah.")),
    kategori: str | None = Query(
        None, pattern=SLUG_PATTERN, description=gettext_noop("Slug kategori layanan.")
    ),
    peristiwa: str | None = Query(
        None, pattern=SLUG_PATTERN, description=gettext_noop("Slug peristiwa kehidupan.")
    ),
):
    """Layanan yang terbuka untuk umum, urut nama, dengan komponen Standar Pelayanan 1–7."""
    reject_unknown(request, (*PAGE_PARAMS, "opd", "kategori", "peristiwa"))
    hidden = hidden_section_paths()
    services = services_queryset(hidden)
    unit = _unit(opd, hidden)
    if unit is not None:
        services = services.filter(opd=unit)
    category = _taxon(ServiceCategory, "kategori", kategori)
    if category is not None:
        services = services.filter(category=category)
    event = _taxon(LifeEvent, "peristiwa", peristiwa)
    if event is not None:
        services = services.filter(life_events=event)
    records, meta = paginate(services, page, page_size)
    note_last_modified(request, *(service.last_published_at for service in records))
    return {**meta, "results": service_records(records, hidden, request)}


@router.get("/{id}", response={200: ServiceOut, **ERRORS}, summary="Satu layanan")
def get_service(request, id: int = Path(..., ge=1, le=MAX_ID, description=gettext_noop("ID layanan."))):
    """Satu layanan yang terbuka untuk umum."""
    reject_unknown(request, ())
    hidden = hidden_section_paths()
    service = services_queryset(hidden).filter(pk=id).first()
    if service is None:
        raise not_found(no_such(_("Layanan")))
    note_last_modified(request, service.last_published_at)
    return service_records([service], hidden, request)[0]


_KIND_QUERY = Query(None, description=gettext_noop("Jenis perangkat daerah: dinas, badan, kecamatan …"))


@opd_router.get("/", response={200: OpdPage, **ERRORS}, summary="Daftar perangkat daerah")
def list_opd(
    request,
    page: int = Query(1, ge=1, le=MAX_PAGE, description=gettext_noop("Nomor halaman, mulai dari 1.")),
    page_size: int = Query(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=gettext_noop("Jumlah perangkat daerah per halaman (1–100)."),
    ),
    kind: OPDKind | None = _KIND_QUERY,
):
    """Perangkat daerah yang terbuka untuk umum, urut nama, dengan jumlah layanannya."""
    reject_unknown(request, (*PAGE_PARAMS, "kind"))
    hidden = hidden_section_paths()
    units = opd_queryset(hidden)
    if kind:
        units = units.filter(kind=kind.value)
    records, meta = paginate(units, page, page_size)
    note_last_modified(request, *(unit.last_published_at for unit in records))
    return {**meta, "results": [opd_record(unit, hidden, request) for unit in records]}


@opd_router.get("/{id}", response={200: OpdDetail, **ERRORS}, summary="Satu perangkat daerah")
def get_opd(request, id: int = Path(..., ge=1, le=MAX_ID, description=gettext_noop("ID perangkat daerah."))):
    """Satu perangkat daerah dengan daftar layanannya dan perangkat daerah di bawahnya."""
    reject_unknown(request, ())
    hidden = hidden_section_paths()
    unit = opd_queryset(hidden).filter(pk=id).first()
    if unit is None:
        raise not_found(no_such(_("Perangkat daerah")))
    services = public_pages(unit.services.all(), hidden).order_by("title", "pk")
    sub_units = public_pages(unit.sub_units.all(), hidden).order_by("title", "pk")
    note_last_modified(request, unit.last_published_at)
    return {
        **opd_record(unit, hidden, request),
        "services": [service_ref(service, request) for service in services],
        "sub_units": [opd_ref(sub_unit, request) for sub_unit in sub_units],
    }
