"""Regulation models: types, documents, regulation pages and their relations."""

from .documents import RegulationDocument
from .pages import RegulationIndexPage, RegulationPage, RegulationRelation
from .types import RegulationType

__all__ = [
    "RegulationDocument",
    "RegulationIndexPage",
    "RegulationPage",
    "RegulationRelation",
    "RegulationType",
]
