"""Django choices built from the pure vocabularies of :mod:`registry.reference`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def text_choices(name: str, records) -> type[models.TextChoices]:
    """A ``TextChoices`` class whose members are ``records`` (``name``, ``code``, ``label``).

    The records stay the one definition; the labels are translated where they are shown.
    """
    return models.TextChoices(name, [(record.name, (record.code, _(record.label))) for record in records])
