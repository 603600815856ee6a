"""Service categories and life events, used for browsing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceCategory(models.Model):
    """A broad service area (Kependudukan, Perizinan, Kesehatan …)."""

    name = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("keterangan"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kategori layanan")
        verbose_name_plural = _("kategori layanan")

    def __str__(self):
        return self.name


class LifeEvent(models.Model):
    """A moment in a citizen's life that needs services (kelahiran, pindah rumah, membuka usaha …)."""

    name = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("keterangan"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("peristiwa kehidupan")
        verbose_name_plural = _("peristiwa kehidupan")

    def __str__(self):
        return self.name
