"""Public services with the 14 Standar Pelayanan components, legal bases and SOPs."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable, Page
from wagtail.search import index

from registry.regulations.anchors import provision_anchor

from ..components import DELIVERY_COMPONENTS, Component
from ..page_context import service_context
from .opd import PerangkatDaerahPage


class TimeUnit(models.TextChoices):
    MENIT = "menit", _("menit")
    JAM = "jam", _("jam")
    HARI = "hari", _("hari")
    HARI_KERJA = "hari_kerja", _("hari kerja")


class CostKind(models.TextChoices):
    GRATIS = "gratis", _("Gratis")
    BERBAYAR = "berbayar", _("Berbayar")


class ServicePage(Page):
    """A public service of a Perangkat Daerah, carrying its Standar Pelayanan (SPEC §4)."""

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
        FieldRowPanel(
            [FieldPanel("cost_kind"), FieldPanel("cost_amount"), FieldPanel("cost_note")],
            heading=_("4. Biaya/tarif"),
        ),
        FieldPanel("product", heading=_("5. Produk pelayanan")),
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
        return service_context(self, super().get_context(request, *args, **kwargs))

    def clean(self):
        """A charged service needs an amount; a free one must not carry one."""
        super().clean()
        errors = {}
        if self.cost_kind == CostKind.BERBAYAR and not self.cost_amount:
            errors["cost_amount"] = _("Isi besaran biaya untuk layanan berbayar.")
        if self.cost_kind == CostKind.GRATIS and self.cost_amount:
            errors["cost_amount"] = _("Layanan gratis tidak boleh memiliki besaran biaya.")
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


class ServiceRequirement(Orderable):
    """Component 1: one requirement, in the order the applicant should prepare them."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="requirements")
    text = models.CharField(_("persyaratan"), max_length=500)
    mandatory = models.BooleanField(_("wajib"), default=True)
    note = models.CharField(_("catatan"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("mandatory")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("persyaratan")
        verbose_name_plural = _("persyaratan")

    def __str__(self):
        return self.text


class ServiceStep(Orderable):
    """Component 2: one step of the procedure."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("langkah"), max_length=255)
    description = models.TextField(_("uraian"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("langkah prosedur")
        verbose_name_plural = _("langkah prosedur")

    def __str__(self):
        return self.title


class ChannelKind(models.TextChoices):
    KANTOR = "kantor", _("Kantor")
    DARING = "daring", _("Daring (online)")
    MPP = "mpp", _("Mal Pelayanan Publik")


class ServiceChannel(Orderable):
    """Where the service is delivered: an office, an online URL, or the MPP."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("jenis saluran"), max_length=10, choices=ChannelKind.choices)
    name = models.CharField(_("nama"), max_length=200)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    hours = models.CharField(_("jam layanan"), max_length=200, blank=True)
    url = models.URLField(_("alamat web"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("address"), FieldPanel("hours")]),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("saluran layanan")
        verbose_name_plural = _("saluran layanan")

    def __str__(self):
        return self.name

    def clean(self):
        """An online channel needs its URL."""
        if self.kind == ChannelKind.DARING and not self.url:
            raise ValidationError({"url": _("Saluran daring wajib memiliki alamat web.")})


class ComplaintKind(models.TextChoices):
    LAPOR = "lapor", _("SP4N-LAPOR!")
    TELEPON = "telepon", _("Telepon")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SUREL = "surel", _("Surel")
    WEB = "web", _("Situs web")
    LANGSUNG = "langsung", _("Datang langsung")
    KOTAK_SARAN = "kotak_saran", _("Kotak saran")


class ComplaintChannel(Orderable):
    """Component 6: a channel for complaints, suggestions and input."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="complaint_channels")
    kind = models.CharField(_("jenis"), max_length=12, choices=ComplaintKind.choices)
    value = models.CharField(_("alamat/nomor"), max_length=255)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("saluran pengaduan")
        verbose_name_plural = _("saluran pengaduan")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def href(self) -> str:
        """A link for the channel where one makes sense."""
        if self.kind == ComplaintKind.SUREL:
            return f"mailto:{self.value}"
        if self.kind == ComplaintKind.TELEPON:
            return "tel:" + re.sub(r"[^0-9+]", "", self.value)
        if self.kind == ComplaintKind.WHATSAPP:
            return "https://wa.me/" + re.sub(r"[^0-9]", "", self.value)
        if self.value.startswith(("http://", "https://")):
            return self.value
        return ""


class LegalBasisRole(models.TextChoices):
    DASAR_HUKUM = "dasar_hukum", _("Dasar hukum")
    SK_STANDAR_PELAYANAN = "sk_sp", _("SK Standar Pelayanan")
    SOP = "sop", _("SOP")


class LegalBasis(Orderable):
    """A link from a service to the regulation (and provision) that founds it or one of its components."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="legal_bases")
    regulation = models.ForeignKey(
        "regulations.RegulationPage",
        verbose_name=_("peraturan"),
        on_delete=models.PROTECT,
        related_name="service_links",
    )
    provision = models.CharField(
        _("pasal"),
        max_length=120,
        blank=True,
        help_text=_("Misalnya 'Pasal 5 ayat (2)'. Kosongkan bila seluruhnya."),
    )
    component = models.CharField(
        _("komponen yang didasari"),
        max_length=20,
        choices=Component.choices,
        blank=True,
        help_text=_("Misalnya Biaya/tarif untuk Perda retribusi."),
    )
    role = models.CharField(
        _("peran"), max_length=12, choices=LegalBasisRole.choices, default=LegalBasisRole.DASAR_HUKUM
    )

    panels = [
        FieldPanel("regulation"),
        FieldRowPanel([FieldPanel("provision"), FieldPanel("component"), FieldPanel("role")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("dasar hukum")
        verbose_name_plural = _("dasar hukum")

    def __str__(self):
        return f"{self.regulation_id} {self.provision}".strip()

    def clean(self):
        """A provision label must name a pasal the site can link to."""
        if self.provision and not provision_anchor(self.provision):
            raise ValidationError(
                {"provision": _("Tulis pasal dengan format 'Pasal 5' atau 'Pasal 5 ayat (2)'.")}
            )

    @property
    def anchor(self) -> str:
        return provision_anchor(self.provision)


class ServiceSOP(Orderable):
    """The SOP of a service (SPEC §5): its identity sheet and the instrument that establishes it."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="sops")
    nomor = models.CharField(_("nomor SOP"), max_length=100)
    judul = models.CharField(_("judul SOP"), max_length=255)
    tanggal_pembuatan = models.DateField(_("tanggal pembuatan"), null=True, blank=True)
    tanggal_revisi = models.DateField(_("tanggal revisi"), null=True, blank=True)
    tanggal_efektif = models.DateField(_("tanggal efektif"))
    disahkan_nama = models.CharField(_("disahkan oleh (nama)"), max_length=200)
    disahkan_jabatan = models.CharField(_("jabatan pengesah"), max_length=200)
    disahkan_nip = models.CharField(_("NIP pengesah"), max_length=30, blank=True)
    regulation = models.ForeignKey(
        "regulations.RegulationPage",
        verbose_name=_("ditetapkan dengan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="established_sops",
    )
    document = models.ForeignKey(
        "regulations.RegulationDocument",
        verbose_name=_("berkas SOP"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("nomor"), FieldPanel("judul")]),
        FieldRowPanel(
            [FieldPanel("tanggal_pembuatan"), FieldPanel("tanggal_revisi"), FieldPanel("tanggal_efektif")]
        ),
        FieldRowPanel(
            [FieldPanel("disahkan_nama"), FieldPanel("disahkan_jabatan"), FieldPanel("disahkan_nip")]
        ),
        FieldRowPanel([FieldPanel("regulation"), FieldPanel("document")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("SOP")
        verbose_name_plural = _("SOP")

    def __str__(self):
        return f"{self.nomor} {self.judul}"

    def clean(self):
        """An SOP is established by a regulation or a document; revision follows creation."""
        errors = {}
        if not self.regulation_id and not self.document_id:
            errors["regulation"] = _("Pilih peraturan yang menetapkan SOP ini atau unggah berkas SOP-nya.")
        if self.tanggal_pembuatan and self.tanggal_revisi and self.tanggal_revisi < self.tanggal_pembuatan:
            errors["tanggal_revisi"] = _("Tanggal revisi tidak boleh sebelum tanggal pembuatan.")
        if errors:
            raise ValidationError(errors)
