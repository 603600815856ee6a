"""Fixtures for browser tests: Debian's Chromium driven by Playwright's sync API."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_MISSING = "Chromium tidak terpasang (/usr/bin/chromium); pasang paket Debian 'chromium'"

# The flags that work on a closed-network machine: no sandbox as root, no GPU, and none of the
# background connections Chromium would otherwise try (and have refused) at every start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium binary; skips (a failure under strict skips) when it is not installed."""
    path = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if not path:
        pytest.skip(CHROMIUM_MISSING)
    return path


_PAGE_KEY = pytest.StashKey[tuple]()


@pytest.fixture
def browser_page(chromium_path, monkeypatch, tmp_path, request):
    """A fresh Chromium page; when the test fails, a full-page screenshot goes to its tmp_path."""
    from playwright.sync_api import sync_playwright

    # The sync Playwright API runs an asyncio loop in this thread, and Django refuses ORM calls while
    # one runs. Tests should still read what they need before the browser starts: a query made under
    # Playwright gets a database connection of its own, which nothing closes (on PostgreSQL the test
    # database then cannot be dropped).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="id-ID")
        page = context.new_page()
        page.set_default_timeout(15_000)
        request.node.stash[_PAGE_KEY] = (page, tmp_path / "failure.png")
        try:
            yield page
        finally:
            context.close()
            browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Screenshot the page of a failed browser test while it is still open; name the file in the report."""
    report = yield
    page_and_path = item.stash.get(_PAGE_KEY, None)
    if report.when == "call" and report.failed and page_and_path is not None:
        page, path = page_and_path
        try:
            page.screenshot(path=str(path), full_page=True)
            report.sections.append(("Screenshot", f"{path} (page {page.url})"))
        except Exception as exc:  # the browser may be what failed; the test's own error matters more
            report.sections.append(("Screenshot", f"not saved: {exc}"))
    return report
