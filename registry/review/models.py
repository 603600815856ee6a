"""A request to delete a live service, decided by the Bagian Organisasi (see :mod:`.deletion`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletionRequest(models.Model):
    """An OPD editor's request to delete one live page, and the reviewer's decision on it.

    The page's title is copied, so the record still says what was deleted once the page is gone.
    """

    class Status(models.TextChoices):
        PENDING = "menunggu", _("Menunggu keputusan")
        APPROVED = "disetujui", _("Disetujui (halaman dihapus)")
        REJECTED = "ditolak", _("Ditolak")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deletion_requests",
    )
    page_title = models.CharField(_("judul halaman"), max_length=255)
    reason = models.TextField(_("alasan penghapusan"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diajukan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputus oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputus pada"), null=True, blank=True)
    comment = models.TextField(_("komentar peninjau"), blank=True)

    class Meta:
        verbose_name = _("permintaan penghapusan")
        verbose_name_plural = _("permintaan penghapusan")
        ordering = ["-requested_at"]
        permissions = [("decide_deletionrequest", _("Dapat memutus permintaan penghapusan layanan"))]
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=models.Q(status="menunggu"),
                name="review_one_pending_deletion_request_per_page",
            )
        ]

    def __str__(self):
        return f"{self.page_title} ({self.get_status_display()})"
