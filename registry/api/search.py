"""``/api/v1/search/``: the site search, answered by :mod:`search.service` as ``/cari/?format=json`` is.

The body is the one ``/cari/?format=json`` gives (documented in search/README.md), so both outputs
stay one. Unlike the page, the API refuses with a 400 a parameter the search does not know and a
filter value that is not a slug, a year or a status code (the page drops such a value with a notice);
a well-formed value that names nothing simply matches nothing, as on the page.
"""

from typing import Annotated

from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints

from search import service
from search.backends.base import FACET_FIELDS
from search.query import MAX_QUERY_LENGTH

from .common import ERRORS, reject_unknown

router = Router(tags=["Pencarian"])

#: Generous bounds on what a client may send; the search itself uses the first 200 characters.
MAX_Q = 1000
_FILTER = Query(
    None,
    max_length=service.MAX_FILTER_VALUES,
    description=gettext_noop("Nilai filter; boleh diulang (digabung dengan ATAU), paling banyak 10."),
)
#: One filter value: a slug, a year or a status code (ASCII, as search.service keeps them).
FilterValue = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.\-]{1,80}$")]


class SearchHit(Schema):
    id: str = Field(description=gettext_noop("ID hasil, misalnya service:12 atau regulation:5:pasal-3."))
    type: str = Field(description=gettext_noop("Jenis hasil: layanan, peraturan atau pasal."))
    title: str = Field(
        description=gettext_noop("Judul (HTML: sudah di-escape, kata yang cocok ditandai <mark>).")
    )
    subtitle: str = Field(description=gettext_noop("Keterangan di bawah judul."))
    url: str = Field(description=gettext_noop("Alamat halaman publik hasil."))
    passage: str = Field(
        description=gettext_noop("Cuplikan teks (HTML: sudah di-escape, kata yang cocok ditandai).")
    )
    score: float = Field(description=gettext_noop("Skor peringkat."))
    direct: bool = Field(
        description=gettext_noop("Ditemukan langsung dari sitasi (misalnya 'Perwal 12/2023').")
    )
    meta: dict = Field(
        description=gettext_noop("Keterangan tambahan: jenis, tahun, status, perangkat daerah.")
    )
    more: list[dict] = Field(
        description=gettext_noop("Hingga dua cuplikan lain dari peraturan yang sama, bentuk sama.")
    )


class FacetValueOut(Schema):
    value: str = Field(description=gettext_noop("Nilai filter."))
    label: str = Field(description=gettext_noop("Nama nilai filter."))
    count: int = Field(description=gettext_noop("Jumlah hasil dengan nilai ini."))
    selected: bool = Field(description=gettext_noop("Apakah nilai ini sedang dipilih."))


class FacetOut(Schema):
    label: str = Field(description=gettext_noop("Judul faset."))
    values: list[FacetValueOut] = Field(description=gettext_noop("Nilai faset dengan jumlahnya."))


class SearchOut(Schema):
    query: str = Field(description=gettext_noop("Kata kunci sebagaimana dicari."))
    total: int = Field(description=gettext_noop("Jumlah hasil (kelompok), termasuk hasil langsung."))
    page: int = Field(description=gettext_noop("Nomor halaman."))
    pages: int = Field(description=gettext_noop("Jumlah halaman."))
    engine: str = Field(description=gettext_noop("Mesin pencari yang menjawab."))
    relaxed: bool = Field(description=gettext_noop("Benar bila tidak ada hasil yang memuat semua kata."))
    degraded: bool = Field(description=gettext_noop("Benar bila mesin utama tidak terjangkau."))
    corrections: dict[str, str] = Field(
        description=gettext_noop(
            "Kata yang tidak dikenal dan kata indeks terdekat yang dicari sebagai gantinya."
        )
    )
    notices: list[str] = Field(
        description=gettext_noop("Pemberitahuan untuk pengguna, dalam bahasa Indonesia.")
    )
    filters: dict[str, list[str]] = Field(description=gettext_noop("Filter yang dipakai."))
    hits: list[SearchHit] = Field(description=gettext_noop("Hasil pada halaman ini."))
    facets: dict[str, FacetOut] = Field(description=gettext_noop("Faset: kind, jenis, tahun, status, opd."))


@router.get("/", response={200: SearchOut, **ERRORS}, summary="Cari layanan, peraturan dan pasal")
def search(
    request,
    q: str = Query(
        "",
        max_length=MAX_Q,
        description=gettext_noop("Kata kunci; %d karakter pertama yang dipakai.") % MAX_QUERY_LENGTH,
    ),
    page: int = Query(1, ge=1, le=service.MAX_PAGE, description=gettext_noop("Nomor halaman (1–100).")),
    kind: list[FilterValue] | None = _FILTER,
    jenis: list[FilterValue] | None = _FILTER,
    tahun: list[FilterValue] | None = _FILTER,
    status: list[FilterValue] | None = _FILTER,
    opd: list[FilterValue] | None = _FILTER,
):
    """Pencarian yang sama dengan /cari/?format=json: layanan, peraturan dan pasal yang terbuka untuk umum."""
    reject_unknown(request, ("q", "page", *FACET_FIELDS))
    filters = {name: request.GET.getlist(name) for name in FACET_FIELDS if name in request.GET}
    return service.search(q, filters=filters, page=page).as_json()
