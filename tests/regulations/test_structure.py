"""Parsed article trees are stored with stable, unique anchors in document order."""

import pytest
from django.core.files.base import ContentFile

from registry.regulations.models import ArticleNode, RegulationDocument
from registry.regulations.parser import parse_regulation
from registry.regulations.parser.models import Node
from registry.regulations.structure import store_structure
from tests.regulations.test_review import PAGE_1, PAGE_2

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return RegulationDocument.objects.create(title="perwal", file=ContentFile(b"%PDF-1.4\n", name="s.pdf"))


def test_tree_is_stored_in_document_order_with_parents(document):
    """BAB I > Pasal 1, BAB II > Pasal 2, Pasal 3, read back in order with their parents."""
    count = store_structure(document, parse_regulation([PAGE_1, PAGE_2]).body)
    rows = list(ArticleNode.objects.filter(document=document).select_related("parent").order_by("position"))
    assert count == len(rows) == 5
    assert [r.anchor for r in rows] == ["bab-1", "pasal-1", "bab-2", "pasal-2", "pasal-3"]
    assert [r.parent.anchor if r.parent else None for r in rows] == [None, "bab-1", None, "bab-2", "bab-2"]
    assert rows[3].page_number == 2
    assert "dicabut dan dinyatakan tidak berlaku" in rows[3].text


def test_restoring_replaces_the_previous_tree(document):
    """A second extraction replaces the tree instead of appending to it."""
    nodes = parse_regulation([PAGE_1, PAGE_2]).body
    store_structure(document, nodes)
    store_structure(document, nodes)
    assert ArticleNode.objects.filter(document=document).count() == 5


def test_repeated_anchor_gets_a_suffix(document):
    """Two nodes with the same anchor (e.g. a repeated Pasal 1) stay addressable."""
    nodes = [
        Node("PASAL", "Pasal 1", "pasal-1", 1, text="a"),
        Node("PASAL", "Pasal 1", "pasal-1", 2, text="b"),
    ]
    store_structure(document, nodes)
    assert sorted(ArticleNode.objects.values_list("anchor", flat=True)) == ["pasal-1", "pasal-1-2"]


def test_search_passages_are_pasal_with_their_ayat(document):
    """A regulation's passages are its pasal, each carrying its ayat; no tree means no passages."""
    from tests import factories

    page = factories.regulation("PERWAL", nomor="5", tahun=2023, document=document)
    assert page.search_passages() == []
    nodes = parse_regulation(
        ["Pasal 4\n(1) Ayat satu berbunyi.\n(2) Ayat dua berbunyi.\nPasal 5\nTeks."]
    ).body
    store_structure(document, nodes)
    assert page.search_passages() == [
        ("pasal-4", "Pasal 4", "(1) Ayat satu berbunyi.\n(2) Ayat dua berbunyi."),
        ("pasal-5", "Pasal 5", "Teks."),
    ]


@pytest.mark.parametrize(
    "kind,label,expected",
    [
        ("pasal", "4", "Pasal 4"),
        ("bab", "II", "BAB II"),
        ("ayat", "2", "Ayat (2)"),
        ("pasal", "Pasal 7", "Pasal 7"),
    ],
)
def test_display_label(kind, label, expected):
    """Parser labels become the labels readers know."""
    from registry.regulations.structure import display_label

    assert display_label(kind, label) == expected
