"""The JDIHN integration feed (domain §1.5): a JSON array of flat records that Pusat JDIHN harvests."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from registry.visibility import public_pages
from search.params import parse_year

from .models import RegulationPage


def _date(value) -> str:
    return value.isoformat() if value else ""


def _file_name(document) -> str:
    return document.filename if document else ""


def jdihn_record(page: RegulationPage, base_url: str) -> dict:
    """One regulation as a JDIHN record, with the key names every member feed uses."""
    document = page.document
    abstract_document = page.abstract_document
    return {
        "idData": str(page.pk),
        "tahun_pengundangan": str(page.tahun),
        "tanggal_penetapan": _date(page.tanggal_penetapan),
        "tanggal_pengundangan": _date(page.tanggal_pengundangan),
        "jenis": page.regulation_type.name,
        "noPeraturan": page.nomor,
        "judul": page.title,
        "noPanggil": "-",
        "singkatanJenis": page.regulation_type.abbreviation.upper(),
        "tempatTerbit": page.tempat_penetapan,
        "penerbit": f"Pemerintah {page.wilayah}" if page.regulation_type.is_local else page.teu_badan or "-",
        "deskripsiFisik": f"{page.jumlah_halaman} hlm" if page.jumlah_halaman else "-",
        "sumber": page.sumber or "-",
        "subjek": page.subjek or "-",
        "isbn": "-",
        "status": page.jdih_status,
        "bahasa": page.bahasa,
        "bidangHukum": page.bidang_hukum or "-",
        "teuBadan": page.teu_badan or page.regulation_type.default_teu or "-",
        "nomorIndukBuku": "-",
        "fileDownload": _file_name(document),
        "urlDownload": base_url + document.url if document else "",
        "abstrak": _file_name(abstract_document) or page.abstrak,
        "urlabstrak": base_url + abstract_document.url if abstract_document else "",
        "urlDetailPeraturan": base_url + page.url if page.url else "",
        "operasi": "4",
        "display": "1",
    }


@require_GET
def jdihn_feed(request):
    """All public local regulations as the JDIHN array; ``?tahun=YYYY`` narrows to one year."""
    pages = (
        public_pages(RegulationPage.objects.filter(regulation_type__is_local=True))
        .select_related("regulation_type", "document", "abstract_document")
        .order_by("-tahun", "regulation_type__rank", "nomor")
    )
    raw_tahun = request.GET.get("tahun", "")
    if raw_tahun:
        tahun = parse_year(raw_tahun)
        if tahun is None:
            return JsonResponse(
                {"error": _("Parameter tahun harus berupa angka tahun, misalnya ?tahun=2023.")}, status=400
            )
        pages = pages.filter(tahun=tahun)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return JsonResponse([jdihn_record(page, base_url) for page in pages], safe=False)
