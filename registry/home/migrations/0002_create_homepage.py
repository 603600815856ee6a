"""Replace Wagtail's welcome page with the Registri home page as the default site root."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # Wagtail's initial migration creates a placeholder page at /home/; remove it.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale_id = Page.objects.get(depth=1).locale_id
    home = HomePage.objects.create(
        title="Registri Kota Balikpapan",
        draft_title="Registri Kota Balikpapan",
        slug="beranda",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/beranda/",
        locale_id=locale_id,
        intro="Satu pintu untuk layanan publik, persyaratannya, dan peraturan yang mendasarinya.",
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page_id": home.id, "site_name": ""}
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="beranda", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
