"""The open-data sets: what each holds, column by column, and where its rows come from.

Each :class:`Dataset` is a list of :class:`Column` (name, meaning, type, and how to read the value
from a row object) and a function that yields its row objects, public ones only, in a stable order
and in chunks (``iterator``), so a large catalogue streams. The same columns give the CSV header, the
XLSX sheet, the JSON records and the data dictionary, so the dictionary always matches the data.

Values are plain JSON scalars: text, whole numbers, ISO dates (``YYYY-MM-DD``) and times (ISO 8601,
UTC), or empty (``None``; an empty cell in CSV/XLSX).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from registry.coverage import display
from registry.coverage.models import Finding, ServiceCoverage
from registry.regulations.models import RegulationPage
from registry.services.models import LegalBasis, ServicePage
from registry.visibility import hidden_section_paths, public_pages, public_q

from .meta import absolute

CHUNK = 500

TEXT = _("teks")
INTEGER = _("bilangan bulat")
DATE = _("tanggal (YYYY-MM-DD)")
DATETIME = _("tanggal dan waktu (ISO 8601, UTC)")
URL = _("URL")
LIST = _("teks, beberapa nilai dipisah ' | '")


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    type: str
    value: Callable


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: tuple
    rows: Callable  # (request) -> iterable of row objects
    count: Callable  # () -> int

    def records(self, request):
        """Each row as a list of values, in column order."""
        for row in self.rows(request):
            yield [column.value(row, request) for column in self.columns]

    def dictionary(self) -> list[dict]:
        """The data dictionary: one entry per column."""
        return [
            {"kolom": column.name, "arti": str(column.meaning), "tipe": str(column.type)}
            for column in self.columns
        ]


def _date(value):
    return value.isoformat() if value else None


def _datetime(value):
    return value.isoformat(timespec="seconds") if value else None


def _url(page, request):
    url = page.get_url(request)
    return absolute(request, url) if url else None


def _joined(values) -> str:
    return " | ".join(value for value in values if value)


def _field(name):
    return lambda row, request: getattr(row, name) or None


# --- services ------------------------------------------------------------------------------------


def _services(request=None):
    return (
        public_pages(ServicePage.objects.all())
        .select_related("opd", "category")
        .prefetch_related("requirements", "channels", "life_events")
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )


def _cost_amount(row, request):
    return int(row.cost_amount) if row.cost_amount is not None else None


SERVICES = Dataset(
    slug="layanan",
    title=_("Katalog layanan publik"),
    description=_("Setiap layanan publik yang diterbitkan, dengan komponen penyampaian Standar Pelayanan."),
    columns=(
        Column("id", _("Nomor identitas layanan di registri (tetap)"), INTEGER, lambda r, q: r.pk),
        Column("nama", _("Nama layanan"), TEXT, lambda r, q: r.title),
        Column("url", _("Alamat halaman layanan"), URL, _url),
        Column(
            "perangkat_daerah",
            _("Perangkat daerah penyelenggara"),
            TEXT,
            lambda r, q: r.opd.title if r.opd else None,
        ),
        Column(
            "perangkat_daerah_singkatan",
            _("Singkatan perangkat daerah"),
            TEXT,
            lambda r, q: r.opd.abbreviation if r.opd else None,
        ),
        Column("kategori", _("Kategori layanan"), TEXT, lambda r, q: r.category.name if r.category else None),
        Column(
            "peristiwa_kehidupan",
            _("Peristiwa kehidupan yang memerlukan layanan ini"),
            LIST,
            lambda r, q: _joined(e.name for e in r.life_events.all()) or None,
        ),
        Column("ringkasan", _("Ringkasan layanan"), TEXT, _field("summary")),
        Column(
            "persyaratan",
            _("Persyaratan (komponen 1), berurutan"),
            LIST,
            lambda r, q: _joined(x.text for x in r.requirements.all()) or None,
        ),
        Column(
            "jumlah_persyaratan", _("Banyaknya persyaratan"), INTEGER, lambda r, q: len(r.requirements.all())
        ),
        Column(
            "jangka_waktu",
            _("Jangka waktu pelayanan (komponen 3), seperti diumumkan"),
            TEXT,
            lambda r, q: r.time_display or None,
        ),
        Column("jangka_waktu_nilai", _("Jangka waktu: angka"), INTEGER, _field("time_value")),
        Column(
            "jangka_waktu_satuan",
            _("Jangka waktu: satuan (menit, jam, hari, hari_kerja)"),
            TEXT,
            _field("time_unit"),
        ),
        Column("biaya_jenis", _("Biaya/tarif (komponen 4): gratis atau berbayar"), TEXT, _field("cost_kind")),
        Column("biaya_rupiah", _("Besaran biaya dalam rupiah"), INTEGER, _cost_amount),
        Column("biaya_keterangan", _("Keterangan biaya"), TEXT, _field("cost_note")),
        Column("produk", _("Produk pelayanan (komponen 5)"), TEXT, _field("product")),
        Column(
            "saluran",
            _("Saluran layanan (kantor, daring, MPP)"),
            LIST,
            lambda r, q: _joined(c.name for c in r.channels.all()) or None,
        ),
        Column(
            "terakhir_diterbitkan",
            _("Waktu halaman layanan terakhir diterbitkan"),
            DATETIME,
            lambda r, q: _datetime(r.last_published_at),
        ),
    ),
    rows=_services,
    count=lambda: public_pages(ServicePage.objects.all()).count(),
)


# --- regulations ---------------------------------------------------------------------------------


def _regulations(request=None):
    return (
        public_pages(RegulationPage.objects.all())
        .select_related("regulation_type", "pemrakarsa", "document")
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )


def _document_url(row, request):
    return absolute(request, row.document.url) if row.document_id and row.document else None


REGULATIONS = Dataset(
    slug="peraturan",
    title=_("Register peraturan"),
    description=_("Setiap peraturan yang diterbitkan, dengan metadata JDIH dan statusnya."),
    columns=(
        Column("id", _("Nomor identitas peraturan di registri (tetap)"), INTEGER, lambda r, q: r.pk),
        Column("jenis", _("Jenis/bentuk peraturan"), TEXT, lambda r, q: r.regulation_type.name),
        Column(
            "jenis_kode", _("Kode jenis di alamat halaman (misalnya perwal)"), TEXT, lambda r, q: r.type_slug
        ),
        Column("nomor", _("Nomor peraturan"), TEXT, lambda r, q: r.nomor),
        Column("tahun", _("Tahun peraturan"), INTEGER, lambda r, q: r.tahun),
        Column("tentang", _("Tentang (judul pokok)"), TEXT, lambda r, q: r.tentang),
        Column("judul", _("Judul lengkap"), TEXT, lambda r, q: r.title),
        Column("wilayah", _("Wilayah yang menetapkan"), TEXT, lambda r, q: r.wilayah),
        Column("tanggal_penetapan", _("Tanggal penetapan"), DATE, lambda r, q: _date(r.tanggal_penetapan)),
        Column(
            "tanggal_pengundangan",
            _("Tanggal pengundangan"),
            DATE,
            lambda r, q: _date(r.tanggal_pengundangan),
        ),
        Column("tanggal_berlaku", _("Tanggal mulai berlaku"), DATE, lambda r, q: _date(r.tanggal_berlaku)),
        Column(
            "status",
            _("Status (berlaku, diubah, dicabut_sebagian, dicabut, tidak_berlaku)"),
            TEXT,
            lambda r, q: r.status,
        ),
        Column(
            "status_jdih",
            _("Status menurut JDIHN: Berlaku atau Tidak Berlaku"),
            TEXT,
            lambda r, q: r.jdih_status,
        ),
        Column("sumber", _("Sumber (lembaran/berita daerah)"), TEXT, lambda r, q: r.sumber or None),
        Column("subjek", _("Subjek"), TEXT, _field("subjek")),
        Column("bidang_hukum", _("Bidang hukum"), TEXT, _field("bidang_hukum")),
        Column(
            "pemrakarsa",
            _("Perangkat daerah pemrakarsa"),
            TEXT,
            lambda r, q: r.pemrakarsa.title if r.pemrakarsa else None,
        ),
        Column("url", _("Alamat halaman peraturan"), URL, _url),
        Column("url_naskah", _("Alamat naskah PDF bertanda tangan"), URL, _document_url),
        Column(
            "terakhir_diterbitkan",
            _("Waktu halaman peraturan terakhir diterbitkan"),
            DATETIME,
            lambda r, q: _datetime(r.last_published_at),
        ),
    ),
    rows=_regulations,
    count=lambda: public_pages(RegulationPage.objects.all()).count(),
)


# --- legal-basis links ---------------------------------------------------------------------------


def _legal_bases_queryset():
    hidden = hidden_section_paths()
    return LegalBasis.objects.filter(public_q("page__", hidden), public_q("regulation__", hidden))


def _legal_bases(request=None):
    return (
        _legal_bases_queryset()
        .select_related("page__opd", "regulation__regulation_type")
        .order_by("page_id", "sort_order", "pk")
        .iterator(chunk_size=CHUNK)
    )


def _basis_url(row, request):
    url = _url(row.regulation, request)
    return f"{url}#{row.anchor}" if url and row.anchor else url


LEGAL_BASES = Dataset(
    slug="dasar-hukum",
    title=_("Dasar hukum layanan"),
    description=_("Setiap tautan dari layanan ke peraturan (dan pasal) yang menjadi dasar hukumnya."),
    columns=(
        Column(
            "layanan_id",
            _("Nomor identitas layanan (kolom id pada katalog layanan)"),
            INTEGER,
            lambda r, q: r.page_id,
        ),
        Column("layanan", _("Nama layanan"), TEXT, lambda r, q: r.page.title),
        Column(
            "perangkat_daerah",
            _("Perangkat daerah penyelenggara"),
            TEXT,
            lambda r, q: r.page.opd.title if r.page.opd else None,
        ),
        Column(
            "peraturan_id",
            _("Nomor identitas peraturan (kolom id pada register peraturan)"),
            INTEGER,
            lambda r, q: r.regulation_id,
        ),
        Column(
            "peraturan", _("Peraturan yang menjadi dasar"), TEXT, lambda r, q: str(r.regulation.short_title())
        ),
        Column(
            "pasal", _("Pasal/ayat yang dirujuk; kosong bila seluruh peraturan"), TEXT, _field("provision")
        ),
        Column(
            "komponen",
            _("Komponen Standar Pelayanan yang didasari; kosong bila layanan secara umum"),
            TEXT,
            lambda r, q: r.get_component_display() if r.component else None,
        ),
        Column(
            "peran",
            _("Peran rujukan (dasar hukum, SK Standar Pelayanan, SOP)"),
            TEXT,
            lambda r, q: r.get_role_display(),
        ),
        Column("url_peraturan", _("Alamat peraturan, langsung ke pasalnya bila ada"), URL, _basis_url),
    ),
    rows=_legal_bases,
    count=lambda: _legal_bases_queryset().count(),
)


# --- coverage ------------------------------------------------------------------------------------


def _coverage_queryset():
    return ServiceCoverage.objects.filter(public_q("service__"), live=True)


def _coverage(request=None):
    return (
        _coverage_queryset()
        .select_related("service", "opd")
        .prefetch_related(Prefetch("findings", Finding.objects.order_by("id")))
        .order_by("service_id")
        .iterator(chunk_size=CHUNK)
    )


COVERAGE = Dataset(
    slug="cakupan",
    title=_("Hasil cakupan regulasi layanan"),
    description=_(
        "Untuk setiap layanan: apakah dasar hukum, Standar Pelayanan, dan SOP-nya lengkap, dengan temuan "
        "dan saran perbaikannya (sama dengan halaman transparansi)."
    ),
    columns=(
        Column(
            "layanan_id",
            _("Nomor identitas layanan (kolom id pada katalog layanan)"),
            INTEGER,
            lambda r, q: r.service_id,
        ),
        Column("layanan", _("Nama layanan"), TEXT, lambda r, q: r.service.title),
        Column(
            "perangkat_daerah",
            _("Perangkat daerah penyelenggara"),
            TEXT,
            lambda r, q: r.opd.title if r.opd else None,
        ),
        Column("status", _("Status cakupan (lengkap, sebagian, belum)"), TEXT, lambda r, q: r.status),
        Column(
            "status_label",
            _("Status cakupan dalam kata-kata"),
            TEXT,
            lambda r, q: display.status_label(r.status),
        ),
        Column("temuan_kritis", _("Banyaknya temuan kritis"), INTEGER, lambda r, q: r.critical_count),
        Column("peringatan", _("Banyaknya peringatan"), INTEGER, lambda r, q: r.warning_count),
        Column("temuan", _("Temuan, satu per baris"), TEXT, lambda r, q: r.findings_text() or None),
        Column(
            "saran_perbaikan", _("Saran perbaikan, satu per baris"), TEXT, lambda r, q: r.fixes_text() or None
        ),
        Column("dihitung_pada", _("Waktu cakupan dihitung"), DATETIME, lambda r, q: _datetime(r.computed_at)),
    ),
    rows=_coverage,
    count=lambda: _coverage_queryset().count(),
)


DATASETS = {dataset.slug: dataset for dataset in (SERVICES, REGULATIONS, LEGAL_BASES, COVERAGE)}
