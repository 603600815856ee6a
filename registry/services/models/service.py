"""Public services with the 14 Standar Pelayanan components, legal bases and SOPs."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page
from wagtail.search import index

from registry.reference import services as reference
from registry.vocabulary import text_choices

from ..components import DELIVERY_COMPONENTS, Component
from ..page_context import service_context
from .opd import PerangkatDaerahPage


class TimeUnit(models.TextChoices):
    MENIT = "menit", _("menit")
    JAM = "jam", _("jam")
    HARI = "hari", _("hari")
    HARI_KERJA = "hari_kerja", _("hari kerja")


CostKind = text_choices("CostKind", reference.COST_KINDS)
CostQualifier = text_choices("CostQualifier", reference.COST_QUALIFIERS)


class ServicePage(Page):
    """A public service of a Perangkat Daerah, carrying its Standar Pelayanan (domain §4)."""

    opd = models.ForeignKey(
        PerangkatDaerahPage,
        verbose_name=_("perangkat daerah"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="services",
        help_text=_("Diisi otomatis dari letak halaman di pohon situs."),
    )
    summary = models.TextField(_("ringkasan"), blank=True)
    eligibility = models.CharField(
        _("siapa yang dapat mengajukan"),
        max_length=255,
        blank=True,
        help_text=_("Misalnya 'Penduduk Kota Balikpapan yang telah berusia 17 tahun'."),
    )
    category = models.ForeignKey(
        "services.ServiceCategory",
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    life_events = ParentalManyToManyField(
        "services.LifeEvent", verbose_name=_("peristiwa kehidupan"), blank=True, related_name="services"
    )
    # 3. Jangka waktu
    time_value = models.PositiveIntegerField(_("jangka waktu"), null=True, blank=True)
    time_unit = models.CharField(_("satuan waktu"), max_length=12, choices=TimeUnit.choices, blank=True)
    time_note = models.CharField(_("keterangan waktu"), max_length=255, blank=True)
    # 4. Biaya/tarif
    cost_kind = models.CharField(_("biaya"), max_length=10, choices=CostKind.choices, blank=True)
    cost_amount = models.DecimalField(
        _("besaran biaya (Rp)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    cost_note = models.CharField(_("keterangan biaya"), max_length=255, blank=True)
    cost_qualifier = models.CharField(
        _("sifat besaran biaya"),
        max_length=16,
        choices=CostQualifier.choices,
        blank=True,
        help_text=_("Kosongkan bila besaran biaya berlaku sama bagi semua pemohon."),
    )
    cost_condition = models.CharField(
        _("berlaku bagi"),
        max_length=255,
        blank=True,
        help_text=_("Untuk biaya bersyarat, misalnya 'peserta JKN dan penduduk Kota Balikpapan'."),
    )
    # 5. Produk
    product = models.CharField(_("produk pelayanan"), max_length=255, blank=True)
    # 6. Pengaduan
    complaint_procedure = models.TextField(_("prosedur pengaduan"), blank=True)
    # 8–14. Pengelolaan pelayanan
    facilities = models.TextField(
        _("sarana, prasarana, dan/atau fasilitas"), blank=True, help_text=_("Satu per baris.")
    )
    staff_competency = models.TextField(_("kompetensi pelaksana"), blank=True, help_text=_("Satu per baris."))
    internal_supervision = models.TextField(_("pengawasan internal"), blank=True)
    staff_count = models.PositiveSmallIntegerField(_("jumlah pelaksana"), null=True, blank=True)
    staff_note = models.CharField(_("keterangan pelaksana"), max_length=255, blank=True)
    service_guarantee = models.TextField(_("jaminan pelayanan"), blank=True)
    safety_guarantee = models.TextField(_("jaminan keamanan dan keselamatan"), blank=True)
    performance_evaluation = models.TextField(_("evaluasi kinerja pelaksana"), blank=True)
    delivery_published = models.BooleanField(
        _("6 komponen penyampaian dipublikasikan"),
        default=False,
        help_text=_("Centang bila komponen 1–6 sudah diumumkan kepada masyarakat."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("product"),
        index.RelatedFields("opd", [index.SearchField("title"), index.SearchField("abbreviation")]),
        index.FilterField("opd"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("eligibility"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("life_events")]),
        InlinePanel("channels", heading=_("Saluran layanan"), label=_("Saluran")),
    ]
    delivery_panels = [
        HelpPanel(content=_("Komponen 1–6 (penyampaian pelayanan) diumumkan kepada masyarakat.")),
        InlinePanel("requirements", heading=_("1. Persyaratan"), label=_("Persyaratan")),
        InlinePanel("steps", heading=_("2. Sistem, mekanisme, dan prosedur"), label=_("Langkah")),
        FieldRowPanel(
            [FieldPanel("time_value"), FieldPanel("time_unit"), FieldPanel("time_note")],
            heading=_("3. Jangka waktu pelayanan"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cost_kind"), FieldPanel("cost_amount"), FieldPanel("cost_note")]),
                FieldRowPanel([FieldPanel("cost_qualifier"), FieldPanel("cost_condition")]),
                InlinePanel("tariffs", heading=_("Tabel tarif"), label=_("Tarif")),
                HelpPanel(
                    content=_(
                        "Pasal atau lampiran yang menetapkan tarif ditautkan di tab Dasar hukum "
                        "dengan komponen Biaya/tarif."
                    )
                ),
            ],
            heading=_("4. Biaya/tarif"),
        ),
        FieldPanel("product", heading=_("5. Produk pelayanan")),
        InlinePanel("forms", heading=_("Formulir yang dapat diunduh"), label=_("Formulir")),
        MultiFieldPanel(
            [
                FieldPanel("complaint_procedure"),
                InlinePanel("complaint_channels", label=_("Saluran pengaduan")),
            ],
            heading=_("6. Penanganan pengaduan, saran, dan masukan"),
        ),
        FieldPanel("delivery_published"),
    ]
    manufacturing_panels = [
        HelpPanel(content=_("Komponen 8–14 (pengelolaan pelayanan). Komponen 7 ada di tab Dasar hukum.")),
        FieldPanel("facilities", heading=_("8. Sarana, prasarana, dan/atau fasilitas")),
        FieldPanel("staff_competency", heading=_("9. Kompetensi pelaksana")),
        FieldPanel("internal_supervision", heading=_("10. Pengawasan internal")),
        FieldRowPanel(
            [FieldPanel("staff_count"), FieldPanel("staff_note")], heading=_("11. Jumlah pelaksana")
        ),
        FieldPanel("service_guarantee", heading=_("12. Jaminan pelayanan")),
        FieldPanel("safety_guarantee", heading=_("13. Jaminan keamanan dan keselamatan pelayanan")),
        FieldPanel("performance_evaluation", heading=_("14. Evaluasi kinerja pelaksana")),
    ]
    legal_panels = [
        InlinePanel("legal_bases", heading=_("7. Dasar hukum"), label=_("Dasar hukum")),
        InlinePanel("sops", heading=_("SOP"), label=_("SOP")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Layanan")),
            ObjectList(delivery_panels, heading=_("Penyampaian (1–6)")),
            ObjectList(manufacturing_panels, heading=_("Pengelolaan (8–14)")),
            ObjectList(legal_panels, heading=_("Dasar hukum & SOP")),
            ObjectList(Page.promote_panels, heading=_("Promosi")),
        ]
    )

    parent_page_types = ["services.PerangkatDaerahPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")

    def get_context(self, request, *args, **kwargs):
        return service_context(self, super().get_context(request, *args, **kwargs), request)

    def clean(self):
        """A charged service needs an amount (or a tariff or area to read it from); a free one has none."""
        super().clean()
        errors = {}
        by_table = self.cost_qualifier in (CostQualifier.SESUAI_TARIF, CostQualifier.TERGANTUNG_LUAS)
        if self.cost_kind == CostKind.BERBAYAR and not self.cost_amount and not by_table:
            errors["cost_amount"] = _("Isi besaran biaya untuk layanan berbayar.")
        if self.cost_kind == CostKind.GRATIS and self.cost_amount:
            errors["cost_amount"] = _("Layanan gratis tidak boleh memiliki besaran biaya.")
        if self.cost_kind == CostKind.GRATIS and self.cost_qualifier not in ("", CostQualifier.BERSYARAT):
            errors["cost_qualifier"] = _("Layanan gratis hanya dapat bersifat bersyarat.")
        if self.cost_qualifier in (CostQualifier.MULAI, CostQualifier.CONTOH) and not self.cost_amount:
            errors["cost_amount"] = _("Isi besaran biaya yang menjadi batas bawah atau contoh.")
        if self.cost_qualifier == CostQualifier.BERSYARAT and not self.cost_condition.strip():
            errors["cost_condition"] = _("Tulis bagi siapa biaya bersyarat ini berlaku.")
        if self.time_value is not None and not self.time_unit:
            errors["time_unit"] = _("Pilih satuan jangka waktu.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # The owning unit is wherever the page sits in the tree; keep the shortcut column in step.
        if self.path and self.depth and self.depth > 1:
            parent = self.get_parent()
            if parent is not None and parent.specific_class is PerangkatDaerahPage:
                self.opd_id = parent.pk
        return super().save(*args, **kwargs)

    # --- Standar Pelayanan completeness ---------------------------------------------------------

    def filled_components(self) -> dict[str, bool]:
        """For each of the 14 components, whether this service fills it."""
        return {
            Component.PERSYARATAN: bool(self.requirements.all()),
            Component.PROSEDUR: bool(self.steps.all()),
            Component.WAKTU: self.time_value is not None or bool(self.time_note),
            Component.BIAYA: bool(self.cost_kind),
            Component.PRODUK: bool(self.product),
            Component.PENGADUAN: bool(self.complaint_channels.all()) or bool(self.complaint_procedure),
            Component.DASAR_HUKUM: bool(self.legal_bases.all()),
            Component.SARANA: bool(self.facilities.strip()),
            Component.KOMPETENSI: bool(self.staff_competency.strip()),
            Component.PENGAWASAN: bool(self.internal_supervision.strip()),
            Component.JUMLAH_PELAKSANA: self.staff_count is not None,
            Component.JAMINAN: bool(self.service_guarantee.strip()),
            Component.KEAMANAN: bool(self.safety_guarantee.strip()),
            Component.EVALUASI: bool(self.performance_evaluation.strip()),
        }

    def missing_components(self) -> list[Component]:
        """The components this service leaves empty, in regulation order."""
        return [Component(code) for code, filled in self.filled_components().items() if not filled]

    def delivery_complete(self) -> bool:
        """Whether all six service-delivery components are filled."""
        filled = self.filled_components()
        return all(filled[c] for c in DELIVERY_COMPONENTS)

    @property
    def time_display(self) -> str:
        """E.g. "14 hari kerja"."""
        if self.time_value is None:
            return self.time_note
        text = f"{self.time_value} {TimeUnit(self.time_unit).label if self.time_unit else ''}".strip()
        return f"{text} ({self.time_note})" if self.time_note else text

    @cached_property
    def legal_bases_for_display(self):
        """Legal-basis links with their regulations, in one query."""
        return list(self.legal_bases.select_related("regulation__regulation_type").order_by("sort_order"))

    def bases_for_component(self, component: str):
        """The legal-basis links that found one component (e.g. the tariff for biaya)."""
        return [basis for basis in self.legal_bases_for_display if basis.component == component]

    @property
    def cost_bases(self):
        return self.bases_for_component(Component.BIAYA)

    @property
    def time_bases(self):
        return self.bases_for_component(Component.WAKTU)
