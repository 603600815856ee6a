"""Findings store a message id and parameters instead of rendered text (registry.coverage.messages).

Forward, the text columns become the id columns and the parameters start empty: a message id
without parameters renders verbatim, so every existing finding reads exactly as before until the
next recompute (any publish, or ``manage.py recompute_coverage``) replaces it with id + parameters.
Backward, findings are rendered in Indonesian into the text columns again.
"""

from django.db import migrations, models


def render_back(apps, schema_editor):
    from registry.coverage.messages import render

    Finding = apps.get_model("coverage", "Finding")
    changed = []
    for finding in Finding.objects.only("message_id", "message_params", "fix_id", "fix_params").iterator():
        if finding.message_params or finding.fix_params:
            finding.message_id = render(finding.message_id, finding.message_params)
            finding.fix_id = render(finding.fix_id, finding.fix_params)
            changed.append(finding)
    Finding.objects.bulk_update(changed, ["message_id", "fix_id"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("coverage", "0002_seed_rule_configs"),
    ]

    operations = [
        migrations.RenameField(model_name="finding", old_name="message", new_name="message_id"),
        migrations.RenameField(model_name="finding", old_name="fix", new_name="fix_id"),
        migrations.AlterField(
            model_name="finding",
            name="message_id",
            field=models.TextField(verbose_name="temuan (id pesan)"),
        ),
        migrations.AlterField(
            model_name="finding",
            name="fix_id",
            field=models.TextField(verbose_name="saran perbaikan (id pesan)"),
        ),
        migrations.AddField(
            model_name="finding",
            name="message_params",
            field=models.JSONField(blank=True, default=dict, verbose_name="parameter temuan"),
        ),
        migrations.AddField(
            model_name="finding",
            name="fix_params",
            field=models.JSONField(blank=True, default=dict, verbose_name="parameter saran perbaikan"),
        ),
        migrations.RunPython(migrations.RunPython.noop, render_back),
    ]
