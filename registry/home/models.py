"""The home page: search, and browsing by Perangkat Daerah, category and life event."""

from django.db import models
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from registry.visibility import hidden_section_paths, public_pages, public_q


def _with_public_service_counts(queryset, hidden=None):
    """Categories or life events with ``service_count`` (public services only), empty ones left out."""
    live_services = public_q("services__", hidden)
    return queryset.annotate(service_count=Count("services", filter=live_services)).filter(
        service_count__gt=0
    )


class HomePage(RoutablePageMixin, Page):
    """The site root for citizens."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["regulations.RegulationIndexPage", "services.PerangkatDaerahIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")
        verbose_name_plural = _("beranda")

    def get_context(self, request, *args, **kwargs):
        from registry.services.models import (
            LifeEvent,
            PerangkatDaerahIndexPage,
            PerangkatDaerahPage,
            ServiceCategory,
        )

        context = super().get_context(request, *args, **kwargs)
        hidden = hidden_section_paths()
        live_services = public_q("services__", hidden)
        context["categories"] = _with_public_service_counts(ServiceCategory.objects.all(), hidden)
        context["life_events"] = _with_public_service_counts(LifeEvent.objects.all(), hidden)
        context["units"] = (
            public_pages(PerangkatDaerahPage.objects.exclude(kind="kelurahan"), hidden)
            .annotate(service_count=Count("services", filter=live_services))
            .filter(service_count__gt=0)
            .order_by("title")
        )
        context["opd_index"] = public_pages(PerangkatDaerahIndexPage.objects.all(), hidden).first()
        from registry.regulations.models import RegulationIndexPage

        context["regulation_index"] = public_pages(RegulationIndexPage.objects.all(), hidden).first()
        return context

    def _service_listing(self, request, heading, description, services, parent=None):
        return self.render(
            request,
            template="home/service_listing.html",
            context_overrides={
                "listing_heading": heading,
                "listing_description": description,
                "listing_parent": parent,
                "services": public_pages(services).select_related("opd", "category").order_by("title"),
            },
        )

    def _browse_index(self, request, heading, description, groups, route):
        return self.render(
            request,
            template="home/browse_index.html",
            context_overrides={
                "browse_heading": heading,
                "browse_description": description,
                "groups": groups,
                "group_route": route,
            },
        )

    @path("kategori/", name="categories")
    def categories(self, request):
        """Every category that has public services, with how many."""
        from registry.services.models import ServiceCategory

        return self._browse_index(
            request,
            gettext("Layanan menurut kategori"),
            gettext("Pilih bidang layanan untuk melihat semua layanan publik di dalamnya."),
            _with_public_service_counts(ServiceCategory.objects.all()),
            "category",
        )

    @path("peristiwa/", name="life_events")
    def life_events(self, request):
        """Every life event that has public services, with how many."""
        from registry.services.models import LifeEvent

        return self._browse_index(
            request,
            gettext("Layanan menurut peristiwa kehidupan"),
            gettext("Pilih peristiwa yang sedang Anda alami untuk melihat layanan yang Anda perlukan."),
            _with_public_service_counts(LifeEvent.objects.all()),
            "life_event",
        )

    @path("kategori/<slug:slug>/", name="category")
    def category(self, request, slug):
        """Services in one category."""
        from registry.services.models import ServiceCategory, ServicePage

        category = get_object_or_404(ServiceCategory, slug=slug)
        return self._service_listing(
            request,
            category.name,
            category.description,
            ServicePage.objects.filter(category=category),
            parent=(gettext("Kategori"), self.reverse_subpage("categories")),
        )

    @path("peristiwa/<slug:slug>/", name="life_event")
    def life_event(self, request, slug):
        """Services needed at one life event."""
        from registry.services.models import LifeEvent, ServicePage

        event = LifeEvent.objects.filter(slug=slug).first()
        if event is None:
            raise Http404
        return self._service_listing(
            request,
            event.name,
            event.description,
            ServicePage.objects.filter(life_events=event),
            parent=(gettext("Peristiwa kehidupan"), self.reverse_subpage("life_events")),
        )
