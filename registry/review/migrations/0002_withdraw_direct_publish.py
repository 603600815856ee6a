"""Withdraw, once, the page permission "publish" the roles held before the review existed.

Publishing now goes through the review workflows (registry.review.workflows): Bagian Hukum loses
"publish" on the regulation index, each "Editor OPD – …" group on its Perangkat Daerah page. A right
granted by hand after this migration is left alone (ensure_groups only adds).
"""

from django.db import migrations


def withdraw(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    publish = GroupPagePermission.objects.filter(permission__codename="publish_page")
    publish.filter(
        group__name="Bagian Hukum",
        page__content_type__app_label="regulations",
        page__content_type__model="regulationindexpage",
    ).delete()
    publish.filter(
        group__name__startswith="Editor OPD – ",
        page__content_type__app_label="services",
        page__content_type__model="perangkatdaerahpage",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_deletion_request"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(withdraw, migrations.RunPython.noop)]
