"""Bringing existing regulations in: from a JDIHN feed (domain §1.5) and from a folder of signed PDFs.

Pure modules (no Django): ``messages`` (notes as message ids and parameters), ``text`` (empty
markers, dates, regions), ``kinds`` (regulation types in every spelling, from
``registry.reference.regulations``), ``titles`` (identity and "Perubahan atas …" from a title),
``gazette`` (the Sumber line), ``mapping`` (one feed record → one regulation) and ``duplicates``
(records naming the same regulation merged).

Django modules: ``source`` (read a file or an http(s) URL with a timeout and a size cap),
``planner`` (match, validate and decide per batch), ``writer`` (the batches, their transactions,
the log and the proposals), ``files`` (``--with-files``) and ``report`` (what is printed and shown).

Signed PDFs (``manage.py ingest_pdfs``): ``pdf_reading`` (pure: the parser's reading → draft values)
and ``pdf_drafts`` (store, extract, plan with the same planner, create drafts, report).
"""
