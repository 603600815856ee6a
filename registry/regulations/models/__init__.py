"""Regulation models: types, documents, regulation pages and their relations."""

from .documents import RegulationDocument
from .extraction import ArticleNode, DocumentPage, ExtractionRun
from .imports import ImportProposal, ImportRecord, ImportRun
from .index import RegulationIndexPage
from .pages import RegulationPage
from .relations import RegulationRelation
from .types import RegulationType

__all__ = [
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
