"""When the search cluster cannot be reached or is too slow: answers from the database, queued
updates, replay. (The drills against a real cluster are in test_cluster_drills.py.)"""

import socket
import threading
import time

import pytest
from django.test import override_settings

from search import backends, service
from search.backends.base import SearchUnavailable
from search.models import IndexEntry, PendingIndexOperation
from search.tasks import replay_pending
from tests import factories

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"


@pytest.fixture
def unreachable_elasticsearch():
    """ELASTICSEARCH_URL points at a closed port."""
    with override_settings(ELASTICSEARCH_URL=UNREACHABLE, SEARCH_ELASTICSEARCH_TIMEOUT=0.5):
        backends.reset()
        yield backends.get_elasticsearch_backend()
    backends.reset()


def test_publishing_while_elasticsearch_is_down_indexes_the_database_and_queues(unreachable_elasticsearch):
    """The database engine gets the service at once; Elasticsearch's update waits in the queue."""
    page = factories.service(title="Izin Reklame Papan", summary="Pasang reklame.")
    assert IndexEntry.objects.filter(doc_id=f"service:{page.pk}").exists()
    pending = PendingIndexOperation.objects.get()
    assert (pending.engine, pending.source, pending.object_pk) == ("elasticsearch", "services", str(page.pk))


def test_queries_fall_back_to_the_database_and_say_so(unreachable_elasticsearch):
    """The page answers from the database engine and warns that results may be incomplete."""
    factories.service(title="Izin Reklame Papan", summary="Pasang reklame.")
    result = service.search("reklame")
    assert result.degraded and result.engine in ("sqlite", "postgresql")
    assert result.hits[0].title.startswith("Izin <mark>Reklame</mark>")
    assert any("mungkin belum lengkap" in notice for notice in result.notices)


class RecordingBackend:
    """Stands in for Elasticsearch once it is back: records what is replayed."""

    name = "elasticsearch"
    is_database = False

    def __init__(self, fail=False):
        self.fail = fail
        self.replaced = []

    def replace(self, owner, documents):
        if self.fail:
            raise SearchUnavailable("still down")
        self.replaced.append((owner, [d.doc_id for d in documents]))


def test_pending_updates_are_replayed_when_elasticsearch_returns(unreachable_elasticsearch):
    """Nothing is lost: a queued publish and a queued unpublish are both applied on replay."""
    kept = factories.service(title="Layanan Satu")
    gone = factories.service(title="Layanan Dua")
    gone.unpublish()
    assert PendingIndexOperation.objects.count() == 2
    still_down = RecordingBackend(fail=True)
    assert replay_pending(still_down) == 0 and PendingIndexOperation.objects.count() == 2
    back = RecordingBackend()
    assert replay_pending(back) == 2
    assert dict(back.replaced) == {f"service:{kept.pk}": [f"service:{kept.pk}"], f"service:{gone.pk}": []}
    assert not PendingIndexOperation.objects.exists()


@pytest.fixture
def silent_server():
    """A loopback TCP server that accepts connections and never answers: a cluster stuck in GC."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    held, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    for connection in held:
        connection.close()
    listener.close()


@pytest.mark.parametrize("variable", ["OPENSEARCH_URL", "ELASTICSEARCH_URL"])
def test_a_slow_cluster_costs_one_timeout_then_nothing(silent_server, variable):
    """A request past the timeout falls back to the database quickly; for the next
    SEARCH_CLUSTER_RETRY_SECONDS the cluster is not asked at all, for queries or for updates."""
    urls = {"ELASTICSEARCH_URL": "", "OPENSEARCH_URL": "", variable: silent_server}
    with override_settings(**urls, SEARCH_ELASTICSEARCH_TIMEOUT=0.5, SEARCH_CLUSTER_RETRY_SECONDS=30):
        backends.reset()
        try:
            cluster = backends.get_cluster_backend()
            factories.service(title="Izin Reklame Papan", summary="Pasang reklame.")
            assert PendingIndexOperation.objects.filter(engine=cluster.name).count() == 1
            for attempt in range(3):
                started = time.monotonic()
                result = service.search("reklame")
                elapsed = time.monotonic() - started
                assert result.degraded and result.hits[0].title.startswith("Izin <mark>Reklame</mark>")
                # The first query waits for the timeout (0.5 s) once; the next ones do not wait at all.
                assert elapsed < (2.0 if attempt == 0 else 0.3), (attempt, elapsed)
            started = time.monotonic()
            factories.service(title="Izin Trayek", summary="Angkutan kota.")
            assert time.monotonic() - started < 2.0
            assert PendingIndexOperation.objects.filter(engine=cluster.name).count() == 2
            assert not cluster.health().ok
        finally:
            backends.reset()
