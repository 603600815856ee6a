"""Filters for the admin regulation register ("Daftar Peraturan")."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from .choices import Status
from .models import RegulationPage, RegulationType


class RegulationFilterSet(WagtailFilterSet):
    """Narrow the register by jenis, tahun, status, pemrakarsa and publication state.

    An unknown value (a deleted type, a year with no regulations, a typo in the URL) makes the
    filter form invalid: the listing then shows the field's error and stays unfiltered.
    """

    regulation_type = django_filters.ModelMultipleChoiceFilter(
        label=_("Jenis"),
        queryset=RegulationType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    tahun = django_filters.ChoiceFilter(label=_("Tahun"), empty_label=_("Semua tahun"), widget=forms.Select)
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    pemrakarsa = django_filters.ModelChoiceFilter(
        label=_("Pemrakarsa (OPD)"),
        # The OPD model through the field: regulations name services only by string reference.
        queryset=lambda request: RegulationPage._meta.get_field("pemrakarsa").related_model.objects.order_by(
            "title"
        ),
        empty_label=_("Semua perangkat daerah"),
        widget=forms.Select,
    )
    live = django_filters.BooleanFilter(label=_("Terbit"), widget=BooleanRadioSelect)

    class Meta:
        model = RegulationPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the years that occur, newest first (one DISTINCT query per request).
        years = RegulationPage.objects.order_by("-tahun").values_list("tahun", flat=True).distinct()
        self.filters["tahun"].extra["choices"] = [(str(year), str(year)) for year in years]
