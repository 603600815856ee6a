"""/api/v1/services/ and /api/v1/opd/: records, filters, pagination, 404s and 400s."""

import pytest

from tests import factories

from .conftest import get

pytestmark = pytest.mark.django_db


def test_service_list_holds_full_public_records(client, registry):
    """Each service in the list carries its components 1–7, children, legal bases and coverage."""
    payload = get(client, "services/").json()
    assert payload["count"] == 2 and payload["pages"] == 1
    by_title = {item["title"]: item for item in payload["results"]}
    record = by_title["Penerbitan Akta Kelahiran"]
    assert record["opd"]["slug"] == "disdukcapil"
    assert record["category"] == {"slug": "kependudukan", "name": "Kependudukan"}
    assert record["life_events"] == [{"slug": "kelahiran", "name": "Kelahiran"}]
    assert [item["text"] for item in record["requirements"]] == ["Surat keterangan lahir", "Kartu keluarga"]
    assert [step["title"] for step in record["steps"]] == ["Ajukan permohonan", "Ambil akta"]
    assert record["time_display"] == "3 hari kerja" and record["cost_display"] == "Gratis"
    assert record["channels"][0]["name"] == "Kantor Disdukcapil"
    assert record["complaint_channels"][0]["value"] == "pengaduan@example.go.id"
    bases = record["legal_bases"]
    assert [basis["regulation"]["id"] for basis in bases] == [registry.perda.pk, registry.perwal.pk]
    assert bases[0]["provision"] == "Pasal 2 ayat (1)"
    assert bases[0]["url"] == f"{registry.perda.url}#pasal-2-ayat-1"
    assert bases[1]["component"] == "biaya"
    filled = {component["code"]: component["filled"] for component in record["components"]}
    assert filled["persyaratan"] and filled["dasar_hukum"] and filled["biaya"]
    assert "sarana" not in filled, "manufacturing components 8–14 are not public"
    assert record["coverage"]["status"] in ("lengkap", "sebagian", "belum")
    assert record["url"] == registry.service.url


def test_service_detail_and_404(client, registry):
    response = get(client, f"services/{registry.service.pk}")
    assert response.status_code == 200
    assert response.json()["title"] == "Penerbitan Akta Kelahiran"
    missing = get(client, "services/999999")
    assert missing.status_code == 404
    assert "tidak ditemukan" in missing.json()["detail"]
    # A regulation id is not a service id.
    assert get(client, f"services/{registry.perda.pk}").status_code == 404


SERVICE_FILTERS = [
    ({"opd": "disdukcapil"}, {"Penerbitan Akta Kelahiran"}),
    ({"opd": "dinkes"}, {"Imunisasi Dasar"}),
    ({"kategori": "kependudukan"}, {"Penerbitan Akta Kelahiran"}),
    ({"peristiwa": "kelahiran"}, {"Penerbitan Akta Kelahiran"}),
    ({"opd": "dinkes", "kategori": "kependudukan"}, set()),
]


def test_service_filters(client, registry):
    for params, expected in SERVICE_FILTERS:
        payload = get(client, "services/", **params).json()
        assert {item["title"] for item in payload["results"]} == expected, params
        assert payload["count"] == len(expected)


BAD_SERVICE_PARAMETERS = [
    ({"kategory": "kependudukan"}, "kategory"),
    ({"page": "0"}, "page"),
    ({"page_size": "101"}, "page_size"),
    ({"page": "²"}, "page"),
    ({"opd": "a b"}, "opd"),
]


def test_bad_service_parameters_are_a_400_in_indonesian(client, registry):
    for params, parameter in BAD_SERVICE_PARAMETERS:
        response = get(client, "services/", **params)
        assert response.status_code == 400, params
        body = response.json()
        assert parameter in body["detail"]
        assert [error["parameter"] for error in body["errors"]] == [parameter]
        assert "Parameter" in body["detail"]


def test_unknown_filter_values_are_a_404_as_on_the_public_pages(client, registry):
    for name in ("opd", "kategori", "peristiwa"):
        response = get(client, "services/", **{name: "tidak-ada"})
        assert response.status_code == 404, name
        assert response.json()["errors"][0]["parameter"] == name
        assert "tidak-ada" in response.json()["detail"]


def test_pagination_is_stable_and_complete(client, registry):
    """Pages of two never overlap, cover every record, and follow title then id."""
    unit = registry.unit
    for _ in range(5):
        factories.service(unit, title="Layanan Kembar")  # same title: the id breaks the tie
    everything = get(client, "services/", page_size=100).json()["results"]
    assert len(everything) == 7
    pages = [get(client, "services/", page=n, page_size=2).json() for n in (1, 2, 3, 4)]
    assert [page["pages"] for page in pages] == [4, 4, 4, 4]
    seen = [item["id"] for page in pages for item in page["results"]]
    assert seen == [item["id"] for item in everything]
    assert len(set(seen)) == 7
    twins = [item["id"] for item in everything if item["title"] == "Layanan Kembar"]
    assert twins == sorted(twins)
    beyond = get(client, "services/", page=5, page_size=2)
    assert beyond.status_code == 404 and "Halaman 5" in beyond.json()["detail"]


def test_opd_list_detail_and_filter(client, registry):
    payload = get(client, "opd/").json()
    assert [unit["slug"] for unit in payload["results"]] == ["disdukcapil", "dinkes"]
    assert payload["results"][0]["service_count"] == 1
    detail = get(client, f"opd/{registry.unit.pk}").json()
    assert [service["title"] for service in detail["services"]] == ["Penerbitan Akta Kelahiran"]
    assert get(client, "opd/", kind="kecamatan").json()["count"] == 0
    planet = get(client, "opd/", kind="planet")
    assert planet.status_code == 400 and "dinas" in planet.json()["errors"][0]["message"]
    assert get(client, "opd/424242").status_code == 404
