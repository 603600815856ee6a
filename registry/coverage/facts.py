"""Plain snapshots of a service and the regulations it relies on, as the coverage rules see them.

The loader (:mod:`registry.coverage.loader`) builds these from the database in a constant number of
queries; the rules (:mod:`registry.coverage.rules`) read nothing else. Nothing here touches Django
models, so rules can be tested on hand-built facts without a database.

The vocabularies come from :mod:`registry.reference`, the one definition the models' choices are
built from too.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from registry.reference import components, regulations, services

IN_FORCE_STATUSES = regulations.IN_FORCE_STATUSES
REVOKES = regulations.MENCABUT
AMENDS = frozenset({regulations.MENGUBAH, regulations.MENGUBAH_SEBAGIAN})
IMPLEMENTS = regulations.MELAKSANAKAN
ROLE_BASIS = services.ROLE_BASIS
ROLE_SK_SP = services.ROLE_SK_SP
ROLE_SOP = services.ROLE_SOP
COST_CHARGED = services.COST_CHARGED
CHANNEL_ONLINE = services.CHANNEL_ONLINE
#: Component codes in regulation order; the first six are the delivery components.
COMPONENTS = components.CODES
DELIVERY_COMPONENTS = components.DELIVERY_CODES
# RegulationType codes that may set a tariff or implement a delegation.
TARIFF_TYPE_CODES = frozenset({"PERDA", "PERWAL"})
PERWAL = "PERWAL"
PERDA = "PERDA"
#: Kinds of change an amending regulation makes to a Pasal (``AmendedProvision.Kind``).
PASAL_DIUBAH = "diubah"
PASAL_DIHAPUS = "dihapus"


@dataclass(frozen=True)
class DelegationFacts:
    """A matter a regulation leaves to a further instrument, as the parser found it in a Pasal.

    ``matter`` is the delegating sentence quoted as written ("Ketentuan lebih lanjut … diatur dengan
    Peraturan Wali Kota."), ``delegated_to`` the instrument named, ``provision`` the Pasal ("Pasal
    12"); ``implemented_by`` the published regulations that carry it out.
    """

    matter: str
    delegated_to: str = ""
    provision: str = ""
    implemented_by: tuple[int, ...] = ()


@dataclass(frozen=True)
class ProvisionChangeFacts:
    """A Pasal of a regulation changed by a published amending regulation (``by``)."""

    pasal: str
    kind: str
    by: int


@dataclass(frozen=True)
class RegulationFacts:
    """What the rules need to know about one regulation.

    ``type_name`` (the jenis, "Peraturan Wali Kota"), ``nomor`` and ``tahun`` make its label, which
    is rendered only where a finding is shown (:data:`registry.coverage.messages.REGULATION_LABEL`).
    """

    id: int
    type_name: str
    nomor: str
    tentang: str
    type_code: str
    is_local: bool
    tahun: int
    status: str = "berlaku"
    tanggal_penetapan: date | None = None
    revoked_by: tuple[int, ...] = ()
    amended_by: tuple[int, ...] = ()
    delegations: tuple[DelegationFacts, ...] = ()
    changed_provisions: tuple[ProvisionChangeFacts, ...] = ()
    #: Whether the registry holds the regulation's text (an article tree a Pasal link can land on).
    has_text: bool = True

    @property
    def in_force(self) -> bool:
        """Whether the regulation still binds (berlaku, diubah or dicabut sebagian)."""
        return self.status in IN_FORCE_STATUSES

    @property
    def established_on(self) -> date:
        """The penetapan date, or 1 January of its year when the date is unknown."""
        return self.tanggal_penetapan or date(self.tahun, 1, 1)

    @property
    def ref(self) -> dict:
        """How findings refer to this regulation (a JSON-serialisable *ref*, see :mod:`.messages`)."""
        return {"jenis": self.type_name, "nomor": self.nomor, "tahun": self.tahun, "tentang": self.tentang}


@dataclass(frozen=True)
class LinkFacts:
    """One legal-basis link of a service (``registry.services.models.LegalBasis``)."""

    regulation_id: int
    role: str = ROLE_BASIS
    component: str = ""
    provision: str = ""


@dataclass(frozen=True)
class SOPFacts:
    """One SOP of a service; ``regulation_id`` is the instrument that establishes it."""

    nomor: str
    judul: str = ""
    regulation_id: int | None = None


@dataclass(frozen=True)
class ServiceFacts:
    """What the rules need to know about one service."""

    id: int
    title: str
    opd_id: int | None = None
    live: bool = True
    filled: Mapping[str, bool] = field(default_factory=lambda: dict.fromkeys(COMPONENTS, True))
    delivery_published: bool = True
    cost_kind: str = ""
    channel_kinds: frozenset[str] = frozenset()
    links: tuple[LinkFacts, ...] = ()
    sops: tuple[SOPFacts, ...] = ()

    def links_with_role(self, role: str) -> list[LinkFacts]:
        """The links of one role (dasar hukum, SK Standar Pelayanan, SOP)."""
        return [link for link in self.links if link.role == role]

    @property
    def regulation_ids(self) -> set[int]:
        """Every regulation this service relies on, through links or SOPs."""
        ids = {link.regulation_id for link in self.links}
        ids.update(sop.regulation_id for sop in self.sops if sop.regulation_id)
        return ids
