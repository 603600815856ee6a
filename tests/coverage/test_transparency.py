"""The transparency page for the public: sorting, each OPD's services with reasons, trend and visibility."""

import re
from datetime import date

import pytest
from wagtail.models import PageViewRestriction

from registry.coverage.history import take_snapshot, trend_with_current
from registry.coverage.models import CoverageSnapshot
from registry.coverage.summary import coverage_totals
from tests import factories

from .builders import complete_service

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.coverage.urls")]


@pytest.fixture
def units():
    """Dishub with one complete service of two; Disdukcapil with none complete of three."""
    dishub = factories.opd(title="Dinas Perhubungan", abbreviation="Dishub", slug="dishub")
    complete_service(unit=dishub, title="Izin trayek")
    factories.service(unit=dishub, title="Uji kendaraan")
    dukcapil = factories.opd(slug="disdukcapil")
    for title in ("Akta kelahiran", "KTP-el", "Kartu Keluarga"):
        factories.service(unit=dukcapil, title=title)
    return dishub, dukcapil


def _row_order(html: str) -> list[str]:
    """The OPD names in the order of the table's body rows."""
    body = html.split('id="coverage-opd-caption"', 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<th scope="row"><a href="/transparansi/[\w-]+/">([^<]+)</a>', body)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("nama", ["Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan"]),
        ("persen", ["Dinas Perhubungan", "Dinas Kependudukan dan Pencatatan Sipil"]),
        ("kurang", ["Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan"]),
        ("bogus", ["Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan"]),
    ],
)
def test_opd_rows_sort_by_the_urut_parameter(client, units, sort, expected):
    """?urut=nama|persen|kurang orders the OPD rows on the server; an unknown value sorts by name."""
    html = client.get("/transparansi/", {"urut": sort}).content.decode()
    assert _row_order(html) == expected


def test_sorted_column_header_links_and_says_its_order(client, units):
    """Each sortable header is a link, and the current one carries aria-sort."""
    html = client.get("/transparansi/", {"urut": "persen"}).content.decode()
    assert '<th scope="col" aria-sort="descending"><a href="?urut=persen#per-opd">' in html
    assert 'href="?urut=nama#per-opd"' in html and 'href="?urut=kurang#per-opd"' in html


def test_each_opd_row_links_to_its_page(client, units):
    """Every OPD row opens /transparansi/<opd-slug>/ (the contract with the journeys tests)."""
    html = client.get("/transparansi/").content.decode()
    assert 'href="/transparansi/dishub/"' in html and 'href="/transparansi/disdukcapil/"' in html


def test_opd_page_lists_services_with_status_and_reasons_by_name(client, units):
    """The OPD page shows every service, incomplete first, with the rules' Indonesian names, not codes."""
    response = client.get("/transparansi/dishub/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Uji kendaraan") < html.index("Izin trayek")
    assert "Tidak ada dasar hukum" in html  # the NO_LEGAL_BASIS rule's title
    assert "NO_LEGAL_BASIS" not in html
    assert "Dasar hukum, Standar Pelayanan, dan SOP lengkap." in html  # Izin trayek has no finding
    assert "Akta kelahiran" not in html  # another OPD's service


def test_opd_page_of_an_unknown_or_unpublished_opd_is_404(client, units):
    """An unknown slug, or an OPD the public may not see, has no transparency page."""
    hidden = factories.opd(title="Badan Rahasia", abbreviation="BR", slug="rahasia", live=False)
    factories.service(unit=hidden, title="Layanan tersembunyi", live=False)
    assert client.get("/transparansi/tidak-ada/").status_code == 404
    assert client.get("/transparansi/rahasia/").status_code == 404


def test_restricted_services_are_not_counted_or_listed(client, units):
    """A live service behind a view restriction is neither counted on the page nor listed for its OPD."""
    dishub, _dukcapil = units
    private = factories.service(unit=dishub, title="Layanan internal")
    before, _ = coverage_totals()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    city, per_opd = coverage_totals()
    assert city.total == before.total - 1 == 5
    assert {scope.slug: scope.total for scope in per_opd}["dishub"] == 2
    assert "Layanan internal" not in client.get("/transparansi/dishub/").content.decode()
    assert "Dari 5 layanan publik" in client.get("/transparansi/").content.decode()


def test_trend_latest_point_is_the_headline(client, units):
    """The trend's last row is today's live figures, even when this month's stored snapshot is stale."""
    take_snapshot(date(2025, 1, 31))
    today = date.today()
    take_snapshot(today)  # this month's snapshot, which the next service makes stale
    factories.service(unit=units[0], title="Parkir")
    response = client.get("/transparansi/")
    city, trend = response.context["city"], response.context["trend"]
    latest = trend[-1]
    assert (latest.total, latest.lengkap, latest.percent_lengkap) == (
        city.total,
        city.lengkap,
        city.percent_lengkap,
    )
    assert latest.total == 6 and CoverageSnapshot.objects.get(opd=None, date=today).total == 5
    assert [snap.date for snap in trend[:-1]] == [date(2025, 1, 31)]


def test_trend_is_empty_without_services_or_snapshots():
    """Nothing registered and nothing stored: no trend point is invented."""
    city, _ = coverage_totals()
    assert trend_with_current(city) == []


def test_page_links_its_stylesheet_and_patterns(client, units):
    """The transparency page loads coverage.css and defines one fill pattern per status."""
    html = client.get("/transparansi/").content.decode()
    assert "css/coverage.css" in html
    for status in ("lengkap", "sebagian", "belum"):
        assert f'id="coverage-fill-{status}"' in html
