"""When Elasticsearch cannot be reached: answers from the database, queued updates, replay."""

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
