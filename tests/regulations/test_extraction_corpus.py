"""Extraction of real regulation PDFs from ``../shared/corpus/real`` (skipped when it is absent)."""

import csv
import json
import re

import pytest
from pdfminer.high_level import extract_text

from registry.regulations.extraction import ExtractionOptions, extract_pdf, result
from registry.regulations.extraction.ocr import missing_ocr_tool

pytestmark = pytest.mark.corpus

#: Small born-digital files of different origins (Agam, Surabaya, LAPAN, a university).
BORN_DIGITAL = [
    "pdf/agam__bidan.pdf",
    "pdf/agam__klinik.pdf",
    "pdf/sby__perda_sby_13_2003_pemakaman__68a7da40c46e8.pdf",
    "pdf/lapan__20110914023438_1._Keppres_236_Tahun_1963.pdf",
    "pdf/mirlani__sop-layanan-legalisir-ijazahtranskrip-nilai-1719020622-Gsbjs51NgG.pdf",
]
KEY_LINE = re.compile(r"^(Pasal \d+[A-Z]?|BAB [IVXLCDM]+|NOMOR \S+ TAHUN \d{4})$")


@pytest.fixture(scope="module")
def real_dir(corpus_dir):
    return corpus_dir / "real"


@pytest.fixture(scope="module")
def manifest(real_dir):
    """MANIFEST.tsv rows by local name."""
    with (real_dir / "MANIFEST.tsv").open(newline="") as handle:
        return {row["local_name"]: row for row in csv.DictReader(handle, delimiter="\t")}


@pytest.fixture(scope="module")
def labels(real_dir):
    """LABELS.jsonl rows by file name."""
    rows = (json.loads(line) for line in (real_dir / "LABELS.jsonl").read_text().splitlines() if line)
    return {row["file"]: row for row in rows}


def key_lines(texts) -> int:
    return sum(1 for text in texts for line in text.splitlines() if KEY_LINE.match(" ".join(line.split())))


@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_born_digital_file_reads_fully_with_headings_intact(real_dir, manifest, name):
    """Every page is read, no page is taken for a scan, and no standalone heading is lost vs pdfminer."""
    path = real_dir / name
    outcome = extract_pdf(str(path), ExtractionOptions(ocr=False, timeout_seconds=120))
    assert outcome.status == result.DONE, outcome.reason_code
    assert outcome.page_count == int(manifest[name]["pages"])
    assert outcome.pages_scanned == 0
    assert outcome.pages_with_text == outcome.page_count
    default = extract_text(str(path)).split("\f")
    assert key_lines(outcome.texts()) >= key_lines(default)


def test_image_only_files_are_all_scans(real_dir, labels, manifest):
    """Each of the six image-only files is recognised as scanned on every page (OCR off: needs_ocr)."""
    image_only = [name for name, row in labels.items() if row["text_layer"] == "none"]
    assert len(image_only) == 6
    for name in image_only:
        outcome = extract_pdf(str(real_dir / name), ExtractionOptions(ocr=False, timeout_seconds=120))
        assert outcome.status == result.NEEDS_OCR, name
        assert outcome.page_count == int(manifest[name]["pages"]), name
        assert outcome.pages_scanned == outcome.page_count, name


def test_real_scan_is_read_by_tesseract(real_dir):
    """The one-page LAPAN circular (a scan) reads as Indonesian text through Tesseract."""
    missing = missing_ocr_tool("ind")
    if missing:
        pytest.skip(
            f"OCR tidak lengkap ({missing}): apt-get install tesseract-ocr tesseract-ocr-ind poppler-utils"
        )
    outcome = extract_pdf(str(real_dir / "pdf/lapan__20150616091543_se_9_2015.pdf"), ExtractionOptions())
    assert outcome.status == result.DONE, outcome.reason_params
    assert outcome.pages_ocr == 1
    text = " ".join(outcome.texts()[0].split())
    assert "SURAT EDARAN" in text
    assert "PENGATURAN JAM KERJA KHUSUS" in text
