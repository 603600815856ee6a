"""Seed the RuleConfig row of the BASIS_TEXT_MISSING rule (a linked Pasal of a regulation without text)."""

from django.db import migrations

CODE = "BASIS_TEXT_MISSING"


def seed(apps, schema_editor):
    apps.get_model("coverage", "RuleConfig").objects.get_or_create(code=CODE, defaults={"enabled": True})


def unseed(apps, schema_editor):
    apps.get_model("coverage", "RuleConfig").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("coverage", "0004_seed_basis_provision_changed_rule")]

    operations = [migrations.RunPython(seed, unseed)]
