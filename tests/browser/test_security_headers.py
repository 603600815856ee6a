"""The Content-Security-Policy holds in a real Chromium: no page we serve trips it.

Chromium reports every blocked script, style, image or frame as a ``securitypolicyviolation`` event
(and a console error). The test records both on the public pages, anonymously and as a logged-in
editor (Wagtail's user bar), and on the admin: the login page (with django-axes on), the dashboard
and the edit views of a service and a regulation (inline panels, date pickers, the preview panel).
"""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from tests import factories

# live_server needs a transactional database; serialized_rollback restores Wagtail's root page,
# default site and locale (created by migrations) that the flush between such tests removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "kata-sandi-uji-csp-2024"

# Runs in every page before its own scripts: keeps each CSP violation the page reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile || ""}:${event.lineNumber || ""})`
    );
});
"""


@pytest.fixture
def site(django_user_model):
    """A service with a legal basis, a regulation and a superuser, as the URLs and names the test needs."""
    perwal = factories.regulation(
        "PERWAL", nomor="12", tahun=2023, tentang="Standar Pelayanan Administrasi Kependudukan"
    )
    unit = factories.opd(title="Dinas Kependudukan dan Pencatatan Sipil", abbreviation="Disdukcapil")
    service = factories.service(
        unit=unit,
        title="Penerbitan Kartu Keluarga",
        requirements=["Formulir permohonan F-1.01"],
        bases=[(perwal, "Pasal 21")],
    )
    django_user_model.objects.create_superuser("admin", "admin@example.com", PASSWORD)
    return {
        "public": [
            "/",
            unit.url,
            service.url,
            perwal.url,
            "/cari/?q=kartu+keluarga",
            "/transparansi/",
            "/data-terbuka/",
        ],
        "service_edit": f"/admin/pages/{service.pk}/edit/",
        "regulation_edit": f"/admin/pages/{perwal.pk}/edit/",
    }


class ViolationLog:
    """CSP violations seen by a page: from its events and from the console."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.console.append(f"{self.page.url}: {text}")

    def visit(self, url):
        """Open ``url``, let it settle, and return its violations (event and console) so far."""
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, (
            f"{url}: {response.status if response else 'no response'}"
        )
        assert "Content-Security-Policy" in {name.title() for name in response.headers}, url
        return self.violations()

    def violations(self):
        events = self.page.evaluate("window.__cspViolations || []")
        return [f"{self.page.url}: {event}" for event in events] + self.console


def test_public_pages_and_the_admin_run_without_csp_violations(site, live_server, browser_page):
    page = browser_page
    log = ViolationLog(page)
    problems = []

    for url in site["public"]:
        problems += log.visit(f"{live_server.url}{url}")

    with override_settings(AXES_ENABLED=True):
        problems += log.visit(f"{live_server.url}/admin/login/")
        page.locator("input[name=username]").fill("admin")
        page.locator("input[name=password]").fill(PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        page.wait_for_load_state("networkidle")
        problems += log.violations()

    problems += log.visit(f"{live_server.url}/admin/")
    for key in ("service_edit", "regulation_edit"):
        problems += log.visit(f"{live_server.url}{site[key]}")
        expect(page.locator("form[data-edit-form]")).to_be_visible()
        # The live preview renders the public template in a frame of the admin.
        preview_toggle = page.locator('[data-side-panel-toggle="preview"]')
        if preview_toggle.count():
            preview_toggle.first.click()
            page.wait_for_timeout(1500)
            problems += log.violations()

    # The public pages again, now with Wagtail's user bar for the logged-in editor.
    for url in site["public"][:3]:
        problems += log.visit(f"{live_server.url}{url}")

    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))
