"""No N+1: a page of 50 services or 50 regulations with their relations costs what a page of 5 does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationRelation
from registry.services.models import ComplaintChannel, ServiceChannel, ServiceRequirement, ServiceStep
from tests import factories
from tests.public.conftest import quick_regulations, quick_service

pytestmark = pytest.mark.django_db


def _queries(client, path, page_size):
    client.get(path, {"page_size": 1})  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size
    return len(queries)


def test_services_page_query_count_does_not_grow_with_page_size(client):
    regulations = quick_regulations(6)
    unit = factories.opd(title="Dinas Volume", abbreviation="DV", slug="dinas-volume")
    for number in range(55):
        service = quick_service(unit, bases=regulations[: 1 + number % 6])
        ServiceRequirement.objects.create(page=service, text="KTP", sort_order=0)
        ServiceStep.objects.create(page=service, title="Daftar", sort_order=0)
        ServiceChannel.objects.create(page=service, kind="kantor", name="Kantor", sort_order=0)
        ComplaintChannel.objects.create(page=service, kind="surel", value="a@b.id", sort_order=0)
    small, large = _queries(client, "/api/v1/services/", 5), _queries(client, "/api/v1/services/", 50)
    assert large == small, (small, large)
    assert large <= 15


def test_regulations_page_query_count_does_not_grow_with_page_size(client):
    regulations = quick_regulations(60)
    rows = []
    for position, source in enumerate(regulations):
        for step in (1, 2, 3):
            target = regulations[(position + step) % len(regulations)]
            rows.append(
                RegulationRelation(source=source, target=target, kind=RelationKind.TERKAIT, sort_order=step)
            )
    RegulationRelation.objects.bulk_create(rows)
    small, large = _queries(client, "/api/v1/regulations/", 5), _queries(client, "/api/v1/regulations/", 50)
    assert large == small, (small, large)
    assert large <= 10
