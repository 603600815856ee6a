"""Regulation models: types, documents, regulation pages and their relations."""

from .documents import RegulationDocument
from .extraction import ArticleNode, DocumentPage, ExtractionRun
from .pages import RegulationIndexPage, RegulationPage, RegulationRelation
from .types import RegulationType

__all__ = [
    "ArticleNode",
    "DocumentPage",
    "ExtractionRun",
    "RegulationDocument",
    "RegulationIndexPage",
    "RegulationPage",
    "RegulationRelation",
    "RegulationType",
]
