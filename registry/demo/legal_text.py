"""Compose the wording of demo regulations: titles, citations, konsiderans, articles and abstracts.

Pure functions over :class:`~registry.demo.records.Reg` records; nothing here touches the database, so
the PDF generator and the loader share one source of wording.
"""

from .opd import units_by_slug

CITY = "Kota Balikpapan"
ORDINALS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

_JENIS = {
    "UU": "Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "PERPRES": "Peraturan Presiden",
    "PERDA": "Peraturan Daerah",
    "PERWAL": "Peraturan Wali Kota",
    "KEPWAL": "Keputusan Wali Kota",
}
UUD_18 = "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
DEFAULT_MENGINGAT = ("UUD", "UU-27-1959", "UU-23-2014")
#: Before UU 23/2014 (enacted in October 2014) a regional regulation cited UU 32/2004 instead.
DEFAULT_MENGINGAT_BEFORE_2015 = ("UUD", "UU-27-1959", "UU-32-2004")


def default_mengingat(reg) -> tuple:
    """The constitutional and regional-government bases every Perda and Perwal of its time cites."""
    return DEFAULT_MENGINGAT if reg.tahun >= 2015 else DEFAULT_MENGINGAT_BEFORE_2015


_GENERAL_DEFINITIONS = (
    ("Daerah", "Kota Balikpapan"),
    (
        "Pemerintah Daerah",
        "Wali Kota sebagai unsur penyelenggara Pemerintahan Daerah yang memimpin "
        "pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom",
    ),
    ("Wali Kota", "Wali Kota Balikpapan"),
)


def tanggal(value) -> str:
    """A date the Indonesian way: 5 Januari 2024."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def unit_name(reg) -> str:
    """The issuing unit of a Keputusan Kepala Perangkat Daerah, e.g. "Dinas Kesehatan"."""
    return units_by_slug()[reg.signer].title


def jenis(reg) -> str:
    """The long type name as it reads in running text ("Peraturan Menteri Dalam Negeri")."""
    if reg.code == "PERMEN":
        return f"Peraturan {reg.issuer}"
    if reg.code == "KEP_KEPALA_PD":
        return f"Keputusan Kepala {unit_name(reg)}"
    return _JENIS[reg.code]


def nomor_phrase(reg) -> str:
    """ "Nomor 8 Tahun 2011", or "Nomor 188.45-54/2024" when the number already carries its year."""
    if reg.nomor.endswith(f"/{reg.tahun}"):
        return f"Nomor {reg.nomor}"
    return f"Nomor {reg.nomor} Tahun {reg.tahun}"


def named(reg) -> str:
    """The type with its region as written in titles and citations ("Peraturan Wali Kota Balikpapan")."""
    if reg.code in ("PERWAL", "KEPWAL"):
        return f"{jenis(reg)} Balikpapan"
    if reg.is_local:
        return f"{jenis(reg)} {CITY}"
    return jenis(reg)


def full_title(reg) -> str:
    """The JDIH Judul: jenis + daerah + nomor + tahun + tentang."""
    return f"{named(reg)} {nomor_phrase(reg)} tentang {reg.tentang}"


def heading(reg) -> list[str]:
    """The title block lines: PERATURAN WALI KOTA BALIKPAPAN / NOMOR … / TENTANG / SUBJECT."""
    return [named(reg).upper(), nomor_phrase(reg).upper(), "TENTANG", reg.tentang.upper()]


def _gazette_phrase(reg) -> str:
    if not reg.gazette:
        return ""
    year, number, supplement = reg.gazette
    if reg.code in ("UU", "PP", "PERPRES"):
        text = f"Lembaran Negara Republik Indonesia Tahun {year} Nomor {number}"
        if supplement:
            text += f", Tambahan Lembaran Negara Republik Indonesia Nomor {supplement}"
    elif reg.code == "PERMEN":
        text = f"Berita Negara Republik Indonesia Tahun {year} Nomor {number}"
    elif reg.code == "PERDA":
        text = f"Lembaran Daerah {CITY} Tahun {year} Nomor {number}"
        if supplement:
            text += f", Tambahan Lembaran Daerah {CITY} Nomor {supplement}"
    else:
        text = f"Berita Daerah {CITY} Tahun {year} Nomor {number}"
    return f" ({text})"


def citation(reg, amendments_of=None, as_of: int | None = None, exclude: str = "") -> str:
    """How ``reg`` is cited in a Mengingat item, chaining the amendments made up to ``as_of``.

    ``exclude`` is the citing regulation itself, which must not appear in its own chain.
    """
    base = reg.citation or f"{full_title(reg)}{_gazette_phrase(reg)}"
    amenders = [
        a
        for a in (amendments_of or {}).get(reg.key, [])
        if (as_of is None or a.tahun <= as_of) and a.key != exclude
    ]
    if not amenders:
        return base
    last = amenders[-1]
    # "Perubahan Kedua atas …" alone still means the base was amended more than once.
    repeated = len(amenders) > 1 or not last.tentang.startswith("Perubahan atas")
    lead = (
        "sebagaimana telah diubah beberapa kali terakhir dengan"
        if repeated
        else "sebagaimana telah diubah dengan"
    )
    return f"{base} {lead} {full_title(last)}{_gazette_phrase(last)}"


def mengingat(reg, records, amendments_of) -> list[str]:
    """The numbered legal bases of a local regulation, oldest first after the constitutional ones."""
    keys = list(reg.mengingat)
    if not reg.is_decree:
        keys = [k for k in default_mengingat(reg) if k not in keys] + keys
    elif "UU-27-1959" not in keys and reg.code == "KEPWAL":
        keys = ["UU-27-1959", *keys]
    items = []
    for key in keys:
        if key == "UUD":
            items.append(UUD_18)
        else:
            items.append(citation(records[key], amendments_of, as_of=reg.tahun, exclude=reg.key))
    return _dedupe(items)


def _dedupe(items):
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def enacting_name(reg) -> str:
    """The short form used in "perlu menetapkan …" and "Menetapkan :"."""
    if reg.code == "KEP_KEPALA_PD":
        return f"Keputusan Kepala {unit_name(reg)}"
    return _JENIS[reg.code]


def menimbang(reg) -> list[str]:
    """The considerations; the closing "berdasarkan pertimbangan …" item is added unless one item says all."""
    items = [m.rstrip(";") for m in reg.menimbang]
    if len(items) == 1 and "perlu menetapkan" in items[0]:
        return items
    letters = "huruf a"
    if len(items) == 2:
        letters = "huruf a dan huruf b"
    if len(items) > 2:
        letters = ", ".join(f"huruf {chr(97 + i)}" for i in range(len(items) - 1)) + (
            f", dan huruf {chr(96 + len(items))}"
        )
    return [
        *items,
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {letters}, perlu menetapkan "
        f"{enacting_name(reg)} tentang {reg.tentang}",
    ]


def definitions(reg) -> list[str]:
    """Pasal 1 entries: the general ones, then those of this regulation."""
    general = list(_GENERAL_DEFINITIONS)
    if reg.code == "PERDA":
        general.append(
            (
                "Dewan Perwakilan Rakyat Daerah yang selanjutnya disingkat DPRD",
                "Dewan Perwakilan Rakyat Daerah Kota Balikpapan",
            )
        )
    return [f"{term} adalah {text}." for term, text in [*general, *reg.definitions]]


def revoked(reg, records) -> list:
    """The records this one revokes wholly."""
    return [records[rel[1]] for rel in reg.relations if rel[0] == "mencabut"]


def closing_articles(reg, records) -> list[tuple]:
    """The Ketentuan Penutup: an optional revocation article, then entry into force."""
    articles = []
    gone = revoked(reg, records)
    if gone:
        cites = "; dan ".join(citation(old) for old in gone)
        verb = "dicabut dan dinyatakan tidak berlaku"
        articles.append((f"Pada saat {enacting_name(reg)} ini mulai berlaku, {cites}, {verb}.",))
    gazette = "Lembaran Daerah" if reg.code == "PERDA" else "Berita Daerah"
    articles.append(
        (
            f"{enacting_name(reg)} ini mulai berlaku pada tanggal diundangkan. Agar setiap orang mengetahuinya, "
            f"memerintahkan pengundangan {enacting_name(reg)} ini dengan penempatannya dalam {gazette} {CITY}.",
        )
    )
    return articles


def articles(reg, records) -> list[tuple[str, list]]:
    """Chapters as (title, [pasal, …]) with Ketentuan Umum first and Ketentuan Penutup last."""
    chapters = [("KETENTUAN UMUM", [("__definitions__",)])]
    chapters += [(title, list(pasal)) for title, pasal in reg.chapters]
    chapters.append(("KETENTUAN PENUTUP", closing_articles(reg, records)))
    return chapters


def revocation_pasal(reg, records) -> str:
    """Where the typeset text revokes: "Pasal 16" of a Peraturan, "Diktum KEEMPAT" of a Keputusan, or ""."""
    if not reg.is_local or not revoked(reg, records) or reg.amendments:
        return ""
    if reg.is_decree:
        standard = {"sp": 3, "sop": 2}.get(reg.lampiran.split(":")[0], len(reg.diktum))
        return f"Diktum {ORDINALS[standard]}"
    count = 1 + sum(len(pasal) for _, pasal in reg.chapters)
    return f"Pasal {count + 1}"


def pasal_count(reg, records) -> int:
    """How many articles the typeset body has (0 for a Keputusan)."""
    if reg.is_decree:
        return 0
    if reg.amendments:
        return 2
    return sum(len(pasal) for _, pasal in articles(reg, records))


def decree_diktum(reg, records, services=()) -> list[str]:
    """The KESATU, KEDUA … of a Keputusan, composed from the services it establishes when it has any."""
    items = list(reg.diktum)
    if reg.lampiran.startswith("sp:"):
        names = "; ".join(f"{chr(97 + i)}. {s.title}" for i, s in enumerate(services))
        items = [
            f"Menetapkan Standar Pelayanan pada {unit_name(reg)} {CITY} sebagaimana tercantum dalam Lampiran "
            "yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            f"Standar Pelayanan sebagaimana dimaksud dalam Diktum KESATU meliputi jenis pelayanan: {names}.",
            "Standar Pelayanan wajib dipublikasikan, dilaksanakan oleh pelaksana pelayanan, dan dievaluasi "
            "paling sedikit 1 (satu) kali dalam 1 (satu) tahun.",
        ]
    elif reg.lampiran.startswith("sop:"):
        items = [
            f"Menetapkan Standar Operasional Prosedur pada {unit_name(reg)} {CITY} sebagaimana tercantum "
            "dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            "Standar Operasional Prosedur sebagaimana dimaksud dalam Diktum KESATU menjadi pedoman bagi "
            "pelaksana dan dievaluasi secara berkala.",
        ]
    for old in revoked(reg, records):
        items.append(
            f"Pada saat Keputusan ini mulai berlaku, {citation(old)} dicabut dan dinyatakan tidak berlaku."
        )
    items.append("Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    return items


def abstrak(reg, records, amendments_of) -> str:
    """A BPK-style abstract: considerations, legal basis, content (domain §1.3 note c)."""
    considerations = " ".join(f"{chr(97 + i)}. {m};" for i, m in enumerate(menimbang(reg)))
    bases = "; ".join(
        "UUD 1945" if k == "UUD" else _short(records[k])
        for k in (list(reg.mengingat) if reg.is_decree else [*DEFAULT_MENGINGAT, *reg.mengingat])
    )
    return f"{considerations}\n\nDasar hukum: {bases}.\n\n{reg.ringkasan}"


def _short(reg) -> str:
    abbreviations = {
        "UU": "UU",
        "PP": "PP",
        "PERPRES": "Perpres",
        "PERDA": "Perda",
        "PERWAL": "Perwal",
        "KEPWAL": "Kepwal",
        "KEP_KEPALA_PD": "Kep. Kepala PD",
    }
    if reg.code == "PERMEN":
        return f"Permen No. {reg.nomor} Tahun {reg.tahun}"
    return f"{abbreviations[reg.code]} No. {reg.nomor} Tahun {reg.tahun}"
