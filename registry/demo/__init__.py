"""Generated demo content for a realistic Kota Balikpapan registry (``manage.py load_demo``).

Everything in this package is invented for demonstration: the local regulations, their PDFs, the
officials' names, the addresses and the service details. National regulations carry their real
numbers and titles, with gazette numbers only where a verified source quotes them.

The records are data (``data/*.toml``, ``data/*.csv``, each file's header says what its fields
mean); the code reads and checks them (``schema``, ``opd``, ``taxonomy``, ``regulation_data``,
``service_data``, ``catalogue``), words and typesets the regulations (``legal_text``, ``pdf``) and
builds the pages idempotently (``builders``, ``service_fields``, ``loader``).
"""
