"""Notes about feed records as data: an Indonesian message id and its parameters.

Pure: no Django import. The mapping never builds sentences; it returns :class:`Note` objects whose
``msgid`` is the Indonesian sentence (a ``%``-format string, also its gettext msgid) and whose
``params`` are plain values. The Django side renders them with ``gettext`` where they are shown.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


def gettext_noop(message: str) -> str:
    """Mark ``message`` as a msgid for ``makemessages`` and return it unchanged."""
    return message


#: Severity of a note: information, a value that was corrected or dropped, or why a record was skipped.
INFO, WARNING, SKIP = "info", "warning", "skip"


@dataclass(frozen=True)
class Note:
    """One thing worth telling about a record."""

    msgid: str
    params: dict = field(default_factory=dict, hash=False, compare=False)
    level: str = WARNING

    def render(self, translate: Callable[[str], str] = lambda s: s) -> str:
        """The sentence, translated by ``translate`` and filled with the parameters."""
        text = translate(self.msgid)
        return text % self.params if self.params else text


# --- why a record is skipped ------------------------------------------------------------------
NOT_AN_OBJECT = gettext_noop("Catatan ini bukan objek JSON (isinya %(what)s).")
NO_TYPE = gettext_noop(
    "Jenis peraturan tidak dikenali (jenis: '%(jenis)s', singkatan: '%(singkatan)s', judul: '%(judul)s')."
)
NO_NUMBER = gettext_noop("Nomor peraturan tidak ada, baik di noPeraturan maupun di judul.")
NO_YEAR = gettext_noop("Tahun peraturan tidak ada di tahun_pengundangan, judul, maupun tanggal.")
NO_SUBJECT = gettext_noop("Judul kosong: tidak ada yang dapat dijadikan judul dan pokok (tentang).")

# --- values corrected, chosen or dropped --------------------------------------------------------
TYPE_CONFLICT = gettext_noop(
    "Jenis di umpan ('%(feed)s') bertentangan dengan judul ('%(title)s'); dipakai jenis dari judul."
)
ABBREVIATION_CONFLICT = gettext_noop(
    "Singkatan jenis '%(abbr)s' tidak cocok dengan jenis '%(jenis)s'; dipakai jenis."
)
TYPE_FROM_TITLE = gettext_noop(
    "Jenis di umpan kosong atau tidak dikenali ('%(feed)s'); dipakai jenis dari judul ('%(title)s')."
)
NUMBER_CONFLICT = gettext_noop(
    "Nomor di judul (%(title)s) berbeda dengan noPeraturan (%(field)s); dipakai noPeraturan."
)
NUMBER_FROM_TITLE = gettext_noop("noPeraturan kosong; nomor %(nomor)s dibaca dari judul.")
YEAR_CONFLICT = gettext_noop(
    "Tahun di judul (%(title)s) berbeda dengan tahun_pengundangan (%(field)s); dipakai tahun dari judul."
)
YEAR_FROM_ELSEWHERE = gettext_noop("tahun_pengundangan kosong; tahun %(tahun)s dibaca dari %(where)s.")
BAD_DATE = gettext_noop("Nilai %(field)s '%(value)s' bukan tanggal yang dapat dibaca; dikosongkan.")
DATE_OUTSIDE_YEAR = gettext_noop("Tanggal penetapan %(value)s tidak jatuh pada tahun %(tahun)s; dikosongkan.")
DATE_ORDER = gettext_noop(
    "Tanggal pengundangan %(pengundangan)s sebelum tanggal penetapan %(penetapan)s; "
    "tanggal pengundangan dikosongkan."
)
TITLE_BUILT = gettext_noop(
    "Judul di umpan tidak memuat nomor dan tahun; judul disusun dari jenis, nomor dan tahun."
)
TITLE_TRUNCATED = gettext_noop(
    "Judul lebih dari %(max)s karakter; dipotong (pokok lengkap disimpan di 'tentang')."
)
NO_TENTANG = gettext_noop("Pokok (tentang) tidak ada di judul; diisi '(belum diisi)'.")
BERLAKU_ORDER = gettext_noop(
    "Tanggal berlaku %(berlaku)s sebelum tanggal penetapan/pengundangan; dikosongkan."
)
UNKNOWN_STATUS = gettext_noop("Status '%(value)s' tidak dikenal; dianggap Berlaku.")
WILAYAH_DEFAULT = gettext_noop("Wilayah tidak tercantum di catatan; dipakai %(wilayah)s.")
WILAYAH_CONFLICT = gettext_noop(
    "Wilayah di judul (%(title)s) berbeda dengan %(field)s (%(value)s); dipakai wilayah dari judul."
)
SUMBER_UNREAD = gettext_noop("Sumber '%(value)s' tidak dapat diurai menjadi tahun dan nomor lembaran/berita.")
PAGES_UNREAD = gettext_noop("Jumlah halaman '%(value)s' tidak dapat dibaca.")
BAD_URL = gettext_noop("Alamat %(field)s '%(value)s' bukan URL http(s); diabaikan.")

# --- duplicates ---------------------------------------------------------------------------------
MERGED = gettext_noop("Duplikat catatan #%(first)s (peraturan yang sama); isinya digabungkan ke sana.")
MERGE_CONFLICT = gettext_noop(
    "Duplikat #%(other)s mencantumkan %(field)s '%(value)s'; dipakai '%(kept)s' dari catatan ini."
)

# --- proposals for the legal bureau -------------------------------------------------------------
PROPOSE_RELATION = gettext_noop(
    "Judul menyatakan '%(kind)s' %(target)s: diusulkan sebagai hubungan untuk ditinjau Bagian Hukum."
)
ALREADY_PROPOSED = gettext_noop(
    "Usulan yang sama sudah pernah dibuat (menunggu, diterapkan atau ditolak); tidak diusulkan lagi."
)
PROPOSE_STATUS = gettext_noop("Status '%(value)s' diusulkan untuk ditinjau Bagian Hukum.")
