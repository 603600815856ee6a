"""Coverage models: rule settings (edited in the admin) and derived results (never hand-edited)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import display
from .display import SEVERITY_CHOICES, STATUS_CHOICES


def rule_choices():
    """(code, title) for every rule, for the admin's select box: the rule's name, not its code."""
    from .rules import RULES

    return [(rule.code, display.rule_title(rule)) for rule in RULES]


class RuleConfig(models.Model):
    """The admin's settings for one coverage rule; saving one triggers a full recompute."""

    code = models.CharField(_("aturan"), max_length=40, unique=True, choices=rule_choices)
    enabled = models.BooleanField(_("aktif"), default=True)
    threshold = models.PositiveIntegerField(
        _("ambang"), null=True, blank=True, help_text=_("Kosongkan untuk memakai nilai bawaan aturan.")
    )
    severity = models.CharField(
        _("tingkat"),
        max_length=12,
        choices=SEVERITY_CHOICES,
        blank=True,
        help_text=_("Kosongkan untuk memakai tingkat bawaan aturan."),
    )
    note = models.CharField(_("catatan"), max_length=255, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("pengaturan aturan cakupan")
        verbose_name_plural = _("pengaturan aturan cakupan")

    def __str__(self):
        return self.get_code_display()

    @property
    def rule(self):
        """The rule this row configures, or None if the code is no longer known."""
        from .rules import RULES_BY_CODE

        return RULES_BY_CODE.get(self.code)


class ServiceCoverage(models.Model):
    """A service's computed coverage status. Derived by the engine; never edited by hand."""

    service = models.OneToOneField(
        "services.ServicePage",
        verbose_name=_("layanan"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="coverage",
    )
    opd = models.ForeignKey(
        "services.PerangkatDaerahPage",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    live = models.BooleanField(_("terbit"), default=True, help_text=_("Hanya layanan terbit yang dihitung."))
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, db_index=True)
    critical_count = models.PositiveSmallIntegerField(_("temuan kritis"), default=0)
    warning_count = models.PositiveSmallIntegerField(_("peringatan"), default=0)
    info_count = models.PositiveSmallIntegerField(_("informasi"), default=0)
    computed_at = models.DateTimeField(_("dihitung pada"))

    class Meta:
        verbose_name = _("cakupan layanan")
        verbose_name_plural = _("cakupan layanan")
        indexes = [models.Index(fields=["live", "opd", "status"])]

    def __str__(self):
        return f"{self.service_id}: {self.status}"

    def findings_text(self) -> str:
        """Every finding on one line each, for exports (uses prefetched findings)."""
        return "\n".join(
            f"[{item.get_severity_display()}] {item.title}: {item.message}" for item in self.findings.all()
        )

    def fixes_text(self) -> str:
        """Every suggested fix on one line each, for exports (uses prefetched findings)."""
        return "\n".join(f"{item.title}: {item.fix}" for item in self.findings.all())


class Finding(models.Model):
    """One rule's finding on one service: the reason and the fix. Derived; never edited by hand."""

    coverage = models.ForeignKey(
        ServiceCoverage, verbose_name=_("cakupan"), on_delete=models.CASCADE, related_name="findings"
    )
    code = models.CharField(_("aturan"), max_length=40, db_index=True)
    severity = models.CharField(_("tingkat"), max_length=12, choices=SEVERITY_CHOICES)
    # The finding and its fix as message ids and parameters (registry.coverage.messages), so they are
    # translated when shown; ``message`` and ``fix`` below render them.
    message_id = models.TextField(_("temuan (id pesan)"))
    message_params = models.JSONField(_("parameter temuan"), default=dict, blank=True)
    fix_id = models.TextField(_("saran perbaikan (id pesan)"))
    fix_params = models.JSONField(_("parameter saran perbaikan"), default=dict, blank=True)
    regulation = models.ForeignKey(
        "regulations.RegulationPage",
        verbose_name=_("peraturan terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suggested_regulation = models.ForeignKey(
        "regulations.RegulationPage",
        verbose_name=_("usulan pengganti"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["coverage", "id"]
        verbose_name = _("temuan cakupan")
        verbose_name_plural = _("temuan cakupan")

    def __str__(self):
        return f"{self.code}: {self.message}"

    @property
    def rule(self):
        """The rule that produced this finding."""
        from .rules import RULES_BY_CODE

        return RULES_BY_CODE.get(self.code)

    @property
    def title(self) -> str:
        """The rule's title in the active language (the code if the rule has since been removed)."""
        return display.rule_title(self.rule, self.code)

    @property
    def message(self) -> str:
        """What is wrong, in the active language."""
        return display.finding_message(self)

    @property
    def fix(self) -> str:
        """How to fix it, in the active language."""
        return display.finding_fix(self)


class CoverageSnapshot(models.Model):
    """Coverage totals on one date, for the city (``opd`` empty) or one Perangkat Daerah."""

    date = models.DateField(_("tanggal"), db_index=True)
    opd = models.ForeignKey(
        "services.PerangkatDaerahPage",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    total = models.PositiveIntegerField(_("jumlah layanan"), default=0)
    lengkap = models.PositiveIntegerField(_("lengkap"), default=0)
    sebagian = models.PositiveIntegerField(_("sebagian"), default=0)
    belum = models.PositiveIntegerField(_("belum lengkap"), default=0)
    findings_by_rule = models.JSONField(_("temuan per aturan"), default=dict, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("cuplikan cakupan")
        verbose_name_plural = _("cuplikan cakupan")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "opd"],
                condition=models.Q(opd__isnull=False),
                name="coverage_snapshot_opd_day",
            ),
            models.UniqueConstraint(
                fields=["date"], condition=models.Q(opd__isnull=True), name="coverage_snapshot_city_day"
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.opd_id or 'kota'}"

    @property
    def percent_lengkap(self) -> float:
        """The share of services with complete regulation, in percent."""
        return round(100 * self.lengkap / self.total, 1) if self.total else 0.0
