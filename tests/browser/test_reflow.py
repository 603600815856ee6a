"""WCAG 1.4.10 reflow: no public page of the demo is wider than a 320 px viewport (issue #15).

Each page is loaded at 320 × 640 CSS pixels and ``document.documentElement.scrollWidth`` must not
exceed 320: long words and URLs wrap, and wide tables scroll inside their own region, not the page.
The demo is loaded once for tests/browser's demo tests (``demo_site``); one Chromium serves the module.
"""

import pytest

from tests.browser.conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTH, HEIGHT = 320, 640


def _parent(url: str) -> str:
    """The URL one level up: the OPD index above an OPD page."""
    return url.rstrip("/").rsplit("/", 1)[0] + "/"


def _slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


# Each page as a function of the demo's facts (tests/browser/demo_facts.py), so the ids stay readable.
PAGES = {
    "home": lambda facts: "/",
    "search": lambda facts: "/cari/?q=ktp+elektronik",
    "search_regulation": lambda facts: "/cari/?q=perwal",
    "service": lambda facts: facts["ktp"]["url"],
    "service_pbg": lambda facts: facts["pbg"]["url"],
    "opd_index": lambda facts: _parent(facts["disdukcapil"]["url"]),
    "opd": lambda facts: facts["disdukcapil"]["url"],
    "regulation": lambda facts: facts["amended"]["url"],
    "regulation_with_text": lambda facts: facts["basis"]["url"],
    "regulation_index": lambda facts: facts["regulation_index"],
    "categories": lambda facts: "/kategori/",
    "category": lambda facts: "/kategori/kependudukan/",
    "life_events": lambda facts: "/peristiwa/",
    "life_event": lambda facts: "/peristiwa/kelahiran/",
    "transparency": lambda facts: "/transparansi/",
    "transparency_opd": lambda facts: f"/transparansi/{_slug(facts['disdukcapil']['url'])}/",
    "open_data": lambda facts: "/data-terbuka/",
}

# What is wider than the viewport, for the failure message: the widest elements that stick out.
_OVERFLOWING = """() => {
    const limit = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('body *'))
        .filter(el => el.getBoundingClientRect().right > limit + 0.5)
        .filter(el => !el.closest('.table-scroll, .visually-hidden, .skip-link'))
        .slice(0, 8)
        .map(el => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
}"""


@pytest.fixture
def narrow_page(module_browser, request):
    """A 320 × 640 page in the module's Chromium."""
    context, page = open_page(module_browser, request, WIDTH, HEIGHT)
    yield page
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_reflows_at_320_px(name, narrow_page, demo_site):
    """The page is no wider than the 320 px viewport: nothing scrolls sideways but a table's own region."""
    base_url, facts = demo_site
    page = narrow_page
    response = page.goto(base_url + PAGES[name](facts))
    assert response is not None and response.status == 200, f"{page.url}: HTTP {response and response.status}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"{page.url} is {width} px wide at {WIDTH} px: {page.evaluate(_OVERFLOWING)}"
