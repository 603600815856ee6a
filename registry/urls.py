"""URL configuration."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from registry.api.api import api as public_api
from registry.coverage import views as coverage_views
from registry.ops.health import healthz
from registry.regulations.jdihn import jdihn_feed

# A "database is locked" raised outside a view still ends in the 503 that says nothing was saved.
handler500 = "registry.security.database.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("cari/", include("search.urls")),
    path("api/jdihn/", jdihn_feed, name="jdihn_feed"),
    path("api/v1/", public_api.urls),
    path("transparansi/", coverage_views.transparency, name="coverage_transparency"),
    path("transparansi/<slug:slug>/", coverage_views.transparency_opd, name="coverage_transparency_opd"),
    # sitemap.xml, robots.txt, the Atom feeds and /data-terbuka/ (registry/opendata).
    path("", include("registry.opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.http import Http404
    from django.urls import re_path

    def _documents_are_private(request, path):
        # Documents are served only by /dokumen/, which checks the pages that attach them.
        raise Http404

    urlpatterns += staticfiles_urlpatterns()
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [re_path(rf"^{media_prefix}/documents/(?P<path>.*)$", _documents_are_private)]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
