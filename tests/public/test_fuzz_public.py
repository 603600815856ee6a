"""No public URL answers 5xx, whatever its query string holds (property-based, with Hypothesis).

Every public GET parameter is validated: a bad value is ignored or answered with a 400 and an
Indonesian message. Hypothesis sends arbitrary Unicode, Unicode digits ("²", "①", "١٢"), huge and
negative numbers, very long values and repeated keys to each public URL.
"""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

#: The parameters the public views read, and a few they do not.
PARAMS = ["q", "page", "tahun", "jenis", "status", "opd", "format", "kind", "x", "cursor"]

_weird_digits = st.text(alphabet="0123456789²³¹①②⑩١٢٣٤٥६७໑๒𝟘𝟙", min_size=1, max_size=12)
_numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
_values = st.one_of(
    st.text(max_size=40),
    _weird_digits,
    _numbers,
    st.sampled_from(["", " ", "json", "2023", "0", "-1", "perwal", "berlaku", "A" * 5000, "%", "\x00"]),
)
_query = st.lists(st.tuples(st.sampled_from(PARAMS), _values), max_size=6)

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def public_urls():
    """A small registry and the public URLs that show it."""
    unit = factories.opd(title="Dinas Fuzz", abbreviation="DF", slug="dinas-fuzz")
    regulation = factories.regulation(nomor=12, tahun=2023, tentang="Pelayanan Uji")
    service = factories.service(unit, title="Layanan Uji", bases=[(regulation, "Pasal 1")])
    return [
        "/",
        "/cari/",
        "/cari/saran/",
        "/api/jdihn/",
        "/peraturan/",
        "/peraturan/perwal/",
        "/peraturan/perwal/2023/",
        regulation.url,
        "/opd/",
        unit.url,
        service.url,
        "/transparansi/",
    ]


def _get(client, url, pairs):
    query = urlencode(pairs, doseq=True)
    # raise_request_exception=False: a view error must show as a 500 here, not as a test error.
    client.raise_request_exception = False
    return client.get(f"{url}?{query}" if query else url)


@given(pairs=_query)
@FUZZ
def test_no_public_url_answers_5xx(client, public_urls, pairs):
    """Any query string gets a 2xx, 3xx or 4xx from every public URL."""
    for url in public_urls:
        response = _get(client, url, pairs)
        assert response.status_code < 500, (url, pairs, response.status_code)


@given(value=_weird_digits)
@FUZZ
def test_unicode_digits_never_reach_int(client, public_urls, value):
    """ "²" and "①" pass ``str.isdigit()`` but not ``int()``: page, tahun and the feed refuse them cleanly."""
    for url, name in [
        ("/cari/", "page"),
        ("/cari/", "tahun"),
        ("/api/jdihn/", "tahun"),
        ("/peraturan/", "tahun"),
    ]:
        response = _get(client, url, [("q", "ktp"), (name, value)])
        assert response.status_code in (200, 400), (url, name, value)


@pytest.mark.parametrize(
    "url",
    [
        "/cari/?q=ktp&page=%C2%B2",
        "/cari/?q=ktp&tahun=%C2%B2",
        "/api/jdihn/?tahun=%C2%B2",
        "/peraturan/?tahun=%E2%91%A0",
    ],
)
def test_the_reported_unicode_digit_urls(client, public_urls, url):
    """The exact URLs of the report answer without an error."""
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code in (200, 400)


def test_feed_rejects_a_non_year_with_an_indonesian_message(client, public_urls):
    """A tahun that is no year is a 400 that says what to send."""
    response = client.get("/api/jdihn/", {"tahun": "²"})
    assert response.status_code == 400
    assert "tahun" in response.json()["error"]


def test_a_long_query_is_not_repeated_in_every_link(client, public_urls):
    """A 4 KB query is searched as its first 200 characters, and links carry only those."""
    long_query = "ktp " * 1000
    response = client.get("/cari/", {"q": long_query, "tahun": ["2023"] * 50, "junk": "x" * 3000})
    html = response.content.decode()
    assert response.status_code == 200
    assert "x" * 3000 not in html
    assert html.count("ktp+ktp") < 60
    assert len(html) < 40_000, len(html)
