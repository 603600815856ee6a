"""The project's URLs with search.urls under /cari/, as the lead wires it (see search/README.md)."""

from django.urls import include, path

from registry.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("cari/", include("search.urls")), *project_urlpatterns]
