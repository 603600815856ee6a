"""Generated demo content for a realistic Kota Balikpapan registry (``manage.py load_demo``).

Everything in this package is invented for demonstration: the local regulations, their PDFs, the
officials' names, the addresses and the service details. National regulations carry their real
numbers and titles, with gazette numbers only where a verified source quotes them.

Modules are split by job: data modules (``opd``, ``taxonomy``, ``national``, ``local_*``,
``services_*``), the PDF generator (``pdf``, ``legal_text``) and the idempotent builder (``loader``).
"""
