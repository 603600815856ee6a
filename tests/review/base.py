"""Shared steps of the review tests: submit a page, act on its current task, read the e-mails."""

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from registry.permissions import BAGIAN_HUKUM
from tests.admin.base import RegistryAdminTestCase, make_user


class ReviewTestCase(RegistryAdminTestCase):
    """The admin test data plus a second legal-bureau member, ``reviewer``, who reviews ``legal_user``'s drafts."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reviewer = make_user("peninjau", Group.objects.get(name=BAGIAN_HUKUM))

    def submit(self, user, page, **changes):
        """Post ``page``'s edit form as ``user`` with ``changes`` and "submit for moderation"."""
        self.client.force_login(user)
        url = self.edit_url(page)
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        data.update({**changes, "action-submit": "action-submit"})
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        return response

    def act(self, user, page, action, comment=""):
        """Take ``action`` ("approve"/"reject") as ``user`` on ``page``'s current task, with ``comment``."""
        self.client.force_login(user)
        task_state = page.specific_class.objects.get(pk=page.pk).current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        return self.client.post(url, {"comment": comment} if comment else {})

    def mails_to(self, user):
        """The subjects of the e-mails sent to ``user`` so far."""
        return [message.subject for message in mail.outbox if user.email in message.to]
