"""Test URLconf: the project's URLs plus the transparency page (which the lead wires in registry/urls.py)."""

from django.urls import path

from registry import urls as project_urls
from registry.coverage import views

urlpatterns = [
    path("transparansi/", views.transparency, name="coverage_transparency"),
    path("transparansi/<slug:slug>/", views.transparency_opd, name="coverage_transparency_opd"),
    *project_urls.urlpatterns,
]
