"""Open data: what machines read about the registry.

- ``jsonld`` and ``meta``: schema.org JSON-LD, the meta description and the canonical link of every
  public page (rendered by ``templatetags/opendata_tags.py`` from the page templates' head blocks);
- ``cpsv``: the service catalogue in the EU Core Public Service Vocabulary (CPSV-AP 3);
- ``sitemaps``, ``feeds`` and ``views.robots_txt``: ``/sitemap.xml``, the Atom feeds and
  ``/robots.txt``;
- ``datasets``, ``writers`` and ``views``: the "Data terbuka" page and its CSV, XLSX and JSON
  downloads, each with its data dictionary.

Everything here shows public pages only, by the project's one rule (``registry.visibility``). An app
without models that nothing else imports.
"""
