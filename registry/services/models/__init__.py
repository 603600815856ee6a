"""Perangkat Daerah, public services and everything attached to them."""

from .opd import OPDKind, PerangkatDaerahIndexPage, PerangkatDaerahPage
from .service import (
    ComplaintChannel,
    LegalBasis,
    LegalBasisRole,
    ServiceChannel,
    ServicePage,
    ServiceRequirement,
    ServiceSOP,
    ServiceStep,
)
from .taxonomy import LifeEvent, ServiceCategory

__all__ = [
    "ComplaintChannel",
    "LegalBasis",
    "LegalBasisRole",
    "LifeEvent",
    "OPDKind",
    "PerangkatDaerahIndexPage",
    "PerangkatDaerahPage",
    "ServiceCategory",
    "ServiceChannel",
    "ServicePage",
    "ServiceRequirement",
    "ServiceSOP",
    "ServiceStep",
]
