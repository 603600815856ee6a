"""Seed one RuleConfig row per coverage rule, with the rule's defaults (editable in the admin)."""

from django.db import migrations

# Frozen copy of the rule codes and default thresholds at the time of this migration.
RULES = [
    ("NO_LEGAL_BASIS", None),
    ("NO_LOCAL_BASIS", None),
    ("BASIS_REVOKED", None),
    ("BASIS_AMENDED", None),
    ("NO_SK_SP", None),
    ("SK_SP_OUTDATED", 3),
    ("SP_INCOMPLETE", None),
    ("SP_NOT_PUBLISHED", None),
    ("COST_UNSOURCED", None),
    ("TIME_UNSOURCED", None),
    ("NO_SOP", None),
    ("SOP_REVOKED", None),
    ("ELECTRONIC_UNREGULATED", None),
    ("DELEGATION_OPEN", None),
]


def seed(apps, schema_editor):
    RuleConfig = apps.get_model("coverage", "RuleConfig")
    for code, threshold in RULES:
        RuleConfig.objects.get_or_create(code=code, defaults={"enabled": True, "threshold": threshold})


def unseed(apps, schema_editor):
    apps.get_model("coverage", "RuleConfig").objects.filter(code__in=[code for code, _ in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("coverage", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
