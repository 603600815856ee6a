"""How sure the extraction is of one proposed value: a number from 0 to 100 and a level.

Two things go into it, defined here and nowhere else:

* the OCR: Tesseract's confidence of the words the value was read from (the mean and the weakest
  word count equally); a value read from a PDF's text layer counts as fully read
  (``TEXT_LAYER_CONFIDENCE``), and a value that cannot be found in the OCR'd words it should come
  from counts as not read at all (``NOT_FOUND_CONFIDENCE``: it is not in the image as printed);
* the agreement of the places that print it (the title block, the lampiran header, the gazette
  line, the signing dates, the file name; see ``parser.votes``): the share of the sources with a
  reading that agree with the value, when at least two sources read one.

The score is the OCR part alone, or ``OCR_WEIGHT`` of it plus the rest from the agreement; a value
that some source contradicts is never "tinggi" (at most ``CONTRADICTED_MAX``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

#: At or above this score a value is "tinggi" (high).
HIGH_THRESHOLD = 80
#: At or above this score (and below ``HIGH_THRESHOLD``) a value is "sedang"; below it "rendah".
MEDIUM_THRESHOLD = 55
#: The OCR part of a value read from a born-digital page's text layer.
TEXT_LAYER_CONFIDENCE = 100.0
#: The OCR part of a value that cannot be found among the OCR'd words it should come from.
NOT_FOUND_CONFIDENCE = 0.0
#: The share of the score that comes from the OCR when the sources' agreement is known.
OCR_WEIGHT = 0.6
#: The highest score of a value that at least one source reads differently.
CONTRADICTED_MAX = HIGH_THRESHOLD - 1

HIGH, MEDIUM, LOW = "tinggi", "sedang", "rendah"
LEVEL_LABELS = {HIGH: _("tinggi"), MEDIUM: _("sedang"), LOW: _("rendah")}
SOURCE_LABELS = {
    "title": _("judul"),
    "header": _("kepala lampiran"),
    "gazette": _("lembaran/berita"),
    "date": _("tanggal"),
    "file": _("nama berkas"),
}


def level_for(score: float) -> str:
    """The level of a score (0–100)."""
    if score >= HIGH_THRESHOLD:
        return HIGH
    if score >= MEDIUM_THRESHOLD:
        return MEDIUM
    return LOW


def ocr_part(word_confidences: list[float] | None) -> float:
    """The OCR part of a score: None means the text layer, [] means not found among the OCR'd words."""
    if word_confidences is None:
        return TEXT_LAYER_CONFIDENCE
    if not word_confidences:
        return NOT_FOUND_CONFIDENCE
    mean = sum(word_confidences) / len(word_confidences)
    return (mean + min(word_confidences)) / 2


@dataclass
class Confidence:
    """A value's confidence: the score, its level, and what it was made of (for the review page)."""

    score: int
    level: str
    from_ocr: bool = False
    found: bool = True
    agreeing: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    page: int | None = None
    box: tuple[int, int, int, int] | None = field(default=None, repr=False)
    dpi: int | None = None

    @property
    def level_label(self):
        return LEVEL_LABELS[self.level]

    @property
    def is_low(self) -> bool:
        return self.level == LOW

    @property
    def region_query(self) -> str:
        """The query string of the region image view for this value's words, or "" when it has none."""
        if self.box is None or self.page is None or not self.dpi:
            return ""
        left, top, width, height = self.box
        return f"x={left}&y={top}&w={width}&h={height}&dpi={self.dpi}"

    @property
    def agreement_text(self) -> str:
        """In Indonesian: which sources agree, e.g. "2 dari 3 sumber sepakat (judul, nama berkas)"."""
        if len(self.sources) < 2:
            return ""
        names = ", ".join(str(SOURCE_LABELS.get(s, s)) for s in self.agreeing)
        text = _("%(n)s dari %(total)s sumber sepakat") % {
            "n": len(self.agreeing),
            "total": len(self.sources),
        }
        return f"{text} ({names})" if names else str(text)


def sort_key(confidence: Confidence | None) -> int:
    """Order by which values are sorted on the review page: the least sure first, unscored last."""
    return confidence.score if confidence is not None else 101


def combine(
    word_confidences: list[float] | None,
    agreement: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
    **where,
) -> Confidence:
    """A value's confidence from its words' OCR confidences and the sources' (agreeing, reading) sets."""
    score = ocr_part(word_confidences)
    agreeing, sources = agreement or ((), ())
    if len(sources) >= 2:
        score = OCR_WEIGHT * score + (1 - OCR_WEIGHT) * 100.0 * len(agreeing) / len(sources)
        if len(agreeing) < len(sources):
            score = min(score, CONTRADICTED_MAX)
    score = max(0, min(100, round(score)))
    return Confidence(
        score=score,
        level=level_for(score),
        from_ocr=word_confidences is not None,
        found=word_confidences is None or bool(word_confidences),
        agreeing=tuple(agreeing),
        sources=tuple(sources),
        **where,
    )
