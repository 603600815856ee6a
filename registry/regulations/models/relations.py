"""Relations between regulations (mengubah, mencabut, melaksanakan …), stored once on the newer one."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..choices import RelationKind
from .pages import RegulationPage


class RegulationRelation(Orderable):
    """A relation stored once, on the newer regulation; its inverse is derived (domain §1.4)."""

    source = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="relations")
    target = models.ForeignKey(
        RegulationPage,
        verbose_name=_("peraturan tujuan"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    kind = models.CharField(_("jenis hubungan"), max_length=24, choices=RelationKind.choices)
    scope_text = models.CharField(
        _("cakupan"),
        max_length=255,
        blank=True,
        help_text=_("Untuk hubungan sebagian: ketentuan yang terkena."),
    )
    provision = models.CharField(_("pasal"), max_length=120, blank=True, help_text=_("Misalnya 'Pasal 36'."))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("provision"), FieldPanel("scope_text")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hubungan peraturan")
        verbose_name_plural = _("hubungan peraturan")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="unique_regulation_relation"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.target_id}"

    def clean(self):
        """A regulation cannot relate to itself."""
        if self.source_id and self.target_id and self.source_id == self.target_id:
            raise ValidationError({"target": _("Peraturan tidak dapat berhubungan dengan dirinya sendiri.")})
