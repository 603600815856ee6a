"""Page queries do not grow with the number of legal bases, relations, linked services or rows."""

import pytest

from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationPage, RegulationRelation
from tests import factories

from .conftest import (
    query_count,
    quick_regulations,
    quick_service,
    requires_regulation_hook,
    requires_service_hook,
)

pytestmark = pytest.mark.django_db


def _warm(client, *urls):
    # The first request fills per-process caches (site root paths, content types).
    for url in urls:
        client.get(url)


@requires_service_hook
def test_service_page_queries_do_not_grow_with_legal_bases(client):
    """A service with 20 legal bases runs as many queries as one with a single basis."""
    regs = quick_regulations(20)
    unit = factories.opd()
    one = quick_service(unit, regs[:1])
    many = quick_service(unit, regs)
    _warm(client, one.url, many.url)
    assert query_count(client, one.url) == query_count(client, many.url)


@requires_regulation_hook
def test_regulation_page_queries_do_not_grow_with_relations_and_services(client):
    """A regulation with 20 relations each way and 20 linked services costs as much as one with 1."""
    small, large = quick_regulations(2, tahun=2015)
    others = quick_regulations(20, tahun=2021)
    unit = factories.opd()
    for target, sources, amount in ((small, others[:1], 1), (large, others, 20)):
        for source in sources:
            RegulationRelation.objects.create(source=source, target=target, kind=RelationKind.TERKAIT)
            RegulationRelation.objects.create(source=target, target=source, kind=RelationKind.MELAKSANAKAN)
        for _ in range(amount):
            quick_service(unit, [target])
    small, large = (RegulationPage.objects.get(pk=p.pk) for p in (small, large))
    _warm(client, small.url, large.url)
    assert query_count(client, small.url) == query_count(client, large.url)


def test_browse_queries_do_not_grow_with_the_page_size(client):
    """Browsing 1 regulation or a full page of 20 costs the same queries."""
    factories.regulation("PERDA", nomor="1", tahun=2010)
    _warm(client, "/peraturan/")
    one = query_count(client, "/peraturan/?jenis=perda")
    quick_regulations(25, code="PERWAL")
    assert query_count(client, "/peraturan/?jenis=perwal") == one


def test_opd_page_queries_do_not_grow_with_services(client):
    """An OPD page with 10 services costs as much as one with a single service."""
    small = factories.opd(title="Dinas A", abbreviation="DA")
    large = factories.opd(title="Dinas B", abbreviation="DB")
    factories.service(unit=small)
    for _ in range(10):
        quick_service(large)
    _warm(client, small.url, large.url)
    assert query_count(client, small.url) == query_count(client, large.url)


def test_home_queries_do_not_grow_with_units(client):
    """The home page costs the same with one OPD or five."""
    factories.service(unit=factories.opd(title="Dinas 0", abbreviation="D0"))
    _warm(client, "/")
    one = query_count(client, "/")
    for i in range(1, 5):
        factories.service(unit=factories.opd(title=f"Dinas {i}", abbreviation=f"D{i}"))
    assert query_count(client, "/") == one


def test_dated_browse_and_pages_do_not_grow_with_rows(client):
    """?berlaku_pada= costs the same queries for 1 regulation or a full page, and for 1 or 20 bases."""
    factories.regulation("PERDA", nomor="1", tahun=2010)
    _warm(client, "/peraturan/?berlaku_pada=2020-01-01")
    one = query_count(client, "/peraturan/?jenis=perda&berlaku_pada=2020-01-01")
    regs = quick_regulations(25, code="PERWAL", tahun=2015)
    assert query_count(client, "/peraturan/?jenis=perwal&berlaku_pada=2020-01-01") == one
    unit = factories.opd()
    single, many = quick_service(unit, regs[:1]), quick_service(unit, regs[:20])
    _warm(client, f"{single.url}?berlaku_pada=2020-01-01", f"{many.url}?berlaku_pada=2020-01-01")
    assert query_count(client, f"{single.url}?berlaku_pada=2020-01-01") == query_count(
        client, f"{many.url}?berlaku_pada=2020-01-01"
    )
