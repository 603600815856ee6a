"""/api/v1/regulations/: JDIH metadata, relations both ways, status, documents, articles, one pasal."""

import pytest

from .conftest import get

pytestmark = pytest.mark.django_db


def _by_id(payload):
    return {item["id"]: item for item in payload["results"]}


def test_list_in_browse_order_with_jdih_metadata(client, registry):
    payload = get(client, "regulations/").json()
    assert payload["count"] == 4
    years = [item["tahun"] for item in payload["results"]]
    assert years == sorted(years, reverse=True)
    perda = _by_id(payload)[registry.perda.pk]
    assert perda["jenis"] == "perda" and perda["nomor"] == "5" and perda["tahun"] == 2021
    assert perda["tentang"] == "Administrasi Kependudukan"
    assert perda["tanggal_penetapan"] == "2021-03-01"
    assert perda["tipe_dokumen"] == "Peraturan Perundang-undangan"
    assert perda["pemrakarsa"]["slug"] == "disdukcapil"
    assert perda["jdih_status"] == "Berlaku"
    assert perda["url"] == registry.perda.url


def test_relations_both_ways_and_derived_status(client, registry):
    records = _by_id(get(client, "regulations/", page_size=100).json())
    perwal = records[registry.perwal.pk]
    assert [(rel["kind"], rel["regulation"]["id"]) for rel in perwal["relations"]] == [
        ("melaksanakan", registry.perda.pk)
    ]
    assert perwal["relations"][0]["provision"] == "Pasal 1"
    perda = records[registry.perda.pk]
    assert [(rel["kind"], rel["regulation"]["id"]) for rel in perda["incoming_relations"]] == [
        ("melaksanakan", registry.perwal.pk)
    ]
    assert perda["incoming_relations"][0]["kind_label"] == "Dilaksanakan oleh"
    revoked = next(item for item in records.values() if item["tentang"] == "Retribusi Lama")
    assert revoked["status"] == "dicabut" and revoked["jdih_status"] == "Tidak Berlaku"
    assert revoked["incoming_relations"][0]["regulation"]["id"] == registry.revoker.pk


def test_documents_are_public_download_addresses(client, registry):
    perda = get(client, f"regulations/{registry.perda.pk}").json()
    assert [(doc["role"], doc["url"]) for doc in perda["documents"]] == [("naskah", registry.document.url)]
    assert perda["documents"][0]["url"].startswith("/dokumen/")
    assert client.get(perda["documents"][0]["url"]).status_code == 200


def test_detail_has_article_tree_and_linked_services(client, registry):
    perda = get(client, f"regulations/{registry.perda.pk}").json()
    tree = [(node["anchor"], node["parent_anchor"]) for node in perda["articles"]]
    assert tree == [
        ("bab-1", None),
        ("pasal-1", "bab-1"),
        ("pasal-2", "bab-1"),
        ("pasal-2-ayat-1", "pasal-2"),
        ("pasal-2-ayat-2", "pasal-2"),
    ]
    assert perda["services"] == [
        {
            "id": registry.service.pk,
            "title": "Penerbitan Akta Kelahiran",
            "url": registry.service.url,
            "provisions": ["Pasal 2 ayat (1)"],
        }
    ]


def test_one_pasal_with_its_ayat(client, registry):
    pasal = get(client, f"regulations/{registry.perda.pk}/pasal/2").json()
    assert pasal["label"] == "Pasal 2"
    assert pasal["url"] == f"{registry.perda.url}#pasal-2"
    assert [node["text"] for node in pasal["children"]] == [
        "Ayat 1 tentang retribusi.",
        "Ayat 2 tentang retribusi.",
    ]
    assert get(client, f"regulations/{registry.perda.pk}/pasal/1").json()["children"] == []
    missing = get(client, f"regulations/{registry.perda.pk}/pasal/99")
    assert missing.status_code == 404 and "Pasal 99" in missing.json()["detail"]
    # A regulation without a parsed document has no pasal to give.
    assert get(client, f"regulations/{registry.perwal.pk}/pasal/1").status_code == 404


REGULATION_FILTERS = [
    ({"jenis": "perda"}, 3),
    ({"jenis": "perwal"}, 1),
    ({"tahun": "2021"}, 1),
    ({"status": "dicabut"}, 1),
    ({"status": "berlaku"}, 3),
    ({"jenis": "perda", "tahun": "2023"}, 1),
    ({"jenis": "perwal", "tahun": "2021"}, 0),
]


def test_regulation_filters(client, registry):
    for params, expected_count in REGULATION_FILTERS:
        payload = get(client, "regulations/", **params).json()
        assert payload["count"] == expected_count, params
        for item in payload["results"]:
            for name, value in params.items():
                assert str(item[name]) == value


BAD_REGULATION_PARAMETERS = [
    ({"tahun": "20x3"}, "tahun"),
    ({"tahun": "0"}, "tahun"),
    ({"status": "hidup"}, "status"),
    ({"opd": "disdukcapil"}, "opd"),
]


def test_bad_regulation_parameters(client, registry):
    for params, parameter in BAD_REGULATION_PARAMETERS:
        response = get(client, "regulations/", **params)
        assert response.status_code == 400, params
        assert response.json()["errors"][0]["parameter"] == parameter


def test_an_unknown_jenis_is_a_404_as_on_the_public_browser(client, registry):
    response = get(client, "regulations/", jenis="bukan-jenis")
    assert response.status_code == 404
    assert response.json()["errors"][0]["parameter"] == "jenis"
    assert client.get("/peraturan/bukan-jenis/").status_code == 404


def test_unknown_ids_are_json_404s(client, registry):
    for path in ("regulations/987654", "regulations/987654/pasal/1", f"regulations/{registry.service.pk}"):
        response = get(client, path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
    too_big = get(client, "regulations/99999999999999999999")
    assert too_big.status_code == 400
