"""Login throttling, Content-Security-Policy and the request size cap (issue #9, "Trust")."""

import io
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.http.multipartparser import MultiPartParser
from django.test import RequestFactory, override_settings
from django.urls import reverse

from registry.security.login import client_ip
from registry.security.uploads import CappedUploadHandler, RequestSizeLimitMiddleware, UploadTooLarge
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "kata-sandi-yang-benar-2024"


# --- Login throttling (django-axes) -----------------------------------------------------------------


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", PASSWORD)


def attempt(client, password, username="admin", address="203.0.113.7"):
    """Post the Wagtail admin login form from ``address``."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_axes_backend_comes_first():
    """The axes backend refuses a locked-out login before any password is checked."""
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_login_is_locked_after_the_failure_limit_even_for_the_right_password(client, admin_user):
    """Five wrong passwords lock the username for that address: the right one is then refused (429)."""
    for _ in range(4):
        response = attempt(client, "salah")
        assert response.status_code == 200  # the form again, with its error
    response = attempt(client, "salah")
    assert response.status_code == 429

    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    page = response.content.decode()
    assert "Terlalu banyak percobaan masuk" in page
    assert "kata sandi yang benar pun ditolak" in page
    assert "15 menit" in page
    assert response["Retry-After"] == str(15 * 60)
    assert "Content-Security-Policy" in response


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_lockout_binds_username_and_address_together(client, admin_user, django_user_model):
    """An attacker locks only their own address for that username: the admin elsewhere still logs in."""
    django_user_model.objects.create_user("editor", "editor@example.com", PASSWORD, is_staff=True)
    for _ in range(3):
        attempt(client, "salah", address="198.51.100.66")
    assert attempt(client, PASSWORD, address="198.51.100.66").status_code == 429
    # Another username from the attacker's address is not locked.
    assert attempt(client, PASSWORD, username="editor", address="198.51.100.66").status_code == 302
    client.logout()
    # The real admin, from the office, is not locked either.
    response = attempt(client, PASSWORD, address="203.0.113.7")
    assert response.status_code == 302
    assert logged_in(client)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=2, AXES_COOLOFF_TIME=timedelta(seconds=1))
def test_the_lock_ends_after_the_cooloff(client, admin_user):
    """After the cool-off the right password works again."""
    attempt(client, "salah")
    attempt(client, "salah")
    assert attempt(client, PASSWORD).status_code == 429
    time.sleep(1.2)
    assert attempt(client, PASSWORD).status_code == 302


@override_settings(AXES_ENABLED=True)
def test_a_successful_login_resets_the_count(client, admin_user):
    """Four failures, a success, four failures again: never locked."""
    for _ in range(4):
        attempt(client, "salah")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "salah").status_code == 200
    assert attempt(client, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "count,forwarded,expected",
    [
        (0, "10.9.9.9", "192.0.2.1"),  # no proxy: the header is the client's own claim, ignored
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "10.9.9.9, 203.0.113.7", "203.0.113.7"),  # a spoofed entry on the left is skipped
        (2, "10.9.9.9, 203.0.113.7, 172.16.0.2", "203.0.113.7"),
        (1, "", "192.0.2.1"),
    ],
)
def test_client_address_behind_trusted_proxies(count, forwarded, expected):
    """TRUSTED_PROXY_COUNT picks the address our own proxies saw, never one the client wrote."""
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(REGISTRY_TRUSTED_PROXY_COUNT=count):
        assert client_ip(request) == expected


# --- Content-Security-Policy --------------------------------------------------------------------------


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {part[0]: (part[1] if len(part) > 1 else "") for part in parts}


@pytest.fixture
def public_urls():
    perwal = factories.regulation("PERWAL", nomor="12", tahun=2023, tentang="Standar Pelayanan")
    unit = factories.opd(title="Dinas Kependudukan dan Pencatatan Sipil", abbreviation="Disdukcapil")
    service = factories.service(unit=unit, title="Penerbitan Kartu Keluarga", bases=[(perwal, "Pasal 21")])
    return ["/", unit.url, service.url, perwal.url, "/cari/?q=kartu+keluarga", "/transparansi/"]


def test_public_html_pages_carry_the_strict_policy(client, public_urls):
    """Every public page: scripts and styles from our origin only, nothing inline, no framing."""
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["default-src"] == "'self'", url
        assert policy["script-src"] == "'self'", url
        assert policy["style-src"] == "'self'", url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert policy["img-src"] == "'self' data:", url
        assert policy["frame-ancestors"] == "'none'", url
        assert policy["object-src"] == "'none'", url
        assert policy["base-uri"] == "'self'", url
        assert policy["form-action"] == "'self'", url


def test_error_pages_carry_the_policy(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert directives(response)["script-src"] == "'self'"


def test_admin_pages_carry_the_admin_policy(client, admin_user):
    """The admin: inline scripts and styles (Wagtail renders them) but still nothing from elsewhere."""
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert directives(response)["default-src"] == "'self'"


def test_non_html_answers_have_no_policy(client):
    """The JDIHN feed (JSON) carries no CSP header: there is no document to protect."""
    response = client.get(reverse("jdihn_feed"))
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


# --- The request size cap -----------------------------------------------------------------------------


class ExplodingStream(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the request body was read")

    readline = read


def test_request_cap_default_covers_the_upload_cap_and_the_form_fields():
    assert (
        max(settings.REGISTRY_MAX_UPLOAD_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE) + 1024 * 1024
    ) == settings.REGISTRY_MAX_REQUEST_BYTES


def test_an_oversized_upload_is_refused_before_its_body_is_read(client, admin_user):
    """A declared Content-Length over the cap gets 413 in Indonesian; the body is never read."""
    client.force_login(admin_user)
    too_big = settings.REGISTRY_MAX_REQUEST_BYTES + 1
    response = client.generic(
        "POST",
        reverse("wagtaildocs:add"),
        data=b"x",
        content_type="multipart/form-data; boundary=batas",
        CONTENT_LENGTH=str(too_big),
        **{"wsgi.input": ExplodingStream()},
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "melebihi batas" in page
    assert "Tidak ada yang disimpan" in page
    assert response["Connection"] == "close"
    assert "Content-Security-Policy" in response


def test_the_multiple_upload_script_gets_the_413_as_json(client, admin_user):
    client.force_login(admin_user)
    response = client.generic(
        "POST",
        reverse("wagtaildocs:add_multiple"),
        data=b"x",
        content_type="multipart/form-data; boundary=batas",
        CONTENT_LENGTH=str(settings.REGISTRY_MAX_REQUEST_BYTES * 2),
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        **{"wsgi.input": ExplodingStream()},
    )
    assert response.status_code == 413
    data = response.json()
    assert data["success"] is False
    assert "melebihi batas" in data["error_message"]


def test_a_body_without_content_length_is_never_read(client, admin_user):
    """Chunked transfer without Content-Length: Django (WSGI) reads nothing, so nothing piles up."""
    client.force_login(admin_user)
    response = client.generic(
        "POST",
        reverse("wagtaildocs:add"),
        data=b"x",
        content_type="multipart/form-data; boundary=batas",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": ExplodingStream()},
    )
    assert response.status_code == 200  # the form again: no file arrived


def multipart_body(size: int) -> tuple[bytes, str]:
    boundary = "batasbatas"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nPerwal\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="perwal.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + b"%PDF-1.4\n"
        + b"0" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@override_settings(REGISTRY_MAX_REQUEST_BYTES=200_000)
def test_the_upload_handler_stops_reading_once_past_the_cap():
    """A body longer than it declared (as a server might hand over a chunked one) stops at the cap."""
    body, content_type = multipart_body(2_000_000)
    stream = io.BytesIO(body)
    handler = CappedUploadHandler()
    parser = MultiPartParser(
        {"CONTENT_TYPE": content_type, "CONTENT_LENGTH": "1000"}, stream, [handler], "utf-8"
    )
    with pytest.raises(UploadTooLarge):
        parser.parse()
    assert stream.tell() < 200_000 + 2 * 64 * 1024 + 1024  # the cap, plus at most a chunk or two
    assert stream.tell() < len(body) // 5


@override_settings(REGISTRY_MAX_REQUEST_BYTES=200_000)
def test_the_middleware_answers_413_when_the_handler_stops_the_upload():
    """The same stop, through the middleware: a 413 before any view runs."""
    body, content_type = multipart_body(2_000_000)
    stream = io.BytesIO(body)
    environ = RequestFactory().post("/admin/documents/add/").environ
    environ.update({"CONTENT_TYPE": content_type, "CONTENT_LENGTH": "1000", "wsgi.input": stream})
    request = WSGIRequest(environ)
    request._stream = stream  # what the server handed over, longer than declared

    def view(request):
        raise AssertionError("the view ran")

    response = RequestSizeLimitMiddleware(view)(request)
    assert response.status_code == 413
    assert "melebihi batas" in response.content.decode()
    assert stream.tell() < len(body) // 5


def test_the_upload_handler_passes_data_on_within_the_cap():
    """Within the cap the handler hands every chunk on and leaves building the file to the next one."""
    handler = CappedUploadHandler()
    assert handler.receive_data_chunk(b"abc", 0) == b"abc"
    assert handler.file_complete(3) is None
