"""/api/v1/coverage/ (stored results for the city, an OPD, a service) and /api/v1/search/."""

import pytest

from registry.coverage.models import ServiceCoverage

from .conftest import get

pytestmark = pytest.mark.django_db


def test_city_coverage_counts_the_stored_results(client, registry):
    payload = get(client, "coverage/").json()
    stored = ServiceCoverage.objects.filter(live=True)
    assert payload["city"]["total"] == stored.count() == 2
    for status in ("lengkap", "sebagian", "belum"):
        assert payload["city"][status] == stored.filter(status=status).count()
    assert {row["opd"]["slug"] for row in payload["opd"]} == {"disdukcapil", "dinkes"}
    assert sum(row["total"] for row in payload["opd"]) == 2


def test_opd_and_service_coverage(client, registry):
    stored = ServiceCoverage.objects.get(service=registry.service)
    opd = get(client, f"coverage/opd/{registry.unit.pk}").json()
    assert opd["total"] == 1
    assert opd["services"] == [
        {
            "service": {
                "id": registry.service.pk,
                "title": registry.service.title,
                "url": registry.service.url,
            },
            "status": stored.status,
            "status_label": opd["services"][0]["status_label"],
        }
    ]
    service = get(client, f"coverage/services/{registry.service.pk}").json()
    assert service["status"] == stored.status
    expected = [item.code for item in stored.findings.order_by("id") if item.severity != "info"]
    assert [item["code"] for item in service["findings"]] == expected
    assert all(item["message"] for item in service["findings"])
    # The record of the service names the same status.
    assert get(client, f"services/{registry.service.pk}").json()["coverage"]["status"] == stored.status
    assert get(client, "coverage/services/999999").status_code == 404
    assert get(client, "coverage/opd/999999").status_code == 404


def test_search_answers_as_the_search_page_does(client, registry):
    api = get(client, "search/", q="akta").json()
    page = client.get("/cari/", {"q": "akta", "format": "json"}).json()
    assert api == page
    assert api["hits"][0]["id"] == f"service:{registry.service.pk}"
    filtered = get(client, "search/", q="retribusi", jenis="perda").json()
    assert filtered["filters"] == {"jenis": ["perda"]}
    assert all(hit["meta"].get("jenis_label") == "Peraturan Daerah" for hit in filtered["hits"])


def test_search_refuses_an_unknown_filter_in_indonesian(client, registry):
    response = get(client, "search/", q="akta", kategori="kependudukan")
    assert response.status_code == 400
    body = response.json()
    assert "Parameter tidak dikenal: kategori" in body["detail"]
    assert body["errors"] == [{"parameter": "kategori", "message": "Parameter ini tidak dikenal."}]


def test_search_refuses_a_malformed_filter_value(client, registry):
    response = get(client, "search/", q="akta", jenis="<perda>")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "jenis"
    # A well-formed value that names nothing matches nothing, as on /cari/.
    assert get(client, "search/", q="akta", jenis="tidak-ada").json()["total"] == 0
