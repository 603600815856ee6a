"""/api/v1/docs in Chromium: Swagger UI loads from our own static files and trips no CSP rule."""

import pytest

from tests.browser.conftest import browser_page, chromium_path  # noqa: F401 (fixtures)
from tests.browser.test_security_headers import ViolationLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_docs_render_every_endpoint_without_csp_violations(live_server, browser_page):  # noqa: F811
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    log = ViolationLog(browser_page)
    violations = log.visit(f"{live_server.url}/api/v1/docs")
    browser_page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = browser_page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/regulations/{id}/pasal/{nomor}" in [path.replace("\u200b", "") for path in paths]
    assert len(paths) >= 11
    assert log.violations() == violations == []
    assert all(url.startswith(live_server.url) for url in requested), "nothing from a CDN or elsewhere"
