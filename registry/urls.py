"""URL configuration."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from registry.coverage import views as coverage_views
from registry.regulations.jdihn import jdihn_feed

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("cari/", include("search.urls")),
    path("api/jdihn/", jdihn_feed, name="jdihn_feed"),
    path("transparansi/", coverage_views.transparency, name="coverage_transparency"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
