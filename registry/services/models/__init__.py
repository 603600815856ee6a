"""Perangkat Daerah, public services and everything attached to them."""

from .opd import OPDKind, PerangkatDaerahIndexPage, PerangkatDaerahPage
from .parts import (
    ChannelKind,
    ComplaintChannel,
    ComplaintKind,
    LegalBasis,
    LegalBasisRole,
    ServiceChannel,
    ServiceRequirement,
    ServiceSOP,
    ServiceStep,
)
from .service import CostKind, ServicePage, TimeUnit
from .taxonomy import LifeEvent, ServiceCategory

__all__ = [
    "ChannelKind",
    "ComplaintChannel",
    "ComplaintKind",
    "CostKind",
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
    "TimeUnit",
]
