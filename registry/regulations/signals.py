"""Signals the regulations app sends, for apps that derive data from regulations."""

from django.dispatch import Signal

#: Sent after derived statuses changed; ``page_ids`` lists the regulations concerned.
statuses_changed = Signal()

#: Sent after a document's extraction finished (whatever its outcome); ``instance`` is the document and
#: ``run`` its ExtractionRun. Page texts and the article tree are stored by then.
document_extracted = Signal()

#: Sent while an extraction runs, after a batch of page texts was stored (the text layer before OCR,
#: then OCR'd pages as they finish); ``instance`` is the document, ``numbers`` the pages stored.
document_pages_stored = Signal()

#: Sent after stored citations, delegations or amended Pasal changed (an extraction, a publication);
#: ``page_ids`` lists the regulations whose delegations or amended Pasal are concerned.
references_changed = Signal()
