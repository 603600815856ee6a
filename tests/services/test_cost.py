"""Component 4 as the public reads it (registry/services/cost.py) and the requirement labels."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from registry.services.cost import cost_display
from registry.services.models import ServicePage, ServiceRequirement, ServiceTariff

# A new Page looks up its content type.
pytestmark = pytest.mark.django_db


def _page(kind="berbayar", amount=None, qualifier="", condition=""):
    return ServicePage(
        title="X", cost_kind=kind, cost_amount=amount, cost_qualifier=qualifier, cost_condition=condition
    )


def _tariff(label, amount=None, unit=""):
    return ServiceTariff(label=label, amount=amount, unit=unit)


def test_exact_amount_is_the_amount():
    """Without a qualifier a charged service shows its amount alone."""
    assert cost_display(_page(amount=Decimal("150000")), []) == "Rp 150.000"


def test_free_is_gratis():
    """A free service without a condition says Gratis."""
    assert cost_display(_page(kind="gratis"), []) == "Gratis"


def test_conditional_free_says_for_whom():
    """A free-for-some service never says a bare "Gratis"."""
    page = _page(kind="gratis", qualifier="bersyarat", condition="peserta JKN")
    assert cost_display(page, []) == "Gratis bagi peserta JKN"


def test_minimum_says_mulai():
    """A "mulai" cost reads as a minimum."""
    assert cost_display(_page(amount=50000, qualifier="mulai"), []) == "Mulai Rp 50.000"


def test_example_says_contoh():
    """A "contoh" cost says it is an example, not what everybody pays."""
    assert cost_display(_page(amount=1500000, qualifier="contoh"), []) == "Bervariasi, contoh Rp 1.500.000"


def test_by_area_without_amount():
    """A cost that depends on the area says so, with or without an example amount."""
    assert cost_display(_page(qualifier="tergantung_luas"), []) == "Tergantung luas"
    assert (
        cost_display(_page(amount=3000, qualifier="tergantung_luas"), [])
        == "Tergantung luas, contoh Rp 3.000"
    )


def test_by_tariff_gives_the_range_of_the_table():
    """A tariff table shows its lowest to highest amount, whatever the row order."""
    rows = [_tariff("Mobil", 4000), _tariff("Motor", 2000), _tariff("Bus", 6000)]
    assert cost_display(_page(qualifier="sesuai_tarif"), rows) == "Sesuai tarif: Rp 2.000–Rp 6.000"


def test_by_tariff_with_a_rate_quotes_the_rate():
    """A single rate without amount (a tax of 25%) is quoted, never shown as free."""
    rows = [_tariff("Pajak reklame", unit="25% dari nilai sewa reklame")]
    assert cost_display(_page(qualifier="sesuai_tarif"), rows) == "Sesuai tarif: 25% dari nilai sewa reklame"


def test_unfilled_cost_is_empty():
    """No cost kind gives no phrase at all."""
    assert cost_display(_page(kind=""), []) == ""


def test_display_accepts_any_object_with_the_fields():
    """The demo's annex tables pass plain namespaces through the same helper."""
    fields = SimpleNamespace(
        cost_kind="berbayar", cost_amount=1500000, cost_qualifier="contoh", cost_condition=""
    )
    assert "contoh" in cost_display(fields, [])


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"cost_kind": "berbayar"}, "cost_amount"),
        ({"cost_kind": "gratis", "cost_qualifier": "contoh"}, "cost_qualifier"),
        ({"cost_kind": "berbayar", "cost_qualifier": "contoh"}, "cost_amount"),
        ({"cost_kind": "gratis", "cost_qualifier": "bersyarat"}, "cost_condition"),
    ],
)
def test_inconsistent_costs_are_refused(fields, error_field):
    """A qualifier that contradicts the kind, or lacks what it needs, is a validation error."""
    with pytest.raises(ValidationError) as exc:
        ServicePage(title="X", **fields).clean()
    assert error_field in exc.value.message_dict


def test_charged_by_tariff_needs_no_single_amount():
    """A service charged by its tariff table validates without one amount."""
    ServicePage(title="X", cost_kind="berbayar", cost_qualifier="sesuai_tarif").clean()


def test_conditional_requirement_label():
    """A requirement with a condition says "Bersyarat: jika …", not "Tidak wajib"."""
    item = ServiceRequirement(text="Surat kehilangan", mandatory=True, condition="KTP-el hilang")
    assert (item.label, item.kind) == ("Bersyarat: jika KTP-el hilang", "bersyarat")


def test_plain_requirement_labels():
    """Without a condition a requirement is Wajib or Tidak wajib."""
    assert ServiceRequirement(text="KK", mandatory=True).label == "Wajib"
    assert ServiceRequirement(text="Foto", mandatory=False).label == "Tidak wajib"


def test_tariff_amount_display():
    """A tariff row shows Rupiah, or nothing for a rate."""
    assert _tariff("Motor", 2000).amount_display == "Rp 2.000"
    assert _tariff("Pajak", unit="25%").amount_display == ""
