"""The RegulationType reference table (SPEC §2.5), reusable by the real product and the demo."""

from django.conf import settings

from registry.regulations.choices import Gazette, Level, Nature

N, P, K = Level.NASIONAL, Level.PROVINSI, Level.KOTA
REG, PEN, KEB = Nature.PERATURAN, Nature.PENETAPAN, Nature.KEBIJAKAN

# code, slug, name, abbreviation, level, nature, rank, gazette, has_supplement
REGULATION_TYPES = [
    ("UUD", "uud", "Undang-Undang Dasar", "UUD", N, REG, 1, Gazette.NONE, False),
    ("TAP_MPR", "tap-mpr", "Ketetapan Majelis Permusyawaratan Rakyat", "TAP MPR", N, REG, 2, "", False),
    ("UU", "uu", "Undang-Undang", "UU", N, REG, 3, Gazette.LN, True),
    ("PERPPU", "perppu", "Peraturan Pemerintah Pengganti Undang-Undang", "Perppu", N, REG, 3, "LN", True),
    ("PP", "pp", "Peraturan Pemerintah", "PP", N, REG, 4, Gazette.LN, True),
    ("PERPRES", "perpres", "Peraturan Presiden", "Perpres", N, REG, 5, Gazette.LN, False),
    ("PERMEN", "permen", "Peraturan Menteri", "Permen", N, REG, 6, Gazette.BN, False),
    ("PERBAN", "perban", "Peraturan Badan/Lembaga", "Perban", N, REG, 6, Gazette.BN, False),
    ("KEPPRES", "keppres", "Keputusan Presiden", "Keppres", N, PEN, 90, Gazette.NONE, False),
    ("INPRES", "inpres", "Instruksi Presiden", "Inpres", N, KEB, 93, Gazette.NONE, False),
    ("PERDA_PROV", "perda-prov", "Peraturan Daerah Provinsi", "Perda Prov.", P, REG, 6, Gazette.LD, True),
    ("PERGUB", "pergub", "Peraturan Gubernur", "Pergub", P, REG, 7, Gazette.BD, False),
    ("KEPGUB", "kepgub", "Keputusan Gubernur", "Kepgub", P, PEN, 90, Gazette.NONE, False),
    ("PERDA", "perda", "Peraturan Daerah", "Perda", K, REG, 7, Gazette.LD, True),
    ("PERWAL", "perwal", "Peraturan Wali Kota", "Perwal", K, REG, 8, Gazette.BD, False),
    ("PB_KDH", "pb-kdh", "Peraturan Bersama Kepala Daerah", "PB KDH", K, REG, 8, Gazette.BD, False),
    ("PERATURAN_DPRD", "peraturan-dprd", "Peraturan DPRD", "Peraturan DPRD", K, REG, 9, Gazette.BD, False),
    ("KEPWAL", "kepwal", "Keputusan Wali Kota", "Kepwal", K, PEN, 90, Gazette.NONE, False),
    ("KEP_DPRD", "kep-dprd", "Keputusan DPRD", "Kep. DPRD", K, PEN, 91, Gazette.NONE, False),
    (
        "KEP_PIMPINAN_DPRD",
        "kep-pimpinan-dprd",
        "Keputusan Pimpinan DPRD",
        "Kep. Pimpinan DPRD",
        K,
        PEN,
        91,
        "",
        False,
    ),
    ("KEP_BK_DPRD", "kep-bk-dprd", "Keputusan Badan Kehormatan DPRD", "Kep. BK DPRD", K, PEN, 91, "", False),
    ("KEP_SEKDA", "kep-sekda", "Keputusan Sekretaris Daerah", "Kep. Sekda", K, PEN, 91, Gazette.NONE, False),
    (
        "KEP_KEPALA_PD",
        "kep-kepala-pd",
        "Keputusan Kepala Perangkat Daerah",
        "Kep. Kepala PD",
        K,
        PEN,
        92,
        "",
        False,
    ),
    (
        "INSTRUKSI_WALKOT",
        "instruksi-walkot",
        "Instruksi Wali Kota",
        "Instruksi Wali Kota",
        K,
        KEB,
        93,
        "",
        False,
    ),
    ("SE_WALKOT", "se-walkot", "Surat Edaran Wali Kota", "SE Wali Kota", K, KEB, 94, Gazette.NONE, False),
    ("SOP", "sop", "Standar Operasional Prosedur", "SOP", K, KEB, 95, Gazette.NONE, False),
]


def default_teu(level: str) -> str:
    """The catalogue T.E.U. for a level: "Indonesia", "<Provinsi> (Provinsi)" or "<Kota> (Kota)"."""
    if level == Level.NASIONAL:
        return "Indonesia"
    if level == Level.PROVINSI:
        return f"{settings.REGISTRY_PROVINCE} (Provinsi)"
    return f"{settings.REGISTRY_CITY_SHORT} (Kota)"


def ensure_regulation_types(update_existing: bool = False) -> dict:
    """Create the seed regulation types that are missing and return all of them by code.

    Existing rows are left as editors made them unless ``update_existing`` is true, in which case
    they are brought back to the seed values (the demo loader does this).
    """
    from registry.regulations.models import RegulationType

    existing = {t.code: t for t in RegulationType.objects.all()}
    for code, slug, name, abbreviation, level, nature, rank, gazette, supplement in REGULATION_TYPES:
        values = {
            "slug": slug,
            "name": name,
            "abbreviation": abbreviation,
            "level": level,
            "nature": nature,
            "rank": rank,
            "gazette": gazette,
            "has_supplement": supplement,
            "is_local": level == Level.KOTA,
            "default_teu": default_teu(level),
        }
        current = existing.get(code)
        if current is None:
            existing[code] = RegulationType.objects.create(code=code, **values)
        elif update_existing and any(getattr(current, k) != v for k, v in values.items()):
            for field, value in values.items():
                setattr(current, field, value)
            current.save()
    return existing
