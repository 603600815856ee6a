"""The kinds of regulation (docs/domain.md §2.5) and their vocabularies.

``REGULATION_TYPES`` is the seed of the ``RegulationType`` table: ``manage.py setup_registry``
creates the missing rows from it, and the demo, the tests and the benches use the same records.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """One value of a controlled vocabulary: the stored code, the Python name and the label."""

    name: str
    code: str
    label: str


#: Who enacts a regulation.
LEVELS = (
    Choice("NASIONAL", "nasional", "Nasional"),
    Choice("PROVINSI", "provinsi", "Provinsi"),
    Choice("KOTA", "kota", "Kota"),
)
#: What a regulation does: rules for everybody, a decision, or a policy instrument.
NATURES = (
    Choice("PERATURAN", "peraturan", "Peraturan (regeling)"),
    Choice("PENETAPAN", "penetapan", "Penetapan (beschikking)"),
    Choice("KEBIJAKAN", "kebijakan", "Kebijakan"),
)
#: Where a regulation is promulgated.
GAZETTES = (
    Choice("LN", "LN", "Lembaran Negara"),
    Choice("BN", "BN", "Berita Negara"),
    Choice("LD", "LD", "Lembaran Daerah"),
    Choice("BD", "BD", "Berita Daerah"),
    Choice("NONE", "", "Tidak diundangkan"),
)

#: A regulation's standing, derived from the relations that point at it.
STATUSES = (
    Choice("BERLAKU", "berlaku", "Berlaku"),
    Choice("DIUBAH", "diubah", "Berlaku, telah diubah"),
    Choice("DICABUT_SEBAGIAN", "dicabut_sebagian", "Berlaku, dicabut sebagian"),
    Choice("DICABUT", "dicabut", "Dicabut"),
    Choice("TIDAK_BERLAKU", "tidak_berlaku", "Tidak berlaku"),
)
#: The statuses under which a regulation still binds.
IN_FORCE_STATUSES = frozenset({"berlaku", "diubah", "dicabut_sebagian"})
#: Forward relations, stored on the newer regulation.
RELATION_KINDS = (
    Choice("MENGUBAH", "mengubah", "Mengubah"),
    Choice("MENGUBAH_SEBAGIAN", "mengubah_sebagian", "Mengubah sebagian"),
    Choice("MENCABUT", "mencabut", "Mencabut"),
    Choice("MENCABUT_SEBAGIAN", "mencabut_sebagian", "Mencabut sebagian"),
    Choice("MELAKSANAKAN", "melaksanakan", "Melaksanakan"),
    Choice("TERKAIT", "terkait", "Terkait"),
)
MENGUBAH, MENGUBAH_SEBAGIAN, MENCABUT, MENCABUT_SEBAGIAN, MELAKSANAKAN, TERKAIT = (
    choice.code for choice in RELATION_KINDS
)

NASIONAL, PROVINSI, KOTA = (choice.code for choice in LEVELS)
PERATURAN, PENETAPAN, KEBIJAKAN = (choice.code for choice in NATURES)
LN, BN, LD, BD, NOT_PROMULGATED = (choice.code for choice in GAZETTES)


@dataclass(frozen=True)
class RegulationTypeRecord:
    """One kind of regulation.

    ``rank`` orders the hierarchy (1 is the constitution; decisions and policy instruments rank
    90 and above, outside the hierarchy of UU 12/2011); ``has_supplement`` says whether its gazette
    has a Tambahan (TLN/TLD).
    """

    code: str
    slug: str
    name: str
    abbreviation: str
    level: str
    nature: str
    rank: int
    gazette: str = NOT_PROMULGATED
    has_supplement: bool = False

    @property
    def is_local(self) -> bool:
        """Whether the city itself enacts it (the JDIHN feed lists these)."""
        return self.level == KOTA


def _t(code, slug, name, abbreviation, level, nature, rank, gazette=NOT_PROMULGATED, has_supplement=False):
    return RegulationTypeRecord(code, slug, name, abbreviation, level, nature, rank, gazette, has_supplement)


REGULATION_TYPES: tuple[RegulationTypeRecord, ...] = (
    _t("UUD", "uud", "Undang-Undang Dasar", "UUD", NASIONAL, PERATURAN, 1),
    _t("TAP_MPR", "tap-mpr", "Ketetapan Majelis Permusyawaratan Rakyat", "TAP MPR", NASIONAL, PERATURAN, 2),
    _t("UU", "uu", "Undang-Undang", "UU", NASIONAL, PERATURAN, 3, LN, True),
    _t(
        "PERPPU",
        "perppu",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        "Perppu",
        NASIONAL,
        PERATURAN,
        3,
        LN,
        True,
    ),
    _t("PP", "pp", "Peraturan Pemerintah", "PP", NASIONAL, PERATURAN, 4, LN, True),
    _t("PERPRES", "perpres", "Peraturan Presiden", "Perpres", NASIONAL, PERATURAN, 5, LN),
    _t("PERMEN", "permen", "Peraturan Menteri", "Permen", NASIONAL, PERATURAN, 6, BN),
    _t("PERBAN", "perban", "Peraturan Badan/Lembaga", "Perban", NASIONAL, PERATURAN, 6, BN),
    _t("KEPPRES", "keppres", "Keputusan Presiden", "Keppres", NASIONAL, PENETAPAN, 90),
    _t("INPRES", "inpres", "Instruksi Presiden", "Inpres", NASIONAL, KEBIJAKAN, 93),
    _t(
        "PERDA_PROV",
        "perda-prov",
        "Peraturan Daerah Provinsi",
        "Perda Prov.",
        PROVINSI,
        PERATURAN,
        6,
        LD,
        True,
    ),
    _t("PERGUB", "pergub", "Peraturan Gubernur", "Pergub", PROVINSI, PERATURAN, 7, BD),
    _t("KEPGUB", "kepgub", "Keputusan Gubernur", "Kepgub", PROVINSI, PENETAPAN, 90),
    _t("PERDA", "perda", "Peraturan Daerah", "Perda", KOTA, PERATURAN, 7, LD, True),
    _t("PERWAL", "perwal", "Peraturan Wali Kota", "Perwal", KOTA, PERATURAN, 8, BD),
    _t("PB_KDH", "pb-kdh", "Peraturan Bersama Kepala Daerah", "PB KDH", KOTA, PERATURAN, 8, BD),
    _t("PERATURAN_DPRD", "peraturan-dprd", "Peraturan DPRD", "Peraturan DPRD", KOTA, PERATURAN, 9, BD),
    _t("KEPWAL", "kepwal", "Keputusan Wali Kota", "Kepwal", KOTA, PENETAPAN, 90),
    _t("KEP_DPRD", "kep-dprd", "Keputusan DPRD", "Kep. DPRD", KOTA, PENETAPAN, 91),
    _t(
        "KEP_PIMPINAN_DPRD",
        "kep-pimpinan-dprd",
        "Keputusan Pimpinan DPRD",
        "Kep. Pimpinan DPRD",
        KOTA,
        PENETAPAN,
        91,
    ),
    _t("KEP_BK_DPRD", "kep-bk-dprd", "Keputusan Badan Kehormatan DPRD", "Kep. BK DPRD", KOTA, PENETAPAN, 91),
    _t("KEP_SEKDA", "kep-sekda", "Keputusan Sekretaris Daerah", "Kep. Sekda", KOTA, PENETAPAN, 91),
    _t(
        "KEP_KEPALA_PD",
        "kep-kepala-pd",
        "Keputusan Kepala Perangkat Daerah",
        "Kep. Kepala PD",
        KOTA,
        PENETAPAN,
        92,
    ),
    _t(
        "INSTRUKSI_WALKOT",
        "instruksi-walkot",
        "Instruksi Wali Kota",
        "Instruksi Wali Kota",
        KOTA,
        KEBIJAKAN,
        93,
    ),
    _t("SE_WALKOT", "se-walkot", "Surat Edaran Wali Kota", "SE Wali Kota", KOTA, KEBIJAKAN, 94),
    _t("SOP", "sop", "Standar Operasional Prosedur", "SOP", KOTA, KEBIJAKAN, 95),
)

#: Records by code.
TYPES_BY_CODE: dict[str, RegulationTypeRecord] = {record.code: record for record in REGULATION_TYPES}
