"""Regulation pages with JDIH metadata, and the relations between regulations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page
from wagtail.search import index

from ..choices import IN_FORCE, INVERSE_LABELS, Gazette, RelationKind, Status
from ..effective import relation_in_effect
from ..page_context import regulation_context
from ..page_forms import RegulationPageForm
from ..panels import ExtractionStatusPanel, IncomingRelationsPanel, ReferencesPanel
from .extraction import ArticleNode


def nomor_slug(nomor: str) -> str:
    """The URL form of a regulation number ("188.45 - 167 / 2000" → "188-45-167-2000")."""
    return slugify(nomor.replace(".", "-").replace("/", "-")) or "tanpa-nomor"


class RegulationPage(Page):
    """A regulation with the JDIH metadata of Permenkumham 8/2019 (domain §1.3).

    ``status`` is derived from the relations that other published regulations hold towards this one
    (see :func:`registry.regulations.status.refresh_statuses`); editors can only declare a regulation
    explicitly "tidak berlaku".
    """

    regulation_type = models.ForeignKey(
        "regulations.RegulationType", verbose_name=_("jenis"), on_delete=models.PROTECT, related_name="+"
    )
    wilayah = models.CharField(
        _("wilayah"),
        max_length=120,
        help_text=_("Misalnya 'Kota Balikpapan' atau 'Republik Indonesia' untuk peraturan nasional."),
    )
    nomor = models.CharField(
        _("nomor"), max_length=60, help_text=_("Nomor saja, misalnya 12 atau 188.45-167.")
    )
    nomor_slug = models.SlugField(_("nomor (URL)"), max_length=80, editable=False)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tentang = models.TextField(_("tentang"))
    teu_badan = models.CharField(_("T.E.U. badan/pengarang"), max_length=200, blank=True)
    tempat_penetapan = models.CharField(_("tempat penetapan"), max_length=100, blank=True)
    tanggal_penetapan = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    tanggal_pengundangan = models.DateField(_("tanggal pengundangan"), null=True, blank=True)
    tanggal_berlaku = models.DateField(_("tanggal berlaku"), null=True, blank=True)
    tahun_lembaran = models.PositiveSmallIntegerField(_("tahun lembaran/berita"), null=True, blank=True)
    nomor_lembaran = models.CharField(_("nomor lembaran/berita"), max_length=30, blank=True)
    nomor_tambahan = models.CharField(_("nomor tambahan lembaran"), max_length=30, blank=True)
    jumlah_halaman = models.PositiveSmallIntegerField(_("jumlah halaman"), null=True, blank=True)
    subjek = models.CharField(
        _("subjek"), max_length=255, blank=True, help_text=_("Tajuk subjek, huruf kapital, dipisah ' - '.")
    )
    bahasa = models.CharField(_("bahasa"), max_length=60, default="Bahasa Indonesia")
    bidang_hukum = models.CharField(_("bidang hukum"), max_length=120, blank=True)
    lokasi = models.CharField(_("lokasi"), max_length=200, blank=True)
    pemrakarsa = models.ForeignKey(
        "services.PerangkatDaerahPage",
        verbose_name=_("pemrakarsa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiated_regulations",
    )
    penandatangan = models.CharField(_("penandatangan"), max_length=200, blank=True)
    abstrak = models.TextField(_("abstrak"), blank=True)
    document = models.ForeignKey(
        "regulations.RegulationDocument",
        verbose_name=_("berkas PDF bertanda tangan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attachment_document = models.ForeignKey(
        "regulations.RegulationDocument",
        verbose_name=_("berkas lampiran"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    abstract_document = models.ForeignKey(
        "regulations.RegulationDocument",
        verbose_name=_("berkas abstrak"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(
        _("tautan eksternal"),
        blank=True,
        help_text=_("Untuk peraturan nasional yang disimpan di situs lain."),
    )
    declared_not_in_force = models.BooleanField(
        _("dinyatakan tidak berlaku"),
        default=False,
        help_text=_(
            "Centang bila peraturan tidak berlaku lagi tanpa dicabut oleh peraturan di registri ini."
        ),
    )
    status_note = models.CharField(_("keterangan status"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.BERLAKU,
        editable=False,
        db_index=True,
    )

    search_fields = Page.search_fields + [
        index.SearchField("tentang"),
        index.SearchField("nomor"),
        index.SearchField("abstrak"),
        index.FilterField("tahun"),
        index.FilterField("status"),
        index.FilterField("regulation_type"),
    ]

    content_panels = [
        FieldPanel("title", heading=_("Judul")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("regulation_type"), FieldPanel("wilayah")]),
                FieldRowPanel([FieldPanel("nomor"), FieldPanel("tahun")]),
                FieldPanel("tentang"),
            ],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("document"),
                ExtractionStatusPanel(heading=_("Ekstraksi")),
                FieldPanel("attachment_document"),
                FieldPanel("abstract_document"),
                FieldPanel("external_url"),
            ],
            heading=_("Berkas"),
        ),
    ]
    metadata_panels = [
        FieldPanel("teu_badan"),
        FieldRowPanel([FieldPanel("tempat_penetapan"), FieldPanel("tanggal_penetapan")]),
        FieldRowPanel([FieldPanel("tanggal_pengundangan"), FieldPanel("tanggal_berlaku")]),
        FieldRowPanel(
            [FieldPanel("tahun_lembaran"), FieldPanel("nomor_lembaran"), FieldPanel("nomor_tambahan")]
        ),
        FieldPanel("jumlah_halaman"),
        FieldPanel("subjek"),
        FieldRowPanel([FieldPanel("bahasa"), FieldPanel("bidang_hukum")]),
        FieldPanel("lokasi"),
        FieldPanel("pemrakarsa"),
        FieldPanel("penandatangan"),
        FieldPanel("abstrak"),
    ]
    relation_panels = [
        InlinePanel(
            "relations", heading=_("Hubungan dengan peraturan lain (dari peraturan ini)"), label=_("Hubungan")
        ),
        IncomingRelationsPanel(heading=_("Hubungan dari peraturan lain (ke peraturan ini)")),
        ReferencesPanel(heading=_("Dasar hukum dan delegasi (dibaca dari naskah)")),
        MultiFieldPanel(
            [FieldPanel("declared_not_in_force"), FieldPanel("status_note")], heading=_("Status")
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Peraturan")),
            ObjectList(metadata_panels, heading=_("Metadata JDIH")),
            ObjectList(relation_panels, heading=_("Hubungan & status")),
            ObjectList(Page.promote_panels, heading=_("Promosi")),
        ]
    )

    # Judul and slug may be left empty in the admin: they are derived (see page_forms).
    base_form_class = RegulationPageForm

    parent_page_types = ["regulations.RegulationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("peraturan")
        verbose_name_plural = _("peraturan")
        indexes = [models.Index(fields=["tahun"]), models.Index(fields=["nomor_slug"])]

    def get_context(self, request, *args, **kwargs):
        return regulation_context(self, super().get_context(request, *args, **kwargs), request)

    # --- identity -------------------------------------------------------------------------------

    @property
    def type_slug(self) -> str:
        """The type's URL slug, read from the page slug so that URLs need no extra query."""
        suffix = f"-{self.tahun}-{self.nomor_slug}"
        if self.slug.endswith(suffix):
            return self.slug[: -len(suffix)]
        return self.regulation_type.slug

    def short_title(self) -> str:
        """E.g. "Peraturan Wali Kota Nomor 7 Tahun 2024"."""
        return _("%(jenis)s Nomor %(nomor)s Tahun %(tahun)s") % {
            "jenis": self.regulation_type.name,
            "nomor": self.nomor,
            "tahun": self.tahun,
        }

    def full_clean(self, *args, **kwargs):
        # The slug encodes type, year and number; set it before Wagtail validates slug uniqueness.
        self._sync_slug()
        super().full_clean(*args, **kwargs)

    def _sync_slug(self):
        if self.regulation_type_id and self.tahun and self.nomor:
            self.nomor_slug = nomor_slug(self.nomor)
            self.slug = f"{self.regulation_type.slug}-{self.tahun}-{self.nomor_slug}"[:255]

    def clean(self):
        """Enforce the JDIH identity (jenis, wilayah, nomor, tahun) and date order."""
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors.update(exc.update_error_dict({}))
        if self.regulation_type_id and self.nomor and self.tahun and self.wilayah:
            duplicate = (
                RegulationPage.objects.filter(
                    regulation_type_id=self.regulation_type_id,
                    wilayah__iexact=self.wilayah.strip(),
                    nomor__iexact=self.nomor.strip(),
                    tahun=self.tahun,
                )
                .exclude(pk=self.pk)
                .first()
            )
            if duplicate is not None:
                # The slug is derived from the identity, so Wagtail's slug clash says the same thing less clearly.
                errors.pop("slug", None)
                errors["nomor"] = _(
                    '%(jenis)s %(wilayah)s Nomor %(nomor)s Tahun %(tahun)s sudah terdaftar ("%(judul)s"). '
                    "Periksa kembali nomor dan tahunnya, atau sunting peraturan yang sudah ada."
                ) % {
                    "jenis": self.regulation_type.name,
                    "wilayah": self.wilayah,
                    "nomor": self.nomor,
                    "tahun": self.tahun,
                    "judul": duplicate.title,
                }
        if (
            self.tanggal_penetapan
            and self.tanggal_pengundangan
            and self.tanggal_pengundangan < self.tanggal_penetapan
        ):
            errors["tanggal_pengundangan"] = _("Tanggal pengundangan tidak boleh sebelum tanggal penetapan.")
        first_date = self.tanggal_pengundangan or self.tanggal_penetapan
        if self.tanggal_berlaku and first_date and self.tanggal_berlaku < first_date:
            errors["tanggal_berlaku"] = _(
                "Tanggal berlaku tidak boleh sebelum tanggal penetapan atau pengundangan."
            )
        if self.tanggal_penetapan and self.tahun and self.tanggal_penetapan.year != self.tahun:
            errors["tanggal_penetapan"] = _(
                "Tahun tanggal penetapan (%(y)s) berbeda dengan tahun peraturan."
            ) % {"y": self.tanggal_penetapan.year}
        if errors:
            raise ValidationError(errors)

    def get_url_parts(self, request=None):
        """Readable URL: /peraturan/<jenis>/<tahun>/<nomor>/ under the registry index."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        parent_path = page_path.rstrip("/").rsplit("/", 1)[0]
        return site_id, root_url, f"{parent_path}/{self.type_slug}/{self.tahun}/{self.nomor_slug}/"

    # --- gazette and JDIH presentation ----------------------------------------------------------

    @property
    def jdih_status(self) -> str:
        """The JDIHN status value: Berlaku or Tidak Berlaku."""
        return "Berlaku" if self.status in IN_FORCE else "Tidak Berlaku"

    @property
    def sumber(self) -> str:
        """The JDIH 'Sumber' line, e.g. "BD Kota Balikpapan 2023 (12): 10 hlm"."""
        gazette = self.regulation_type.gazette
        if not gazette or not self.nomor_lembaran:
            return ""
        region = "" if gazette in (Gazette.LN, Gazette.BN) else f" {self.wilayah}"
        text = f"{gazette}{region} {self.tahun_lembaran or self.tahun} ({self.nomor_lembaran})"
        if self.nomor_tambahan:
            supplement = "TLN" if gazette == Gazette.LN else "TLD"
            text += f", {supplement} ({self.nomor_tambahan})"
        if self.jumlah_halaman:
            text += f": {self.jumlah_halaman} hlm"
        return text

    @cached_property
    def outgoing(self):
        """Relations this regulation declares, with their targets."""
        return list(self.relations.select_related("target__regulation_type").order_by("sort_order"))

    @cached_property
    def incoming(self):
        """Relations that published regulations declare towards this one, labelled from this side.

        For the admin and the derived status: a restricted regulation still has legal effect. Public
        pages narrow this list to regulations the public may see (``page_context``).
        """
        rels = (
            self.incoming_relations.filter(source__live=True)
            .select_related("source__regulation_type")
            .order_by("-source__tahun", "source__nomor")
        )
        return [(INVERSE_LABELS[RelationKind(rel.kind)], rel) for rel in rels]

    def search_passages(self) -> list[tuple[str, str, str]]:
        """The regulation's pasal (or diktum) as ``(anchor, label, text)`` passages, ayat included.

        Empty when the signed document has no parsed article tree; search then falls back to pages.
        """
        if not self.document_id:
            return []
        passages, by_id = [], {}
        nodes = ArticleNode.objects.filter(document_id=self.document_id).order_by("position")
        for node in nodes.only("pk", "parent_id", "kind", "label", "anchor", "text"):
            if node.kind in (ArticleNode.Kind.PASAL, ArticleNode.Kind.DIKTUM):
                parts = [node.text] if node.text else []
                by_id[node.pk] = parts
                passages.append((node.anchor, node.label, parts))
            elif node.kind == ArticleNode.Kind.AYAT and node.parent_id in by_id:
                number = node.anchor.rsplit("-", 1)[-1]
                by_id[node.parent_id].append(f"({number}) {node.text}")
        return [(anchor, label, "\n".join(parts)) for anchor, label, parts in passages]

    @property
    def revoked_by(self):
        """The published regulations that revoke this one wholly, from the day the revocation takes effect."""
        return [
            rel.source
            for label, rel in self.incoming
            if rel.kind == RelationKind.MENCABUT and relation_in_effect(rel)
        ]

    @property
    def amended_by(self):
        """The published regulations that amend this one, from the day the amendment takes effect."""
        return [
            rel.source
            for label, rel in self.incoming
            if rel.kind in (RelationKind.MENGUBAH, RelationKind.MENGUBAH_SEBAGIAN) and relation_in_effect(rel)
        ]
