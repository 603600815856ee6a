"""The page image that goes into Tesseract, and the Tesseract options, as one set of OCR settings.

``OcrSettings`` names everything that shapes a page's OCR (rendering resolution, the clean-up steps,
the page segmentation mode, ``-c`` variables); ``ocr.ocr_page`` renders the page, hands the image to
:func:`prepare_image` and calls Tesseract with :meth:`OcrSettings.tesseract_options`. The settings
actually used (clean-up steps whose tool is missing are dropped) are recorded with the extraction
(``ExtractionResult.ocr_settings``).

Clean-up steps only call maintained tools: Debian's ``unpaper`` (deskew, border and noise removal)
and Pillow's ``ImageOps``/``ImageFilter``. The defaults were chosen by measurement on the corpus's
scanned files (``bench/extract_accuracy``; the figures are in docs/architecture.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import asdict, dataclass

#: The clean-up steps known, in the order they are applied.
CLEANUP_STEPS = ("unpaper", "autocontrast", "median")


class CleanupError(Exception):
    """A clean-up tool failed on the page image."""


@dataclass(frozen=True)
class OcrSettings:
    """How one page is rendered, cleaned up and recognised."""

    language: str = "ind"
    dpi: int = 300
    #: Tesseract's --psm; None keeps Tesseract's default (3, automatic page segmentation).
    psm: int | None = None
    #: Clean-up steps from ``CLEANUP_STEPS`` (unknown names are ignored).
    cleanup: tuple[str, ...] = ()
    #: Tesseract ``-c name=value`` variables.
    config: tuple[str, ...] = ()
    #: The rendered page's format: "pgm" (uncompressed, fast) or "png" (the earlier path's).
    image_format: str = "pgm"

    def tesseract_options(self) -> list[str]:
        """The arguments after ``tesseract IMAGE OUTPUT``."""
        options = ["-l", self.language, "--dpi", str(self.dpi)]
        if self.psm is not None:
            options += ["--psm", str(self.psm)]
        for variable in self.config:
            options += ["-c", variable]
        return options

    def usable(self) -> OcrSettings:
        """These settings without the clean-up steps this machine cannot run (unpaper missing)."""
        steps = tuple(step for step in CLEANUP_STEPS if step in self.cleanup and step_available(step))
        return OcrSettings(self.language, self.dpi, self.psm, steps, tuple(self.config), self.image_format)

    def as_dict(self) -> dict:
        """A JSON-friendly description, for the extraction record."""
        described = asdict(self)
        described["cleanup"] = list(self.cleanup)
        described["config"] = list(self.config)
        return described


def step_available(step: str) -> bool:
    """Whether a clean-up step can run here (``unpaper`` is an optional Debian package)."""
    if step == "unpaper":
        return shutil.which("unpaper") is not None
    return step in CLEANUP_STEPS


def prepare_image(image: str, settings: OcrSettings, workdir: str, timeout: float) -> str:
    """Apply the clean-up steps of ``settings`` to the greyscale ``image``; returns the image to OCR.

    Without clean-up steps the rendered image is returned unchanged. Raises ``CleanupError`` when
    ``unpaper`` fails or runs out of time.
    """
    steps = [step for step in CLEANUP_STEPS if step in settings.cleanup]
    if not steps:
        return image
    from PIL import Image, ImageFilter, ImageOps

    current = image
    if "unpaper" in steps:
        current = _unpaper(current, workdir, timeout)
    pillow_steps = [step for step in steps if step != "unpaper"]
    if not pillow_steps:
        return current
    with Image.open(current) as opened:
        picture = opened.convert("L")
    if "autocontrast" in pillow_steps:
        picture = ImageOps.autocontrast(picture, cutoff=1)
    if "median" in pillow_steps:
        picture = picture.filter(ImageFilter.MedianFilter(3))
    cleaned = os.path.join(workdir, "cleaned.pgm")
    picture.save(cleaned)
    return cleaned


def _unpaper(image: str, workdir: str, timeout: float) -> str:
    """Deskew the page and remove its dark borders and speckle with ``unpaper`` (PNM in and out)."""
    from PIL import Image

    source = image
    target = os.path.join(workdir, "unpaper-out.pgm")
    if not image.endswith(".pgm"):
        source = os.path.join(workdir, "unpaper-in.pgm")
        with Image.open(image) as opened:
            opened.convert("L").save(source)
    try:
        done = subprocess.run(
            ["unpaper", "--overwrite", "--quiet", source, target],
            capture_output=True,
            timeout=max(timeout, 1),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CleanupError(f"unpaper: {type(exc).__name__}") from exc
    if done.returncode != 0 or not os.path.exists(target):
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise CleanupError(f"unpaper keluar dengan kode {done.returncode}: {message[0][:200]}")
    return target
