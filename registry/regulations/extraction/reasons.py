"""Indonesian sentences for the extraction reason codes (the Django side of ``result.py``)."""

from django.utils.translation import gettext as _

from . import result

#: Internal reasons that only the Django pipeline produces.
FILE_MISSING = "file_missing"
INTERNAL_ERROR = "internal_error"
#: A running extraction whose process stopped beating (it was killed, or its server restarted).
STALE = "stale"
#: A running extraction still unfinished past its lease (every configured time limit, plus a margin).
LEASE_EXPIRED = "lease_expired"
#: A document left "running" with no run recording the work.
ORPHANED = "orphaned"


def _then_again(text: str) -> str:
    """``text`` followed by the advice to extract the document again."""
    return f"{text} {_('Jalankan ekstraksi ulang dokumen ini.')}"


def _ocr_missing(params: dict) -> str:
    tool = params.get("tool")
    if tool == "disabled":
        return _("%(count)s halaman pindaian perlu OCR, tetapi OCR dimatikan di pengaturan.") % params
    if tool == "lang":
        return (
            _(
                "%(count)s halaman pindaian perlu OCR, tetapi data bahasa Tesseract '%(language)s' "
                "belum terpasang (paket tesseract-ocr-%(language)s)."
            )
            % params
        )
    names = {"tesseract": "Tesseract (tesseract-ocr)", "pdftoppm": "pdftoppm (poppler-utils)"}
    return _("%(count)s halaman pindaian perlu OCR, tetapi %(tool)s tidak terpasang di server.") % {
        **params,
        "tool": names.get(tool, tool),
    }


def _not_pdf(params: dict) -> str:
    what = params.get("what")
    if what:
        return _("Berkas rusak atau bukan PDF: tanda %%PDF- tidak ada di awal berkas (isinya %(what)s).") % {
            "what": what
        }
    return _("Berkas rusak atau bukan PDF: tanda %%PDF- tidak ada di awal berkas.") % {}


_MESSAGES = {
    result.EMPTY_FILE: lambda p: _("Berkas rusak atau bukan PDF: berkas kosong."),
    result.NOT_PDF: _not_pdf,
    result.DAMAGED: lambda p: _("Berkas rusak atau bukan PDF: %(detail)s") % p,
    result.ENCRYPTED: lambda p: _("Berkas PDF dilindungi kata sandi."),
    result.ENCRYPTION_UNSUPPORTED: lambda p: _("Enkripsi berkas PDF ini tidak didukung: %(detail)s") % p,
    result.NO_PAGES: lambda p: _("Berkas PDF tidak berisi halaman."),
    result.TIMEOUT: lambda p: _("Melebihi batas waktu %(seconds)s detik.") % p,
    result.OCR_TIMEOUT: lambda p: (
        _("OCR melebihi batas waktu %(seconds)s detik; %(missing)s halaman pindaian belum terbaca.") % p
    ),
    result.MEMORY: lambda p: _("Melebihi batas memori %(megabytes)s MB.") % p,
    result.CRASHED: lambda p: _("Proses ekstraksi berhenti tak terduga (%(detail)s).") % p,
    result.OCR_MISSING: _ocr_missing,
    result.OCR_FAILED: lambda p: _("OCR gagal pada %(count)s halaman: %(detail)s") % p,
    result.NO_TEXT: lambda p: _("Berkas tidak berisi teks maupun halaman pindaian."),
    result.PAGES_UNREADABLE: lambda p: _("%(count)s halaman tidak terbaca (hlm. %(pages)s): %(detail)s") % p,
    FILE_MISSING: lambda p: _("Berkas asli tidak dapat dibuka dari penyimpanan: %(detail)s") % p,
    INTERNAL_ERROR: lambda p: _("Kesalahan internal saat ekstraksi: %(detail)s") % p,
    STALE: lambda p: _then_again(
        _(
            "Proses ekstraksi (%(worker)s) berhenti tanpa kabar: detak terakhir %(age)s detik yang lalu, "
            "melewati batas %(limit)s detik. Kemungkinan proses web atau worker dimatikan atau dimulai "
            "ulang di tengah jalan."
        )
        % p
    ),
    LEASE_EXPIRED: lambda p: _then_again(
        _("Ekstraksi tidak selesai dalam %(limit)s detik (batas waktu teks dan OCR ditambah kelonggaran).")
        % p
    ),
    ORPHANED: lambda p: _then_again(
        _("Status 'sedang diproses' tertinggal tanpa proses ekstraksi yang berjalan.")
    ),
}


def reason_text(code: str, params: dict | None = None) -> str:
    """The Indonesian sentence for a reason code ("" for no reason)."""
    if not code:
        return ""
    message = _MESSAGES.get(code)
    if message is None:
        return code
    return message(params or {})
