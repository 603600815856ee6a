"""A pytest plugin that runs any test with the page cache on: ``-p tests.cache.page_cache_on``.

It checks that no existing test of the public site sees stale content once pages are cached:
``PYTHONPATH=. .venv/bin/pytest -p tests.cache.page_cache_on tests/public``. The store is emptied
between tests, because each test's rollback restores rows without a commit (in production nothing
is rolled back after other readers could see it).
"""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.REGISTRY_PAGE_CACHE = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()
