"""Perangkat Daerah, public services and everything attached to them."""

from .attachments import ServiceForm, ServiceTariff
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
from .service import CostKind, CostQualifier, ServicePage, TimeUnit
from .taxonomy import LifeEvent, ServiceCategory

__all__ = [
    "ChannelKind",
    "ComplaintChannel",
    "ComplaintKind",
    "CostKind",
    "CostQualifier",
    "LegalBasis",
    "LegalBasisRole",
    "LifeEvent",
    "OPDKind",
    "PerangkatDaerahIndexPage",
    "PerangkatDaerahPage",
    "ServiceCategory",
    "ServiceChannel",
    "ServiceForm",
    "ServicePage",
    "ServiceRequirement",
    "ServiceSOP",
    "ServiceStep",
    "ServiceTariff",
    "TimeUnit",
]
