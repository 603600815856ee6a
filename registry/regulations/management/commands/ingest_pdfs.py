"""``manage.py ingest_pdfs FOLDER [--force]``: add a folder of PDFs as documents and extract each."""

import collections
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from registry.regulations.choices import ExtractionStatus
from registry.regulations.extraction import sha256_of_path
from registry.regulations.extraction.pipeline import extract_document
from registry.regulations.models import RegulationDocument
from registry.regulations.signal_handlers import SKIP_EXTRACTION_ATTR


class Command(BaseCommand):
    help = (
        "Masukkan semua berkas PDF dalam sebuah folder sebagai dokumen (berkas yang isinya sama, menurut "
        "SHA-256, tidak dimasukkan dua kali), lalu ekstraksi masing-masing dan tampilkan ringkasannya."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder holding the PDF files")
        parser.add_argument(
            "--force", action="store_true", help="extract again documents whose file was extracted before"
        )
        parser.add_argument("--recursive", action="store_true", help="also look in subfolders")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"Folder tidak ditemukan: {folder}")
        pattern = "**/*" if options["recursive"] else "*"
        paths = sorted(
            path for path in folder.glob(pattern) if path.is_file() and path.suffix.lower() == ".pdf"
        )
        if not paths:
            self.stdout.write(f"Tidak ada berkas PDF di {folder}.")
            return
        known = dict(
            RegulationDocument.objects.exclude(extracted_sha256="").values_list("extracted_sha256", "pk")
        )
        statuses = collections.Counter()
        for index, path in enumerate(paths, start=1):
            prefix = f"[{index}/{len(paths)}] {path.name} …"
            sha256 = sha256_of_path(str(path))
            document_id = known.get(sha256)
            if document_id is not None and not options["force"]:
                statuses["sudah ada"] += 1
                self.stdout.write(f"{prefix} sudah ada (dokumen #{document_id}), dilewati")
                continue
            if document_id is not None:
                document = RegulationDocument.objects.get(pk=document_id)
            else:
                document = self._create(path)
            run = extract_document(document, force=options["force"])
            known[sha256] = document.pk
            label = ExtractionStatus(document.extraction_status).label.lower()
            statuses[label] += 1
            seconds = run.seconds if run is not None else 0.0
            line = f"{prefix} {label} ({document.page_count or 0} hlm, {seconds:.1f} s)"
            if document.extraction_reason:
                line += f": {document.extraction_reason}"
            self.stdout.write(line)
        summary = ", ".join(f"{label} {count}" for label, count in statuses.most_common())
        self.stdout.write(f"Ringkasan ({len(paths)} berkas): {summary}")

    def _create(self, path: Path) -> RegulationDocument:
        """Store a copy of ``path`` as a new document without queueing a background extraction."""
        document = RegulationDocument(title=path.stem.replace("_", " ")[:255])
        setattr(document, SKIP_EXTRACTION_ATTR, True)
        with path.open("rb") as source:
            document.file.save(path.name, File(source), save=False)
        document._set_document_file_metadata()
        document.save()
        return document
