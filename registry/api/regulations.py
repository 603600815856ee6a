"""``/api/v1/regulations/``: the regulation register with JDIH metadata, relations, files and articles."""

from datetime import date, datetime

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Path, Query, Router, Schema

from registry.regulations.choices import Status
from registry.regulations.models import RegulationType
from registry.visibility import hidden_section_paths

from .common import (
    DEFAULT_PAGE_SIZE,
    ERRORS,
    MAX_ID,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    PAGE_PARAMS,
    SLUG_PATTERN,
    YEAR_PATTERN,
    OpdRef,
    PageMeta,
    RegulationRef,
    ServiceRef,
    no_such_value,
    not_found,
    note_last_modified,
    paginate,
    regulation_ref,
    reject_unknown,
    year_param,
)
from .regulation_records import (
    article_nodes,
    article_record,
    article_tree,
    linked_services,
    pasal_nodes,
    public_regulation,
    regulation_missing,
    regulation_record,
    regulations_queryset,
)

router = Router(tags=["Peraturan"])


class RelationOut(Schema):
    kind: str = Field(
        description=gettext_noop(
            "Jenis hubungan: mengubah, mengubah_sebagian, mencabut, mencabut_sebagian, melaksanakan, terkait."
        )
    )
    kind_label: str = Field(
        description=gettext_noop(
            "Hubungan dibaca dari peraturan ini, misalnya 'Mencabut' atau 'Dicabut oleh'."
        )
    )
    provision: str = Field(
        description=gettext_noop("Pasal peraturan yang menyatakan hubungan, misalnya 'Pasal 36'.")
    )
    scope_text: str = Field(description=gettext_noop("Untuk hubungan sebagian: ketentuan yang terkena."))
    regulation: RegulationRef = Field(description=gettext_noop("Peraturan di seberang hubungan."))


class DocumentOut(Schema):
    role: str = Field(
        description=gettext_noop("Peran berkas: naskah (PDF bertanda tangan), lampiran atau abstrak.")
    )
    title: str = Field(description=gettext_noop("Judul berkas."))
    filename: str = Field(description=gettext_noop("Nama berkas."))
    url: str = Field(description=gettext_noop("Alamat unduhan publik berkas (/dokumen/…)."))
    file_size: int | None = Field(description=gettext_noop("Ukuran berkas dalam bita."))
    page_count: int | None = Field(description=gettext_noop("Jumlah halaman PDF, bila sudah dibaca."))


class RegulationOut(Schema):
    """A public regulation with its JDIH metadata (Permenkumham 8/2019), relations and files."""

    id: int = Field(description=gettext_noop("ID peraturan."))
    url: str = Field(description=gettext_noop("Alamat halaman publik peraturan."))
    tipe_dokumen: str = Field(description=gettext_noop("Tipe Dokumen JDIH: 'Peraturan Perundang-undangan'."))
    title: str = Field(description=gettext_noop("Judul JDIH."))
    jenis: str = Field(description=gettext_noop("Slug Jenis/Bentuk Peraturan (dipakai filter jenis)."))
    jenis_label: str = Field(description=gettext_noop("Jenis/Bentuk Peraturan."))
    singkatan_jenis: str = Field(description=gettext_noop("Singkatan Jenis/Bentuk Peraturan."))
    wilayah: str = Field(description=gettext_noop("Wilayah berlakunya, misalnya 'Kota Balikpapan'."))
    nomor: str = Field(description=gettext_noop("Nomor Peraturan."))
    tahun: int = Field(description=gettext_noop("Tahun."))
    tentang: str = Field(description=gettext_noop("Materi pokok (tentang)."))
    teu_badan: str = Field(description=gettext_noop("T.E.U. Badan/Pengarang."))
    tempat_penetapan: str = Field(description=gettext_noop("Tempat Penetapan."))
    tanggal_penetapan: date | None = Field(description=gettext_noop("Tanggal Penetapan."))
    tanggal_pengundangan: date | None = Field(description=gettext_noop("Tanggal Pengundangan."))
    tanggal_berlaku: date | None = Field(description=gettext_noop("Tanggal Berlaku."))
    tahun_lembaran: int | None = Field(description=gettext_noop("Tahun Lembaran/Berita."))
    nomor_lembaran: str = Field(description=gettext_noop("Nomor Lembaran/Berita."))
    nomor_tambahan: str = Field(description=gettext_noop("Nomor Tambahan Lembaran."))
    sumber: str = Field(description=gettext_noop("Sumber, misalnya 'BD Kota Balikpapan 2023 (12): 10 hlm'."))
    jumlah_halaman: int | None = Field(description=gettext_noop("Jumlah halaman."))
    subjek: str = Field(description=gettext_noop("Subjek (tajuk subjek)."))
    bahasa: str = Field(description=gettext_noop("Bahasa."))
    bidang_hukum: str = Field(description=gettext_noop("Bidang Hukum."))
    lokasi: str = Field(description=gettext_noop("Lokasi (penyimpanan naskah)."))
    pemrakarsa: OpdRef | None = Field(description=gettext_noop("Pemrakarsa, bila terbuka untuk umum."))
    penandatangan: str = Field(description=gettext_noop("Penandatangan."))
    abstrak: str = Field(description=gettext_noop("Abstrak."))
    status: str = Field(
        description=gettext_noop("Status turunan: berlaku, diubah, dicabut_sebagian, dicabut, tidak_berlaku.")
    )
    status_label: str = Field(description=gettext_noop("Nama status."))
    jdih_status: str = Field(description=gettext_noop("Status JDIH: 'Berlaku' atau 'Tidak Berlaku'."))
    declared_not_in_force: bool = Field(
        description=gettext_noop("Dinyatakan tidak berlaku tanpa pencabutan.")
    )
    status_note: str = Field(description=gettext_noop("Keterangan status."))
    external_url: str = Field(
        description=gettext_noop("Tautan ke naskah di situs lain (peraturan nasional).")
    )
    relations: list[RelationOut] = Field(description=gettext_noop("Hubungan yang dinyatakan peraturan ini."))
    incoming_relations: list[RelationOut] = Field(
        description=gettext_noop(
            "Hubungan dari peraturan lain ke peraturan ini (dicabut oleh, diubah oleh …)."
        )
    )
    documents: list[DocumentOut] = Field(description=gettext_noop("Berkas peraturan."))
    last_published_at: datetime | None = Field(description=gettext_noop("Waktu terbit terakhir halaman."))


class ArticleOut(Schema):
    kind: str = Field(description=gettext_noop("Jenis: bab, bagian, paragraf, pasal, ayat, diktum."))
    label: str = Field(description=gettext_noop("Label, misalnya 'Pasal 5' atau 'BAB II'."))
    heading: str = Field(description=gettext_noop("Judul bab atau bagian."))
    anchor: str = Field(description=gettext_noop("Jangkar tetap, misalnya pasal-5-ayat-2."))
    parent_anchor: str | None = Field(
        description=gettext_noop("Jangkar induknya dalam pohon; null di puncak.")
    )
    text: str = Field(description=gettext_noop("Teks."))
    page_number: int | None = Field(description=gettext_noop("Halaman PDF tempat teks ini mulai."))


class LinkedServiceOut(ServiceRef):
    provisions: list[str] = Field(description=gettext_noop("Pasal peraturan ini yang dirujuk layanan."))


class RegulationDetail(RegulationOut):
    articles: list[ArticleOut] = Field(
        description=gettext_noop("Pohon pasal naskah, urut baca; tiap simpul menyebut jangkar induknya.")
    )
    services: list[LinkedServiceOut] = Field(
        description=gettext_noop("Layanan yang berdasar pada peraturan ini.")
    )


class RegulationPage_(PageMeta):
    results: list[RegulationOut] = Field(description=gettext_noop("Peraturan pada halaman ini."))


class PasalOut(Schema):
    regulation: RegulationRef = Field(description=gettext_noop("Peraturan yang memuat pasal ini."))
    label: str = Field(description=gettext_noop("Label pasal, misalnya 'Pasal 5'."))
    anchor: str = Field(description=gettext_noop("Jangkar pasal."))
    url: str = Field(description=gettext_noop("Alamat halaman peraturan, langsung ke pasalnya."))
    text: str = Field(description=gettext_noop("Teks pasal sebelum ayat pertamanya."))
    page_number: int | None = Field(description=gettext_noop("Halaman PDF tempat pasal mulai."))
    children: list[ArticleOut] = Field(description=gettext_noop("Ayat (dan simpul lain) di bawah pasal ini."))


_STATUS_QUERY = Query(None, description=gettext_noop("Status turunan, misalnya berlaku."))


@router.get("/", response={200: RegulationPage_, **ERRORS}, summary="Daftar peraturan")
def list_regulations(
    request,
    page: int = Query(1, ge=1, le=MAX_PAGE, description=gettext_noop("Nomor halaman, mulai dari 1.")),
    page_size: int = Query(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=gettext_noop("Jumlah peraturan per halaman (1–100)."),
    ),
    jenis: str | None = Query(
        None, pattern=SLUG_PATTERN, description=gettext_noop("Slug jenis, misalnya perwal.")
    ),
    tahun: str | None = Query(None, pattern=YEAR_PATTERN, description=gettext_noop("Tahun peraturan.")),
    status: Status | None = _STATUS_QUERY,
):
    """Peraturan yang terbuka untuk umum, urut seperti penelusuran publik (tahun terbaru dahulu)."""
    reject_unknown(request, (*PAGE_PARAMS, "jenis", "tahun", "status"))
    hidden = hidden_section_paths()
    regulations = regulations_queryset(hidden)
    if jenis:
        kind = RegulationType.objects.filter(slug=jenis).first()
        if kind is None:
            raise no_such_value("jenis", jenis)
        regulations = regulations.filter(regulation_type=kind)
    year = year_param("tahun", tahun)
    if year is not None:
        regulations = regulations.filter(tahun=year)
    if status:
        regulations = regulations.filter(status=status.value)
    records, meta = paginate(regulations, page, page_size)
    note_last_modified(request, *(item.last_published_at for item in records))
    return {**meta, "results": [regulation_record(item, hidden, request) for item in records]}


def _regulation_or_404(id: int, hidden):
    regulation = public_regulation(id, hidden)
    if regulation is None:
        raise not_found(regulation_missing())
    return regulation


@router.get("/{id}", response={200: RegulationDetail, **ERRORS}, summary="Satu peraturan")
def get_regulation(request, id: int = Path(..., ge=1, le=MAX_ID, description=gettext_noop("ID peraturan."))):
    """Satu peraturan dengan metadata JDIH, hubungan dua arah, berkas, pohon pasal dan layanan terkait."""
    reject_unknown(request, ())
    hidden = hidden_section_paths()
    regulation = _regulation_or_404(id, hidden)
    note_last_modified(request, regulation.last_published_at)
    return {
        **regulation_record(regulation, hidden, request),
        "articles": article_tree(article_nodes(regulation)),
        "services": linked_services(regulation, hidden, request),
    }


@router.get("/{id}/pasal/{nomor}", response={200: PasalOut, **ERRORS}, summary="Satu pasal")
def get_pasal(
    request,
    id: int = Path(..., ge=1, le=MAX_ID, description=gettext_noop("ID peraturan.")),
    nomor: str = Path(
        ..., pattern=r"^[0-9A-Za-z]{1,12}$", description=gettext_noop("Nomor pasal, misalnya 5 atau 12A.")
    ),
):
    """Satu pasal dengan ayatnya, dari pohon pasal naskah peraturan."""
    reject_unknown(request, ())
    hidden = hidden_section_paths()
    regulation = _regulation_or_404(id, hidden)
    anchor = f"pasal-{slugify(nomor)}"
    nodes = pasal_nodes(article_nodes(regulation), anchor)
    if nodes is None:
        raise not_found(
            _("Pasal %(nomor)s tidak ditemukan dalam naskah %(judul)s.")
            % {"nomor": nomor, "judul": regulation.title}
        )
    top, below = nodes[0], nodes[1:]
    ref = regulation_ref(regulation, request)
    parents = {node.pk: node.anchor for node in nodes}
    note_last_modified(request, regulation.last_published_at)
    return {
        "regulation": ref,
        "label": top.label,
        "anchor": top.anchor,
        "url": f"{ref['url']}#{top.anchor}" if ref["url"] else "",
        "text": top.text,
        "page_number": top.page_number,
        "children": [article_record(node, parents) for node in below],
    }
