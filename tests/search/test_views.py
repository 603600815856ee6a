"""The public search page, its JSON form and autocomplete, including bad input."""

import pytest
from django.test import override_settings

from search.models import IndexEntry
from tests import factories
from tests.shared_data import build_shared, shared_copy

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.search.urls")]


def build_services():
    """Two services of Disdukcapil."""
    unit = factories.opd()
    ktp = factories.service(
        unit=unit,
        title="Penerbitan KTP-el",
        summary="Kartu Tanda Penduduk elektronik.",
        requirements=["Fotokopi Kartu Keluarga"],
    )
    kk = factories.service(unit=unit, title="Penerbitan Kartu Keluarga", summary="KK baru.")
    return {"ktp": ktp, "kk": kk}


@pytest.fixture(scope="module")
def module_services(django_db_setup, django_db_blocker):
    """The two services, built once for this module (tests/shared_data.py)."""
    yield from build_shared(django_db_blocker, build_services)


@pytest.fixture
def services(module_services, db, request):
    """This test's copy of the two services; what it writes is rolled back after it."""
    return shared_copy(request, module_services)


def test_json_lists_hits_with_title_url_type_passage_score_and_facets(client, services):
    """The documented JSON shape."""
    data = client.get("/cari/", {"q": "syarat ktp", "format": "json"}).json()
    hit = data["hits"][0]
    assert hit["title"].startswith("Penerbitan <mark>KTP</mark>-")
    assert hit["type"] == "layanan" and hit["url"].endswith("/")
    assert "<mark>" in hit["passage"] and isinstance(hit["score"], float)
    assert data["facets"]["opd"]["values"][0]["label"] == "Dinas Kependudukan dan Pencatatan Sipil"
    assert data["total"] == 1 and data["engine"] in ("sqlite", "postgresql")


def test_html_page_shows_hits_and_facet_chips(client, services):
    """The results page renders the hit, the marked passage and a chip with its count."""
    response = client.get("/cari/", {"q": "penerbitan"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Penerbitan KTP" in html.replace("<mark>", "").replace("</mark>", "")
    assert 'class="chip' in html and "chip-count" in html


def test_nothing_found_shows_help(client, services):
    """No result: help text in Indonesian, not an empty page."""
    html = client.get("/cari/", {"q": "qwertyuiop"}).content.decode()
    assert "Tidak ada hasil" in html and "Perda 1/2024" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        '" * : ( ) NEAR AND OR',
        'ktp" OR "1"="1',
        "ktp*",
        "NEAR(ktp kk)",
        "'; DROP TABLE search_indexentry; --",
        "\x00ktp",
        "<script>alert('xss')</script>",
        '"><img src=x onerror=alert(1)>',
    ],
)
def test_bad_input_never_fails_and_is_never_reflected_unescaped(client, services, query):
    """Every odd query gets a 200 with escaped output, in HTML and JSON."""
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    data = client.get("/cari/", {"q": query, "format": "json"}).json()
    assert all("<script" not in hit["passage"] and "<img" not in hit["title"] for hit in data["hits"])
    assert IndexEntry.objects.exists()


def test_five_thousand_characters_are_cut_with_a_notice(client, services):
    """An over-long query is truncated and the page says so."""
    data = client.get("/cari/", {"q": "ktp " * 1250, "format": "json"}).json()
    assert len(data["query"]) <= 200
    assert any("terlalu panjang" in notice for notice in data["notices"])


def test_unknown_filter_values_are_harmless(client, services):
    """Unknown facets are ignored; malformed values are dropped with a notice; unknown values find nothing."""
    data = client.get(
        "/cari/", {"q": "penerbitan", "format": "json", "tahun": "abc", "jenis": "<b>", "warna": "merah"}
    ).json()
    assert data["total"] == 2 and len(data["notices"]) == 2
    data = client.get("/cari/", {"q": "penerbitan", "format": "json", "jenis": "tidak-ada"}).json()
    assert data["total"] == 0 and data["filters"] == {"jenis": ["tidak-ada"]}


def test_page_beyond_the_end_is_empty_not_an_error(client, services):
    """?page=999 and ?page=abc answer normally."""
    assert client.get("/cari/", {"q": "penerbitan", "page": "999"}).status_code == 200
    assert client.get("/cari/", {"q": "penerbitan", "page": "abc", "format": "json"}).json()["page"] == 1


def test_autocomplete_suggests_titles(client, services):
    """/cari/saran/?q=kartu kel → the Kartu Keluarga service."""
    data = client.get("/cari/saran/", {"q": "kartu kel"}).json()
    assert data["suggestions"][0]["title"] == "Penerbitan Kartu Keluarga"
    assert client.get("/cari/saran/", {"q": '" * ('}).json() == {"suggestions": []}


def test_regulation_citation_resolves_directly(client):
    """ "Perwal 12/2023" puts the regulation first, marked as a direct hit."""
    page = factories.regulation("PERWAL", nomor="12", tahun=2023, tentang="Standar Pelayanan")
    data = client.get("/cari/", {"q": "Perwal 12/2023", "format": "json"}).json()
    assert data["hits"][0]["id"] == f"regulation:{page.pk}" and data["hits"][0]["direct"]


@override_settings(LANGUAGE_CODE="id")
def test_admin_status_line_reports_the_engine(admin_client, services):
    """The dashboard shows a search status line."""
    html = admin_client.get("/admin/").content.decode()
    assert "Pencarian:" in html and "dokumen" in html


def test_partial_matches_are_flagged_not_presented_as_answers(client, services):
    """Not every word found: the page says so above the partial matches, the JSON carries the flag."""
    html = client.get("/cari/", {"q": "ktp qwxzvb"}).content.decode()
    assert "Tidak ada hasil yang cocok dengan semua kata" in html
    assert 'class="search-partial"' in html and "search-results-partial" in html
    assert "Penerbitan" in html.replace("<mark>", "").replace("</mark>", "")
    data = client.get("/cari/", {"q": "ktp qwxzvb", "format": "json"}).json()
    assert data["relaxed"] is True and data["hits"]
    assert any("cocok dengan semua kata" in notice for notice in data["notices"])
    full = client.get("/cari/", {"q": "ktp"}).content.decode()
    assert "search-partial" not in full and "cocok dengan semua kata" not in full


def test_only_a_full_match_counts_as_an_answer(services):
    """``answers`` (what an answer card checks) is false for partial matches and for no hits."""
    from search import service

    assert service.search("ktp").answers
    relaxed = service.search("ktp qwxzvb")
    assert relaxed.relaxed and relaxed.hits and not relaxed.answers
    assert not service.search("qwxzvb").answers
