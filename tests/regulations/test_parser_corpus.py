"""Corpus test: the parser against the labelled real PDFs (../shared/corpus/real).

The text is what the pipeline stores: ``extract_pdf`` with the configured text path and limits (OCR
off, so the scanned files give only their own text layer), one file after another, each over the
extraction child processes. To stay well under three minutes the test uses the files of at most
``MAX_PAGES`` pages; ``bench/extract_accuracy`` covers the whole corpus through ``inspect_pdf``.
Targets (born-digital files, text_layer == "good"): kind, number and year >= 95 %, tentang >= 90 %,
amendment + revocation targets recall >= 90 % at precision >= 95 %, first three Mengingat >= 90 %.
"""

import csv
import json
from pathlib import Path

import pytest

from registry.regulations.parser import parse_regulation, to_labels
from registry.regulations.parser.scoring import score

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO_ROOT / ".." / "shared" / "corpus" / "real"
MAX_PAGES = 150

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS_DIR / "LABELS.jsonl").exists(), reason=f"corpus not found at {CORPUS_DIR}"
    ),
]


def extract_pages(pdf_path: str) -> list[str]:
    """Text of each page of a PDF, as the extraction pipeline stores it (OCR off)."""
    from registry.regulations.extraction import extract_pdf
    from registry.regulations.extraction.pipeline import extraction_options

    outcome = extract_pdf(pdf_path, extraction_options(ocr=False))
    assert outcome.status in ("done", "needs_ocr"), (pdf_path, outcome.status, outcome.reason_code)
    return outcome.texts()


def _selected_labels() -> list[dict]:
    """Labelled files with at most MAX_PAGES pages."""
    with open(CORPUS_DIR / "MANIFEST.tsv", encoding="utf-8") as handle:
        page_counts = {
            row["local_name"]: int(row["pages"] or 0) for row in csv.DictReader(handle, delimiter="\t")
        }
    with open(CORPUS_DIR / "LABELS.jsonl", encoding="utf-8") as handle:
        labels = [json.loads(line) for line in handle if line.strip()]
    return [label for label in labels if page_counts.get(label["file"], 0) <= MAX_PAGES]


@pytest.fixture(scope="module")
def corpus() -> list[tuple[dict, list[str]]]:
    """(label, page texts) for each selected file, extracted once for this module."""
    labels = _selected_labels()
    paths = [str(CORPUS_DIR / label["file"]) for label in labels]
    texts = [extract_pages(path) for path in paths]
    return list(zip(labels, texts, strict=True))


@pytest.fixture(scope="module")
def born_digital_score(corpus) -> dict:
    """Scores of the parser on the born-digital (text_layer == "good") files."""
    good = [(label, pages) for label, pages in corpus if label["text_layer"] == "good"]
    predictions = [to_labels(parse_regulation(pages)) for _, pages in good]
    return score(predictions, [label for label, _ in good])


def test_identity_fields(born_digital_score):
    """Kind, number and year are right on at least 95 % of born-digital files."""
    fields = born_digital_score["fields"]
    for field in ("doc_kind", "number", "year"):
        assert fields[field]["accuracy_pct"] >= 95.0, (field, fields[field])


def test_tentang(born_digital_score):
    """The subject (tentang) is right on at least 90 % of born-digital files."""
    assert born_digital_score["fields"]["title_tentang"]["accuracy_pct"] >= 90.0


def test_amendment_and_revocation_targets(born_digital_score):
    """Amended and revoked regulations: recall >= 90 % at precision >= 95 %."""
    targets = born_digital_score["targets"]
    assert targets["recall_pct"] >= 90.0, targets
    assert targets["precision_pct"] >= 95.0, targets


def test_first_three_mengingat(born_digital_score):
    """The first three Mengingat citations are right (by position) on at least 90 %."""
    positions = born_digital_score["mengingat_first3_positions"]
    assert positions["recall_pct"] >= 90.0, positions
    assert positions["precision_pct"] >= 90.0, positions


def test_ocr_files_do_not_crash(corpus):
    """Scanned files (noisy or missing text layer) parse without raising and give LABELS keys."""
    for label, pages in corpus:
        if label["text_layer"] != "good":
            assert set(to_labels(parse_regulation(pages))) >= {"doc_kind", "number", "year"}, label["file"]
