"""The legal bureau reviews extraction proposals and confirms them; nothing applies unconfirmed."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile

from registry.regulations.choices import RelationKind, Status
from registry.regulations.models import DocumentPage, RegulationDocument, RegulationPage, RegulationRelation
from registry.regulations.proposals import build_proposals
from tests import factories

pytestmark = pytest.mark.django_db

PAGE_1 = """WALI KOTA BALIKPAPAN
PROVINSI KALIMANTAN TIMUR
PERATURAN WALI KOTA BALIKPAPAN
NOMOR 7 TAHUN 2024
TENTANG
STANDAR PELAYANAN ADMINISTRASI KEPENDUDUKAN
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA BALIKPAPAN,
Menimbang : a. bahwa pelayanan administrasi kependudukan perlu distandarkan;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan
Wali Kota tentang Standar Pelayanan Administrasi Kependudukan;
Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik
Indonesia Tahun 2009 Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038);
2. Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang
Administrasi Kependudukan (Lembaran Negara Republik Indonesia Tahun 2013 Nomor 232, Tambahan Lembaran
Negara Republik Indonesia Nomor 5475);
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG STANDAR PELAYANAN ADMINISTRASI KEPENDUDUKAN.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Peraturan Wali Kota ini yang dimaksud dengan:
1. Kota adalah Kota Balikpapan.
"""
PAGE_2 = """BAB II
KETENTUAN PENUTUP
Pasal 2
Pada saat Peraturan Wali Kota ini mulai berlaku, Peraturan Wali Kota Nomor 48 Tahun 2016 tentang Standar
Pelayanan (Berita Daerah Kota Balikpapan Tahun 2016 Nomor 48) dicabut dan dinyatakan tidak berlaku.
Pasal 3
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Balikpapan
pada tanggal 4 Maret 2024
WALI KOTA BALIKPAPAN,
ttd
Diundangkan di Balikpapan
pada tanggal 5 Maret 2024
SEKRETARIS DAERAH KOTA BALIKPAPAN,
ttd
BERITA DAERAH KOTA BALIKPAPAN TAHUN 2024 NOMOR 7
"""


@pytest.fixture
def setup():
    """A new Perwal whose document text revokes an older Perwal and cites UU 25/2009 and UU 24/2013."""
    old = factories.regulation("PERWAL", nomor="48", tahun=2016, tentang="Standar Pelayanan")
    uu = factories.regulation("UU", nomor="25", tahun=2009, tentang="Pelayanan Publik")
    document = RegulationDocument.objects.create(
        title="perwal 7 2024", file=ContentFile(b"%PDF-1.4\n", name="p.pdf")
    )
    DocumentPage.objects.filter(document=document).delete()
    DocumentPage.objects.bulk_create(
        [
            DocumentPage(document=document, number=1, text=PAGE_1),
            DocumentPage(document=document, number=2, text=PAGE_2),
        ]
    )
    new = factories.regulation("PERWAL", nomor="7", tahun=2024, tentang="(belum)", document=document)
    admin = get_user_model().objects.create_superuser("hukum", "h@example.com", "pw")
    return {"old": old, "uu": uu, "new": new, "admin": admin}


def test_proposals_read_metadata_citations_and_revocation(setup):
    """The parser's reading is shown next to current values, with citations resolved by jenis/nomor/tahun."""
    proposals = build_proposals(setup["new"])
    fields = {f.name: f for f in proposals.fields}
    # Proposed in sentence case, and not ticked over the "(belum)" someone typed.
    assert fields["tentang"].proposed == "Standar pelayanan administrasi kependudukan"
    assert fields["tentang"].differs and not fields["tentang"].preselected
    assert not fields["nomor"].differs
    assert str(fields["tanggal_pengundangan"].proposed) == "2024-03-05"
    assert fields["nomor_lembaran"].proposed == "7"
    resolved = {(c.citation.kind, c.citation.number): c.target for c in proposals.citations}
    assert resolved[("UU", "25")] == setup["uu"]
    assert resolved[("UU", "24")] is None
    [relation] = proposals.relations
    assert relation.kind == RelationKind.MENCABUT
    assert relation.cited.target == setup["old"]


def test_an_empty_tentang_is_ticked_for_the_reading(setup):
    """With nothing typed, the sentence-case reading is ticked on the review page."""
    RegulationPage.objects.filter(pk=setup["new"].pk).update(tentang="")
    setup["new"].refresh_from_db()
    fields = {f.name: f for f in build_proposals(setup["new"]).fields}
    assert fields["tentang"].preselected


def test_nothing_applies_until_confirmed(setup, client):
    """Opening the review changes nothing; the revoked Perwal stays berlaku."""
    client.force_login(setup["admin"])
    response = client.get(f"/admin/regulations/{setup['new'].pk}/tinjau/")
    assert response.status_code == 200
    assert "Tinjau hasil ekstraksi" in response.content.decode()
    assert RegulationRelation.objects.count() == 0
    assert RegulationPage.objects.get(pk=setup["old"].pk).status == Status.BERLAKU


def test_confirmed_fields_and_relation_are_saved_as_draft(setup, client):
    """Accepted values land in a new draft revision; the live page and statuses are untouched until publish."""
    client.force_login(setup["admin"])
    proposals = build_proposals(setup["new"])
    relation_key = proposals.relations[0].key
    data = {
        "accept_tentang": "on",
        "value_tentang": "Standar Pelayanan Administrasi Kependudukan",
        f"relation_{relation_key}": "on",
    }
    response = client.post(f"/admin/regulations/{setup['new'].pk}/tinjau/", data)
    assert response.status_code == 302
    page = RegulationPage.objects.get(pk=setup["new"].pk)
    assert page.tentang == "(belum)"
    draft = page.get_latest_revision_as_object()
    assert draft.tentang == "Standar Pelayanan Administrasi Kependudukan"
    assert [(r.kind, r.target_id) for r in draft.relations.all()] == [
        (RelationKind.MENCABUT, setup["old"].pk)
    ]
    assert RegulationPage.objects.get(pk=setup["old"].pk).status == Status.BERLAKU


def test_confirm_and_publish_revokes_the_old_regulation(setup, client):
    """With 'terbitkan', the relation goes live and the old Perwal becomes dicabut."""
    client.force_login(setup["admin"])
    relation_key = build_proposals(setup["new"]).relations[0].key
    client.post(
        f"/admin/regulations/{setup['new'].pk}/tinjau/", {f"relation_{relation_key}": "on", "publish": "on"}
    )
    assert RegulationPage.objects.get(pk=setup["old"].pk).status == Status.DICABUT


def test_invalid_value_saves_nothing_and_keeps_input(setup, client):
    """A duplicate number is refused with an Indonesian error; the typed value is shown again."""
    factories.regulation("PERWAL", nomor="99", tahun=2024)
    client.force_login(setup["admin"])
    revisions_before = setup["new"].revisions.count()
    response = client.post(
        f"/admin/regulations/{setup['new'].pk}/tinjau/", {"accept_nomor": "on", "value_nomor": "99"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "sudah terdaftar" in body
    assert 'value="99"' in body
    assert setup["new"].revisions.count() == revisions_before


def test_unresolved_national_citation_is_recorded_in_one_click(setup, client):
    """'Catat sebagai peraturan nasional' creates UU 24/2013 as a published record."""
    client.force_login(setup["admin"])
    cited = next(c for c in build_proposals(setup["new"]).citations if c.citation.number == "24")
    assert cited.can_create_national
    response = client.post(f"/admin/regulations/{setup['new'].pk}/catat-nasional/", {"key": cited.key})
    assert response.status_code == 302
    record = RegulationPage.objects.get(regulation_type__code="UU", nomor="24", tahun=2013)
    assert record.live
    assert record.wilayah == "Republik Indonesia"
    assert "Administrasi Kependudukan" in record.tentang or record.tentang


def test_review_requires_edit_permission(setup, client):
    """A user who cannot edit the regulation is turned away (Wagtail redirects with a message)."""
    user = get_user_model().objects.create_user("warga", "w@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(f"/admin/regulations/{setup['new'].pk}/tinjau/")
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert client.post(f"/admin/regulations/{setup['new'].pk}/tinjau/", {"publish": "on"}).status_code == 302
    assert RegulationRelation.objects.count() == 0


def test_edit_form_shows_extraction_status_and_review_link(setup, client):
    """The regulation form shows the document's extraction status and links to the review."""
    client.force_login(setup["admin"])
    body = client.get(f"/admin/pages/{setup['new'].pk}/edit/").content.decode()
    assert "Status ekstraksi" in body
    assert f"/admin/regulations/{setup['new'].pk}/tinjau/" in body
