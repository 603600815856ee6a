"""The public regulation page shows the article tree with anchors, the page texts and the OCR warning."""

import pytest
from django.core.files.base import ContentFile

from registry.regulations.models import DocumentPage, RegulationDocument
from registry.regulations.parser import parse_regulation
from registry.regulations.structure import store_structure
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "BAB I\nKETENTUAN UMUM\nPasal 5\n(1) Pemohon mengisi formulir.\n(2) Petugas memverifikasi berkas."


@pytest.fixture
def regulation():
    document = RegulationDocument.objects.create(
        title="perwal", file=ContentFile(b"%PDF-1.4\n", name="t.pdf")
    )
    DocumentPage.objects.filter(document=document).delete()
    DocumentPage.objects.create(document=document, number=1, text=TEXT)
    store_structure(document, parse_regulation([TEXT]).body)
    return factories.regulation("PERWAL", nomor="12", tahun=2023, document=document)


def test_article_tree_has_pasal_and_ayat_anchors(client, regulation):
    """#pasal-5 and #pasal-5-ayat-2 exist on the page, so legal-basis links land on the provision."""
    body = client.get(regulation.url).content.decode()
    assert 'id="pasal-5"' in body
    assert 'id="pasal-5-ayat-2"' in body
    assert "Petugas memverifikasi berkas." in body
    assert "teks hasil OCR" not in body


def test_ocr_text_is_marked(client, regulation):
    """Pages read by OCR carry the 'teks hasil OCR, mungkin tidak akurat' warning."""
    DocumentPage.objects.filter(document=regulation.document).update(is_ocr=True)
    body = client.get(regulation.url).content.decode()
    assert "teks hasil OCR, mungkin tidak akurat" in body
