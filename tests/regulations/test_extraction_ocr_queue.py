"""OCR off the critical path: settings, image clean-up, the page queue, pages stored as they finish."""

import io
import multiprocessing
from pathlib import Path

import pytest
from django.test import override_settings
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from wagtail.models import PageLogEntry

from registry.history.actions import EXTRACTION_RUN
from registry.regulations.choices import ExtractionStatus
from registry.regulations.extraction import ocr_image, worker
from registry.regulations.extraction.ocr import OcrError
from registry.regulations.extraction.ocr_image import OcrSettings, prepare_image
from registry.regulations.extraction.runner import ExtractionOptions, extract_pdf
from registry.regulations.models import DocumentPage, ExtractionRun
from registry.regulations.proposals import build_proposals
from registry.regulations.signals import document_extracted, document_pages_stored
from search.models import IndexEntry
from tests import factories
from tests.regulations.test_extraction_pipeline import make_document

TITLE_PAGE = ["PERATURAN WALI KOTA BALIKPAPAN", "NOMOR 12 TAHUN 2023", "TENTANG", "RETRIBUSI PASAR"]
LATER_PAGES = [["Pasal 2", "Retribusi dipungut tiap bulan."], ["Pasal 3", "Berlaku sejak diundangkan."]]


def scanned_pages_pdf(path: Path, pages: list[list[str]], dpi: int = 150) -> Path:
    """Image-only pages, each with its lines drawn by Pillow at ``dpi`` and placed as a full-page image."""
    from PIL import ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        width, height = int(A4[0] / 72 * dpi), int(A4[1] / 72 * dpi)
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=dpi * 56 // 300)
        for index, line in enumerate(lines):
            draw.text((dpi * 250 // 300, dpi * (300 + 110 * index) // 300), line, fill=0, font=font)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        pdf.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return path


def _ocr_missing() -> str:
    """Why real OCR cannot run here ("" when it can)."""
    from registry.regulations.extraction.ocr import missing_ocr_tool

    missing = missing_ocr_tool("ind")
    if not missing:
        return ""
    return f"OCR tidak lengkap ({missing}): apt-get install tesseract-ocr tesseract-ocr-ind poppler-utils"


def test_settings_give_tesseract_options_in_one_call_shape():
    """psm and -c variables follow ``-l LANG --dpi N``, one tesseract call per image."""
    settings = OcrSettings(language="ind", dpi=400, psm=4, config=("preserve_interword_spaces=1",))
    assert settings.tesseract_options() == [
        "-l",
        "ind",
        "--dpi",
        "400",
        "--psm",
        "4",
        "-c",
        "preserve_interword_spaces=1",
    ]
    assert OcrSettings().tesseract_options() == ["-l", "ind", "--dpi", "300"]


def test_missing_unpaper_is_dropped_from_the_recorded_settings(monkeypatch):
    """Without unpaper installed the clean-up degrades to the steps that can run, and says so."""
    monkeypatch.setattr(ocr_image.shutil, "which", lambda name: None)
    usable = OcrSettings(cleanup=("unpaper", "autocontrast", "bogus")).usable()
    assert usable.cleanup == ("autocontrast",)
    assert usable.as_dict()["cleanup"] == ["autocontrast"]
    monkeypatch.setattr(ocr_image.shutil, "which", lambda name: "/usr/bin/unpaper")
    assert OcrSettings(cleanup=("median", "unpaper")).usable().cleanup == ("unpaper", "median")


def test_pillow_clean_up_stretches_contrast_and_removes_speckle(tmp_path):
    """autocontrast spreads a grey page to black and white; the median filter removes lone specks."""
    image = Image.new("L", (60, 60), 170)
    for x in range(10, 50):
        image.putpixel((x, 30), 90)
        image.putpixel((x, 31), 90)
        image.putpixel((x, 32), 90)
    image.putpixel((5, 5), 90)
    source = tmp_path / "page.png"
    image.save(source)
    assert prepare_image(str(source), OcrSettings(), str(tmp_path), 10) == str(source)
    cleaned = prepare_image(str(source), OcrSettings(cleanup=("autocontrast", "median")), str(tmp_path), 10)
    with Image.open(cleaned) as result:
        assert result.getextrema() == (0, 255)
        assert result.getpixel((5, 5)) == 255
        assert result.getpixel((30, 31)) == 0


def test_unpaper_deskews_a_tilted_page(tmp_path):
    """The unpaper step straightens a page whose text lines are tilted by a few degrees."""
    if not ocr_image.step_available("unpaper"):
        pytest.skip("unpaper tidak terpasang (apt-get install unpaper)")
    from PIL import ImageDraw

    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    for row in range(12):
        draw.rectangle((150, 200 + row * 100, 1050, 230 + row * 100), fill=0)
    tilted = image.rotate(4, expand=False, fillcolor=255)
    source = tmp_path / "page.pgm"
    tilted.save(source)
    cleaned = prepare_image(str(source), OcrSettings(cleanup=("unpaper",)), str(tmp_path), 60)
    assert cleaned != str(source)

    def tilt(picture) -> int:
        """Vertical spread of the first bar's dark pixels between its left and right ends."""
        grey = picture.convert("L")
        left = [y for y in range(grey.height) if grey.getpixel((300, y)) < 128]
        right = [y for y in range(grey.height) if grey.getpixel((900, y)) < 128]
        return abs(left[0] - right[0])

    with Image.open(cleaned) as result:
        assert tilt(tilted) > 30 and tilt(result) < 10


class _Pipe:
    def __init__(self):
        self.messages = []

    def send(self, message):
        self.messages.append(message)

    def close(self):
        pass


def test_queue_worker_takes_pages_in_order_and_a_timeout_loses_only_that_page(monkeypatch):
    """Pages are taken from the shared counter in order; a page that times out is reported, the rest read."""
    started = []

    def fake_ocr_page(path, number, language, dpi, timeout, settings, words=None):
        started.append(number)
        if number == 2:
            raise OcrError("tesseract: melebihi 1 detik")
        return f"teks halaman {number}"

    monkeypatch.setattr(worker, "ocr_page", fake_ocr_page)
    monkeypatch.setattr(worker, "_start", lambda memory_bytes: None)
    counter = multiprocessing.Value("i", 1)  # another child already took the first page
    pipe = _Pipe()
    worker.ocr_queue_worker(pipe, "scan.pdf", [1, 2, 3, 4], counter, OcrSettings(), 1, None)
    assert started == [2, 3, 4]
    kinds = [(message[0], getattr(message[1], "number", message[1])) for message in pipe.messages[:-1]]
    assert kinds == [("ocr_error", 2), ("page", 3), ("page", 4)]
    assert pipe.messages[1][1].text == "teks halaman 3" and pipe.messages[1][1].is_ocr
    assert pipe.messages[-1][0] == "done" and pipe.messages[-1][2] is True
    assert counter.value == 5


def test_runner_delivers_the_title_page_first_then_each_page(tmp_path):
    """One worker: the text layer first, then pages 1, 2, 3 as each finishes; the settings are recorded."""
    missing = _ocr_missing()
    if missing:
        pytest.skip(missing)
    path = scanned_pages_pdf(tmp_path / "scan.pdf", [TITLE_PAGE, *LATER_PAGES])
    calls = []
    options = ExtractionOptions(workers=1, ocr_dpi=150, on_pages=calls.append, progress_seconds=0.1)
    outcome = extract_pdf(str(path), options)
    assert outcome.status == "done", outcome.reason_code
    assert [page.number for page in calls[0]] == [1, 2, 3]
    assert not any(page.is_ocr for page in calls[0])
    delivered = [page.number for batch in calls[1:] for page in batch]
    assert delivered == [1, 2, 3]
    assert "NOMOR 12 TAHUN 2023" in calls[1][0].text
    assert outcome.ocr_settings == {
        "language": "ind",
        "dpi": 150,
        "psm": None,
        "cleanup": [],
        "config": [],
        "image_format": "pgm",
    }


def test_earlier_path_delivers_nothing_before_the_end(tmp_path):
    """The round-robin path (the benchmark's baseline) still reads every page, all at the end."""
    missing = _ocr_missing()
    if missing:
        pytest.skip(missing)
    path = scanned_pages_pdf(tmp_path / "scan.pdf", [TITLE_PAGE, LATER_PAGES[0]])
    calls = []
    options = ExtractionOptions(workers=2, ocr_dpi=150, ocr_queue=False, on_pages=calls.append)
    outcome = extract_pdf(str(path), options)
    assert outcome.status == "done" and outcome.pages_ocr == 2
    assert calls == []


@pytest.mark.django_db
def test_proposal_and_search_see_the_title_page_before_the_last_page(tmp_path):
    """While the run is still going, page 1's OCR text is stored, proposed and indexed; page 3 is not yet."""
    missing = _ocr_missing()
    if missing:
        pytest.skip(missing)
    content = scanned_pages_pdf(tmp_path / "scan.pdf", [TITLE_PAGE, *LATER_PAGES]).read_bytes()
    document = make_document(content, name="scan.pdf")
    regulation = factories.regulation("PERWAL", nomor="", tahun=2020, document=document)
    snapshots = []
    settings_sent = []

    def snapshot(sender, instance, numbers, **kwargs):
        texts = dict(DocumentPage.objects.filter(document=instance).values_list("number", "text"))
        run_status = ExtractionRun.objects.filter(document=instance).latest("pk").status
        proposed = {f.name: f.proposed for f in build_proposals(regulation).fields}
        bodies = list(
            IndexEntry.objects.filter(owner=f"regulation:{regulation.pk}").values_list("body", flat=True)
        )
        snapshots.append((list(numbers), texts, run_status, proposed, bodies))

    def finished(sender, instance, run, ocr_settings=None, **kwargs):
        settings_sent.append(ocr_settings)

    document_pages_stored.connect(snapshot, dispatch_uid="test-snapshot")
    document_extracted.connect(finished, dispatch_uid="test-finished")
    try:
        with override_settings(
            REGISTRY_EXTRACTION_WORKERS=1,
            REGISTRY_OCR_DPI=150,
            REGISTRY_OCR_PSM=3,
            REGISTRY_EXTRACTION_HEARTBEAT_SECONDS=60,
        ):
            from registry.regulations.extraction.pipeline import extract_document

            run = extract_document(document, force=True)
    finally:
        document_pages_stored.disconnect(dispatch_uid="test-snapshot")
        document_extracted.disconnect(dispatch_uid="test-finished")
    assert run.status == ExtractionStatus.DONE, run.reason
    # First the text layer (three empty scans), then page 1 alone, stored at once.
    assert snapshots[0][0] == [1, 2, 3] and not snapshots[0][1][1].strip()
    numbers, texts, status, proposed, bodies = snapshots[1]
    assert numbers == [1] and status == ExtractionStatus.RUNNING
    assert "NOMOR 12 TAHUN 2023" in texts[1] and not texts[3].strip()
    assert proposed["nomor"] == "12" and proposed["tahun"] == 2023
    assert any("NOMOR 12 TAHUN 2023" in body for body in bodies)
    recorded = {"language": "ind", "dpi": 150, "psm": 3, "cleanup": [], "config": [], "image_format": "pgm"}
    assert settings_sent == [recorded]
    run.refresh_from_db()
    assert run.ocr_settings == recorded
    assert run.ocr_settings_display() == "OCR: 150 dpi, psm 3, tanpa pembersihan, tanpa opsi tambahan"
    entry = PageLogEntry.objects.get(page=regulation, action=EXTRACTION_RUN)
    assert entry.data["ocr_settings"] == recorded
    assert entry.message.endswith(" · OCR: 150 dpi, psm 3, tanpa pembersihan, tanpa opsi tambahan")


def test_inspect_pdf_reports_the_ocr_settings(tmp_path):
    """An editor's dry run (inspect_pdf) says with which settings the scanned pages were read."""
    missing = _ocr_missing()
    if missing:
        pytest.skip(missing)
    import json

    from django.core.management import call_command

    path = scanned_pages_pdf(tmp_path / "scan.pdf", [TITLE_PAGE])
    out = io.StringIO()
    with override_settings(REGISTRY_OCR_DPI=150, REGISTRY_OCR_CONFIG=("preserve_interword_spaces=1",)):
        call_command("inspect_pdf", str(path), stdout=out)
    report = json.loads(out.getvalue())
    assert report["pages_ocr"] == 1
    assert report["ocr_settings"]["dpi"] == 150
    assert report["ocr_settings"]["config"] == ["preserve_interword_spaces=1"]
