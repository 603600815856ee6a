"""Filters for the admin service register ("Daftar Layanan")."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from .models import PerangkatDaerahPage, ServiceCategory, ServicePage


class ServiceFilterSet(WagtailFilterSet):
    """Narrow the register by OPD, category, publication flags and missing legal basis.

    ``has_legal_basis`` reads the ``legal_basis_count`` annotation that the register's queryset
    carries, so it costs no extra join.
    """

    opd = django_filters.ModelChoiceFilter(
        label=_("Perangkat daerah"),
        queryset=PerangkatDaerahPage.objects.order_by("title"),
        empty_label=_("Semua perangkat daerah"),
        widget=forms.Select,
    )
    category = django_filters.ModelMultipleChoiceFilter(
        label=_("Kategori"),
        queryset=ServiceCategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    delivery_published = django_filters.BooleanFilter(
        label=_("6 komponen dipublikasikan"), widget=BooleanRadioSelect
    )
    has_legal_basis = django_filters.BooleanFilter(
        label=_("Memiliki dasar hukum"), method="filter_has_legal_basis", widget=BooleanRadioSelect
    )
    live = django_filters.BooleanFilter(label=_("Terbit"), widget=BooleanRadioSelect)

    class Meta:
        model = ServicePage
        fields = []

    def filter_has_legal_basis(self, queryset, name, value):
        """Keep services with (True) or without (False) at least one legal-basis link."""
        if value is None:
            return queryset
        return queryset.filter(legal_basis_count__gt=0) if value else queryset.filter(legal_basis_count=0)
