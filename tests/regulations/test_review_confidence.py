"""The review page shows each proposal's confidence, the least sure first, and never pre-ticks a low one."""

import io
import re
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image

from registry.regulations import region_views
from registry.regulations.models import DocumentPage, RegulationDocument, RegulationPage
from registry.regulations.proposals import build_proposals
from tests import factories
from tests.regulations.test_extraction_samples import scanned_pdf
from tests.regulations.test_ocr_confidence import words_of
from tests.regulations.test_review import PAGE_1, PAGE_2, setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def ocr_page_one(document, low):
    """Mark page 1 as OCR'd, with made-up words of its text (95 each, or ``low``'s confidence)."""
    words = {"dpi": 300, "size": [2480, 3508], "words": words_of(PAGE_1.splitlines(), low)}
    DocumentPage.objects.filter(document=document, number=1).update(
        is_ocr=True, is_scan=True, ocr_words=words
    )


def checkbox(body: str, name: str) -> str:
    """The HTML of the review page's checkbox ``accept_<name>``."""
    return re.search(rf'<input type="checkbox" name="accept_{name}"[^>]*>', body).group(0)


def test_low_confidence_value_is_not_preselected(setup):  # noqa: F811
    """A changed number read from a blurred word is not ticked; the same reading from clean words is."""
    RegulationPage.objects.filter(pk=setup["new"].pk).update(nomor="70")
    page = RegulationPage.objects.get(pk=setup["new"].pk)
    ocr_page_one(page.document, {"7": 20})
    nomor = next(f for f in build_proposals(page).fields if f.name == "nomor")
    assert nomor.differs and nomor.confidence.level == "rendah" and not nomor.preselected
    ocr_page_one(page.document, {})
    nomor = next(f for f in build_proposals(page).fields if f.name == "nomor")
    assert nomor.confidence.level == "tinggi" and nomor.preselected


def test_review_page_lists_low_confidence_first_with_label_and_region(setup, client):  # noqa: F811
    """The blurred number comes first, labelled "rendah" in words with its image; high values keep their tick."""
    RegulationPage.objects.filter(pk=setup["new"].pk).update(nomor="70", tempat_penetapan="")
    page = RegulationPage.objects.get(pk=setup["new"].pk)
    ocr_page_one(page.document, {"7": 20})
    client.force_login(setup["admin"])
    body = client.get(f"/admin/regulations/{page.pk}/tinjau/").content.decode()
    positions = {
        name: body.index(f'name="accept_{name}"') for name in ("nomor", "wilayah", "tahun", "tentang")
    }
    assert positions["nomor"] == min(positions.values())
    assert "checked" not in checkbox(body, "nomor")
    assert "checked" in checkbox(body, "tempat_penetapan")  # read from the text layer of page 2: high
    row = body[positions["nomor"] : body.index("</tr>", positions["nomor"])]
    assert "Keyakinan" in row and "<strong>rendah</strong>" in row
    assert "tidak dicentang otomatis" in row
    assert f"/admin/regulations/{page.pk}/halaman/1/potongan/?x=" in row
    assert 'alt="Potongan halaman 1 tempat nilai ini dibaca"' in row


def test_born_digital_review_has_no_region_images(setup, client):  # noqa: F811
    """Without OCR words, values are high ("lapisan teks") and no region image is offered."""
    client.force_login(setup["admin"])
    body = client.get(f"/admin/regulations/{setup['new'].pk}/tinjau/").content.decode()
    assert "Dibaca dari lapisan teks PDF." in body
    assert "/potongan/" not in body


@pytest.fixture
def scanned_regulation(tmp_path):
    """A regulation whose document is a real one-page scan (text drawn at 300 dpi from x=250, y=300)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm tidak terpasang (apt-get install poppler-utils)")
    cache.clear()
    content = scanned_pdf(tmp_path / "scan.pdf").read_bytes()
    document = RegulationDocument.objects.create(title="scan", file=ContentFile(content, name="scan.pdf"))
    DocumentPage.objects.update_or_create(document=document, number=1, defaults={"text": "x", "is_ocr": True})
    return factories.regulation("PERWAL", nomor="12", tahun=2023, document=document)


REGION = "x=250&y=300&w=600&h=60&dpi=300"


def test_region_image_is_the_cropped_page(scanned_regulation, client, monkeypatch):
    """The region is rendered at 100 dpi around the box with a 0.3-inch margin, then served from the cache."""
    admin = get_user_model().objects.create_superuser("hukum", "h@example.com", "pw")
    client.force_login(admin)
    url = f"/admin/regulations/{scanned_regulation.pk}/halaman/1/potongan/?{REGION}"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    # 250..850 x 300..360 px at 300 dpi is 83..283 x 100..120 at 100 dpi, plus 30 px each side.
    assert image.size == (int(850 / 3 + 30) - int(250 / 3 - 30), int(360 / 3 + 30) - int(300 / 3 - 30))
    assert image.convert("L").getextrema()[0] < 128  # the drawn text is in it, not just white paper

    def fail(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(region_views, "render_page", fail)
    assert client.get(url).content == response.content
    # Another region of the same page is cut from the cached page, not rendered again.
    other = client.get(url.replace("x=250", "x=260"))
    assert other.status_code == 200 and other.content != response.content


def test_region_image_refuses_bad_boxes_and_pages(scanned_regulation, client):
    """A page the document lacks, a box that is not a number, or one past the size limit is 404."""
    admin = get_user_model().objects.create_superuser("hukum", "h@example.com", "pw")
    client.force_login(admin)
    base = f"/admin/regulations/{scanned_regulation.pk}/halaman"
    assert client.get(f"{base}/2/potongan/?{REGION}").status_code == 404
    assert client.get(f"{base}/1/potongan/?x=a&y=1&w=1&h=1&dpi=300").status_code == 404
    assert client.get(f"{base}/1/potongan/?x=0&y=0&w=9000&h=10&dpi=300").status_code == 404


def test_region_image_needs_the_right_to_edit(scanned_regulation, client):
    """Anonymous visitors go to the login; a user of another OPD who cannot edit it is turned away."""
    url = f"/admin/regulations/{scanned_regulation.pk}/halaman/1/potongan/?{REGION}"
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response.url
    other = get_user_model().objects.create_user("opd-lain", "o@example.com", "pw")
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != "image/png"


def test_extraction_stores_the_ocr_words_of_a_scanned_page(tmp_path):
    """An OCR'd page keeps Tesseract's words, in reading order, with their confidence, box and dpi."""
    from django.test import override_settings

    from registry.regulations.extraction.ocr import missing_ocr_tool
    from registry.regulations.extraction.pipeline import extract_document

    missing = missing_ocr_tool("ind")
    if missing:
        pytest.skip(
            f"OCR tidak lengkap ({missing}): apt-get install tesseract-ocr tesseract-ocr-ind poppler-utils"
        )
    document = RegulationDocument(title="scan")
    document.file.save("scan.pdf", ContentFile(scanned_pdf(tmp_path / "scan.pdf").read_bytes()), save=False)
    document.save()
    with override_settings(REGISTRY_OCR_DPI=200, REGISTRY_EXTRACTION_TIMEOUT_SECONDS=60):
        extract_document(document)
    page = DocumentPage.objects.get(document=document, number=1)
    assert page.is_ocr and page.ocr_words["dpi"] == 200
    texts = [word[0] for word in page.ocr_words["words"]]
    assert texts[texts.index("NOMOR") + 1 : texts.index("NOMOR") + 4] == ["12", "TAHUN", "2023"]
    number = page.ocr_words["words"][texts.index("NOMOR") + 1]
    assert 0 <= number[1] <= 100 and number[2] > 0 and number[3] > 0


def test_relations_are_listed_least_sure_first(setup, client):  # noqa: F811
    """Of two revoked regulations, the one whose number word is blurred is listed first."""
    page = RegulationPage.objects.get(pk=setup["new"].pk)
    text = PAGE_2.replace(
        "Pasal 3\n",
        "Pasal 3\nPeraturan Wali Kota Nomor 12 Tahun 2010 tentang Retribusi dicabut dan dinyatakan tidak berlaku.\n"
        "Pasal 4\n",
    )
    words = {"dpi": 300, "size": [2480, 3508], "words": words_of(text.splitlines(), {"12": 20})}
    DocumentPage.objects.filter(document=page.document, number=2).update(
        text=text, is_ocr=True, ocr_words=words
    )
    relations = build_proposals(page).relations
    assert [r.cited.citation.number for r in relations] == ["48", "12"]
    assert relations[1].cited.confidence.level == "rendah"
    client.force_login(setup["admin"])
    body = client.get(f"/admin/regulations/{page.pk}/tinjau/").content.decode()
    table = body[body.index("Hubungan yang diusulkan") :]
    assert table.index("12/2010") < table.index("Standar Pelayanan")
