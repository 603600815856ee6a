"""The public, read-only API (``/api/v1/``): one NinjaAPI, one router per resource.

OpenAPI at ``/api/v1/openapi.json``, interactive documentation at ``/api/v1/docs`` (Swagger UI from
django-ninja's own static files, nothing from a CDN). Every answer is JSON; errors carry an
Indonesian ``detail``. HTTP concerns shared by every endpoint (CORS, ETag, the rate limit, JSON
404/405) live in :mod:`registry.api.http`.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from . import coverage, regulations, search, services
from .common import ApiError

DESCRIPTION = gettext_noop(
    "API publik Registri, hanya-baca: layanan publik dengan Standar Pelayanannya, perangkat daerah, "
    "peraturan dengan metadata JDIH, hubungan, berkas dan pohon pasal, kelengkapan regulasi, dan "
    "pencarian. Hanya konten yang terbuka untuk umum yang tampil (aturan yang sama dengan halaman "
    "publik): draf, halaman yang tidak terbit, dan halaman di bawah induk yang tidak terbit atau "
    "dibatasi tidak pernah muncul.\n\n"
    "**Penamaan kolom.** snake_case. Unsur metadata JDIH (Permenkumham 8/2019) dan Standar Pelayanan "
    "memakai istilahnya apa adanya dalam bahasa Indonesia (nomor, tahun, tentang, tanggal_penetapan, "
    "teu_badan, pasal …); kolom lain memakai bahasa Inggris (status, relations, documents, "
    "requirements …). Kolom berakhiran _label berisi nama dalam bahasa Indonesia.\n\n"
    "**Halaman.** Daftar memakai ?page= dan ?page_size= (1–100, bawaan 20) dengan urutan tetap "
    "(diakhiri ID). Parameter yang tidak dikenal ditolak dengan 400.\n\n"
    "**HTTP.** Jawaban membawa ETag (kirim If-None-Match untuk 304) dan Last-Modified (waktu terbit "
    "terbaru dari rekaman dalam jawaban, sebagai keterangan). CORS terbuka untuk GET, HEAD dan "
    "OPTIONS. Batas permintaan per klien: bila terlampaui, 429 dengan Retry-After."
)


class IndonesianJSONRenderer(JSONRenderer):
    """JSON with Indonesian text as it is (no \\u escapes), like /cari/?format=json."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="API Registri",
    version="1",
    description=DESCRIPTION,
    urls_namespace="registri_api",
    docs=Swagger(settings={"validatorUrl": None, "docExpansion": "list"}),
    renderer=IndonesianJSONRenderer(),
)
api.add_router("/services/", services.router)
api.add_router("/opd/", services.opd_router)
api.add_router("/regulations/", regulations.router)
api.add_router("/coverage/", coverage.router)
api.add_router("/search/", search.router)


def _error(request, status, detail, errors=()):
    return api.create_response(request, {"detail": detail, "errors": list(errors)}, status=status)


@api.exception_handler(ApiError)
def api_error(request, exc: ApiError):
    return _error(request, exc.status, exc.detail, exc.errors)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, _("Tidak ditemukan."))


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc: ValidationError):
    """Pydantic's complaints about parameters, as a 400 naming each parameter in Indonesian."""
    errors = []
    for item in exc.errors:
        # ("query", "jenis", 0): the parameter, then the index of a repeated value.
        location = [
            part for part in item.get("loc", ()) if isinstance(part, str) and part not in ("query", "path")
        ]
        name = location[0] if location else "?"
        errors.append({"parameter": name, "message": _parameter_message(item)})
    names = ", ".join(dict.fromkeys(error["parameter"] for error in errors))
    return _error(request, 400, _("Parameter tidak sah: %(names)s.") % {"names": names}, errors)


def _parameter_message(item: dict) -> str:
    kind = item.get("type", "")
    context = item.get("ctx") or {}
    if kind == "missing":
        return _("wajib diisi.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("harus berupa bilangan bulat.")
    if kind == "greater_than_equal":
        return _("paling kecil %(limit)s.") % {"limit": context.get("ge")}
    if kind == "less_than_equal":
        return _("paling besar %(limit)s.") % {"limit": context.get("le")}
    if kind == "string_too_long":
        return _("paling panjang %(limit)s karakter.") % {"limit": context.get("max_length")}
    if kind == "string_pattern_mismatch":
        return _("bentuknya tidak sesuai (%(pattern)s).") % {"pattern": context.get("pattern")}
    if kind in ("enum", "literal_error"):
        return _("pilih salah satu dari: %(values)s.") % {"values": context.get("expected", "")}
    if kind == "too_long":
        return _("terlalu banyak nilai.")
    return _("nilainya tidak sah.")
