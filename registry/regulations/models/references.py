"""What a regulation's text says about other regulations: Mengingat citations, delegations, amended Pasal.

Derived from the signed document's text by the parser, like the article tree, so the rows hang on the
document and are replaced on every extraction (:mod:`registry.regulations.references`). The regulation
a row belongs to is the page whose ``document`` it is. Cited regulations are resolved to registry
records (``target``) by jenis, nomor and tahun, and re-resolved when a regulation is published.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CitedReference(models.Model):
    """The jenis/nomor/tahun of a regulation named in the text, and the registry record it resolves to."""

    cited_kind = models.CharField(_("jenis yang dirujuk"), max_length=30, blank=True)
    cited_number = models.CharField(_("nomor yang dirujuk"), max_length=60, blank=True)
    cited_year = models.PositiveSmallIntegerField(_("tahun yang dirujuk"), null=True, blank=True)

    class Meta:
        abstract = True


class Citation(CitedReference):
    """One regulation named in a Mengingat item; an item with a chain ("sebagaimana telah diubah
    dengan …") gives one row per regulation, the amendments with role ``AMENDED_BY``."""

    class Role(models.TextChoices):
        BASE = "BASE", _("dasar")
        AMENDED_BY = "AMENDED_BY", _("perubahannya")

    document = models.ForeignKey(
        "regulations.RegulationDocument",
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("dokumen"),
    )
    item = models.PositiveSmallIntegerField(_("butir Mengingat"))
    position = models.PositiveSmallIntegerField(_("urutan dalam butir"), default=0)
    role = models.CharField(_("peran"), max_length=12, choices=Role.choices, default=Role.BASE)
    raw_text = models.TextField(_("teks butir"))
    cited_subject = models.TextField(_("tentang"), blank=True)
    target = models.ForeignKey(
        "regulations.RegulationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by",
        verbose_name=_("peraturan di registri"),
    )

    class Meta:
        ordering = ["document", "item", "position"]
        verbose_name = _("dasar hukum (Mengingat)")
        verbose_name_plural = _("dasar hukum (Mengingat)")
        indexes = [models.Index(fields=["cited_kind", "cited_number", "cited_year"], name="citation_cited")]

    def __str__(self):
        return self.raw_text[:80]

    @property
    def is_constitution(self) -> bool:
        """Whether the item cites the Undang-Undang Dasar (never a registry record)."""
        return self.cited_kind == "UUD"


class Delegation(CitedReference):
    """A delegation clause. ``open``: a Pasal of this regulation leaves a matter to a further
    instrument ("… diatur dengan Peraturan Wali Kota"); ``implements``: this regulation's Menimbang
    says it carries out another's Pasal ("untuk melaksanakan ketentuan Pasal 4 ayat (3) Peraturan
    Daerah Nomor …"), the cited regulation being ``target``.

    An open delegation is ``fulfilled_by`` a published regulation that says which Pasal it carries
    out (see :func:`registry.regulations.references.refresh_fulfilment`).
    """

    class Direction(models.TextChoices):
        OPEN = "open", _("mendelegasikan")
        IMPLEMENTS = "implements", _("melaksanakan")

    document = models.ForeignKey(
        "regulations.RegulationDocument",
        on_delete=models.CASCADE,
        related_name="delegations",
        verbose_name=_("dokumen"),
    )
    order = models.PositiveSmallIntegerField(_("urutan"))
    direction = models.CharField(_("arah"), max_length=12, choices=Direction.choices)
    pasal = models.CharField(_("pasal"), max_length=60, blank=True)
    anchor = models.CharField(_("jangkar"), max_length=80, blank=True)
    text = models.TextField(_("kalimat"))
    delegated_to = models.CharField(
        _("didelegasikan kepada"), max_length=60, blank=True, help_text=_("Misalnya 'Peraturan Wali Kota'.")
    )
    delegated_type = models.CharField(_("kode jenis tujuan"), max_length=30, blank=True)
    target = models.ForeignKey(
        "regulations.RegulationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implemented_delegations",
        verbose_name=_("peraturan yang dilaksanakan"),
    )
    fulfilled_by = models.ForeignKey(
        "regulations.RegulationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fulfilled_delegations",
        verbose_name=_("dilaksanakan oleh"),
    )

    class Meta:
        ordering = ["document", "order"]
        verbose_name = _("delegasi")
        verbose_name_plural = _("delegasi")
        indexes = [models.Index(fields=["direction", "fulfilled_by"], name="delegation_open")]

    def __str__(self):
        return f"{self.pasal}: {self.text[:80]}"


class AmendedProvision(CitedReference):
    """A Pasal of another regulation that this (amending) regulation changes, deletes or inserts."""

    class Kind(models.TextChoices):
        DIUBAH = "diubah", _("diubah")
        DIHAPUS = "dihapus", _("dihapus")
        DISISIPKAN = "disisipkan", _("disisipkan")

    document = models.ForeignKey(
        "regulations.RegulationDocument",
        on_delete=models.CASCADE,
        related_name="amended_provisions",
        verbose_name=_("dokumen peraturan pengubah"),
    )
    order = models.PositiveSmallIntegerField(_("urutan"))
    kind = models.CharField(_("jenis perubahan"), max_length=12, choices=Kind.choices)
    pasal = models.CharField(
        _("pasal"), max_length=20, help_text=_("Label pasal saja, misalnya '5' atau '29A'.")
    )
    instruction = models.TextField(_("ketentuan perubahan"))
    source_anchor = models.CharField(_("jangkar pada peraturan pengubah"), max_length=80, blank=True)
    target = models.ForeignKey(
        "regulations.RegulationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="amended_provisions",
        verbose_name=_("peraturan yang diubah"),
    )

    class Meta:
        ordering = ["document", "order"]
        verbose_name = _("pasal yang diubah")
        verbose_name_plural = _("pasal yang diubah")

    def __str__(self):
        return f"Pasal {self.pasal} {self.get_kind_display()}"

    @property
    def anchor(self) -> str:
        """The anchor of the changed Pasal in the amended regulation ("pasal-5")."""
        return f"pasal-{self.pasal.lower()}"
