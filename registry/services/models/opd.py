"""Perangkat Daerah (city government units) as pages; their services live under them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from registry.visibility import hidden_section_paths, public_pages, public_q


class OPDKind(models.TextChoices):
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    BADAN = "badan", _("Badan")
    DINAS = "dinas", _("Dinas")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    UPTD = "uptd", _("UPTD")
    RSUD = "rsud", _("RSUD")


class PerangkatDaerahIndexPage(Page):
    """The list of all Perangkat Daerah, grouped by kind."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.PerangkatDaerahPage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks perangkat daerah")
        verbose_name_plural = _("indeks perangkat daerah")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hidden = hidden_section_paths()
        units = (
            public_pages(PerangkatDaerahPage.objects.child_of(self), hidden)
            .order_by("title")
            .annotate(
                service_count=models.Count("services", filter=public_q("services__", hidden), distinct=True)
            )
        )
        groups = {kind: [] for kind in OPDKind.values}
        for unit in units:
            groups.setdefault(unit.kind, []).append(unit)
        context["groups"] = [(OPDKind(kind).label, items) for kind, items in groups.items() if items]
        return context


class PerangkatDaerahPage(Page):
    """A city government unit (Dinas, Badan, Kecamatan …). Its services are its child pages."""

    abbreviation = models.CharField(_("singkatan"), max_length=40)
    kind = models.CharField(_("jenis"), max_length=16, choices=OPDKind.choices)
    parent_unit = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_units",
        help_text=_("Misalnya kecamatan induk sebuah kelurahan, atau dinas induk sebuah UPTD."),
    )
    description = models.TextField(_("tugas dan fungsi"), blank=True)
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=60, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    opening_hours = models.CharField(_("jam layanan"), max_length=200, blank=True)
    active_from = models.DateField(_("aktif sejak"), null=True, blank=True)
    active_to = models.DateField(_("aktif sampai"), null=True, blank=True)

    search_fields = Page.search_fields + [index.SearchField("abbreviation"), index.SearchField("description")]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("abbreviation"), FieldPanel("kind")]),
        FieldPanel("parent_unit"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("website"), FieldPanel("opening_hours")]),
            ],
            heading=_("Kontak"),
        ),
        FieldRowPanel([FieldPanel("active_from"), FieldPanel("active_to")], heading=_("Masa aktif")),
    ]

    parent_page_types = ["services.PerangkatDaerahIndexPage"]
    subpage_types = ["services.ServicePage"]

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")

    def __str__(self):
        return self.title

    def clean(self):
        """The active period must run forwards, and a unit cannot be its own parent."""
        super().clean()
        if self.active_from and self.active_to and self.active_to < self.active_from:
            raise ValidationError(
                {"active_to": _("Tanggal akhir masa aktif tidak boleh sebelum tanggal mulai.")}
            )
        if self.pk and self.parent_unit_id == self.pk:
            raise ValidationError(
                {"parent_unit": _("Perangkat daerah tidak dapat menjadi induk dirinya sendiri.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hidden = hidden_section_paths()
        context["services"] = (
            public_pages(self.services.all(), hidden).select_related("category").order_by("title")
        )
        context["sub_units"] = public_pages(self.sub_units.all(), hidden).order_by("title")
        return context
