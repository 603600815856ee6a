"""OCR of scanned pages with the ``tesseract`` command line and poppler's ``pdftoppm``.

Both are optional system tools (Debian: tesseract-ocr, tesseract-ocr-ind, poppler-utils). When one
is missing, ``missing_ocr_tool`` says which, and the document is marked as needing OCR instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from functools import lru_cache

from .ocr_image import CleanupError, OcrSettings, prepare_image
from .ocrwords import parse_tsv


class OcrError(Exception):
    """Rasterising or recognising one page failed."""


@lru_cache(maxsize=8)
def tesseract_languages() -> frozenset[str]:
    """The languages the installed Tesseract knows (empty when Tesseract is absent)."""
    binary = shutil.which("tesseract")
    if binary is None:
        return frozenset()
    try:
        listing = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = (listing.stdout + listing.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def missing_ocr_tool(language: str) -> str:
    """Which piece of the OCR chain is missing ("tesseract", "pdftoppm", "lang"), or "" if none."""
    if shutil.which("tesseract") is None:
        return "tesseract"
    if shutil.which("pdftoppm") is None:
        return "pdftoppm"
    if not set(language.split("+")) <= tesseract_languages():
        return "lang"
    return ""


def _run(command: list[str], timeout: float, env: dict | None = None) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(command, capture_output=True, timeout=max(timeout, 1), env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"{command[0]}: melebihi {int(timeout)} detik") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise OcrError(f"{command[0]} keluar dengan kode {done.returncode}: {message[0][:200]}")
    return done


def _read_output(path: str) -> str:
    try:
        with open(path, "rb") as output:
            return output.read().decode("utf-8", "replace")
    except OSError as exc:
        raise OcrError(f"tesseract tidak menghasilkan {os.path.basename(path)}") from exc


def ocr_page(
    pdf_path: str,
    number: int,
    language: str,
    dpi: int = 300,
    timeout: float = 120,
    settings: OcrSettings | None = None,
    words: dict | None = None,
) -> str:
    """Rasterise page ``number`` (from 1) at ``dpi`` in greyscale and return Tesseract's text.

    ``settings`` (see ``ocr_image``), when given, replace ``language`` and ``dpi`` and add the image
    clean-up and Tesseract options. Tesseract runs single-threaded (OMP_THREAD_LIMIT=1) because pages
    are already spread over processes; each step gets the time that is left of ``timeout``. The same
    run writes the ``tsv`` output: when ``words`` is a dict, it is filled with the page's words, their
    confidence and box (see :mod:`.ocrwords`), in the pixels of the rendered page.
    """
    settings = settings or OcrSettings(language=language, dpi=dpi)
    dpi = settings.dpi
    with tempfile.TemporaryDirectory(prefix="registri-ocr-") as workdir:
        prefix = os.path.join(workdir, "page")
        started = time.monotonic()
        # Uncompressed PGM by default: encoding a 300 dpi page as PNG took longer than recognising it.
        png = ["-png"] if settings.image_format == "png" else []
        _run(
            ["pdftoppm", "-r", str(dpi), "-f", str(number), "-l", str(number), "-gray", *png]
            + ["-singlefile", pdf_path, prefix],
            timeout,
        )
        image = prefix + (".png" if png else ".pgm")
        if not os.path.exists(image):
            raise OcrError(f"pdftoppm tidak menghasilkan gambar untuk halaman {number}")
        # --- image clean-up (ocr_image) ---
        try:
            image = prepare_image(image, settings, workdir, timeout - (time.monotonic() - started))
        except CleanupError as exc:
            raise OcrError(str(exc)) from exc
        # --- end of image clean-up ---
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        remaining = timeout - (time.monotonic() - started)
        output = prefix + "-ocr"
        _run(["tesseract", image, output, *settings.tesseract_options(), "txt", "tsv"], remaining, env)
        text = _read_output(output + ".txt").replace("\f", "")
        if words is not None:
            words.update(parse_tsv(_read_output(output + ".tsv"), dpi))
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")
