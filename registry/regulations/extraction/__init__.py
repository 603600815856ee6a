"""Turn a stored PDF into page texts, safely: the extraction pipeline.

The modules directly in this package import nothing from Django and can run anywhere (the
``bench/extract`` script uses them alone):

* ``sniff`` — is it a PDF at all (by content), and its SHA-256;
* ``textlayer`` — pdfminer.six page by page, choosing the light or the layout path;
* ``fastparse`` — a faster reader of content streams for pdfminer's interpreter (same tokens);
* ``lines`` — the light path's device: glyph boxes straight to visual lines, no layout objects;
* ``ocr`` — Tesseract and pdftoppm for scanned pages;
* ``ocr_image`` — the OCR settings and the page image's clean-up;
* ``worker``, ``children`` and ``runner`` — child processes with a deadline and a memory cap.

``pipeline`` and ``reasons`` are the Django side: they store the result on a ``RegulationDocument``
and turn reason codes into Indonesian sentences. Import them by their module path.
"""

from .result import ExtractionResult, PageText
from .runner import ExtractionOptions, extract_pdf
from .sniff import Sniffed, sha256_of, sha256_of_path, sniff_bytes, sniff_file

__all__ = [
    "ExtractionOptions",
    "ExtractionResult",
    "PageText",
    "Sniffed",
    "extract_pdf",
    "sha256_of",
    "sha256_of_path",
    "sniff_bytes",
    "sniff_file",
]
