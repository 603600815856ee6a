"""The privacy matrix: every kind of view restriction against every public output.

For each restriction (none, login, password, groups) one service and one regulation (with a signed
PDF and a passage) carry it. Every public output is then asked, as an anonymous visitor, as a
logged-in user outside the group and as a member of the group, and must answer by the one rule of
:mod:`registry.visibility`: the page itself follows Wagtail's restriction for that request; every
list, feed, search result, passage and suggestion shows only public pages, whoever asks.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from registry.regulations.models import DocumentPage
from tests import factories
from tests.shared_data import build_shared, shared_copy

from .conftest import pdf_document

pytestmark = pytest.mark.django_db

KINDS = ("none", "login", "password", "groups")
VISITORS = ("anonymous", "user", "member")
#: A made-up word only the matrix's pages contain, so search answers nothing else.
WORD = "kalamansiungu"

#: Who may read the page itself (Wagtail's rule for one request): kind → visitors.
PAGE_READERS = {
    "none": {"anonymous", "user", "member"},
    "login": {"user", "member"},
    "password": set(),  # nobody in these tests has given the password
    "groups": {"member"},
}


def _restrict(page, kind, group):
    if kind == "none":
        return
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="rahasia" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(group)


def build_world():
    """One service and one regulation per restriction kind, and the three visitors' logins."""
    group = Group.objects.create(name="Pembaca terbatas")
    users = {
        "user": get_user_model().objects.create_user("warga", password="sandi-warga-123"),
        "member": get_user_model().objects.create_user("anggota", password="sandi-anggota-123"),
    }
    users["member"].groups.add(group)
    unit = factories.opd(title="Dinas Uji Privasi", abbreviation="DUP", slug="dinas-uji-privasi")
    pages = {}
    for number, kind in enumerate(KINDS, start=1):
        service = factories.service(
            unit, title=f"Layanan {WORD} {kind}", summary=f"Layanan {WORD} dengan pembatasan {kind}."
        )
        document = pdf_document(title=f"Naskah {kind}", filename=f"naskah-{kind}.pdf")
        DocumentPage.objects.filter(document=document).delete()
        DocumentPage.objects.create(document=document, number=1, text=f"Pasal 1 tentang {WORD} {kind}.")
        regulation = factories.regulation(
            nomor=900 + number, tahun=2024, tentang=f"Tata Cara {WORD} {kind}", document=document
        )
        _restrict(service, kind, group)
        _restrict(regulation, kind, group)
        pages[kind] = {"service": service, "regulation": regulation, "document": document}
    return {"pages": pages, "users": users}


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """The matrix's pages and users, built once for this module (tests/shared_data.py)."""
    yield from build_shared(django_db_blocker, build_world)


@pytest.fixture
def world(module_world, db, request):
    """This test's copy of the matrix's pages and users; what it writes is rolled back after it."""
    return shared_copy(request, module_world)


def _client_for(client, world, visitor):
    if visitor != "anonymous":
        client.force_login(world["users"][visitor])
    return client


def _titles(payload, key):
    return {item["title"] for item in payload[key]}


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("kind_of_page", ["service", "regulation"])
def test_a_page_itself_is_served_only_to_those_its_restriction_admits(client, world, visitor, kind_of_page):
    """Service pages (Wagtail's serve) and regulations (served by the routable index) follow one rule."""
    client = _client_for(client, world, visitor)
    for kind in KINDS:
        page = world["pages"][kind][kind_of_page]
        response = client.get(page.url)
        body = response.content.decode()
        if visitor in PAGE_READERS[kind]:
            assert response.status_code == 200, (kind, visitor)
            assert WORD in body
        elif kind == "password":
            assert response.status_code == 200, (kind, visitor)
            assert 'name="password"' in body, "the password form, not the page"
            assert f"{WORD} {kind}" not in body.split("<title>")[0] + body.split("</title>")[-1]
        else:
            assert response.status_code == 302, (kind, visitor)
            assert "login" in response["Location"]


def _hit_ids(hits):
    for hit in hits:
        yield hit["id"]
        yield from _hit_ids(hit["more"])


@pytest.mark.parametrize("visitor", VISITORS)
def test_search_results_and_passages_show_only_public_pages(client, world, visitor):
    """/cari/?format=json finds the unrestricted service, regulation and passage, for anybody."""
    client = _client_for(client, world, visitor)
    payload = client.get("/cari/", {"q": WORD, "format": "json"}).json()
    ids = set(_hit_ids(payload["hits"]))
    public = world["pages"]["none"]
    owners = {":".join(doc_id.split(":")[:2]) for doc_id in ids}
    assert owners == {f"service:{public['service'].pk}", f"regulation:{public['regulation'].pk}"}
    assert any(doc_id.startswith(f"regulation:{public['regulation'].pk}:") for doc_id in ids), "passage"


@pytest.mark.parametrize("visitor", VISITORS)
def test_autocomplete_suggests_only_public_pages(client, world, visitor):
    """/cari/saran/ never names a restricted page."""
    client = _client_for(client, world, visitor)
    titles = _titles(client.get("/cari/saran/", {"q": f"layanan {WORD[:6]}"}).json(), "suggestions")
    assert f"Layanan {WORD} none" in titles
    assert not {t for t in titles if t.endswith(("login", "password", "groups"))}


@pytest.mark.parametrize("visitor", VISITORS)
def test_jdihn_feed_lists_only_public_regulations(client, world, visitor):
    """/api/jdihn/ is harvested anonymously: restricted regulations never appear in it."""
    client = _client_for(client, world, visitor)
    feed = client.get("/api/jdihn/", {"tahun": "2024"}).json()
    numbers = {record["noPeraturan"] for record in feed}
    assert numbers == {"901"}


@pytest.mark.parametrize("visitor", VISITORS)
def test_listings_show_only_public_pages(client, world, visitor):
    """The OPD page and the regulation browser list only unrestricted pages."""
    client = _client_for(client, world, visitor)
    unit = world["pages"]["none"]["service"].get_parent()
    opd_html = client.get(unit.url).content.decode()
    browse_html = client.get("/peraturan/perwal/2024/").content.decode()
    for html in (opd_html, browse_html):
        assert f"{WORD} none" in html
        for kind in ("login", "password", "groups"):
            assert f"{WORD} {kind}" not in html, (kind, visitor)


@pytest.mark.parametrize("visitor", VISITORS)
def test_documents_follow_the_page_that_attaches_them(client, world, visitor):
    """/dokumen/ serves a PDF only to those who may read the regulation that attaches it."""
    client = _client_for(client, world, visitor)
    for kind in KINDS:
        document = world["pages"][kind]["document"]
        response = client.get(document.url)
        if visitor in PAGE_READERS[kind]:
            assert response.status_code == 200, (kind, visitor)
        elif visitor == "anonymous" and kind in ("login", "groups"):
            assert response.status_code == 302, (kind, visitor)
            assert "login" in response["Location"]
        else:
            assert response.status_code == 404, (kind, visitor)


def test_a_document_no_public_page_attaches_is_not_served_to_the_public(client):
    """An upload not attached to any page, or attached to a draft, is for the admin only."""
    loose = pdf_document(title="Lepas", filename="lepas.pdf")
    drafted = pdf_document(title="Draf", filename="draf.pdf")
    factories.regulation(nomor=77, document=drafted, live=False)
    assert client.get(loose.url).status_code == 404
    assert client.get(drafted.url).status_code == 404
    admin = get_user_model().objects.create_superuser("admin", password="sandi-admin-123")
    client.force_login(admin)
    assert client.get(loose.url).status_code == 200
    assert client.get(drafted.url).status_code == 200
