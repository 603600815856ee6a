"""Only public content reaches the API: drafts, unpublished pages, private subtrees and pages below a
restricted or unpublished ancestor never appear, neither as records nor inside other records
(relations, legal bases, pemrakarsa, SOPs, coverage, search)."""

import pytest
from wagtail.models import PageViewRestriction

from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationIndexPage
from registry.services.models import ServiceSOP
from tests import factories

from .conftest import get

pytestmark = pytest.mark.django_db


def _ids(client, path, **params):
    params.setdefault("page_size", 100)
    return {item["id"] for item in get(client, path, **params).json()["results"]}


def _everything_mentioning(client, pk):
    """Every id named anywhere in the lists and the coverage answer (records and nested references)."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if "id" in value:
                found.add(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in ("services/", "regulations/", "opd/"):
        walk(get(client, path, page_size=100).json())
    walk(get(client, "coverage/").json())
    return pk in found


def test_a_draft_regulation_and_its_relations_stay_out(client, registry):
    draft = factories.regulation("PERWAL", nomor=99, tahun=2024, tentang="Rancangan", live=False)
    factories.relate(draft, registry.perda, RelationKind.MENCABUT, publish=False)
    assert draft.pk not in _ids(client, "regulations/")
    assert get(client, f"regulations/{draft.pk}").status_code == 404
    perda = get(client, f"regulations/{registry.perda.pk}").json()
    assert draft.pk not in {rel["regulation"]["id"] for rel in perda["incoming_relations"]}
    assert perda["status"] == "berlaku", "a draft revokes nothing in public"
    assert not _everything_mentioning(client, draft.pk)


def test_an_unpublished_service_disappears(client, registry):
    registry.other_service.unpublish()
    assert registry.other_service.pk not in _ids(client, "services/")
    assert get(client, f"services/{registry.other_service.pk}").status_code == 404
    assert get(client, f"coverage/services/{registry.other_service.pk}").status_code == 404
    assert get(client, f"opd/{registry.other_unit.pk}").json()["services"] == []
    assert not _everything_mentioning(client, registry.other_service.pk)


@pytest.mark.parametrize("kind", ["login", "password"])
def test_a_restricted_regulation_is_nowhere(client, registry, kind):
    """Not listed, not served, not a relation, not a legal basis, not an SOP's instrument."""
    secret = factories.regulation(
        "PERWAL", nomor=77, tahun=2022, tentang="Rahasia", document=registry.document
    )
    factories.relate(secret, registry.perda, RelationKind.MENGUBAH)
    factories.relate(registry.revoker, secret, RelationKind.TERKAIT)
    service = factories.service(registry.unit, title="Layanan Rahasia", bases=[(secret, "Pasal 1")])
    ServiceSOP.objects.create(
        page=service, nomor="SOP-1", judul="SOP", tanggal_efektif="2024-01-01", disahkan_nama="A",
        disahkan_jabatan="Kepala", regulation=secret,
    )  # fmt: skip
    PageViewRestriction.objects.create(page=secret, restriction_type=kind, password="rahasia")
    assert secret.pk not in _ids(client, "regulations/")
    for path in (f"regulations/{secret.pk}", f"regulations/{secret.pk}/pasal/1"):
        assert get(client, path).status_code == 404
    record = get(client, f"services/{service.pk}").json()
    assert record["legal_bases"] == []
    assert record["sops"][0]["regulation"] is None
    assert {c["code"]: c["filled"] for c in record["components"]}["dasar_hukum"] is False
    assert get(client, f"regulations/{registry.perda.pk}").json()["status"] == "diubah", "legal effect stays"
    assert not _everything_mentioning(client, secret.pk)
    search = get(client, "search/", q="rahasia").json()
    assert f"regulation:{secret.pk}" not in {hit["id"] for hit in search["hits"]}


def test_a_private_opd_subtree_hides_its_services_and_its_name(client, registry):
    PageViewRestriction.objects.create(page=registry.unit, restriction_type="login")
    assert _ids(client, "opd/") == {registry.other_unit.pk}
    assert _ids(client, "services/") == {registry.other_service.pk}
    assert get(client, f"services/{registry.service.pk}").status_code == 404
    assert get(client, f"opd/{registry.unit.pk}").status_code == 404
    assert get(client, f"coverage/opd/{registry.unit.pk}").status_code == 404
    assert get(client, "coverage/").json()["city"]["total"] == 1
    assert get(client, f"regulations/{registry.perda.pk}").json()["pemrakarsa"] is None
    assert get(client, f"regulations/{registry.perda.pk}").json()["services"] == []
    assert get(client, "services/", opd="disdukcapil").status_code == 404
    assert not _everything_mentioning(client, registry.service.pk)
    assert not _everything_mentioning(client, registry.unit.pk)


def test_a_live_service_below_an_unpublished_opd_is_hidden(client, registry):
    unit = registry.unit.specific
    unit.unpublish(set_expired=False, commit=True)
    registry.service.refresh_from_db()
    assert registry.service.live, "the child itself stays live"
    assert registry.service.pk not in _ids(client, "services/")
    assert get(client, f"services/{registry.service.pk}").status_code == 404
    assert not _everything_mentioning(client, registry.service.pk)


def test_a_restricted_ancestor_hides_every_regulation_below_it(client, registry):
    index = RegulationIndexPage.objects.get()
    PageViewRestriction.objects.create(page=index, restriction_type="password", password="rahasia")
    assert get(client, "regulations/").json()["count"] == 0
    assert get(client, f"regulations/{registry.perda.pk}").status_code == 404
    assert get(client, f"services/{registry.service.pk}").json()["legal_bases"] == []
    for pk in (registry.perda.pk, registry.perwal.pk, registry.revoker.pk):
        assert not _everything_mentioning(client, pk)
