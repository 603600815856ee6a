"""``/sitemap.xml``: every public page of the request's site, and nothing else.

Wagtail's own ``Sitemap`` lists ``live().public()`` pages, which misses two of the project's rules:
a live page below an unpublished one is not public, and neither is anything below a restricted page
(``public()`` checks restrictions, not unpublished ancestors). This one lists
``registry.visibility.public_pages`` of the site's tree. A regulation's ``<loc>`` is its readable URL
(``/peraturan/<jenis>/<tahun>/<nomor>/``, from ``RegulationPage.get_url_parts``), the canonical one;
``<lastmod>`` is the page's last publication.
"""

from wagtail.contrib.sitemaps import Sitemap

from registry.visibility import public_pages


class PublicPagesSitemap(Sitemap):
    """The site's public pages, in tree order."""

    def items(self):
        root = self.get_wagtail_site().root_page
        return (
            public_pages(root.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
