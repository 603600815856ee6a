"""The citizens' and the evaluator's journeys of issue #15 on a phone, with real taps and typing.

Each journey starts where a citizen starts (the home page, the regulation index, the transparency
page) on a 390 × 844 touch screen, taps what a citizen would tap and checks what a citizen must then
see. Elements are found by role and accessible name, as a screen reader would; the demo's URLs and
names come from tests/browser/demo_facts.py (read before the browser starts). The demo is loaded once
for tests/browser's demo tests (``demo_site``) and one Chromium serves the module.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTH, HEIGHT = 390, 844


@pytest.fixture
def phone(module_browser, request):
    """A 390 × 844 touch phone (mobile viewport, touch events) in the module's Chromium."""
    context, page = open_page(module_browser, request, WIDTH, HEIGHT, has_touch=True, is_mobile=True)
    yield page
    context.close()


# True when the element itself is what a tap at its centre would reach.
# An inline element that wraps has one box per line, and the centre of their union may fall beside
# its text: each line's box is checked at its own centre.
UNCOVERED = """element => {
    const boxes = Array.from(element.getClientRects()).filter(box => box.width > 0 && box.height > 0);
    return boxes.length > 0 && boxes.every(box => {
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && element.contains(hit);
    });
}"""


class Thumb:
    """Taps elements and counts the taps, for journeys with a budget of taps."""

    def __init__(self):
        self.taps = 0

    def tap(self, locator):
        """Tap ``locator`` (scrolled into view first, as a finger would) and count it."""
        locator.tap()
        self.taps += 1


def at(base_url: str, path: str):
    """The pattern of a page's URL: ``path`` on the live server, with an optional query string."""
    return re.compile(re.escape(base_url + path) + r"(\?[^#]*)?$")


def search_from_header(page, words: str):
    """Type ``words`` into the header's search box on the touch keyboard and send them."""
    box = page.get_by_role("search", name="Pencarian situs").get_by_role("searchbox")
    box.tap()
    box.press_sequentially(words)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/cari/\?(.*&)?q=" + re.escape(words.replace(" ", "+")) + "(&|$)"))


def result_links(page):
    """The search results' titles in order: the links inside the headings of the main content."""
    return page.get_by_role("main").get_by_role("heading").get_by_role("link")


def expect_requirements(page, requirements: list[str]):
    """Every requirement of the service is shown on its page."""
    assert requirements, "the service has no requirement to look for"
    main = page.get_by_role("main")
    for requirement in requirements:
        expect(main.get_by_text(requirement).first).to_be_visible()


def expect_within_screen(locator, what: str):
    """The element is wholly on the screen as it is now: its box lies within 0..844 from the top.

    Half a pixel either side is allowed: a scroll to an anchor may stop a subpixel short of it. Nothing
    (a sticky header, say) may cover it: at the centre of each of its line boxes is the element or its child.
    """
    expect(locator, f"{what} is not on the screen").to_be_in_viewport()
    box = locator.bounding_box()
    assert box is not None, f"{what} has no box"
    top, bottom = box["y"], box["y"] + box["height"]
    assert top >= -0.5 and bottom <= HEIGHT + 0.5, f"{what} spans y={top:.0f}..{bottom:.0f}, not 0..{HEIGHT}"
    assert locator.evaluate(UNCOVERED), f"{what} is on screen but covered by another element"


def rupiah(amount: Decimal) -> str:
    """An amount the Indonesian way, without the currency: 1500000 → "1.500.000"."""
    return f"{int(amount):,}".replace(",", ".")


def test_ktp_el_by_search(phone, demo_site):
    """Home → "ktp hilang" typed in the header's search → KTP-el is the first result → its requirements."""
    base_url, facts = demo_site
    page = phone
    page.goto(base_url + "/")
    search_from_header(page, "ktp hilang")

    first = result_links(page).first
    expect(first).to_have_text(facts["ktp"]["title"])
    first.tap()
    expect(page).to_have_url(at(base_url, facts["ktp"]["url"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(facts["ktp"]["title"])
    expect_requirements(page, facts["ktp"]["requirements"])


def test_ktp_el_by_browsing(phone, demo_site):
    """Home → Disdukcapil under "Menurut perangkat daerah" → KTP-el in its services → its requirements."""
    base_url, facts = demo_site
    page, thumb = phone, Thumb()
    page.goto(base_url + "/")
    units = page.get_by_role("region", name="Menurut perangkat daerah", exact=True)
    thumb.tap(units.get_by_role("link", name=facts["disdukcapil"]["title"], exact=True))
    expect(page).to_have_url(at(base_url, facts["disdukcapil"]["url"]))
    expect(page.get_by_role("heading", level=1)).to_contain_text(facts["disdukcapil"]["title"])

    services = page.get_by_role("region", name="Layanan", exact=True)
    thumb.tap(services.get_by_role("link", name=facts["ktp"]["title"], exact=True))
    expect(page).to_have_url(at(base_url, facts["ktp"]["url"]))
    expect_requirements(page, facts["ktp"]["requirements"])
    assert thumb.taps == 2


def test_cost_of_pbg(phone, demo_site):
    """ "biaya pbg" → the PBG page → on the first screen, the cost next to its qualifier "contoh"."""
    base_url, facts = demo_site
    page = phone
    page.goto(base_url + "/")
    search_from_header(page, "biaya pbg")
    result_links(page).filter(has_text=facts["pbg"]["title"]).first.tap()
    expect(page).to_have_url(at(base_url, facts["pbg"]["url"]))

    # The page as it opens, not scrolled: the amount and the word "contoh" within a few words of it.
    amount = r"Rp\s?" + re.escape(rupiah(facts["pbg"]["cost_amount"]))
    qualified = re.compile(rf"\bcontoh\b.{{0,60}}{amount}|{amount}.{{0,60}}\bcontoh\b", re.IGNORECASE)
    expect_within_screen(page.get_by_role("main").get_by_text(qualified).first, "the PBG cost with 'contoh'")


def test_pasal_behind_a_service(phone, demo_site):
    """KTP-el → a pasal link under "Dasar hukum" → that pasal's heading on screen, the regulation named."""
    base_url, facts = demo_site
    basis = facts["basis"]
    page = phone
    page.goto(base_url + facts["ktp"]["url"])
    legal_bases = page.get_by_role("region", name="Dasar hukum", exact=True)
    expect(legal_bases).to_contain_text(basis["provision"])
    legal_bases.get_by_role("link", name=re.compile(re.escape(basis["regulation"]))).first.tap()
    expect(page).to_have_url(re.compile(re.escape(f"{base_url}{basis['url']}#{basis['anchor']}") + "$"))

    # "Pasal 4 ayat (1)" lands on the ayat; the heading of its pasal ("Pasal 4") must be on screen too.
    pasal = re.match(r"Pasal \d+[A-Z]?", basis["provision"]).group(0)
    expect_within_screen(page.locator(":target"), f"the target of #{basis['anchor']}")
    expect_within_screen(page.get_by_role("heading", name=pasal, exact=True).first, f"the heading {pasal}")
    expect(page.get_by_role("heading", level=1, name=basis["regulation"])).to_be_visible()


def test_status_of_an_amended_regulation(phone, demo_site):
    """Regulation index → status "Diubah" → the regulation → its banner names the amendment, whose link opens."""
    base_url, facts = demo_site
    amended = facts["amended"]
    assert amended["amending"], f"{amended['title']} has no amending regulation in the demo"
    page = phone
    page.goto(base_url + facts["regulation_index"])
    filters = page.get_by_role("form", name="Saring peraturan")
    filters.get_by_label("Status", exact=True).select_option("diubah")
    filters.get_by_role("button", name="Terapkan", exact=True).tap()
    expect(page).to_have_url(re.compile(r"[?&]status=diubah(&|$)"))

    page.get_by_role("link", name=amended["title"], exact=True).tap()
    expect(page).to_have_url(at(base_url, amended["url"]))
    banner = page.get_by_role("note", name="Status peraturan")
    expect(banner).to_be_visible()
    for amending in amended["amending"]:
        expect(banner).to_contain_text(amending["title"])

    amending = amended["amending"][0]
    banner.get_by_role("link", name=amending["title"], exact=True).tap()
    expect(page).to_have_url(at(base_url, amending["url"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(amending["title"])


def test_akta_kelahiran_by_life_event(phone, demo_site):
    """Home → the life event "Kelahiran" → Akta Kelahiran: two taps."""
    base_url, facts = demo_site
    page, thumb = phone, Thumb()
    page.goto(base_url + "/")
    events = page.get_by_role("region", name="Menurut peristiwa kehidupan", exact=True)
    thumb.tap(events.get_by_role("link", name=facts["birth_event"]["name"], exact=True))
    expect(page).to_have_url(at(base_url, facts["birth_event"]["url"]))

    thumb.tap(page.get_by_role("main").get_by_role("link", name=facts["birth"]["title"], exact=True))
    expect(page).to_have_url(at(base_url, facts["birth"]["url"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(facts["birth"]["title"])
    assert thumb.taps <= 2


def test_evaluator_from_transparency_to_affected_services(phone, demo_site):
    """/transparansi/ → an OPD's row → /transparansi/<opd>/ lists its services with status and reasons."""
    base_url, facts = demo_site
    incomplete = facts["incomplete"]
    page = phone
    page.goto(base_url + "/transparansi/")
    # The OPD by its name or its abbreviation, whichever the row shows.
    names = [incomplete["opd_title"], incomplete["opd_abbreviation"]]
    opd = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names if name) + r")\b")
    row = page.get_by_role("main").get_by_role("row").filter(has_text=opd).first
    row.get_by_role("link").first.tap()
    expect(page).to_have_url(at(base_url, f"/transparansi/{incomplete['opd_slug']}/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(opd)

    # The service's own row or list item: its status and at least one of its reasons.
    main = page.get_by_role("main")
    item = main.get_by_role("row").or_(main.get_by_role("listitem")).filter(has_text=incomplete["service"])
    item = item.first
    expect(item).to_be_visible()
    expect(item).to_contain_text(incomplete["status_label"])
    reasons = re.compile("|".join(re.escape(reason) for reason in incomplete["reasons"]))
    expect(item).to_contain_text(reasons)
