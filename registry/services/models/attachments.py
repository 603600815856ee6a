"""What a service page attaches for the applicant: its tariff table and its downloadable forms.

Both are ``Orderable`` inlines of :class:`~.service.ServicePage` (part of its revisions). A form is a
Wagtail document; it is served only to those who may see a page that attaches it
(:func:`registry.visibility.document_visible_to` finds the page through the inline's ``page``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from ..cost import format_rupiah
from .service import ServicePage


class ServiceTariff(Orderable):
    """Component 4 in detail: one row of the tariff table ("Mobil: Rp 4.000 sekali parkir")."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="tariffs")
    label = models.CharField(_("uraian"), max_length=200, help_text=_("Misalnya 'Sepeda motor'."))
    amount = models.DecimalField(
        _("tarif (Rp)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("Kosongkan bila tarif berupa persentase atau rumus; tulis di keterangan."),
    )
    unit = models.CharField(
        _("satuan/keterangan"), max_length=200, blank=True, help_text=_("Misalnya 'sekali parkir'.")
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("amount"), FieldPanel("unit")])]

    class Meta(Orderable.Meta):
        verbose_name = _("tarif")
        verbose_name_plural = _("tarif")

    def __str__(self):
        return self.label

    @property
    def amount_display(self) -> str:
        """The amount as "Rp 4.000", or "" for a rate written in the unit column."""
        return format_rupiah(self.amount) if self.amount is not None else ""


class ServiceForm(Orderable):
    """A form the applicant fills in (F-2.01, SPOP …), downloadable from the service page."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="forms")
    code = models.CharField(_("kode formulir"), max_length=40, blank=True, help_text=_("Misalnya 'F-2.01'."))
    title = models.CharField(_("nama formulir"), max_length=255)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("berkas formulir"),
        null=True,  # a deleted document leaves the row; the page then lists the form without a link
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("title")]), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("formulir")
        verbose_name_plural = _("formulir")

    def __str__(self):
        return f"{self.code} {self.title}".strip()
