"""The 14 Standar Pelayanan components of PermenPANRB 15/2014, in the regulation's order.

Components 1–6 concern service delivery and must be published to the public; 7–14 concern the
manufacturing (internal) side of the service.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ComponentRecord:
    """One component: its code (stored in the database), its number in the regulation and its label."""

    code: str
    number: int
    label: str

    @property
    def name(self) -> str:
        """The Python name of the choice (``Component.PERSYARATAN``)."""
        return self.code.upper()

    @property
    def delivery(self) -> bool:
        """Whether the component is one of the six the public must see."""
        return self.number <= 6


COMPONENTS: tuple[ComponentRecord, ...] = (
    ComponentRecord("persyaratan", 1, "Persyaratan"),
    ComponentRecord("prosedur", 2, "Sistem, mekanisme, dan prosedur"),
    ComponentRecord("waktu", 3, "Jangka waktu pelayanan"),
    ComponentRecord("biaya", 4, "Biaya/tarif"),
    ComponentRecord("produk", 5, "Produk pelayanan"),
    ComponentRecord("pengaduan", 6, "Penanganan pengaduan, saran, dan masukan"),
    ComponentRecord("dasar_hukum", 7, "Dasar hukum"),
    ComponentRecord("sarana", 8, "Sarana, prasarana, dan/atau fasilitas"),
    ComponentRecord("kompetensi", 9, "Kompetensi pelaksana"),
    ComponentRecord("pengawasan", 10, "Pengawasan internal"),
    ComponentRecord("jumlah_pelaksana", 11, "Jumlah pelaksana"),
    ComponentRecord("jaminan", 12, "Jaminan pelayanan"),
    ComponentRecord("keamanan", 13, "Jaminan keamanan dan keselamatan pelayanan"),
    ComponentRecord("evaluasi", 14, "Evaluasi kinerja pelaksana"),
)

#: Component codes in the regulation's order.
CODES: tuple[str, ...] = tuple(component.code for component in COMPONENTS)
#: The six delivery components' codes.
DELIVERY_CODES: tuple[str, ...] = tuple(c.code for c in COMPONENTS if c.delivery)
#: The eight manufacturing components' codes.
MANUFACTURING_CODES: tuple[str, ...] = tuple(c.code for c in COMPONENTS if not c.delivery)
#: Records by code.
BY_CODE: dict[str, ComponentRecord] = {component.code: component for component in COMPONENTS}
