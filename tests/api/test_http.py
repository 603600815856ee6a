"""HTTP behaviour of /api/v1/: ETag and 304, read-only CORS, the rate limit's 429, JSON errors, docs."""

import pytest
from django.core.cache import cache
from django.utils.http import parse_http_date

from registry.api.http import EXPOSED_HEADERS

from .conftest import get

pytestmark = pytest.mark.django_db


def test_etag_gives_304_until_the_content_changes(client, registry):
    first = get(client, "services/")
    etag = first["ETag"]
    assert etag.startswith('"') and first.status_code == 200
    assert first["Cache-Control"] == "public, no-cache", "revalidated each time: unpublishing shows at once"
    again = client.get("/api/v1/services/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert client.get("/api/v1/services/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    # Another page of the same list is another answer.
    assert get(client, "services/", page_size=1)["ETag"] != etag
    registry.service.title = "Penerbitan Akta Kelahiran Baru"
    registry.service.save_revision().publish()
    changed = client.get("/api/v1/services/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_last_modified_is_the_newest_publication_and_informational(client, registry):
    response = get(client, f"services/{registry.service.pk}")
    stamp = parse_http_date(response["Last-Modified"])
    assert stamp == int(registry.service.last_published_at.timestamp())
    # If-Modified-Since alone never answers 304: unpublishing changes a list without a newer date.
    later = client.get(
        f"/api/v1/services/{registry.service.pk}", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert later.status_code == 200


def test_cors_is_open_for_reading_only(client, registry):
    response = get(client, "regulations/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Expose-Headers"] == EXPOSED_HEADERS
    assert "ETag" in EXPOSED_HEADERS and "Retry-After" in EXPOSED_HEADERS
    head = client.head("/api/v1/regulations/")
    assert head.status_code == 200 and head.content == b""
    assert head["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/regulations/",
        HTTP_ORIGIN="https://data.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    post = client.post("/api/v1/regulations/", {"title": "x"}, HTTP_ORIGIN="https://data.example.org")
    assert post.status_code == 405
    assert not post.has_header("Access-Control-Allow-Origin")
    assert "hanya-baca" in post.json()["detail"]
    # The public pages are not opened to other origins.
    assert not client.get("/peraturan/").has_header("Access-Control-Allow-Origin")


def test_the_rate_limit_answers_429_in_indonesian_with_retry_after(client, registry, settings):
    settings.REGISTRY_API_RATE_LIMIT = 3
    cache.clear()
    statuses = [get(client, "opd/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = get(client, "opd/")
    assert refused.status_code == 429
    assert "Terlalu banyak permintaan" in refused.json()["detail"]
    assert 1 <= int(refused["Retry-After"]) <= settings.REGISTRY_API_RATE_WINDOW
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Per client: another address still gets answers.
    assert client.get("/api/v1/opd/", REMOTE_ADDR="10.1.2.3").status_code == 200


def test_errors_outside_the_routes_are_json(client, registry):
    response = client.get("/api/v1/tidak-ada/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "Alamat API ini tidak ada" in response.json()["detail"]


def test_openapi_documents_every_endpoint_with_indonesian_descriptions(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/services/",
        "/api/v1/services/{id}",
        "/api/v1/opd/",
        "/api/v1/opd/{id}",
        "/api/v1/regulations/",
        "/api/v1/regulations/{id}",
        "/api/v1/regulations/{id}/pasal/{nomor}",
        "/api/v1/coverage/",
        "/api/v1/coverage/opd/{id}",
        "/api/v1/coverage/services/{id}",
        "/api/v1/search/",
    } <= paths
    assert "snake_case" in schema["info"]["description"]
    for name, component in schema["components"]["schemas"].items():
        for field, spec in component.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_docs_page_loads_swagger_from_our_own_static_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
