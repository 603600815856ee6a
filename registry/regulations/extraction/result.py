"""What one extraction produced: page texts, a status, and a reason code for anything not done.

Plain dataclasses with no Django imports. Statuses use the same values as
``registry.regulations.choices.ExtractionStatus``; reasons are codes plus parameters, which the
Django side (``reasons.py``) turns into Indonesian sentences through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The values of ExtractionStatus, repeated here so that this package needs no Django.
DONE = "done"
NEEDS_PASSWORD = "needs_password"
NEEDS_OCR = "needs_ocr"
FAILED = "failed"

# Reason codes (see reasons.py for the sentences).
EMPTY_FILE = "empty_file"
NOT_PDF = "not_pdf"
DAMAGED = "damaged"
ENCRYPTED = "encrypted"
ENCRYPTION_UNSUPPORTED = "encryption_unsupported"
NO_PAGES = "no_pages"
TIMEOUT = "timeout"
OCR_TIMEOUT = "ocr_timeout"
MEMORY = "memory"
CRASHED = "crashed"
OCR_MISSING = "ocr_missing"
OCR_FAILED = "ocr_failed"
NO_TEXT = "no_text"
PAGES_UNREADABLE = "pages_unreadable"


@dataclass
class PageText:
    """The text of one page (numbered from 1) and what the page looked like."""

    number: int
    text: str = ""
    is_scan: bool = False
    is_ocr: bool = False
    image_coverage: float = 0.0
    error: str = ""
    #: Why each of the page's content streams (its contents, a form XObject) that the fast path
    #: left to pdfminer's own parser went there (see ``fastparse``); empty on the usual page.
    fallbacks: tuple[str, ...] = ()
    #: On an OCR'd page: the words with Tesseract's confidence and box (see ``ocrwords``).
    ocr_words: dict | None = None

    @property
    def has_text(self) -> bool:
        """Whether the page carries any visible character."""
        return bool(self.text.strip())


@dataclass
class ExtractionResult:
    """The outcome of extracting one file; ``reason_code`` is empty when all went well."""

    status: str
    reason_code: str = ""
    reason_params: dict = field(default_factory=dict)
    page_count: int | None = None
    pages: list[PageText] = field(default_factory=list)
    seconds: float = 0.0
    text_seconds: float = 0.0
    ocr_seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss_kb: int = 0
    peak_rss_kb_total: int = 0
    workers: int = 0
    #: Whether the text layer was read on the fast path (None when no page was read at all), and
    #: how many content streams it left to pdfminer's own parser.
    fast_path: bool | None = None
    fast_path_fallbacks: int = 0
    #: The OCR settings used (``ocr_image.OcrSettings.as_dict()``); empty when nothing was OCR'd.
    ocr_settings: dict = field(default_factory=dict)

    @property
    def pages_with_text(self) -> int:
        """How many pages ended up with text (from the text layer or from OCR)."""
        return sum(1 for page in self.pages if page.has_text)

    @property
    def pages_scanned(self) -> int:
        """How many pages are images with no text layer."""
        return sum(1 for page in self.pages if page.is_scan)

    @property
    def pages_ocr(self) -> int:
        """How many pages got their text from OCR."""
        return sum(1 for page in self.pages if page.is_ocr)

    def texts(self) -> list[str]:
        """The page texts in page order, for the parser."""
        return [page.text for page in sorted(self.pages, key=lambda page: page.number)]
