"""Fixtures for the search tests: the conformance corpus, loaded once per module."""

import pytest
from django.db import transaction

from search import synonyms

from . import corpus as corpus_module


@pytest.fixture(autouse=True)
def _fresh_thesaurus():
    """Each test sees the synonyms of its own database state."""
    synonyms.invalidate()
    yield
    synonyms.invalidate()


@pytest.fixture(scope="module")
def golden_corpus(django_db_setup, django_db_blocker):
    """The real regulations and the services, published and indexed; rolled back after the module."""
    if not corpus_module.available():
        pytest.skip(f"../shared/corpus is absent ({corpus_module.CORPUS}); the conformance suite needs it")
    with django_db_blocker.unblock(), transaction.atomic():
        built = corpus_module.build()
        yield built
        transaction.set_rollback(True)
