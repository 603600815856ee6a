"""``ingest_pdfs``: a folder of signed PDFs → stored documents and DRAFT regulation pages to review.

Per file: the same file (SHA-256) ingested before is skipped; otherwise the file is stored as a
document and extracted in the foreground, the parser reads it (:mod:`.pdf_reading`), and the
JDIHN import's :class:`~.planner.Planner` matches the reading by (jenis, wilayah, nomor, tahun) and
validates the page it would create with the model's own rules. A new regulation becomes a draft
(never published) under the regulation index with the document attached; its Mengingat citations
and relations stay proposals on the review page. A document is always kept, even when no page can
be made from it.

The admin's upload-first entry (``regulations.upload_views``) stores and extracts one upload itself
and then calls :func:`draft_from_document`, the same reading, planning and writing for one document.

A dry run extracts the file in the child processes alone (``extract_pdf``, as ``inspect_pdf``
does), parses and plans exactly as the real run, and writes nothing: no document, no page, no file.
"""

import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import ExtractionStatus
from ..extraction import extract_pdf, sha256_of_path
from ..extraction.pipeline import extract_document, extraction_options
from ..extraction.reasons import reason_text
from ..models import RegulationDocument, RegulationIndexPage, RegulationPage
from ..parser import parse_regulation
from ..signal_handlers import SKIP_EXTRACTION_ATTR
from .pdf_reading import PdfReading, reading_of
from .planner import CREATE, SKIP, TREE_FIELDS, Planned, Planner, identity_key, validation_text
from .writer import ImportFailure, ImportOptions, defaults_for

logger = logging.getLogger(__name__)

CREATED, EXISTS, UPLOADED, UNREADABLE, MANUAL = "created", "exists", "uploaded", "unreadable", "manual"
#: Statuses in the order they are counted, with their labels.
STATUS_LABELS = {
    CREATED: gettext_lazy("dibuat"),
    EXISTS: gettext_lazy("sudah ada"),
    UPLOADED: gettext_lazy("sudah diunggah"),
    UNREADABLE: gettext_lazy("gagal dibaca"),
    MANUAL: gettext_lazy("perlu ditinjau manual"),
}
#: Fields the parser reads but an editor can fill later: dropped (and said so) when they fail validation.
_OPTIONAL = {
    "tempat_penetapan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "tahun_lembaran",
    "nomor_lembaran",
    "nomor_tambahan",
    "jumlah_halaman",
}


@dataclass
class FileResult:
    """What one file did (or, in a dry run, would do)."""

    position: int
    name: str
    status: str = MANUAL
    extraction: str = ""
    jenis: str = ""
    nomor: str = ""
    tahun: int | None = None
    tentang: str = ""
    url: str = ""
    reasons: list[str] = field(default_factory=list)
    page_id: int | None = None
    document_id: int | None = None
    #: The regulation already in the registry with the same identity (status EXISTS).
    existing_id: int | None = None

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def reason(self) -> str:
        return " ".join(
            text if text.endswith((".", "!", "?")) else f"{text}." for text in self.reasons if text
        )

    def fill(self, reading: PdfReading) -> None:
        self.jenis = reading.type_code or reading.kind_read
        self.nomor, self.tahun, self.tentang = reading.nomor, reading.tahun, reading.tentang


@dataclass
class IngestReport:
    dry_run: bool
    results: list[FileResult] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(STATUS_LABELS, 0)
        for result in self.results:
            found[result.status] += 1
        return found

    def summary(self) -> str:
        parts = ", ".join(f"{STATUS_LABELS[status]} {n}" for status, n in self.counts().items())
        text = _("Ringkasan (%(n)s berkas): %(parts)s.") % {"n": len(self.results), "parts": parts}
        if self.dry_run:
            text += " " + _("Uji coba (--dry-run): tidak ada yang ditulis.")
        return text


def admin_edit_url(page_id: int) -> str:
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[page_id])


class _Extraction:
    """A file's extraction outcome, whichever way it was extracted."""

    def __init__(self, status: str, reason: str, texts: list[str], page_count: int):
        self.status, self.reason, self.texts, self.page_count = status, reason, texts, page_count

    @property
    def label(self) -> str:
        text = str(ExtractionStatus(self.status).label)
        return text[:1].lower() + text[1:]  # "selesai", "perlu OCR"


class PdfIngest:
    """Ingests files one by one; remembers what earlier files of the run did (the dry run too)."""

    def __init__(self, *, dry_run: bool = False, user=None, ocr: bool = True, index=None):
        index = index or RegulationIndexPage.objects.first()
        if index is None:
            raise ImportFailure(
                _("Indeks peraturan belum ada di situs; jalankan penyiapan registri sebelum mengunggah.")
            )
        self.dry_run, self.user = dry_run, user
        self.options = extraction_options(ocr=ocr)
        self.planner = Planner(index, draft=True, user=user)
        self.defaults = defaults_for(ImportOptions())
        self.files = dict(
            RegulationDocument.objects.exclude(extracted_sha256="").values_list("extracted_sha256", "pk")
        )
        self.report = IngestReport(dry_run=dry_run)

    def ingest(self, position: int, path: Path, name: str) -> FileResult:
        result = FileResult(position, name)
        try:
            self._ingest(result, path)
        except Exception as exc:  # noqa: BLE001 - one file must never stop the folder
            logger.exception("Ingesting %s failed", path)
            result.status = MANUAL if result.extraction else UNREADABLE
            result.reasons.append(_("Kesalahan tak terduga: %(error)s") % {"error": exc})
        self.report.results.append(result)
        return result

    # --- one file ---------------------------------------------------------------------------------

    def _ingest(self, result: FileResult, path: Path) -> None:
        sha256 = sha256_of_path(str(path))
        known = self.files.get(sha256)
        if known is not None:
            result.status = UPLOADED
            result.document_id = known if known > 0 else None
            result.reasons.append(self._uploaded_reason(known, result))
            return
        self.files[sha256] = -result.position
        document, extraction = self._extract(path)
        if document is not None:
            self.files[sha256] = result.document_id = document.pk
        self.draft(result, document, extraction)

    def draft(self, result: FileResult, document, extraction: _Extraction, type_code: str = "") -> None:
        """Read an extracted file and make its draft; ``type_code`` is the jenis the editor chose."""
        result.extraction = extraction.label
        if extraction.status != ExtractionStatus.DONE:
            result.status = UNREADABLE
            result.reasons.append(extraction.reason or extraction.label)
            self._kept(result)
            return
        parsed = parse_regulation(extraction.texts, file_name=result.name)
        if type_code:
            parsed.head.kind = type_code  # the editor's jenis wins over the one read
        reading = reading_of(
            parsed,
            extraction.page_count,
            self.defaults.wilayah,
            self.defaults.province,
            str(self.defaults.missing_subject),
        )
        result.fill(reading)
        if not reading.complete:
            result.status = MANUAL
            missing = [part for part in reading.missing if not (part == "jenis" and reading.kind_read)]
            if len(missing) < len(reading.missing):
                result.reasons.append(
                    _("Jenis dokumen yang terbaca (%(kind)s) bukan jenis peraturan di registri.")
                    % {"kind": reading.kind_read}
                )
            if missing:
                result.reasons.append(
                    _("Parser tidak menemukan %(parts)s pada teks dokumen.") % {"parts": ", ".join(missing)}
                )
            self._kept(result)
            return
        self._plan_and_write(result, reading, document)

    def _extract(self, path: Path) -> tuple[RegulationDocument | None, _Extraction]:
        if self.dry_run:
            outcome = extract_pdf(str(path), self.options)
            texts = [page.text.replace("\x00", "") for page in outcome.pages]
            reason = reason_text(outcome.reason_code, outcome.reason_params)
            return None, _Extraction(outcome.status, reason, texts, outcome.page_count)
        document = store_document(path)
        extract_document(document, options=self.options)
        texts = list(document.pages.order_by("number").values_list("text", flat=True))
        extraction = _Extraction(
            document.extraction_status, document.extraction_reason, texts, document.page_count or 0
        )
        return document, extraction

    def _plan_and_write(self, result: FileResult, reading: PdfReading, document) -> None:
        key = identity_key(reading.type_code, reading.wilayah, reading.nomor, reading.tahun)
        existing = self.planner.known.get(key)
        if existing is not None:
            self._exists(result, existing)
            return
        record = reading.record(result.position, result.name)
        rtype = self.planner.types.get(reading.type_code)
        if rtype is not None and rtype.default_teu:
            record.values.setdefault("teu_badan", rtype.default_teu)
        item = self.planner.plan([record])[0]
        if item.action == CREATE and item.error:
            dropped = _drop_invalid(item)
            if dropped:
                item = self.planner.plan([record])[0]
                result.reasons.append(
                    _("Tidak diisi karena tidak lolos pemeriksaan: %(errors)s") % {"errors": dropped}
                )
        if item.action == SKIP or item.error:
            result.status = MANUAL
            result.reasons.insert(0, item.skip_reason or item.error)
            self._kept(result)
            return
        if not self.dry_run:
            try:
                with transaction.atomic():
                    self._write(item, document)
            except (ValidationError, IntegrityError) as exc:
                self.planner.reload_index()
                result.status = MANUAL
                text = validation_text(exc) if isinstance(exc, ValidationError) else str(exc)
                result.reasons.insert(0, text)
                self._kept(result)
                return
            result.page_id = item.page.pk
            result.url = admin_edit_url(item.page.pk)
        self.planner.commit([item])
        result.status = CREATED
        result.reasons.append(
            _("Draf; usulan untuk ditinjau: %(c)s kutipan Mengingat, %(r)s hubungan.")
            % {"c": reading.citations, "r": reading.relations}
        )

    def _write(self, item: Planned, document: RegulationDocument) -> None:
        """Insert the planned page as a draft with the document attached (validated while planning)."""
        page = item.page
        page.live = False
        page.document = document
        # The uploader owns the draft, as with Wagtail's "add" view: an OPD editor (who may only add
        # under the index) keeps editing it and submits it for review.
        page.owner = page.owner or self.user
        self.planner.index.add_child(instance=page)
        page.save_revision(user=self.user, log_action=True, clean=False)
        # The document is named after its regulation (a plain update: the file does not change).
        RegulationDocument.objects.filter(pk=document.pk).update(title=page.title[:255])

    # --- report texts -----------------------------------------------------------------------------

    def _exists(self, result: FileResult, page_id: int) -> None:
        result.status = EXISTS
        result.existing_id = page_id if page_id > 0 else None
        if page_id < 0:
            result.reasons.append(
                _("Peraturan yang sama dibaca dari berkas [%(n)s] dalam folder ini.") % {"n": -page_id}
            )
        else:
            page = RegulationPage.objects.filter(pk=page_id).first()
            result.url = admin_edit_url(page_id)
            if page is not None:
                shown = page.url if page.live else None
                where = f" ({shown})" if shown else ""
                result.reasons.append(
                    _("Sudah ada di registri: %(title)s%(where)s.") % {"title": page.title, "where": where}
                )
        self._kept(result)

    def _uploaded_reason(self, known: int, result: FileResult) -> str:
        if known < 0:
            return _("Berkas yang sama dengan berkas [%(n)s] dalam folder ini.") % {"n": -known}
        page = RegulationPage.objects.filter(document_id=known).order_by("pk").first()
        if page is not None:
            result.page_id, result.url = page.pk, admin_edit_url(page.pk)
            result.fill(
                PdfReading(
                    type_code=page.regulation_type.code,
                    nomor=page.nomor,
                    tahun=page.tahun,
                    tentang=page.tentang,
                )
            )
            return _("Berkas yang sama sudah diunggah (dokumen #%(d)s, %(title)s).") % {
                "d": known,
                "title": page.title,
            }
        return _("Berkas yang sama sudah diunggah (dokumen #%(d)s).") % {"d": known}

    def _kept(self, result: FileResult) -> None:
        if result.document_id and not self.dry_run:
            result.reasons.append(
                _("Dokumen #%(d)s disimpan tanpa halaman peraturan baru.") % {"d": result.document_id}
            )


def _drop_invalid(item: Planned) -> str:
    """Drop the optional values that fail validation; return the errors, or "" when none is optional."""
    try:
        item.page.full_clean(exclude=TREE_FIELDS)
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            return ""
        names = [name for name in exc.message_dict if name in _OPTIONAL and name in item.record.values]
        for name in names:
            item.record.values.pop(name)
        return (
            validation_text(ValidationError({name: exc.message_dict[name] for name in names}))
            if names
            else ""
        )
    return ""


def draft_from_document(document: RegulationDocument, *, index, user=None, type_code: str = "") -> FileResult:
    """Make a DRAFT regulation under ``index`` from one stored, extracted ``document`` (its status says
    whether it was made, already exists, or why not); the document is kept whatever happens."""
    ingest = PdfIngest(user=user, index=index)
    result = FileResult(1, document.title, document_id=document.pk)
    texts = list(document.pages.order_by("number").values_list("text", flat=True))
    extraction = _Extraction(
        document.extraction_status, document.extraction_reason, texts, document.page_count or 0
    )
    try:
        ingest.draft(result, document, extraction, type_code)
    except Exception as exc:  # noqa: BLE001 - the upload is kept; the editor reads why
        logger.exception("Drafting a regulation from document %s failed", document.pk)
        result.status = MANUAL
        result.reasons.append(_("Kesalahan tak terduga: %(error)s") % {"error": exc})
    return result


def store_document(path: Path) -> RegulationDocument:
    """Store a copy of ``path`` as a new document without queueing a background extraction."""
    document = RegulationDocument(title=path.stem.replace("_", " ")[:255])
    setattr(document, SKIP_EXTRACTION_ATTR, True)
    with path.open("rb") as source:
        document.file.save(path.name, File(source), save=False)
    document._set_document_file_metadata()
    document.save()
    return document
