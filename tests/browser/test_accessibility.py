"""axe-core on the public pages of the demo, on a phone (390 px) and a desktop (1366 px): no violation.

Every rule axe runs by default counts, whatever its impact. The pages are those a citizen and an
evaluator meet (issue #15): home, search results, a service, an OPD, a regulation, the regulation
index, a life event and the transparency page. The demo is loaded once for tests/browser's demo tests
(``demo_site``) and one Chromium serves the module.
"""

import pytest

from tests.browser.axe import describe, run_axe
from tests.browser.conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}

# Each page as a function of the demo's facts (tests/browser/demo_facts.py), so the ids stay readable.
PAGES = {
    "home": lambda facts: "/",
    "search": lambda facts: "/cari/?q=ktp+elektronik",
    "service": lambda facts: facts["ktp"]["url"],
    "opd": lambda facts: facts["disdukcapil"]["url"],
    "regulation": lambda facts: facts["amended"]["url"],
    "regulation_index": lambda facts: facts["regulation_index"],
    "life_event": lambda facts: "/peristiwa/kelahiran/",
    "transparency": lambda facts: "/transparansi/",
    "transparency_opd": lambda facts: (
        "/transparansi/" + facts["disdukcapil"]["url"].rstrip("/").rsplit("/", 1)[1] + "/"
    ),
    "categories": lambda facts: "/kategori/",
    "life_events": lambda facts: "/peristiwa/",
}


@pytest.fixture(params=list(WIDTHS))
def sized_page(request, module_browser):
    """A page at each width of WIDTHS, in a context of its own."""
    context, page = open_page(module_browser, request, *WIDTHS[request.param])
    yield page
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violation(name, sized_page, demo_site, axe_script):
    """axe finds no violation of any impact on the page at this width."""
    base_url, facts = demo_site
    page = sized_page
    response = page.goto(base_url + PAGES[name](facts))
    assert response is not None and response.status == 200, f"{page.url}: HTTP {response and response.status}"
    violations = run_axe(page, axe_script)
    width = page.viewport_size["width"]
    assert not violations, f"axe on {page.url} at {width} px:\n{describe(violations)}"
