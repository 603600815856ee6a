"""Compiled regular expressions for Indonesian regulation texts.

Started from domain §3.3 and widened where the labelled corpus demanded it. Patterns that work on
one line expect normalised lines (see ``normalise``); patterns for multi-line constructs expect
whitespace-collapsed text (``collapse_ws``).
"""

from __future__ import annotations

import re

MONTHS = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "nopember": 11,
    "november": 11,
    "desember": 12,
}
MONTH_ALT = "|".join(MONTHS)

ORDINALS = {
    "KEDUA": 2,
    "KETIGA": 3,
    "KEEMPAT": 4,
    "KELIMA": 5,
    "KEENAM": 6,
    "KETUJUH": 7,
    "KEDELAPAN": 8,
    "KESEMBILAN": 9,
    "KESEPULUH": 10,
}


def collapse_ws(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


# ---------- kinds: (pattern on an UPPER-CASED, whitespace-collapsed phrase, LABELS kind) ----------
# Order matters: the first pattern that matches wins.
KIND_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"UNDANG-\s?UNDANG\s+DASAR"), "UUD"),
    (re.compile(r"PERATURAN\s+PEMERINTAH\s+PENGGANTI"), "PERPPU"),
    (re.compile(r"^(?:SALINAN\s+)?UNDANG[- ]\s?UNDANG|\bUNDANG-\s?UNDANG\b"), "UU"),
    (re.compile(r"PERATURAN\s+PEMERINTAH\b"), "PP"),
    (re.compile(r"PERATURAN\s+PRESIDEN"), "PERPRES"),
    (re.compile(r"KEPUTUSAN\s+PRESIDEN"), "KEPPRES"),
    (re.compile(r"INSTRUKSI\s+PRESIDEN"), "INPRES"),
    (re.compile(r"PERATURAN\s+MENTERI"), "PERMEN"),
    (re.compile(r"KEPUTUSAN\s+MENTERI"), "OTHER"),
    (re.compile(r"PERATURAN\s+(?:DEWAN\s+PERWAKILAN\s+RAKYAT\s+DAERAH|DPRD)"), "PERATURAN_DPRD"),
    (re.compile(r"PERATURAN\s+DAERAH\s+(?:PROVINSI|PROPINSI)"), "PERDA_PROV"),
    (re.compile(r"PERATURAN\s+DAERAH"), "PERDA"),
    (re.compile(r"PERATURAN\s+GUBERNUR"), "PERGUB"),
    (re.compile(r"KEPUTUSAN\s+GUBERNUR"), "KEPGUB"),
    (re.compile(r"PERATURAN\s+WALI\s?KOTA"), "PERWAL"),
    (re.compile(r"KEPUTUSAN\s+WALI\s?KOTA"), "KEPWAL"),
    (re.compile(r"PERATURAN\s+BUPATI"), "PERBUP"),
    (re.compile(r"KEPUTUSAN\s+BUPATI"), "KEPBUP"),
    (
        re.compile(r"KEPUTUSAN\s+KEPALA\s+(?:DINAS|BADAN|KANTOR|SATUAN|BAGIAN)\b.*\b(?:KOTA|KABUPATEN)\b"),
        "KEP_KEPALA_PD",
    ),
    (re.compile(r"PERATURAN\s+(?:KEPALA|KETUA|BADAN|LEMBAGA|OTORITAS|BAN-PT)\b"), "PERBAN"),
    (re.compile(r"KEPUTUSAN\s+(?:KEPALA|KETUA|BADAN|LEMBAGA|DEWAN)\b"), "KEPKA"),
    (re.compile(r"SURAT\s+EDARAN"), "SE"),
    (re.compile(r"KETETAPAN|ORDONANSI|STAATSBLAD|KEPUTUSAN|PERATURAN"), "OTHER"),
]

NATIONAL_KINDS = {"UU", "PERPPU", "PP", "PERPRES", "KEPPRES", "INPRES", "PERMEN", "PERBAN", "KEPKA", "SE"}


def classify_kind(phrase: str) -> str | None:
    """Map a regulation-type phrase ("Peraturan Wali Kota …") to a LABELS kind code."""
    upper = collapse_ws(phrase).upper()
    for pattern, kind in KIND_RULES:
        if pattern.search(upper):
            return kind
    return None


# ---------- document head ----------
RAHMAT_RE = re.compile(r"^\s*DENGAN\s+RAHMAT\s+(?:TUHAN|ALLAH)\b", re.I)
# A title starts with one of these upper-case words.
TITLE_START_RE = re.compile(
    r"(?<![A-Za-z])(?:PERATURAN|UNDANG-\s?UNDANG|KEPUTUSAN|INSTRUKSI|SURAT\s+EDARAN|KETETAPAN)\b"
)
# Applied to the collapsed head block, starting at a TITLE_START_RE match.
TITLE_RE = re.compile(
    r"""(?P<prefix>(?:(?!\bTENTANG\b)[^:])*?)
    \s+(?i:NOMOR|NO\.)\s*[:.]?\s*(?P<nomor>(?:(?!\b(?i:TAHUN)\b|\bTENTANG\b).)*?)
    \s*(?:(?i:TAHUN)\s*:?\s*(?:(?P<tahun>[12][0-9OIl]{3})|[^\s]{1,12}(?=\s+TENTANG\b)))?
    \s+TENTANG\s*:?\s*(?P<tentang>.*)$""",
    re.X | re.S,
)
AMEND_TITLE_RE = re.compile(
    r"^PERUBAHAN\s+(?:(?P<ke>" + "|".join(ORDINALS) + r")\s+)?ATAS\s+(?P<target>.+)$", re.S
)
PEJABAT_LINE_RE = re.compile(
    r"^(?!.*\bTENTANG\b)[A-Z .'()/&-]*\b(?:WALI\s?KOTA|BUPATI|GUBERNUR|PRESIDEN|MENTERI|KEPALA|KETUA|PIMPINAN"
    r"|DIREKTUR|REPUBLIK\s+INDONESIA)\b[A-Z .'()/&-]*,\s*$"
)
SALINAN_RE = re.compile(r"^\s*SALINAN\s*$")
LAMPIRAN_HEAD_RE = re.compile(r"^\s*LAMP\W?I\W?RAN\b(?:\s+(?P<romawi>[IVXL]+)\b)?", re.I)
#: "ABSTRAK" alone on a line, or followed by its colon and text when a layout joins them.
ABSTRAK_RE = re.compile(r"^\s*ABSTRAK\s*(?::.*)?$")
ABSTRAK_NUMBER_RE = re.compile(
    r"\b(?P<kind>PERDA|PERWAL|PERBUP|PERGUB|PERKADA|PP|UU|PERPRES|PERMEN)\s+NO\.?\s*(?P<nomor>[\w./-]+?)\s*,"
    r".*?\b(?:LD|BD|LN|BN|TLD)\s*(?P<tahun>\d{4})\s*/\s*NO\.?\s*(?P<gaz>[\w/-]+)",
    re.S,
)
STANDAR_PELAYANAN_RE = re.compile(r"^\s*STANDAR\s+PELAYANAN\b", re.I)
SOP_RE = re.compile(
    r"^\s*(?:STANDARD?\s+OPERASIONAL\s+PROSEDUR|STANDARD\s+OPERATING\s+PROCEDURE|SOP\b)", re.I
)
FORM_RE = re.compile(r"^\s*FORMULIR\b", re.I)
DOC_NUMBER_RE = re.compile(r"\bNo\.?\s*Dokumen\s*:?\s*(?P<nomor>[A-Z0-9][\w./-]*)", re.I)
#: "No. B-003/UN29.9/SOP" alone, or followed by the footer's other cells ("Tgl. …", "Rev. …").
SOP_NUMBER_RE = re.compile(r"^\s*No\.\s*(?P<nomor>[A-Z0-9][\w.-]*/[\w./-]+)(?:\s|$)")
EFFECTIVE_DATE_RE = re.compile(
    r"\bTgl\.?\s*(?:Ef+ektif\s*)?:?\s*(?P<date>\d{1,2}[- ](?:\d{1,2}|\w+)[- ]\d{4})", re.I
)
#: The date cells of an SOP's header table ("Tanggal Pembuatan : 25 Januari 2024", or a cell that
#: reads "tanggal : 25 Januari 2024" beside its label): the month is a name, so a stray number is not one.
SOP_DATE_RE = re.compile(
    r"\b(?:Tanggal|Tgl\.?)(?:\s+(?:Pembuatan|Pengesahan|Efektif|Revisi|Penetapan))?\s*:\s*"
    r"(?P<date>\d{1,2}\s+(?:" + MONTH_ALT + r")\s+\d{4})\b",
    re.I,
)
REGION_RE = re.compile(
    r"\b(?P<level>KOTA|KABUPATEN|PROVINSI|PROPINSI)\s+(?P<name>[A-Z][A-Z'-]+(?:[ \t]+[A-Z][A-Z'-]+)?)\b"
)
REGION_MIXED_RE = re.compile(
    r"\b(?P<level>Kota|Kabupaten|Provinsi)\s+"
    r"(?P<name>[A-Z][a-z'-]+(?:[ \t]+(?!(?:Nomor|Tahun|Tentang|Dan|Dinas|Badan|Kantor|Sekretariat|Provinsi|Kecamatan)\b)[A-Z][a-z'-]+)?)"
)
KOP_RE = re.compile(r"^\s*(?P<pejabat>WALI\s?KOTA|BUPATI|GUBERNUR)\s+(?P<wil>[A-Z][A-Z .'-]+?)\s*,?\s*$")
REPUBLIK_RE = re.compile(r"REPUBLIK\s+INDONESIA")

# ---------- konsiderans ----------
MENIMBANG_RE = re.compile(r"^\s*Menimbang\b\s*:?\s*(?P<rest>.*)$", re.I)
MENGINGAT_RE = re.compile(r"^\s*Mengingat\b\s*:?\s*(?P<rest>.*)$", re.I)
KONSIDERANS_END_RE = re.compile(
    r"^\s*(?:Memperhatikan\b|Membaca\b|Dengan\s+Persetujuan\b|M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b|"
    r"Menetapkan\s*:|MENETAPKAN\s*:|Menetapkan\s*$)",
    re.I,
)
MEMUTUSKAN_RE = re.compile(r"^\s*(?:-\s*\d+\s*-?\s*)?M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b", re.I)
MENETAPKAN_RE = re.compile(r"^\s*Menetapkan\b\s*:?", re.I)
BAHWA_ITEM_RE = re.compile(r"(?:^|\n)\s*(?:(?P<huruf>[a-z])\s*[.)]?\s+)?(?P<text>[Bb]ahwa\b)")

# ---------- citations (run on collapsed text) ----------
_CITE_HEAD = (
    r"(?:Undang-\s?[Uu]ndang(?:\s+Darurat)?|UNDANG-\s?UNDANG(?:\s+DARURAT)?"
    r"|(?:Peraturan|PERATURAN|Keputusan|KEPUTUSAN|Instruksi|INSTRUKSI|Ketetapan|KETETAPAN|Ordonansi"
    r"|Surat\s+Edaran|SURAT\s+EDARAN)"
    r"(?:\s+(?:[A-Z][\w&()-]*,?|dan|DAN|RI))*?)"
)
CITATION_RE = re.compile(
    r"(?P<jenis>" + _CITE_HEAD + r")"
    r"\s+(?:Nomor|NOMOR|No\.|NO\.)\s*:?\s*"
    r"(?P<nomor>[0-9A-Za-z][\w./-]*?(?:\s+(?:Pnps|PNPS|Prp|PRP|Drt|DRT)\.?)?)"
    r"(?:\s*,?\s+(?:Tahun|TAHUN)\s+(?P<tahun>\d{4})|(?=[\s,;)]))"
)
ORDONANSI_RE = re.compile(
    r"\bOrdonansi\b(?!\s+Nomor)(?P<body>.{0,400}?)\(\s*Staatsblad\s+Tahun\s+(?P<tahun>\d{4})", re.S
)
UUD_RE = re.compile(
    r"Undang-\s?Undang\s+Dasar(?:\s+Negara)?(?:\s+Republik\s+Indonesia)?(?:\s*\.?\s*Tahun\s+(?P<tahun>\d{4}))?",
    re.I,
)
AMEND_CHAIN_RE = re.compile(
    r"sebagaimana\s+telah\s+(?:beberapa\s+kali\s+|\w+\s+kali\s+)?(?:diubah|diganti)", re.I
)
GAZETTE_INLINE_RE = re.compile(
    r"\(\s*(?P<series>(?:Lembaran|Berita)\s+(?:Negara|Daerah))(?P<region>[^()]*?)\s+Tahun\s+(?P<tahun>\d{4})"
    r"\s*,?\s+Nomor\s+(?P<nomor>[\w/]+)",
    re.I,
)

# ---------- body structure (one line each) ----------
BAB_RE = re.compile(r"^\s*BAB\s*(?P<num>[IVXLC]+|[IVXLCm1Il]+)\s*$")
BAGIAN_RE = re.compile(
    r"^\s*Bagian\s+(?P<ord>Ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)"
    r"(?:\s+(?:Belas|Puluh)(?:\s+\w+)?)?)\s*$",
    re.I,
)
PARAGRAF_RE = re.compile(r"^\s*Paragraf\s+(?P<num>\d+)\s*$", re.I)
PASAL_RE = re.compile(r"^\s*P[a@]\W?[s5a]\W?[a@]\W?[l1I]?\s*(?P<num>[0-9][0-9Il]{0,2}\s?[A-Z]?|[IVXL]+)\s*$")
AYAT_RE = re.compile(r"^\s*\(\s*(?P<num>[0-9lI]{1,2})\s*\)\s*(?P<text>.*)$")
DIKTUM_RE = re.compile(
    r"^\s*(?P<diktum>KESATU|PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN|KESEPULUH)"
    r"\s*:?\s*(?P<text>.*)$"
)
PENJELASAN_RE = re.compile(r"^\s*PENJELASAN\s*$|^\s*PENJELASAN\s+ATAS\b")
LAMPIRAN_RE = re.compile(
    r"^\s*LAMP\W?I\W?RAN\s*(?:[IVX]+\s*)?(?:\s+(?:PERATURAN|KEPUTUSAN|UNDANG)\b.*)?\s*:?\s*$"
)
#: Where the signing block starts: an enactment line, also when a side table's cells share its
#: baseline ("PARAF KOORDINASI Ditetapkan di Bali"), or, when there is none, the promulgation line.
SIGNING_START_RE = re.compile(
    r"^\s*(?i:Ditetapkan|Disahkan|Dikeluarkan|Diundangkan)\s+(?i:di)\b"
    r"|^[A-Z][A-Z ]{0,40}\s(?:Ditetapkan|DITETAPKAN)\s+(?:di|DI)\b"
)

# ---------- amendment / revocation / delegation ----------
REVOKE_RE = re.compile(
    r"(?:dicabut\s+dan\s+)?(?:di|cli|dl|d1)(?:y|ny)atakan\s+tidak\s+berlaku(?:\s+lagi)?", re.I
)
STILL_VALID_RE = re.compile(r"(?:masih\s+)?tetap\s+berlaku", re.I)
PARTIAL_RE = re.compile(
    r"\bKetentuan\s+(?:Pasal|yang\s+mengatur|mengenai)|\bsepanjang\s+mengatur|\bBagian\s+Ke", re.I
)
SELF_REF_RE = re.compile(r"\b(?:ini|tersebut)\b")
DELEGASI_RE = re.compile(
    r"untuk\s+melaksanakan\s+ketentuan\s+(?:dalam\s+)?(?P<target>.+?)(?:,\s*)?perlu\s+(?:menetapkan|membentuk)",
    re.I | re.S,
)
OPEN_DELEGATION_RE = re.compile(
    r"(?:diatur|ditetapkan)\s+(?:lebih\s+lanjut\s+)?(?:dengan|dalam)\s+"
    r"(?P<jenis>Peraturan\s+(?:Wali\s?[Kk]ota|Bupati|Gubernur|Daerah|Menteri|Pemerintah|Presiden)|"
    r"Keputusan\s+(?:Wali\s?[Kk]ota|Bupati|Gubernur))",
)

# ---------- closing, promulgation ----------
SIGN_RE = re.compile(
    r"(?P<kind>Ditetapkan|Disahkan|Dikeluarkan|Diundangkan|Diumumkan)\s+di\s*:?\s*"
    r"(?P<rest>(?:(?!Ditetapkan|Disahkan|Dikeluarkan|Diundangkan|Diumumkan).){0,120})",
    re.I | re.S,
)
DATE_TEXT_RE = re.compile(r"(?P<d>\d{1,2})\s*(?P<m>" + MONTH_ALT + r")\s*(?P<y>\d{4})", re.I)
DATE_NUMERIC_RE = re.compile(r"(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})")
PROM_RE = re.compile(
    r"(?P<series>BERITA|LEMBARAN)\s+(?P<level>DAERAH|NEGARA)\b(?P<region>(?:\s+[A-Z][A-Z.]*){0,4})"
    r"(?P<junk>\s+[^\n]{0,60}?)??\s+TAHUN\s*:?\s*(?P<tahun>\d{4})\s*,?\s*NOMOR\s*:?\s*(?P<nomor>[0-9][\w/]*)?",
)
PROM_NUMBER_FIRST_RE = re.compile(
    r"(?P<series>BERITA|LEMBARAN)\s+(?P<level>DAERAH|NEGARA)\b(?P<region>(?:\s+[A-Z][A-Z.]*){0,4})"
    r"\s+(?i:NOMOR)\s*:?\s*(?P<nomor>[0-9][\w/]*)\s+(?i:TAHUN)\s*:?\s*(?P<tahun>\d{4})",
)
GAZETTE_HEADER_RE = re.compile(
    r"^\s*(?P<series>BERITA|LEMBARAN)\s+NEGARA\s*(?:REPUBLIK\s+INDONESIA|RI)?\s*No\.\s*(?P<nomor>\d+)\s*,\s*(?P<tahun>\d{4})",
    re.S,
)

# ---------- PDF / OCR artefacts ----------
PAGE_NO_RE = re.compile(r"^\s*(?:[-–•·]\s*[0-9Il]{1,3}\s*[-–•·.]?|[0-9]{1,3}|\.\s*[0-9]{1,3}\s*\.)\s*$")
PAGE_OF_RE = re.compile(r"^\s*(?:Page|Halaman|Hal\.?)\s+\d+\s+(?:of|dari)\s+\d+\s*$", re.I)
PAGE_NO_PREFIX_RE = re.compile(r"^\s*-\s*[0-9]{1,3}\s*-?\s*(?=[A-Z(])")
CATCHWORD_RE = re.compile(r"^\s*\S.{0,60}?\s*(?:\.\s?){3,}\s*$|^\s*\S.{0,60}?…\s*$")
WATERMARK_RE = re.compile(r"^\s*(?:www\.|jdih\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.go\.id\s*$", re.I)
FILE_PATH_RE = re.compile(r"^\s*[A-Z]:\\\S.*$")
#: The Berita Negara running header, "2017, No.1575 -2-" (page number on the same baseline or not).
RUNNING_HEADER_RE = re.compile(r"^\s*\d{4},\s*No\.\s?\d+(?:\s*-\s*\d{1,3}\s*-)?\s*$")
