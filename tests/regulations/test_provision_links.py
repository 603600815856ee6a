"""Where provision links land (registry/regulations/provision_links.py)."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.regulations import provision_links as links
from registry.regulations.models import ArticleNode, RegulationDocument
from tests import factories


def _reg(anchors=(), external_url=""):
    return SimpleNamespace(article_anchors=frozenset(anchors), external_url=external_url)


def test_a_provision_in_the_text_lands_on_its_anchor():
    """ "Pasal 5 ayat (2)" of a text that has it goes to #pasal-5-ayat-2."""
    target = links.resolve(_reg({"pasal-5", "pasal-5-ayat-2"}), "Pasal 5 ayat (2)")
    assert target == links.ProvisionTarget(links.ANCHOR, "pasal-5-ayat-2")


def test_an_ayat_not_split_out_lands_on_its_pasal():
    """When the text has Pasal 5 but no separate ayat, the link lands on Pasal 5."""
    assert links.resolve(_reg({"pasal-5"}), "Pasal 5 ayat (2)").anchor == "pasal-5"


def test_a_regulation_without_text_links_its_official_source():
    """No text: the external URL, flagged as such."""
    target = links.resolve(_reg(external_url="https://peraturan.go.id/id/uu-no-1-tahun-2020"), "Pasal 9")
    assert target.kind == links.EXTERNAL
    assert target.external_url == "https://peraturan.go.id/id/uu-no-1-tahun-2020"
    assert links.resolve(_reg(), "Pasal 9").kind == links.UNAVAILABLE


def test_a_provision_missing_from_existing_text_goes_to_the_text():
    """The text exists but the parser found no Pasal 40: the link opens the text section."""
    assert links.resolve(_reg({"pasal-1"}), "Pasal 40") == links.ProvisionTarget(links.NOT_FOUND, "judul-isi")


def test_no_provision_links_the_page():
    """A link without a Pasal goes to the regulation's page."""
    assert links.resolve(_reg(), "").kind == links.PAGE


@pytest.mark.django_db
def test_anchors_of_many_regulations_load_in_one_query():
    """load_article_anchors reads the anchors of every regulation in a single query."""
    regs = []
    for nomor in ("1", "2", "3"):
        document = RegulationDocument.objects.create(title=f"d{nomor}", file="dokumen/d.pdf")
        ArticleNode.objects.create(
            document=document, kind="pasal", label="Pasal 1", anchor="pasal-1", position=1
        )
        regs.append(factories.regulation("PERWAL", nomor=nomor, document=document))
    regs.append(factories.regulation("PERWAL", nomor="4"))
    with CaptureQueriesContext(connection) as queries:
        links.load_article_anchors(regs)
    assert len(queries) == 1
    assert [sorted(reg.article_anchors) for reg in regs] == [["pasal-1"]] * 3 + [[]]
