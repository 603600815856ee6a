"""A citizen finds a service through its Perangkat Daerah and follows its legal basis to the pasal."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import PageViewRestriction

from tests import factories
from tests.public.article_text import give_text

# live_server needs a transactional database; serialized_rollback restores Wagtail's root page,
# default site and locale (created by migrations) that the flush between such tests removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REQUIREMENTS = [
    "Formulir permohonan F-1.01",
    "Kartu Keluarga lama",
    "Buku nikah atau akta perkawinan",
]


@pytest.fixture
def journey():
    """An OPD with one service whose legal basis is Pasal 21 of a Perwal, as the strings the test needs.

    Everything is read from the database here, before the browser starts: under the sync Playwright
    API, Django would open a second connection for queries made in the test body and never close it.

    The factories make the default Site "localhost" (port 80). live_server listens on localhost at
    another port; Wagtail serves a request whose hostname matches but port does not from the default
    site, so the pages route as they would on the real host.
    """
    perwal = factories.regulation(
        "PERWAL", nomor="12", tahun=2023, tentang="Standar Pelayanan Administrasi Kependudukan"
    )
    give_text(perwal, "pasal-21")  # a Pasal link lands on its anchor only where the text has it
    unit = factories.opd(title="Dinas Kependudukan dan Pencatatan Sipil", abbreviation="Disdukcapil")
    service = factories.service(
        unit=unit,
        title="Penerbitan Kartu Keluarga",
        requirements=REQUIREMENTS,
        bases=[(perwal, "Pasal 21")],
    )
    return {
        "opd": unit.title,
        "opd_url": unit.url,
        "service": service.title,
        "service_url": service.url,
        "regulation": str(perwal.short_title()),
        "regulation_url": perwal.url,
        "tentang": perwal.tentang,
    }


def test_citizen_goes_from_home_to_the_pasal_behind_a_service(journey, live_server, browser_page):
    """Home → OPD → service → requirements checklist → legal-basis link → the regulation at #pasal-21."""
    assert journey["regulation_url"] == "/peraturan/perwal/2023/12/"
    page = browser_page

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=journey["opd"], exact=True).first.click()
    expect(page).to_have_url(re.compile(re.escape(journey["opd_url"]) + "$"))

    page.get_by_role("link", name=journey["service"], exact=True).first.click()
    expect(page).to_have_url(re.compile(re.escape(journey["service_url"]) + "$"))
    checklist = page.get_by_role("region", name="Persyaratan", exact=True)
    for requirement in REQUIREMENTS:
        expect(checklist.get_by_role("checkbox", name=requirement, exact=True)).to_be_visible()

    # The link names the regulation; the provision ("Pasal 21") follows it as plain text.
    legal_bases = page.get_by_role("region", name="Dasar hukum", exact=True)
    expect(legal_bases).to_contain_text("Pasal 21")
    legal_bases.get_by_role("link", name=journey["regulation"], exact=True).click()

    expect(page).to_have_url(re.compile(re.escape(journey["regulation_url"] + "#pasal-21") + "$"))
    expect(page.get_by_role("heading", level=1, name=journey["regulation"])).to_be_visible()
    expect(page.get_by_text(journey["tentang"]).first).to_be_visible()


@pytest.fixture
def private_regulation():
    """A public Perwal and a login-restricted one that share a search word."""
    public = factories.regulation("PERWAL", nomor="31", tahun=2024, tentang="Tata Tertib Pasar Kebun Sayur")
    private = factories.regulation(
        "PERWAL", nomor="32", tahun=2024, tentang="Rancangan Pasar Kebun Sayur Tertutup"
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {
        "public": str(public.short_title()),
        "private_url": private.url,
        "private": str(private.short_title()),
    }


def test_a_citizen_never_sees_a_restricted_regulation(private_regulation, live_server, browser_page):
    """Anonymous: the restricted regulation's URL asks for a login, and search does not name it."""
    page = browser_page
    page.goto(f"{live_server.url}{private_regulation['private_url']}")
    expect(page).to_have_url(re.compile(r"/login/"))
    expect(page.get_by_text("Rancangan Pasar Kebun Sayur Tertutup")).to_have_count(0)

    page.goto(f"{live_server.url}/cari/?q=pasar+kebun+sayur")
    expect(page.get_by_role("link", name=re.compile("Tata Tertib Pasar Kebun Sayur")).first).to_be_visible()
    expect(page.get_by_text("Tertutup")).to_have_count(0)
