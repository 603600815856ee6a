"""Issue #13 item 6: applying an extraction's proposals and re-running an extraction are in the history."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageLogEntry

from registry.history import actions
from registry.regulations.choices import ExtractionStatus
from registry.regulations.proposals import build_proposals
from tests import factories
from tests.regulations.test_extraction_recovery import make_document
from tests.regulations.test_review import setup  # noqa: F401 - the review's fixture

pytestmark = pytest.mark.django_db


def test_applying_proposals_logs_the_fields_and_relations_with_the_user(setup, client):  # noqa: F811
    """Through the review view: "Hasil ekstraksi diterapkan" and the new relation, both by the reviewer."""
    client.force_login(setup["admin"])
    key = build_proposals(setup["new"]).relations[0].key
    response = client.post(
        f"/admin/regulations/{setup['new'].pk}/tinjau/",
        {
            "accept_tentang": "on",
            "value_tentang": "Standar Pelayanan Administrasi Kependudukan",
            f"relation_{key}": "on",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    applied = PageLogEntry.objects.get(page=setup["new"], action=actions.EXTRACTION_APPLY)
    assert applied.user == setup["admin"] and applied.revision_id is not None
    assert applied.data["fields"] == ["tentang"] and applied.data["published"] is True
    assert applied.message == "Hasil ekstraksi diterapkan: 1 kolom (tentang), 1 hubungan dan diterbitkan"
    relation = PageLogEntry.objects.get(page=setup["old"], action=actions.INCOMING_RELATION_CREATE)
    assert relation.user == setup["admin"] and "Dicabut oleh" in relation.message


def test_rerunning_an_extraction_logs_its_outcome_with_who_asked(tmp_path, client):
    """ "Ekstraksi ulang" by a user ends in an entry on the regulation naming the user and the outcome."""
    document = make_document(tmp_path)
    regulation = factories.regulation("PERWAL", nomor="7", tahun=2024, tentang="Akta", document=document)
    admin = get_user_model().objects.create_superuser("hukum", "h@example.com", "pw")
    client.force_login(admin)
    response = client.post(f"/admin/regulations/dokumen/{document.pk}/ekstraksi-ulang/")
    assert response.status_code == 302
    entry = PageLogEntry.objects.get(page=regulation, action=actions.EXTRACTION_RUN)
    assert entry.user == admin and entry.data["status"] == ExtractionStatus.DONE
    assert entry.message == f"Ekstraksi '{document.title}' selesai: Selesai"
