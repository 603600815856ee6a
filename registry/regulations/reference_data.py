"""The ``RegulationType`` table, seeded from :mod:`registry.reference.regulations`.

The records are the one definition of the regulation types; this module only writes them to the
database (the setup command, the demo, the tests and the benches all call it).
"""

from django.conf import settings

from registry.reference import regulations as reference


def default_teu(level: str) -> str:
    """The catalogue T.E.U. for a level: "Indonesia", "<Provinsi> (Provinsi)" or "<Kota> (Kota)"."""
    if level == reference.NASIONAL:
        return "Indonesia"
    if level == reference.PROVINSI:
        return f"{settings.REGISTRY_PROVINCE} (Provinsi)"
    return f"{settings.REGISTRY_CITY_SHORT} (Kota)"


def type_values(record: reference.RegulationTypeRecord) -> dict:
    """The model field values of one record (everything but the code)."""
    return {
        "slug": record.slug,
        "name": record.name,
        "abbreviation": record.abbreviation,
        "level": record.level,
        "nature": record.nature,
        "rank": record.rank,
        "gazette": record.gazette,
        "has_supplement": record.has_supplement,
        "is_local": record.is_local,
        "default_teu": default_teu(record.level),
    }


def ensure_regulation_types(update_existing: bool = False, codes=None) -> dict:
    """Create the seed regulation types that are missing and return them by code.

    Existing rows are left as editors made them unless ``update_existing`` is true, in which case
    they are brought back to the seed values (the demo loader does this). ``codes`` limits the work
    to some types (tests use it).
    """
    from .models import RegulationType

    records = [r for r in reference.REGULATION_TYPES if codes is None or r.code in codes]
    existing = {t.code: t for t in RegulationType.objects.filter(code__in=[r.code for r in records])}
    for record in records:
        values = type_values(record)
        current = existing.get(record.code)
        if current is None:
            existing[record.code] = RegulationType.objects.create(code=record.code, **values)
        elif update_existing and any(getattr(current, k) != v for k, v in values.items()):
            for field, value in values.items():
                setattr(current, field, value)
            current.save()
    return existing
