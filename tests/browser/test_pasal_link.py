"""On a phone, following a service's legal-basis link lands on the pasal with its heading, title and status in view."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = (390, 844)


@pytest.fixture
def phone(module_browser, request):
    """A 390 × 844 page in the module's Chromium."""
    context, page = open_page(module_browser, request, *PHONE)
    yield page
    context.close()


def _box(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not rendered"
    return box


def test_pasal_link_keeps_heading_and_sticky_title_in_view(phone, demo_site):
    """KTP-el → its Perda's Pasal link: the ayat and its Pasal heading sit below the sticky bar, focused."""
    base_url, facts = demo_site
    basis = facts["basis"]
    phone.goto(base_url + facts["ktp"]["url"])
    link = phone.locator(f'a[href^="{basis["url"]}#pasal-"]').first
    anchor = link.get_attribute("href").split("#", 1)[1]
    pasal = anchor.split("-ayat-")[0]
    link.click()
    expect(phone).to_have_url(re.compile(re.escape(f"{basis['url']}#{anchor}") + "$"))

    bar = phone.locator(".regulation-bar")
    expect(bar).to_be_visible()
    # The short form ("Perda Nomor 4 Tahun 2016") fits a phone's width.
    expect(bar).to_contain_text("Nomor " + basis["regulation"].split(" Nomor ", 1)[1])
    expect(bar.locator(".badge")).to_be_visible()
    bar_box = _box(phone, ".regulation-bar")
    assert bar_box["y"] == pytest.approx(0, abs=1), "the title bar is not stuck to the top"
    bottom = bar_box["y"] + bar_box["height"]
    for selector in (f"#{pasal}", f"#{anchor}"):
        box = _box(phone, selector)
        assert box["y"] >= bottom - 1, f"{selector} is hidden under the title bar ({box['y']} < {bottom})"
        assert box["y"] + min(box["height"], 40) <= PHONE[1], f"{selector} is below the screen"
    # Screen readers hear the pasal: the target has the focus.
    assert phone.evaluate("document.activeElement && document.activeElement.id") == anchor


def test_table_of_contents_moves_focus_to_the_pasal(phone, demo_site):
    """On a phone the contents start folded; opening them and choosing a Pasal focuses its heading."""
    base_url, facts = demo_site
    phone.goto(base_url + facts["basis"]["url"])
    toc = phone.locator("details.toc__fold")
    expect(toc).not_to_have_attribute("open", "")
    toc.locator("summary").click()
    entry = toc.locator(".toc__pasal a").nth(1)
    target = entry.get_attribute("href")[1:]
    entry.click()
    expect(phone).to_have_url(re.compile(f"#{target}$"))
    phone.wait_for_function(f"document.activeElement && document.activeElement.id === '{target}'")
    box = _box(phone, f"#{target}")
    bar = _box(phone, ".regulation-bar")
    assert box["y"] >= bar["y"] + bar["height"] - 1
