"""``manage.py inspect_pdf FILE``: show what the extraction pipeline reads from a PDF, saving nothing."""

import json
import os

from django.core.management.base import BaseCommand, CommandError

from registry.regulations.extraction import extract_pdf, sha256_of_path
from registry.regulations.extraction.pipeline import extraction_options
from registry.regulations.extraction.reasons import reason_text


class Command(BaseCommand):
    help = (
        "Ekstraksi satu berkas PDF seperti pipeline (proses anak, batas waktu dan memori, OCR) dan "
        "cetak satu objek JSON: status, jumlah halaman dan, bila parser tersedia, kolom LABELS.md. "
        "Tidak menyimpan apa pun."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to a PDF file")
        parser.add_argument("--no-ocr", action="store_true", help="skip OCR of scanned pages")
        parser.add_argument("--text", action="store_true", help="include the text of every page")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            sha256 = sha256_of_path(path)
        except OSError as exc:
            raise CommandError(f"Berkas tidak dapat dibaca: {exc}") from exc
        settings_options = extraction_options(**({"ocr": False} if options["no_ocr"] else {}))
        outcome = extract_pdf(path, settings_options)
        report = {
            "file": path,
            "sha256": sha256,
            "status": outcome.status,
            "reason": reason_text(outcome.reason_code, outcome.reason_params),
            "page_count": outcome.page_count,
            "pages_with_text": outcome.pages_with_text,
            "pages_scanned": outcome.pages_scanned,
            "pages_ocr": outcome.pages_ocr,
            "seconds": round(outcome.seconds, 3),
            "text_seconds": round(outcome.text_seconds, 3),
            "ocr_seconds": round(outcome.ocr_seconds, 3),
            "ocr_settings": outcome.ocr_settings,
            "peak_rss_mb": round(outcome.peak_rss_kb / 1024, 1),
            "labels": _labels(outcome.texts(), os.path.basename(path)) if outcome.pages_with_text else None,
        }
        if options["text"]:
            report["pages"] = [
                {"number": page.number, "is_scan": page.is_scan, "is_ocr": page.is_ocr, "text": page.text}
                for page in outcome.pages
            ]
        self.stdout.write(json.dumps(report, ensure_ascii=False, default=str))


def _labels(pages: list[str], file_name: str | None = None) -> dict | None:
    """The parser's reading in the LABELS.md vocabulary, or None while the parser is not installed."""
    try:
        from registry.regulations.parser import parse_regulation, to_labels
    except ImportError:
        return None
    return to_labels(parse_regulation(pages, file_name=file_name))
