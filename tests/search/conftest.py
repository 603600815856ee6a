"""Fixtures for the search tests: the conformance corpus, loaded once per module, and the live cluster.

The live suite (tests marked ``optional_service``) runs against the search cluster that
``OPENSEARCH_URL`` (OpenSearch, e.g. ``make search-cluster``) or ``ELASTICSEARCH_URL`` names. Each
test writes its own indices under a random prefix and deletes them afterwards, so it never touches
an installation's index.
"""

import os
import uuid

import pytest
from django.db import transaction

from search import synonyms

from . import corpus as corpus_module

#: The skip reason of every live test when no cluster is configured.
LIVE_REASON = (
    "a live search cluster runs only where OPENSEARCH_URL or ELASTICSEARCH_URL is set "
    "(make search-cluster starts one)"
)


def live_cluster() -> tuple[str, str] | None:
    """``(engine, url)`` of the configured live cluster, or None."""
    for engine, variable in (("opensearch", "OPENSEARCH_URL"), ("elasticsearch", "ELASTICSEARCH_URL")):
        url = os.environ.get(variable, "").strip()
        if url:
            return engine, url
    return None


def cluster_backend(url: str | None = None, engine: str | None = None, **options):
    """A backend on the live cluster (or on ``url``) writing under a fresh random prefix."""
    from search.synonyms import current_thesaurus

    if url is None:
        configured = live_cluster()
        if configured is None:
            pytest.skip(LIVE_REASON)
        engine, url = configured
    if (engine or "opensearch") == "opensearch":
        from search.backends.opensearch import OpenSearchBackend as Backend
    else:
        from search.backends.elastic import ElasticsearchBackend as Backend
    options.setdefault("prefix", f"registri-test-{uuid.uuid4().hex[:8]}")
    options.setdefault("thesaurus", current_thesaurus)
    options.setdefault("refresh", "wait_for")
    return Backend(url, **options)


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


@pytest.fixture(scope="module")
def golden_cluster(golden_corpus, django_db_blocker):
    """The live cluster holding the golden corpus in an index of its own (built once per module)."""
    from search.registry import registry

    backend = cluster_backend(swap_grace=0)
    with django_db_blocker.unblock():
        synonyms.invalidate()
        backend.rebuild(registry.iter_documents())
    yield backend
    backend.drop()


#: Golden queries whose top 3 differ between the cluster and the database engine (terminal summary).
TOP3_DIFFERENCES: dict[str, tuple[list[str], list[str]]] = {}
TOP3_COMPARED: list[str] = []
#: The (cluster, database engine) pairs compared, e.g. ("opensearch", "postgresql").
TOP3_ENGINES: set[tuple[str, str]] = set()


def pytest_terminal_summary(terminalreporter):
    if not TOP3_COMPARED:
        return
    write = terminalreporter.write_line
    engines = ", ".join(f"{cluster} vs {database}" for cluster, database in sorted(TOP3_ENGINES))
    terminalreporter.section(f"golden top 3: search cluster vs database engine ({engines})")
    write(f"{len(TOP3_COMPARED) - len(TOP3_DIFFERENCES)}/{len(TOP3_COMPARED)} queries with the same top 3")
    for query, (database, cluster) in sorted(TOP3_DIFFERENCES.items()):
        write(f"  {query!r}: database {database} | cluster {cluster}")
