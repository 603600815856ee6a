"""What every endpoint of the public API shares: errors, pagination, strict parameters, references.

Errors are JSON ``{"detail": "<Indonesian sentence>", "errors": [...]}``; :class:`ApiError` carries
the status and the sentence from a view to the handler in :mod:`registry.api.api`. A list endpoint
names the query parameters it reads, and a request naming any other one is refused with a 400, so a
misspelt filter never silently returns everything.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Schema

from search.params import parse_year

#: Items per page unless the client asks otherwise, and the most it may ask for.
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
#: The largest page number and record id a client may send (a 32-bit primary key).
MAX_PAGE = 100_000
MAX_ID = 2**31 - 1
#: Slugs of taxonomies, OPD and regulation types as they appear in public URLs.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,100}$"
YEAR_PATTERN = r"^[1-9][0-9]{0,3}$"

#: The parameters every paginated list reads.
PAGE_PARAMS = ("page", "page_size")


class ApiError(Exception):
    """An answer other than 200, with its Indonesian sentence (already translated)."""

    def __init__(self, status: int, detail: str, errors: list | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []


class ParamError(Schema):
    parameter: str = Field(description=gettext_noop("Nama parameter yang ditolak."))
    message: str = Field(description=gettext_noop("Alasan penolakan, dalam bahasa Indonesia."))


class Error(Schema):
    """Every error answer of the API."""

    detail: str = Field(description=gettext_noop("Penjelasan galat dalam bahasa Indonesia."))
    errors: list[ParamError] = Field(
        default_factory=list, description=gettext_noop("Rincian per parameter, bila ada.")
    )


#: The error answers every endpoint may give (documented so that clients and schemathesis know them).
ERRORS = {400: Error, 404: Error, 429: Error}


def not_found(detail: str) -> ApiError:
    return ApiError(404, detail)


def bad_parameter(name: str, message: str) -> ApiError:
    """A 400 naming one parameter."""
    return ApiError(
        400,
        _("Parameter %(name)s tidak sah: %(message)s") % {"name": name, "message": message},
        [{"parameter": name, "message": message}],
    )


def no_such_value(name: str, value: str) -> ApiError:
    """A 404 for a well-formed filter value naming nothing public (as /kategori/<slug>/ answers 404)."""
    message = _("'%(value)s' tidak ditemukan atau tidak terbuka untuk umum.") % {"value": value}
    return ApiError(
        404,
        _("Nilai parameter %(name)s tidak ditemukan: %(message)s") % {"name": name, "message": message},
        [{"parameter": name, "message": message}],
    )


def reject_unknown(request, allowed) -> None:
    """Refuse a query string that names a parameter the endpoint does not read."""
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise ApiError(
            400,
            _("Parameter tidak dikenal: %(names)s. Parameter yang diterima: %(allowed)s.")
            % {"names": ", ".join(unknown), "allowed": ", ".join(sorted(allowed)) or "-"},
            [{"parameter": name, "message": _("Parameter ini tidak dikenal.")} for name in unknown],
        )


def year_param(name: str, value: str | None) -> int | None:
    """A year filter read by :func:`search.params.parse_year`, as the public pages read it."""
    if value is None or value == "":
        return None
    year = parse_year(value)
    if year is None:
        raise bad_parameter(name, _("tulis tahun dengan angka, misalnya 2023."))
    return year


class PageMeta(Schema):
    count: int = Field(description=gettext_noop("Jumlah seluruh rekaman yang cocok dengan filter."))
    page: int = Field(description=gettext_noop("Nomor halaman ini, mulai dari 1."))
    page_size: int = Field(description=gettext_noop("Jumlah rekaman per halaman."))
    pages: int = Field(description=gettext_noop("Jumlah halaman."))


def paginate(queryset, page: int, page_size: int):
    """(the records of one page, :class:`PageMeta` values); a page past the last is a 404.

    The queryset must be ordered by a unique key, so that pages never overlap or skip records.
    """
    paginator = Paginator(queryset, page_size)
    count = paginator.count
    pages = paginator.num_pages if count else 0
    if page > max(pages, 1):
        raise not_found(
            _("Halaman %(page)s tidak ada; jumlah halaman %(pages)s.") % {"page": page, "pages": pages}
        )
    records = list(paginator.page(page).object_list) if count else []
    return records, {"count": count, "page": page, "page_size": page_size, "pages": pages}


def note_last_modified(request, *values) -> None:
    """Remember the newest publication time of what the answer holds (sent as Last-Modified)."""
    known = [value for value in values if value is not None]
    previous = getattr(request, "api_last_modified", None)
    if previous is not None:
        known.append(previous)
    if known:
        request.api_last_modified = max(known)


def page_url(page, request) -> str:
    """The public address of a page (relative to the site), "" when it has none."""
    return page.get_url(request=request) or ""


# --- references to other records -----------------------------------------------------------------


class OpdRef(Schema):
    id: int = Field(description=gettext_noop("ID perangkat daerah di API ini."))
    title: str = Field(description=gettext_noop("Nama perangkat daerah."))
    abbreviation: str = Field(description=gettext_noop("Singkatan nama perangkat daerah."))
    slug: str = Field(description=gettext_noop("Slug alamat halaman perangkat daerah (dipakai filter opd)."))
    url: str = Field(description=gettext_noop("Alamat halaman publik perangkat daerah."))


class RegulationRef(Schema):
    id: int = Field(description=gettext_noop("ID peraturan di API ini."))
    title: str = Field(description=gettext_noop("Judul lengkap peraturan."))
    jenis: str = Field(
        description=gettext_noop("Slug jenis peraturan, misalnya perwal (dipakai filter jenis).")
    )
    jenis_label: str = Field(description=gettext_noop("Nama jenis peraturan, misalnya Peraturan Wali Kota."))
    nomor: str = Field(description=gettext_noop("Nomor peraturan."))
    tahun: int = Field(description=gettext_noop("Tahun peraturan."))
    tentang: str = Field(description=gettext_noop("Materi pokok (tentang) peraturan."))
    status: str = Field(
        description=gettext_noop("Status turunan: berlaku, diubah, dicabut_sebagian, dicabut, tidak_berlaku.")
    )
    url: str = Field(description=gettext_noop("Alamat halaman publik peraturan."))


class ServiceRef(Schema):
    id: int = Field(description=gettext_noop("ID layanan di API ini."))
    title: str = Field(description=gettext_noop("Nama layanan."))
    url: str = Field(description=gettext_noop("Alamat halaman publik layanan."))


def opd_ref(unit, request) -> dict:
    return {
        "id": unit.pk,
        "title": unit.title,
        "abbreviation": unit.abbreviation,
        "slug": unit.slug,
        "url": page_url(unit, request),
    }


def regulation_ref(page, request) -> dict:
    """A regulation named from another record (its type must be loaded with it)."""
    return {
        "id": page.pk,
        "title": page.title,
        "jenis": page.regulation_type.slug,
        "jenis_label": page.regulation_type.name,
        "nomor": page.nomor,
        "tahun": page.tahun,
        "tentang": page.tentang,
        "status": page.status,
        "url": page_url(page, request),
    }


def service_ref(page, request) -> dict:
    return {"id": page.pk, "title": page.title, "url": page_url(page, request)}
