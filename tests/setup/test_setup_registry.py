"""``manage.py setup_registry`` on the test database: what it completes, and that a rerun changes nothing."""

from io import StringIO
from unittest import mock

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.models import GroupPagePermission, Page, Revision, Site

from registry.coverage.models import RuleConfig
from registry.coverage.rules import RULES
from registry.home.models import HomePage
from registry.permissions import BAGIAN_HUKUM
from registry.reference.regulations import REGULATION_TYPES
from registry.regulations.models import RegulationIndexPage, RegulationType
from registry.services.models import PerangkatDaerahIndexPage
from registry.setup.site_tree import ensure_site_tree

COMMAND = "registry.setup.management.commands.setup_registry"


def _setup(*args) -> str:
    out = StringIO()
    call_command("setup_registry", *args, stdout=out)
    return out.getvalue()


def _snapshot() -> dict:
    site = Site.objects.get(is_default_site=True)
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "types": RegulationType.objects.count(),
        "rules": RuleConfig.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "site": (site.hostname, site.port, site.root_page_id),
    }


class SetupRegistryTests(TestCase):
    def test_completes_the_migrated_database_and_a_rerun_changes_nothing(self):
        """Types, rule settings, the two published indexes and the groups; the second run says so."""
        RuleConfig.objects.filter(code=RULES[0].code).delete()
        output = _setup()
        home = HomePage.objects.get()
        self.assertEqual(Site.objects.get(is_default_site=True).root_page_id, home.pk)
        regulation_index = RegulationIndexPage.objects.child_of(home).get()
        opd_index = PerangkatDaerahIndexPage.objects.child_of(home).get()
        self.assertEqual((regulation_index.title, regulation_index.slug), ("Peraturan", "peraturan"))
        self.assertEqual((opd_index.title, opd_index.slug), ("Perangkat Daerah", "opd"))
        self.assertTrue(regulation_index.live and opd_index.live)
        self.assertEqual(RegulationType.objects.count(), len(REGULATION_TYPES))
        self.assertEqual(RuleConfig.objects.count(), len(RULES))
        self.assertTrue(
            GroupPagePermission.objects.filter(group__name=BAGIAN_HUKUM, page=regulation_index).exists()
        )
        self.assertIn("Indeks peraturan 'Peraturan' (/peraturan/): dibuat", output)
        self.assertIn("1 pengaturan aturan cakupan: dibuat", output)

        before = _snapshot()
        again = _setup()
        self.assertEqual(_snapshot(), before)
        self.assertIn("Selesai: tidak ada yang berubah, Registri sudah lengkap.", again)
        self.assertNotIn(": dibuat", again)

    @override_settings(REGISTRY_CITY_NAME="Kota Samarinda")
    def test_the_home_page_takes_the_city_name_unless_an_editor_titled_it(self):
        """The migration's untouched placeholder is retitled; a title set in the admin is kept."""
        _setup()
        home = HomePage.objects.get()
        self.assertEqual(home.title, "Registri Kota Samarinda")
        home.title = "Portal Regulasi Samarinda"
        home.save_revision().publish()
        with override_settings(REGISTRY_CITY_NAME="Kota Bontang"):
            _setup()
        self.assertEqual(HomePage.objects.get().title, "Portal Regulasi Samarinda")

    def test_site_address_options(self):
        """--site-hostname/--site-port set the default Site's address; a taken one is refused."""
        output = _setup("--site-hostname", "registri.example.go.id", "--site-port", "443")
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("registri.example.go.id", 443))
        self.assertIn("Situs bawaan registri.example.go.id:443", output)
        Site.objects.create(hostname="lain.example.go.id", port=80, root_page=site.root_page)
        with self.assertRaises(CommandError):
            _setup("--site-hostname", "lain.example.go.id", "--site-port", "80")
        with self.assertRaises(CommandError):
            _setup("--site-port", "70000")

    def test_builds_the_tree_when_the_home_page_is_gone(self):
        """Without any HomePage, a published one is created and made the default Site's root."""
        HomePage.objects.all().delete()
        tree = ensure_site_tree()
        self.assertEqual(tree.outcomes["home"].action, "baru")
        self.assertTrue(tree.home.live)
        self.assertEqual(Site.objects.get(is_default_site=True).root_page_id, tree.home.pk)
        self.assertEqual(tree.regulation_index.get_parent().pk, tree.home.pk)
        self.assertFalse(any(o.changed for o in ensure_site_tree().outcomes.values()))

    def test_refuses_an_unmigrated_database(self):
        """Pending migrations stop the command before it writes anything."""
        with (
            mock.patch(f"{COMMAND}.pending_migrations", return_value=3),
            self.assertRaisesMessage(CommandError, "3 migrasi belum dijalankan"),
        ):
            _setup()
        self.assertFalse(RegulationIndexPage.objects.exists())

    def test_setup_groups_is_still_available(self):
        """The groups-only command kept its name after moving to registry.setup."""
        out = StringIO()
        call_command("setup_groups", stdout=out)
        self.assertIn("Grup 'Bagian Hukum'", out.getvalue())
