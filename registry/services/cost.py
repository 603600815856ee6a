"""Component 4 (biaya/tarif) as the public reads it, in one phrase used by every output.

The service page, its search document, the API and the open-data exports all say the cost through
:func:`cost_display`, so a cost that is an example, a minimum, a tariff or free only for some never
reads as a flat "Gratis" or a single amount anywhere.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from registry.reference import services


def format_rupiah(amount) -> str:
    """An amount in Indonesian style: 150000 → "Rp 150.000"; fractions of a rupiah are dropped."""
    whole = int(Decimal(amount))
    return "Rp " + f"{whole:,}".replace(",", ".")


def _tariff_range(tariffs) -> str:
    """ "Rp 2.000–Rp 4.000" over the rows' amounts; a single rate without amount ("25% …") as written."""
    amounts = sorted({row.amount for row in tariffs if row.amount is not None})
    if not amounts:
        return tariffs[0].unit if len(tariffs) == 1 else ""
    if len(amounts) == 1:
        return format_rupiah(amounts[0])
    return f"{format_rupiah(amounts[0])}–{format_rupiah(amounts[-1])}"


def cost_display(page, tariffs=None) -> str:
    """Component 4 as one phrase, or "" when the component is not filled.

    "Gratis"; "Gratis bagi peserta JKN"; "Rp 150.000"; "Mulai Rp 50.000"; "Bervariasi, contoh
    Rp 1.500.000"; "Tergantung luas"; "Sesuai tarif: Rp 2.000–Rp 4.000". ``tariffs`` are the
    service's tariff rows when the caller has them already (else they are read from ``page``).
    """
    qualifier = page.cost_qualifier
    condition = page.cost_condition.strip()
    if page.cost_kind == services.COST_FREE:
        if qualifier == services.COST_CONDITIONAL and condition:
            return _("Gratis bagi %(who)s") % {"who": condition}
        return _("Gratis")
    if page.cost_kind != services.COST_CHARGED:
        return ""
    amount = format_rupiah(page.cost_amount) if page.cost_amount is not None else ""
    if qualifier == services.COST_BY_TARIFF:
        rows = list(page.tariffs.all()) if tariffs is None else tariffs
        spread = _tariff_range(rows) or amount
        return _("Sesuai tarif: %(range)s") % {"range": spread} if spread else _("Sesuai tarif")
    if qualifier == services.COST_BY_AREA:
        return (
            _("Tergantung luas, contoh %(amount)s") % {"amount": amount} if amount else _("Tergantung luas")
        )
    if not amount:
        return ""
    if qualifier == services.COST_FROM:
        return _("Mulai %(amount)s") % {"amount": amount}
    if qualifier == services.COST_EXAMPLE:
        return _("Bervariasi, contoh %(amount)s") % {"amount": amount}
    if qualifier == services.COST_CONDITIONAL and condition:
        return _("%(amount)s bagi %(who)s") % {"amount": amount, "who": condition}
    return amount
