"""One notification to one person: a dashboard item, and an e-mail once."""

from django.conf import settings
from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    DIUBAH = "diubah", _("Dasar hukum diubah")
    DICABUT = "dicabut", _("Dasar hukum dicabut")
    AKAN_DIUBAH = "akan_diubah", _("Dasar hukum akan diubah")
    AKAN_DICABUT = "akan_dicabut", _("Dasar hukum akan dicabut")
    TINJAU_SP = "tinjau_sp", _("Standar Pelayanan perlu ditinjau")


#: How each relation kind reads in a notification ("… yang dicabut sebagian oleh …").
VERBS = {
    "mengubah": _("diubah"),
    "mengubah_sebagian": _("diubah sebagian"),
    "mencabut": _("dicabut"),
    "mencabut_sebagian": _("dicabut sebagian"),
}


class Notification(models.Model):
    """Something one user must know about one service: its legal basis changed, or its SP is overdue.

    ``key`` names the event (e.g. the relation and the legal basis it touches); with the recipient it
    is unique, so the same event never notifies the same person twice, however often it is detected.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="registry_notifications",
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=NotificationKind.choices)
    service = models.ForeignKey(
        "services.ServicePage",
        verbose_name=_("layanan"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    regulation = models.ForeignKey(
        "regulations.RegulationPage",
        verbose_name=_("peraturan"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Peraturan yang menjadi dasar layanan (atau SK Standar Pelayanan yang perlu ditinjau)."),
    )
    provision = models.CharField(_("pasal"), max_length=120, blank=True)
    relation_kind = models.CharField(_("jenis hubungan"), max_length=24, blank=True)
    affected_provision = models.CharField(_("ketentuan yang terkena"), max_length=255, blank=True)
    replacement = models.ForeignKey(
        "regulations.RegulationPage",
        verbose_name=_("peraturan pengganti"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    effective_on = models.DateField(_("berlaku mulai"), null=True, blank=True)
    review_years = models.PositiveSmallIntegerField(_("batas peninjauan (tahun)"), null=True, blank=True)
    key = models.CharField(_("kunci peristiwa"), max_length=200)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("dikirim lewat surel"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notifications_once_per_event"),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notifications_unread")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.service_id} → {self.recipient_id}"

    @property
    def provision_text(self) -> str:
        """ " (Pasal 5)" when the legal basis names a pasal, else ""."""
        return f" ({self.provision})" if self.provision else ""

    def message(self) -> str:
        """The notification in one Indonesian sentence (translated when shown)."""
        params = {
            "service": self.service.title,
            "regulation": self.regulation.title,
            "provision": self.provision_text,
        }
        if self.kind == NotificationKind.TINJAU_SP:
            return gettext(
                "SK Standar Pelayanan layanan %(service)s (%(regulation)s) sudah melewati batas "
                "peninjauan %(years)s tahun; mohon Standar Pelayanan dievaluasi dan ditetapkan kembali."
            ) % {**params, "years": self.review_years or "?"}
        params |= {
            "verb": VERBS.get(self.relation_kind, self.relation_kind),
            "replacement": self.replacement.title if self.replacement_id else gettext("peraturan lain"),
        }
        if self.kind in (NotificationKind.AKAN_DIUBAH, NotificationKind.AKAN_DICABUT):
            text = gettext(
                "Layanan %(service)s berdasar pada %(regulation)s%(provision)s, yang akan %(verb)s oleh "
                "%(replacement)s mulai %(date)s."
            ) % {**params, "date": formats.date_format(self.effective_on, "j F Y")}
        else:
            text = (
                gettext(
                    "Layanan %(service)s berdasar pada %(regulation)s%(provision)s, yang %(verb)s oleh "
                    "%(replacement)s."
                )
                % params
            )
        if self.affected_provision:
            text += " " + gettext("Ketentuan yang terkena: %(p)s.") % {"p": self.affected_provision}
        return text
