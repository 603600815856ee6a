"""The browser fixtures of tests/browser, for the journey through the loopback installation."""

from tests.browser.conftest import browser_page, chromium_path  # noqa: F401
