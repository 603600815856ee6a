"""``manage.py ingest_pdfs FOLDER [--dry-run] [--report FILE.csv]``: a folder of signed PDFs becomes
stored documents and DRAFT regulation pages for the legal bureau to review (see
:mod:`registry.regulations.importers.pdf_drafts`)."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from registry.regulations.importers.pdf_drafts import IngestReport, PdfIngest
from registry.regulations.importers.writer import ImportFailure

#: Width of the shortened columns of the printed table.
_WIDTHS = {"name": 32, "tentang": 40}


class Command(BaseCommand):
    help = (
        "Masukkan semua berkas PDF dalam sebuah folder (beserta subfoldernya) sebagai dokumen, ekstraksi "
        "dan baca masing-masing, lalu buat DRAF halaman peraturan dari metadata yang terbaca untuk ditinjau "
        "Bagian Hukum. Berkas yang sama (SHA-256) dan peraturan yang sudah ada (jenis, wilayah, nomor, "
        "tahun) dilewati; berkas yang tidak terbaca dilaporkan dengan status dan alasannya."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder holding the PDF files (searched recursively)")
        parser.add_argument(
            "--dry-run", action="store_true", help="extract and read every file, report, and write nothing"
        )
        parser.add_argument("--report", metavar="FILE.csv", help="also write the report as a CSV file")
        parser.add_argument("--no-ocr", action="store_true", help="skip OCR of scanned pages")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(_("Folder tidak ditemukan: %(folder)s") % {"folder": folder})
        paths = sorted(
            (path for path in folder.rglob("*") if path.is_file() and path.suffix.lower() == ".pdf"),
            key=lambda path: path.relative_to(folder).as_posix(),
        )
        if not paths:
            self.stdout.write(_("Tidak ada berkas PDF di %(folder)s.") % {"folder": folder})
            return
        try:
            ingest = PdfIngest(dry_run=options["dry_run"], ocr=not options["no_ocr"])
        except ImportFailure as exc:
            raise CommandError(str(exc)) from exc
        for position, path in enumerate(paths, start=1):
            name = path.relative_to(folder).as_posix()
            self.stdout.write(f"[{position}/{len(paths)}] {name} …", ending=" ")
            self.stdout.flush()
            result = ingest.ingest(position, path, name)
            line = result.status_label
            if result.extraction:
                line += f" ({result.extraction})"
            self.stdout.write(line)
        self.stdout.write("")
        self._table(ingest.report)
        self.stdout.write(ingest.report.summary())
        if options["report"]:
            write_csv(ingest.report, Path(options["report"]))
            self.stdout.write(_("Laporan CSV: %(path)s") % {"path": options["report"]})

    def _table(self, report: IngestReport) -> None:
        headers, rows = table_rows(report)
        shown = [
            [_shorten(cell, _WIDTHS.get(key)) for key, cell in zip(_KEYS, row, strict=True)] for row in rows
        ]
        widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *shown, strict=True)]
        for row in [headers, ["-" * width for width in widths], *shown]:
            cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)]
            self.stdout.write(" | ".join(cells).rstrip())


_KEYS = ("position", "name", "status", "extraction", "jenis", "nomor", "tahun", "tentang", "url", "reason")


def table_rows(report: IngestReport) -> tuple[list[str], list[list]]:
    """The report's header and one row per file, in the order the files were read."""
    headers = [
        "#",
        _("Berkas"),
        _("Status"),
        _("Ekstraksi"),
        _("Jenis"),
        _("Nomor"),
        _("Tahun"),
        _("Tentang"),
        _("URL admin"),
        _("Alasan"),
    ]
    rows = [
        [
            result.position,
            result.name,
            result.status_label,
            result.extraction,
            result.jenis,
            result.nomor,
            result.tahun or "",
            result.tentang,
            result.url,
            result.reason,
        ]
        for result in report.results
    ]
    return headers, rows


def write_csv(report: IngestReport, path: Path) -> None:
    headers, rows = table_rows(report)
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows(rows)


def _shorten(value, width: int | None) -> str:
    text = str(value)
    return text if width is None or len(text) <= width else text[: width - 1] + "…"
