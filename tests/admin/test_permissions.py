"""Group setup: ensure_groups, the setup_groups command and the OPD-group hook."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.test.utils.form_data import querydict_from_html

from registry.permissions import EVALUATOR, OPD_GROUP_PREFIX, ensure_groups, opd_group
from registry.services.models import PerangkatDaerahIndexPage
from tests import factories

from .base import RegistryAdminTestCase


def snapshot():
    """Every group with its model, page and collection permissions."""
    return {
        group.name: (
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id")),
            sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission_id"
                )
            ),
        )
        for group in Group.objects.all()
    }


class EnsureGroupsTests(RegistryAdminTestCase):
    """registry.permissions.ensure_groups and its helpers."""

    def test_second_run_changes_nothing(self):
        """A second run reports no change and leaves every group and permission as it was."""
        before = snapshot()
        changes = ensure_groups()
        self.assertFalse([change for change in changes if change.changed])
        self.assertEqual(snapshot(), before)

    def test_opd_group_holds_page_rights_on_its_own_page_only(self):
        """The Disdukcapil editor group holds add and change (no publish) on the Disdukcapil page only."""
        rights = GroupPagePermission.objects.filter(group__name=f"{OPD_GROUP_PREFIX}Disdukcapil")
        self.assertEqual({right.page_id for right in rights}, {self.disdukcapil.pk})
        self.assertEqual(
            sorted(rights.values_list("permission__codename", flat=True)), ["add_page", "change_page"]
        )

    def test_evaluator_holds_only_view_rights(self):
        """The Evaluator has no page or document right, and only view permissions besides admin access."""
        group = Group.objects.get(name=EVALUATOR)
        self.assertFalse(GroupPagePermission.objects.filter(group=group).exists())
        self.assertFalse(GroupCollectionPermission.objects.filter(group=group).exists())
        codenames = set(group.permissions.values_list("codename", flat=True)) - {"access_admin"}
        self.assertTrue(codenames and all(codename.startswith("view_") for codename in codenames))

    def test_renamed_opd_keeps_its_group(self):
        """Changing an OPD's abbreviation does not create a second group for it."""
        group = opd_group(self.disdukcapil)
        self.disdukcapil.abbreviation = "Dukcapil"
        self.disdukcapil.save()
        ensure_groups()
        self.assertEqual(opd_group(self.disdukcapil), group)
        self.assertFalse(Group.objects.filter(name=f"{OPD_GROUP_PREFIX}Dukcapil").exists())

    def test_two_opds_with_one_abbreviation_get_distinct_groups(self):
        """A second "Disdukcapil" gets its own group, named with its page id."""
        twin = factories.opd(title="Disdukcapil Cabang", slug="disdukcapil-cabang")
        ensure_groups()
        self.assertEqual(opd_group(twin).name, f"{OPD_GROUP_PREFIX}Disdukcapil ({twin.pk})")
        self.assertNotEqual(opd_group(twin), opd_group(self.disdukcapil))

    def test_setup_groups_command_reports_in_indonesian(self):
        """The command says which group it created, then that all groups are in order."""
        Group.objects.filter(name=EVALUATOR).delete()
        out = StringIO()
        call_command("setup_groups", stdout=out)
        self.assertIn("Grup 'Evaluator' dibuat.", out.getvalue())
        out = StringIO()
        call_command("setup_groups", stdout=out)
        self.assertIn("Grup 'Evaluator' sudah sesuai.", out.getvalue())
        self.assertIn("Selesai: 0 dari", out.getvalue())

    def test_group_editor_offers_the_register_permissions(self):
        """Wagtail's group editor lists the register permissions, ticked for the Evaluator."""
        admin = get_user_model().objects.create_superuser("admin", "admin@example.test", "sandi")
        self.client.force_login(admin)
        group = Group.objects.get(name=EVALUATOR)
        response = self.client.get(f"/admin/groups/edit/{group.pk}/")
        self.assertEqual(response.status_code, 200)
        for codename in ("view_regulationpage", "view_servicepage"):
            with self.subTest(codename=codename):
                permission = Permission.objects.get(codename=codename)
                self.assertContains(response, f'value="{permission.pk}"')

    def test_creating_an_opd_in_the_admin_creates_its_group(self):
        """The after_create_page hook gives a new Perangkat Daerah its editor group."""
        admin = get_user_model().objects.create_superuser("admin", "admin@example.test", "sandi")
        self.client.force_login(admin)
        index = PerangkatDaerahIndexPage.objects.get()
        url = f"/admin/pages/add/services/perangkatdaerahpage/{index.pk}/"
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update({"title": "Badan Pendapatan Daerah", "slug": "bapenda", "abbreviation": "Bapenda"})
        data["kind"] = "badan"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Group.objects.filter(name=f"{OPD_GROUP_PREFIX}Bapenda").exists())
