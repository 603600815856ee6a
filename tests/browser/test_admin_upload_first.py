"""The legal bureau drops a signed PDF in the admin and reviews the draft regulation it became.

Log in as Bagian Hukum → "Unggah peraturan (PDF)" from the menu → choose a real Perda from the
shared corpus → the review page shows the proposals beside the PDF (framed from the admin's own
origin, no CSP or framing refusal) → accept the proposed revocation of the older Perda → the draft
opens in the editor and is listed, as a draft, under the regulation index in the explorer.
Extraction runs in the foreground here (the test settings turn the background thread off).
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from registry.permissions import BAGIAN_HUKUM, ensure_groups
from registry.regulations.models import RegulationIndexPage
from tests import factories
from tests.admin.base import make_user
from tests.browser.test_security_headers import ViolationLog
from tests.conftest import CORPUS_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PERDA_PDF = CORPUS_DIR / "real" / "pdf" / "sby__perda_sby_4_2025_pemakaman__68a7d9c6c371c.pdf"
PASSWORD = "sandi-uji-yang-panjang"


@pytest.fixture
def bureau():
    """A legal-bureau user and the older Perda that the uploaded one revokes, read before the browser starts."""
    if not PERDA_PDF.is_file():
        pytest.skip(f"Korpus tidak ditemukan: {PERDA_PDF} (../shared/corpus dari akar proyek).")
    old = factories.regulation(
        "PERDA",
        nomor="13",
        tahun=2003,
        wilayah="Kota Surabaya",
        tentang="Pengelolaan Tempat Pemakaman dan Penyelenggaraan Pemakaman Jenazah",
    )
    factories.regulation_type("PERDA")
    ensure_groups()
    user = make_user("hukum", Group.objects.get(name=BAGIAN_HUKUM))
    user.set_password(PASSWORD)
    user.save()
    return {"index_id": RegulationIndexPage.objects.get().pk, "old_title": old.title}


def test_legal_bureau_uploads_a_pdf_and_reviews_the_draft(bureau, live_server, browser_page):
    page = browser_page
    log = ViolationLog(page)
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Refused" in message.text else None)
    pdf_responses = []
    page.on(
        "response", lambda r: pdf_responses.append(r) if re.search(r"/dokumen/\d+/pdf/$", r.url) else None
    )

    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill("hukum")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.get_by_role("link", name="Unggah peraturan (PDF)").first.click()
    expect(page).to_have_url(re.compile(r"/admin/regulations/unggah/$"))
    page.get_by_label("Berkas PDF peraturan (salinan bertanda tangan)").set_input_files(str(PERDA_PDF))
    page.get_by_role("button", name="Unggah dan baca").click()

    # The review page: the proposals beside the PDF.
    page.wait_for_url(re.compile(r"/admin/regulations/\d+/tinjau/$"), timeout=120_000)
    page.wait_for_load_state("networkidle")
    title = "Peraturan Daerah Kota Surabaya Nomor 4 Tahun 2025 tentang Pengelolaan pemakaman dan pengabuan jenazah"
    expect(page.get_by_text(f"Draf '{title}' dibuat dari PDF")).to_be_visible()
    frame = page.locator("iframe[src*='/dokumen/']")
    expect(frame).to_be_visible()
    box, proposals = frame.bounding_box(), page.locator(".registri-proposals").bounding_box()
    assert box["x"] >= proposals["x"] + proposals["width"], "the PDF stands beside the proposals"
    assert box["y"] < proposals["y"] + 200, "and level with them"
    assert pdf_responses and pdf_responses[0].ok, "the framed PDF was served"
    assert pdf_responses[0].headers["content-type"] == "application/pdf"
    expect(page.get_by_role("textbox", name="Tentang", exact=True)).to_have_value(
        "Pengelolaan pemakaman dan pengabuan jenazah"
    )

    # Accept the revocation the PDF states (Pasal 35 revokes Perda 13/2003).
    page.get_by_role("checkbox", name="Terapkan Mencabut").check()
    page.get_by_role("button", name="Terapkan usulan yang dipilih").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text("1 hubungan diterapkan", exact=False)).to_be_visible()

    # The explorer lists the new regulation under the index, as a draft.
    page.goto(f"{live_server.url}/admin/pages/{bureau['index_id']}/")
    row = page.get_by_role("row").filter(has_text=title)
    expect(row).to_be_visible()
    expect(row).to_contain_text(re.compile("konsep", re.I))  # Wagtail's Indonesian for "draft"

    problems = log.violations()
    assert not problems, "\n".join(problems)
    assert not refused, "\n".join(refused)
