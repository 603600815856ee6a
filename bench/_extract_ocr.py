"""The OCR part of ``bench/extract --ocr``: a 12-page scan OCR'd by the earlier path and by the queue.

The earlier path OCRs every page before the document's pages are stored (PNG images); the queue
hands pages to the workers in page order and delivers each as it finishes (PGM images), so that
the metadata proposal is ready from the first pages. Both run on the same scan in the same run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from registry.regulations.extraction import ExtractionOptions, extract_pdf

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


#: Image-only corpus files (and how many of their pages) joined into the 12-page OCR benchmark scan.
OCR_SCAN_PARTS = [
    (
        "pdf/mirlani__peraturan-ban-pt-no-05-tahun-2019-tentang-instrumen-akreditasi-program-studi"
        "-1724054119-x169rdYTqK.pdf",
        4,
    ),
    ("pdf/lapan__20110915161145_Perka_Nomor_210_VII_Tahun_2005.pdf", 4),
    ("pdf/kdi__2024pw7416015.pdf", 4),
]
#: The fields of the metadata proposal that the first pages must already give.
HEADING_FIELDS = ("doc_kind", "number", "year", "title_tentang")


def twelve_page_scan(target: Path) -> Path:
    """Join the pages of ``OCR_SCAN_PARTS`` into one PDF with poppler's pdfseparate/pdfunite."""
    parts = []
    for index, (name, count) in enumerate(OCR_SCAN_PARTS):
        pattern = str(target.parent / f"part{index}-%d.pdf")
        subprocess.run(["pdfseparate", "-f", "1", "-l", str(count), str(CORPUS / name), pattern], check=True)
        parts += [pattern % number for number in range(1, count + 1)]
    subprocess.run(["pdfunite", *parts, str(target)], check=True)
    return target


def heading(texts: list[str]) -> dict:
    from registry.regulations.parser import parse_regulation, to_labels

    labels = to_labels(parse_regulation(texts))
    return {name: labels.get(name) for name in HEADING_FIELDS}


def ocr_once(path: Path, queue: bool) -> dict:
    """One OCR extraction of ``path``; when the proposal was ready, and the throughput."""
    arrivals: dict[int, float] = {}
    started = time.perf_counter()

    def on_pages(pages) -> None:
        now = time.perf_counter() - started
        for page in pages:
            if page.is_ocr:
                arrivals.setdefault(page.number, now)

    options = ExtractionOptions(
        workers=2,
        ocr=True,
        ocr_queue=queue,
        ocr_image_format="pgm" if queue else "png",
        on_pages=on_pages,
        progress_seconds=0.2,
        timeout_seconds=300,
        ocr_timeout_seconds=900,
    )
    outcome = extract_pdf(str(path), options)
    total = time.perf_counter() - started
    final = heading(outcome.texts())
    if queue:
        first = sorted(arrivals)[:2]
        ready = max(arrivals[number] for number in first)
        early = {page.number: page.text for page in outcome.pages if page.number in first}
        matches = heading([early.get(number, "") for number in range(1, max(first) + 1)]) == final
    else:
        ready, matches = total, True
    return {
        "status": outcome.status,
        "pages_ocr": outcome.pages_ocr,
        "total_s": total,
        "ocr_s": outcome.ocr_seconds,
        "ready_s": ready,
        "matches": matches,
        "last_page_s": max(arrivals.values(), default=total),
        "heading": final,
    }


def run_ocr(repeat: int) -> dict:
    """Before/after figures of OCR on the 12-page scan (see the module docstring)."""
    import tempfile

    from registry.regulations.extraction.ocr import missing_ocr_tool

    missing = missing_ocr_tool("ind")
    if missing or shutil.which("pdfunite") is None:
        return {"skipped": f"OCR tools missing: {missing or 'pdfunite'}"}
    load_start = os.getloadavg()[0]
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as workdir:
        scan = twelve_page_scan(Path(workdir) / "scan12.pdf")
        for round_number in range(repeat):
            for name, queue in (("before", False), ("after", True)):
                figures = ocr_once(scan, queue)
                runs[name].append(figures)
                print(
                    f"round {round_number + 1} {name:6} {figures['status']:5} pages_ocr={figures['pages_ocr']} "
                    f"total={figures['total_s']:.1f}s ocr={figures['ocr_s']:.1f}s "
                    f"proposal_ready={figures['ready_s']:.1f}s (matches final: {figures['matches']}) "
                    f"heading={figures['heading']}",
                    flush=True,
                )
    out: dict = {"scan_pages": 12, "workers": 2, "repeat": repeat, "cpu_count": os.cpu_count()}
    for name, rows in runs.items():
        ocr_seconds = sum(row["ocr_s"] for row in rows)
        pages = sum(row["pages_ocr"] for row in rows)
        out[f"{name}_ocr_pages_per_s"] = round(pages / ocr_seconds, 3) if ocr_seconds else None
        out[f"{name}_total_s"] = round(sum(row["total_s"] for row in rows) / len(rows), 2)
        out[f"{name}_proposal_ready_s"] = round(sum(row["ready_s"] for row in rows) / len(rows), 2)
        out[f"{name}_proposal_matches_final"] = all(row["matches"] for row in rows)
    out["loadavg_1m_start"] = round(load_start, 2)
    out["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    return out
