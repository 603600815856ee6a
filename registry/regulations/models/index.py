"""The regulation registry's index page: browsing by jenis and tahun, and readable regulation URLs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from ..views import browse_regulations, serve_regulation
from .pages import RegulationPage
from .types import RegulationType


class RegulationIndexPage(RoutablePageMixin, Page):
    """The regulation registry: browsing by jenis and tahun, and readable URLs for each regulation."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["regulations.RegulationPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks peraturan")
        verbose_name_plural = _("indeks peraturan")

    @path("")
    def browse(self, request):
        """All regulations, filtered by the query string (jenis, tahun, status)."""
        return browse_regulations(request, self, *self._querysets())

    @path("<slug:jenis>/")
    def browse_jenis(self, request, jenis):
        """Regulations of one type."""
        return browse_regulations(request, self, *self._querysets(), jenis=jenis)

    @path("<slug:jenis>/<int:tahun>/")
    def browse_jenis_tahun(self, request, jenis, tahun):
        """Regulations of one type and year."""
        return browse_regulations(request, self, *self._querysets(), jenis=jenis, tahun=tahun)

    @path("<slug:jenis>/<int:tahun>/<slug:nomor>/")
    def regulation(self, request, jenis, tahun, nomor):
        """Serve a regulation at its readable URL, e.g. /peraturan/perwal/2023/12/."""
        return serve_regulation(request, RegulationPage.objects.child_of(self), jenis, tahun, nomor)

    def _querysets(self):
        """The regulations below this index and the regulation types, for the browsing views."""
        return RegulationPage.objects.child_of(self), RegulationType.objects.all()
