"""Seed the RuleConfig row of the BASIS_PROVISION_CHANGED rule (a linked Pasal amended or deleted)."""

from django.db import migrations

CODE = "BASIS_PROVISION_CHANGED"


def seed(apps, schema_editor):
    apps.get_model("coverage", "RuleConfig").objects.get_or_create(code=CODE, defaults={"enabled": True})


def unseed(apps, schema_editor):
    apps.get_model("coverage", "RuleConfig").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("coverage", "0003_finding_message_ids")]

    operations = [migrations.RunPython(seed, unseed)]
