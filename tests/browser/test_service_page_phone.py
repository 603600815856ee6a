"""A service page on a 390 × 844 phone answers first: requirements on the first screen, a print button.

The Balikpapan demo is served once for tests/browser's demo tests (``demo_site``); URLs come from its
facts, read before the browser starts.
"""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

#: The phone viewport's height (see the phone_page fixture).
SCREEN = 844


def test_ktp_requirements_start_on_the_first_screen(demo_site, phone_page):
    """The first KTP-el requirement starts within the first 844 px, below the summary, with no sideways scroll."""
    base_url, facts = demo_site
    page = phone_page
    page.goto(base_url + facts["ktp"]["url"])
    summary = page.locator(".service-summary")
    expect(summary).to_contain_text("Pemohon")
    first = page.locator("#persyaratan .checklist > li").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] < SCREEN, f"first requirement at {box and box['y']:.0f} px"
    assert summary.bounding_box()["y"] < box["y"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width} px wide at 390 px"


def test_print_button_calls_the_browser_print(demo_site, phone_page):
    """ "Cetak daftar persyaratan" is a visible button that prints the checklist (window.print)."""
    base_url, facts = demo_site
    page = phone_page
    page.add_init_script("window.print = function () { window.__printedWith = document.body.className; };")
    page.goto(base_url + facts["ktp"]["url"])
    button = page.get_by_role("button", name="Cetak daftar persyaratan")
    expect(button).to_be_visible()
    button.click()
    assert "print-checklist" in page.evaluate("window.__printedWith")
    expect(page.get_by_text("Ctrl+P")).to_have_count(0)
    # The printout: the summary (place, hours, cost), the checklist and the date; not the rest.
    page.emulate_media(media="print")
    address = page.locator(".service-summary .print-only-inline")
    expect(address).to_be_visible()
    expect(address).to_contain_text("Jenderal Sudirman")
    expect(page.locator(".service-summary")).to_contain_text("07.30")
    expect(page.locator(".service-summary")).to_contain_text("Gratis")
    expect(page.locator(".last-updated")).to_be_visible()
    expect(page.locator("#persyaratan .checklist")).to_be_visible()
    expect(page.locator("#prosedur")).to_be_hidden()
    expect(page.locator(".print-action")).to_be_hidden()


def test_pbg_summary_says_the_cost_is_an_example(demo_site, phone_page):
    """The PBG summary on a phone says its cost is an example ("contoh")."""
    base_url, facts = demo_site
    page = phone_page
    page.goto(base_url + facts["pbg"]["url"])
    expect(page.locator(".service-summary .cost-summary")).to_contain_text("contoh Rp 1.500.000")
