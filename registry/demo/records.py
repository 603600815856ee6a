"""The record types the demo data modules are written in."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Reg:
    """One regulation of the demo registry, national or local.

    National records carry identity and gazette only. Local records also carry the text the PDF
    generator typesets: considerations (``menimbang``), legal bases (``mengingat``, as keys of other
    records or literal citations), definitions, chapters of articles, or the diktum of a Keputusan.
    ``relations`` are (kind, target key, provision, scope) tuples stored on this, the newer, record.
    """

    code: str
    nomor: str
    tahun: int
    tentang: str
    alias: str = ""
    issuer: str = ""
    url_prefix: str = ""
    teu: str = ""
    gazette: tuple = ()
    penetapan: date | None = None
    pengundangan: date | None = None
    berlaku: date | None = None
    relations: tuple = ()
    subjek: str = ""
    bidang_hukum: str = ""
    citation: str = ""
    pemrakarsa: str = ""
    signer: str = "walikota"
    menimbang: tuple = ()
    mengingat: tuple = ()
    definitions: tuple = ()
    chapters: tuple = ()
    diktum: tuple = ()
    amendments: tuple = ()
    lampiran: str = ""
    ringkasan: str = ""
    memperhatikan: tuple = field(default=())

    @property
    def key(self) -> str:
        """The natural key other records use to refer to this one."""
        return self.alias or f"{self.code}-{self.nomor}-{self.tahun}"

    @property
    def is_local(self) -> bool:
        return self.code in LOCAL_CODES

    @property
    def is_decree(self) -> bool:
        """Keputusan: diktum form, no Bab/Pasal, not promulgated."""
        return self.code in ("KEPWAL", "KEP_KEPALA_PD", "KEP_SEKDA")


LOCAL_CODES = {"PERDA", "PERWAL", "KEPWAL", "KEP_KEPALA_PD", "KEP_SEKDA", "SOP"}


@dataclass(frozen=True)
class Svc:
    """One public service of the demo catalogue (a ``[[service]]`` of ``data/services_*.toml``).

    ``level`` says how much of the Standar Pelayanan is filled: "full" (all 14 components, delivery
    published), "partial" (delivery components and some management ones) or "minimal".
    ``bases`` are (regulation key, provision, component) tuples; ``sop`` is (nomor, judul, decree key).
    ``requirements`` are (text, condition) pairs, the condition "" for one that always applies;
    ``tariffs`` are (label, amount or None, unit) rows; ``forms`` are codes of ``data/forms.toml``.
    """

    no: int
    slug: str
    title: str
    opd: str
    category: str
    life_events: tuple
    summary: str
    product: str
    requirements: tuple = ()
    steps: tuple = ()
    time: tuple = ()
    cost: int | None = None
    cost_note: str = ""
    channels: tuple = ("kantor",)
    bases: tuple = ()
    sk_sp: str = ""
    sop: tuple = ()
    level: str = "partial"
    staff: int = 3
    eligibility: str = ""
    cost_qualifier: str = ""
    cost_condition: str = ""
    tariffs: tuple = ()
    forms: tuple = ()
