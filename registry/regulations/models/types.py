"""The reference table of regulation types (domain §2.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Gazette, Level, Nature


class RegulationType(models.Model):
    """A kind of legal product (UU, PP, Perda, Perwal, Keputusan …) and its place in the hierarchy."""

    code = models.CharField(_("kode"), max_length=32, unique=True, help_text=_("Misalnya PERWAL atau UU."))
    slug = models.SlugField(
        _("slug URL"), max_length=40, unique=True, help_text=_("Dipakai di alamat halaman.")
    )
    name = models.CharField(_("nama"), max_length=120)
    abbreviation = models.CharField(_("singkatan"), max_length=40)
    level = models.CharField(_("tingkat"), max_length=16, choices=Level.choices)
    nature = models.CharField(_("sifat"), max_length=16, choices=Nature.choices, default=Nature.PERATURAN)
    rank = models.PositiveSmallIntegerField(
        _("urutan hierarki"), default=99, help_text=_("1 = tertinggi (UUD). Keputusan di luar hierarki: 90+.")
    )
    gazette = models.CharField(_("lembaran/berita"), max_length=2, choices=Gazette.choices, blank=True)
    has_supplement = models.BooleanField(_("memiliki tambahan lembaran"), default=False)
    is_local = models.BooleanField(
        _("produk hukum daerah"),
        default=False,
        help_text=_("Perda, Perwal, Keputusan: dihitung sebagai dasar hukum lokal."),
    )
    default_teu = models.CharField(_("T.E.U. bawaan"), max_length=200, blank=True)

    class Meta:
        ordering = ["rank", "name"]
        verbose_name = _("jenis peraturan")
        verbose_name_plural = _("jenis peraturan")

    def __str__(self):
        return self.name
