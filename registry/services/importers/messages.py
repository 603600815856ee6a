"""Issues found in a services sheet, as data: an Indonesian msgid, its parameters and where it is.

Pure: no Django import. The msgid is the Indonesian sentence (a ``%``-format string and its gettext
msgid); the Django side renders it with ``gettext``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


def gettext_noop(message: str) -> str:
    """Mark ``message`` as a msgid for ``makemessages`` and return it unchanged."""
    return message


ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Issue:
    """Something wrong (an error blocks the whole import) or worth a look (a warning) in one cell."""

    row: int
    column: str
    msgid: str
    params: dict = field(default_factory=dict, hash=False, compare=False)
    level: str = ERROR

    def render(self, translate: Callable[[str], str] = lambda s: s) -> str:
        text = translate(self.msgid)
        return text % self.params if self.params else text


# --- the file -------------------------------------------------------------------------------------
UNREADABLE = gettext_noop(
    "Berkas tidak dapat dibaca sebagai %(kind)s (%(reason)s). Simpan ulang sebagai .xlsx atau .csv (UTF-8)."
)
UNSUPPORTED = gettext_noop("Jenis berkas '%(name)s' tidak didukung. Unggah berkas .xlsx atau .csv.")
NO_HEADER = gettext_noop(
    "Baris judul kolom tidak ditemukan: perlu kolom %(columns)s. Gunakan templat yang disediakan."
)
NO_ROWS = gettext_noop("Lembar tidak berisi baris layanan di bawah baris judul kolom.")
TOO_MANY_ROWS = gettext_noop("Lembar berisi lebih dari %(limit)s baris. Bagi menjadi beberapa berkas.")

# --- a row ----------------------------------------------------------------------------------------
REQUIRED = gettext_noop("Kolom %(column)s kosong. Isi kolom ini atau hapus barisnya.")
TOO_LONG = gettext_noop(
    "Isian terlalu panjang (%(length)s karakter, paling banyak %(limit)s). Persingkat isiannya."
)
LINE_TOO_LONG = gettext_noop(
    "Baris ke-%(line)s terlalu panjang (%(length)s karakter, paling banyak %(limit)s). "
    "Persingkat atau pecah menjadi beberapa baris."
)
DUPLICATE_ROW = gettext_noop(
    "Layanan '%(title)s' untuk %(opd)s sudah ada di baris %(first)s. Gabungkan kedua baris atau hapus salah satunya."
)
BAD_AMOUNT = gettext_noop(
    "Besaran biaya '%(text)s' tidak terbaca. Tulis 'Gratis', 'Rp 150.000', atau 'Sesuai Perda …'."
)
BAD_TIME = gettext_noop(
    "Jangka waktu '%(text)s' tidak terbaca. Tulis misalnya '14 hari kerja', '1 jam' atau 'Sesuai antrean'."
)
UNKNOWN_OPD = gettext_noop(
    "Perangkat daerah '%(text)s' tidak ditemukan. Tulis nama atau singkatan OPD persis seperti di registri."
)
AMBIGUOUS_OPD = gettext_noop(
    "'%(text)s' cocok dengan lebih dari satu perangkat daerah (%(matches)s). Tulis nama lengkapnya."
)
NOT_ALLOWED = gettext_noop(
    "Anda tidak berhak mengubah layanan %(opd)s. Hapus baris ini atau minta editor OPD tersebut mengimpornya."
)
NO_SERVICE_CHOSEN = gettext_noop("Tidak ada layanan yang dipilih. Centang paling sedikit satu layanan.")
INVALID = gettext_noop("Layanan tidak valid: %(reason)s Perbaiki isian pada baris ini.")

# --- warnings -------------------------------------------------------------------------------------
COST_WITHOUT_AMOUNT = gettext_noop(
    "Biaya '%(text)s' tidak menyebut besaran; disimpan sebagai keterangan biaya. Lengkapi jenis biaya di editor."
)
TIME_AS_NOTE = gettext_noop("Jangka waktu '%(text)s' tidak berupa angka; disimpan sebagai keterangan waktu.")
BASIS_UNREADABLE = gettext_noop(
    "Dasar hukum '%(text)s' tidak terbaca sebagai jenis, nomor dan tahun peraturan; tidak ditautkan."
)
BASIS_NOT_FOUND = gettext_noop(
    "Dasar hukum '%(text)s' belum ada di registri; tidak ditautkan. Daftarkan peraturannya, lalu tautkan di editor."
)
PROVISION_NOT_FOUND = gettext_noop(
    "%(provision)s tidak ditemukan dalam struktur pasal %(regulation)s; peraturan ditautkan dengan label pasal apa adanya."
)
