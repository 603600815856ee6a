"""The image of the page region a proposed value was read from, for the extraction review page.

The page is rendered with poppler's ``pdftoppm`` at a modest resolution and cropped with Pillow
around the words' box (given in pixels at the OCR resolution, scaled here). Only someone who may
edit the regulation sees it, as on the review page; the rendered page and each region are cached by
the file's hash.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile

from django.core.cache import cache
from django.http import Http404, HttpResponse
from PIL import Image

from .extraction.pipeline import local_path
from .review_views import _editable_regulation

#: The resolution the region is rendered at (dpi): readable, and cheap to render.
REGION_DPI = 100
#: The margin kept around the words' box, in inches (the line above and below stays visible).
REGION_MARGIN_INCHES = 0.3
#: The largest region served, in inches (a box claiming more is clamped to the page anyway).
MAX_REGION_INCHES = 9
#: How long a rendered region stays cached (seconds) and how long pdftoppm may take.
CACHE_SECONDS = 24 * 3600
RENDER_TIMEOUT_SECONDS = 30


def _box_from(query) -> tuple[int, int, int, int, int]:
    """(left, top, width, height, dpi) from the query string; 404 for anything not a sane box."""
    try:
        left, top, width, height, dpi = (int(query.get(key, "")) for key in ("x", "y", "w", "h", "dpi"))
    except ValueError as exc:
        raise Http404("kotak tidak valid") from exc
    if not 30 <= dpi <= 1200 or min(left, top) < 0 or min(width, height) <= 0:
        raise Http404("kotak tidak valid")
    if max(width, height) > MAX_REGION_INCHES * dpi:
        raise Http404("kotak terlalu besar")
    return left, top, width, height, dpi


def render_page(pdf_path: str, number: int) -> bytes:
    """PNG bytes of page ``number`` rendered in greyscale at REGION_DPI by pdftoppm."""
    if shutil.which("pdftoppm") is None:
        raise Http404("pdftoppm tidak terpasang")
    with tempfile.TemporaryDirectory(prefix="registri-region-") as workdir:
        prefix = os.path.join(workdir, "page")
        command = ["pdftoppm", "-r", str(REGION_DPI), "-f", str(number), "-l", str(number), "-gray", "-png"]
        try:
            subprocess.run(
                [*command, "-singlefile", pdf_path, prefix],
                capture_output=True,
                timeout=RENDER_TIMEOUT_SECONDS,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise Http404("halaman tidak dapat dirender") from exc
        if not os.path.exists(prefix + ".png"):
            raise Http404("halaman tidak ada")
        with open(prefix + ".png", "rb") as rendered:
            return rendered.read()


def crop_region(page_png: bytes, box: tuple[int, int, int, int], dpi: int) -> bytes:
    """PNG bytes of ``box`` (pixels at ``dpi``) plus a margin, cut from a page rendered at REGION_DPI."""
    with Image.open(io.BytesIO(page_png)) as image:
        scale = REGION_DPI / dpi
        margin = REGION_MARGIN_INCHES * REGION_DPI
        left, top, width, height = box
        crop = (
            max(0, int(left * scale - margin)),
            max(0, int(top * scale - margin)),
            min(image.width, int((left + width) * scale + margin)),
            min(image.height, int((top + height) * scale + margin)),
        )
        if crop[0] >= crop[2] or crop[1] >= crop[3]:
            raise Http404("kotak di luar halaman")
        output = io.BytesIO()
        image.crop(crop).save(output, format="PNG", optimize=True)
    return output.getvalue()


def _cached(key: str, make) -> bytes:
    key = "registri-region:" + hashlib.sha256(key.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, CACHE_SECONDS)
    return value


def page_region(request, page_id, number):
    """The PNG of a region of page ``number`` of the regulation's document (``?x=&y=&w=&h=&dpi=``).

    The page is rendered once and cached (a review page asks for many regions of the same page).
    """
    page = _editable_regulation(request, page_id)
    document = page.document
    if document is None or not document.pages.filter(number=number).exists():
        raise Http404("halaman tidak ada")
    left, top, width, height, dpi = _box_from(request.GET)
    page_key = f"{document.pk}:{document.extracted_sha256}:{number}"

    def render() -> bytes:
        with local_path(document.file) as path:
            return render_page(path, number)

    png = _cached(
        f"{page_key}:{left},{top},{width},{height}@{dpi}",
        lambda: crop_region(_cached(page_key, render), (left, top, width, height), dpi),
    )
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response
