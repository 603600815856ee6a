"""The vocabularies of a service's Standar Pelayanan that the coverage rules read."""

from .regulations import Choice

#: What a legal-basis link of a service establishes.
LEGAL_BASIS_ROLES = (
    Choice("DASAR_HUKUM", "dasar_hukum", "Dasar hukum"),
    Choice("SK_STANDAR_PELAYANAN", "sk_sp", "SK Standar Pelayanan"),
    Choice("SOP", "sop", "SOP"),
)
ROLE_BASIS, ROLE_SK_SP, ROLE_SOP = (choice.code for choice in LEGAL_BASIS_ROLES)

#: Whether a service costs the citizen anything.
COST_KINDS = (
    Choice("GRATIS", "gratis", "Gratis"),
    Choice("BERBAYAR", "berbayar", "Berbayar"),
)
COST_FREE, COST_CHARGED = (choice.code for choice in COST_KINDS)

#: How the stated cost is to be read: exactly, as a minimum, as an example, or only with its tariff
#: table, its area or its condition (an empty qualifier means the amount is what everybody pays).
COST_QUALIFIERS = (
    Choice("MULAI", "mulai", "Mulai dari"),
    Choice("CONTOH", "contoh", "Contoh"),
    Choice("TERGANTUNG_LUAS", "tergantung_luas", "Tergantung luas"),
    Choice("SESUAI_TARIF", "sesuai_tarif", "Sesuai tarif"),
    Choice("BERSYARAT", "bersyarat", "Bersyarat"),
)
COST_FROM, COST_EXAMPLE, COST_BY_AREA, COST_BY_TARIFF, COST_CONDITIONAL = (
    choice.code for choice in COST_QUALIFIERS
)

#: Where a service is delivered.
CHANNEL_KINDS = (
    Choice("KANTOR", "kantor", "Kantor"),
    Choice("DARING", "daring", "Daring (online)"),
    Choice("MPP", "mpp", "Mal Pelayanan Publik"),
)
CHANNEL_OFFICE, CHANNEL_ONLINE, CHANNEL_MPP = (choice.code for choice in CHANNEL_KINDS)
