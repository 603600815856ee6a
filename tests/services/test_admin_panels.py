"""The service edit form carries the new Standar Pelayanan fields, in Indonesian."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_edit_form_has_eligibility_cost_qualifier_tariffs_and_forms(client):
    """Who may apply, the cost qualifier and condition, the tariff table and the forms are editable."""
    page = factories.service(requirements=["KTP-el asli"])
    user = get_user_model().objects.create_superuser("admin", "admin@example.test", "sandi")
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Siapa yang dapat mengajukan",
        "Sifat besaran biaya",
        "Berlaku bagi",
        "Tabel tarif",
        "Formulir yang dapat diunduh",
        "Hanya bila",
    ):
        assert label in html, label
    assert 'name="tariffs-TOTAL_FORMS"' in html and 'name="forms-TOTAL_FORMS"' in html
