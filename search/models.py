"""Search data kept in the database: the index of the database engines, synonyms, pending work."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexEntry(models.Model):
    """One indexed :class:`~search.documents.SearchDocument`, as stored by the database engines.

    ``a_*`` columns hold analysed tokens; the engine-specific full-text structure is built from
    them by the database itself (an FTS5 external-content table kept in step by triggers on
    SQLite, a generated ``tsvector`` column with a GIN index on PostgreSQL; migration 0002).
    When Elasticsearch is the primary engine these rows are the fallback index.

    The id is not a counter: it encodes the entry's :class:`IndexGroup` and content type (see
    :mod:`search.scoring`), so facets and grouping read match ids and the small group table only.
    """

    doc_id = models.CharField(max_length=200, unique=True)
    owner = models.CharField(max_length=120, db_index=True)
    group_key = models.CharField(max_length=120)
    kind = models.CharField(max_length=20)
    title = models.TextField()
    subtitle = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)
    jenis = models.CharField(max_length=60, blank=True)
    jenis_label = models.CharField(max_length=200, blank=True)
    tahun = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=30, blank=True)
    status_label = models.CharField(max_length=100, blank=True)
    opd = models.CharField(max_length=120, blank=True)
    opd_label = models.CharField(max_length=255, blank=True)
    boost = models.FloatField(default=1.0)
    a_title = models.TextField(blank=True)
    a_keywords = models.TextField(blank=True)
    a_body = models.TextField(blank=True)
    suggest = models.TextField(blank=True)

    class Meta:
        verbose_name = _("entri indeks")
        verbose_name_plural = _("entri indeks")

    def __str__(self):
        return self.doc_id


class IndexGroup(models.Model):
    """One owner's documents that share a result group and facet values (its id prefixes theirs).

    Facet counts group the matched entry ids by this id and read the values here, never the wide
    :class:`IndexEntry` rows.
    """

    owner = models.CharField(max_length=120, db_index=True)
    group_key = models.CharField(max_length=120)
    jenis = models.CharField(max_length=60, blank=True)
    jenis_label = models.CharField(max_length=200, blank=True)
    tahun = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=30, blank=True)
    status_label = models.CharField(max_length=100, blank=True)
    opd = models.CharField(max_length=120, blank=True)
    opd_label = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("grup indeks")
        verbose_name_plural = _("grup indeks")
        indexes = [models.Index(fields=["group_key"], name="search_group_key")]

    def __str__(self):
        return f"{self.owner} ({self.group_key})"


class CitationKey(models.Model):
    """A key under which an indexed regulation or pasal can be cited ("perwal:12:2023:pasal-5")."""

    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="citation_keys")
    key = models.CharField(max_length=160, db_index=True)

    class Meta:
        verbose_name = _("kunci sitasi")
        verbose_name_plural = _("kunci sitasi")

    def __str__(self):
        return self.key


class Synonym(models.Model):
    """A set of equivalent terms applied to queries in every engine ("KTP, KTP-el, e-KTP")."""

    terms = models.TextField(
        _("istilah sepadan"),
        help_text=_("Pisahkan dengan koma, misalnya: PBG, IMB, persetujuan bangunan gedung."),
    )
    note = models.CharField(_("catatan"), max_length=255, blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("sinonim pencarian")
        verbose_name_plural = _("sinonim pencarian")

    def __str__(self):
        return self.terms


class PendingIndexOperation(models.Model):
    """An index update an engine could not take (Elasticsearch down); replayed when it is back."""

    engine = models.CharField(_("mesin"), max_length=40)
    source = models.CharField(_("sumber"), max_length=60)
    object_pk = models.CharField(_("objek"), max_length=60)
    error = models.TextField(_("galat"), blank=True)
    attempts = models.PositiveIntegerField(_("percobaan"), default=1)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("operasi indeks tertunda")
        verbose_name_plural = _("operasi indeks tertunda")
        constraints = [
            models.UniqueConstraint(
                fields=["engine", "source", "object_pk"], name="unique_pending_index_operation"
            )
        ]

    def __str__(self):
        return f"{self.engine}: {self.source} {self.object_pk}"
