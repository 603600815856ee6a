"""The one-time withdrawal of the roles' direct "publish" right (review.0002_withdraw_direct_publish)."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from registry.permissions import BAGIAN_HUKUM, opd_group
from registry.regulations.models import RegulationIndexPage
from registry.services.models import PerangkatDaerahIndexPage

from .base import ReviewTestCase

withdraw = import_module("registry.review.migrations.0002_withdraw_direct_publish").withdraw


class WithdrawDirectPublishTests(ReviewTestCase):
    """What the migration removes from an installation that predates the review, and what it keeps."""

    def test_publish_is_withdrawn_on_the_two_subtrees_only(self):
        """Bagian Hukum's and the OPD group's old publish rights go; one granted elsewhere stays."""
        publish = Permission.objects.get(codename="publish_page")
        legal = Group.objects.get(name=BAGIAN_HUKUM)
        old = [
            GroupPagePermission.objects.create(
                group=legal, page=RegulationIndexPage.objects.get(), permission=publish
            ),
            GroupPagePermission.objects.create(
                group=opd_group(self.disdukcapil), page=self.disdukcapil, permission=publish
            ),
        ]
        elsewhere = GroupPagePermission.objects.create(
            group=legal, page=PerangkatDaerahIndexPage.objects.get(), permission=publish
        )
        withdraw(apps, None)
        self.assertFalse(GroupPagePermission.objects.filter(pk__in=[right.pk for right in old]).exists())
        self.assertTrue(GroupPagePermission.objects.filter(pk=elsewhere.pk).exists())
        self.assertTrue(
            GroupPagePermission.objects.filter(group=legal, permission__codename="change_page").exists()
        )
