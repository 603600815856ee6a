from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """Review before publication: the Wagtail workflows of regulations and services, their Indonesian
    e-mails, and the requests to delete a live service.

    Listed before ``wagtail.admin`` in INSTALLED_APPS, so its notification templates and its Indonesian
    catalogue (Wagtail's own ``id`` translation lacks most workflow strings) take precedence.
    """

    name = "registry.review"
    label = "review"
    verbose_name = _("Tinjauan dan persetujuan")
