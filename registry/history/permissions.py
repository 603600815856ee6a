"""Who may export a regulation's history: the legal bureau."""

from registry.permissions import BAGIAN_HUKUM, KABAG_HUKUM

#: The groups whose members may export a regulation's history (superusers always may).
LEGAL_BUREAU_GROUPS = (BAGIAN_HUKUM, KABAG_HUKUM)


def can_export_history(user) -> bool:
    """Whether ``user`` belongs to the legal bureau (or is a superuser)."""
    if not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=LEGAL_BUREAU_GROUPS).exists()
