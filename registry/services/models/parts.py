"""The inline children of a service page: requirements, steps, channels, complaints, legal bases, SOPs.

Each is an ``Orderable`` with a ``ParentalKey`` to :class:`~.service.ServicePage`, so it is part of
the page's revisions and edited in the page form.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from registry.reference import services as reference
from registry.regulations.anchors import provision_anchor
from registry.vocabulary import text_choices

from ..components import Component
from .service import ServicePage


class ServiceRequirement(Orderable):
    """Component 1: one requirement, in the order the applicant should prepare them."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="requirements")
    text = models.CharField(_("persyaratan"), max_length=500)
    mandatory = models.BooleanField(_("wajib"), default=True)
    condition = models.CharField(
        _("hanya bila"),
        max_length=255,
        blank=True,
        help_text=_("Isi bila persyaratan hanya berlaku dalam keadaan tertentu, misalnya 'KTP-el hilang'."),
    )
    note = models.CharField(_("catatan"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("mandatory")]),
        FieldRowPanel([FieldPanel("condition"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("persyaratan")
        verbose_name_plural = _("persyaratan")

    def __str__(self):
        return self.text

    @property
    def label(self) -> str:
        """What the checklist says about the requirement: "Bersyarat: jika …", "Wajib" or "Tidak wajib"."""
        if self.condition:
            return _("Bersyarat: jika %(condition)s") % {"condition": self.condition}
        return _("Wajib") if self.mandatory else _("Tidak wajib")

    @property
    def kind(self) -> str:
        """A CSS-friendly word for the label: bersyarat, wajib or opsional."""
        if self.condition:
            return "bersyarat"
        return "wajib" if self.mandatory else "opsional"


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


ChannelKind = text_choices("ChannelKind", reference.CHANNEL_KINDS)


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


LegalBasisRole = text_choices("LegalBasisRole", reference.LEGAL_BASIS_ROLES)


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
    """The SOP of a service (domain §5): its identity sheet and the instrument that establishes it."""

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
