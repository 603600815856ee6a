"""Regulation models: types, documents, regulation pages and their relations."""

from .documents import RegulationDocument
from .extraction import ArticleNode, DocumentPage, ExtractionRun
from .imports import ImportProposal, ImportRecord, ImportRun
from .index import RegulationIndexPage
from .pages import RegulationPage
from .references import AmendedProvision, Citation, Delegation
from .relations import RegulationRelation
from .types import RegulationType

__all__ = [
    "AmendedProvision",
    "Citation",
    "Delegation",
    "ArticleNode",
    "DocumentPage",
    "ExtractionRun",
    "ImportProposal",
    "ImportRecord",
    "ImportRun",
    "RegulationDocument",
    "RegulationIndexPage",
    "RegulationPage",
    "RegulationRelation",
    "RegulationType",
]
