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


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's axe.min.js from ``.ci/axe`` (``make axe``); skips with that command when it is missing."""
    from tests.browser.axe import AXE_MISSING, axe_source

    source = axe_source()
    if source is None:
        pytest.skip(AXE_MISSING)
    return source


_PAGE_KEY = pytest.StashKey[tuple]()


def _on_test_database(connection) -> bool:
    """Whether ``connection`` is on the test database that pytest-django created.

    Django renames the connection's NAME to the test database's name when it creates it, so the name
    derived from the settings is then either that same name (SQLite's in-memory name, an explicit
    TEST NAME) or the prefix applied twice ("test_test_registri" for "test_registri" on PostgreSQL).
    """
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX

    name = connection.settings_dict["NAME"]
    derived = connection.creation._get_test_db_name()
    return name == derived or (
        str(name).startswith(TEST_DATABASE_PREFIX) and derived == TEST_DATABASE_PREFIX + name
    )


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The Balikpapan demo, committed once for the package's non-transactional browser tests, served live.

    Yields ``(url, facts)``: the server's URL and what :func:`tests.browser.demo_facts.read_facts`
    read from the database (URLs and names), since test bodies must not query the database once the
    browser runs. The tests that use it are marked ``django_db`` (not transactional): each runs in a
    transaction rolled back after it, over the committed demo, and pytest-django keeps them together,
    apart from the transactional tests (which would flush the demo). The database stays unblocked while
    the demo is up, as the server thread reads it. Afterwards the database is flushed and given back
    the rows the migrations made.
    """
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    from registry.demo.loader import load_demo
    from search.backends.indexing import clear_index
    from tests.browser.demo_facts import read_facts

    with django_db_blocker.unblock():
        # The demo is committed and flushed afterwards: only ever in the test database.
        if not _on_test_database(connection):
            pytest.fail("demo_site needs the test database; mark the test django_db")
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is None:
            contents = connection.creation.serialize_db_to_string()
        load_demo(log=lambda line: None)
        facts = read_facts()
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server.url, facts
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            # As TransactionTestCase does with serialized_rollback: no post_migrate rows (content
            # types, permissions) that the serialized contents would then duplicate.
            # flush empties only the tables of models, not the search index's postings and statistics.
            clear_index()
            # Sequences are not reset (as TransactionTestCase does not): the serialized rows keep their
            # ids, and on PostgreSQL a reset sequence would hand out those ids again.
            call_command(
                "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
            )
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="module")
def module_browser(chromium_path, demo_site):
    """One Chromium for a module's tests (each test opens its own context in it); started after the demo."""
    from playwright.sync_api import sync_playwright

    # See browser_page: Django refuses ORM calls while Playwright's loop runs in this thread.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def open_page(browser, request, width: int, height: int, **options):
    """A page in a fresh context of ``width`` × ``height`` CSS pixels, screenshot on failure (see below).

    ``options`` go to the new context (``has_touch=True, is_mobile=True`` for a phone's taps).
    """
    context = browser.new_context(locale="id-ID", viewport={"width": width, "height": height}, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    request.node.stash[_PAGE_KEY] = (page, request.getfixturevalue("tmp_path") / "failure.png")
    return context, page


@pytest.fixture
def phone_page(module_browser, request):
    """A 390 × 844 page (a common phone) in the module's Chromium."""
    context, page = open_page(module_browser, request, 390, 844)
    yield page
    context.close()


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
