"""Routes of the open-data outputs (included at the site root by ``registry/urls.py``)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import views
from .feeds import RegulationFeed, ServiceFeed
from .sitemaps import PublicPagesSitemap

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"halaman": PublicPagesSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("feed/peraturan/", RegulationFeed(), name="feed_regulations"),
    path("feed/layanan/", ServiceFeed(), name="feed_services"),
    path("data-terbuka/", views.open_data, name="open_data"),
    path("data-terbuka/cpsv-ap.jsonld", views.cpsv_ap, name="open_data_cpsv"),
    path("data-terbuka/<slug:slug>-kamus.csv", views.dictionary, name="open_data_dictionary"),
    path("data-terbuka/<slug:slug>.<str:fmt>", views.download, name="open_data_download"),
]
