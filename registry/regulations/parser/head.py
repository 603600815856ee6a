"""Document head: title block (kind, region, number, year, tentang, amendment) and konsiderans.

The title block runs from the first regulation-type word (PERATURAN, UNDANG-UNDANG, KEPUTUSAN …)
to "DENGAN RAHMAT …", the issuing official's line or "Menimbang". Non-regulation documents
(Standar Pelayanan, SOP, forms, JDIH abstracts) get their identity from their own header fields.
"""

from __future__ import annotations

import re

from .citations import first_reference, parse_citations
from .models import Citation, Head, MengingatItem, MenimbangItem, NormalisedDocument
from .normalise import fix_numeric_slot
from .patterns import (
    ABSTRAK_NUMBER_RE,
    ABSTRAK_RE,
    AMEND_TITLE_RE,
    DOC_NUMBER_RE,
    EFFECTIVE_DATE_RE,
    FORM_RE,
    KONSIDERANS_END_RE,
    LAMPIRAN_HEAD_RE,
    MENGINGAT_RE,
    MENIMBANG_RE,
    NATIONAL_KINDS,
    ORDINALS,
    PEJABAT_LINE_RE,
    RAHMAT_RE,
    REGION_MIXED_RE,
    REGION_RE,
    SOP_DATE_RE,
    SOP_NUMBER_RE,
    SOP_RE,
    STANDAR_PELAYANAN_RE,
    TITLE_RE,
    TITLE_START_RE,
    classify_kind,
    collapse_ws,
)

HEAD_SCAN_LINES = 60
_HARD_STOP_RE = re.compile(r"^\s*(?:Menimbang|Sehubungan|Dalam\s+rangka|Yth\b|Kepada\b)", re.I)
_PEJABAT_REGION_RE = re.compile(
    r"\b(?P<jab>WALI\s?KOTA|BUPATI|GUBERNUR)\s+(?P<name>[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+)?)"
)
_PEJABAT_LEVEL = {"BUPATI": "Kabupaten", "GUBERNUR": "Provinsi"}
_ITEM_START_WORDS = r"(?:Undang|UNDANG|Peraturan|Keputusan|Instruksi|Ketetapan|Pasal|Paragraf)"


def _title_case_region(level: str, name: str) -> str:
    """Format a region as in LABELS ("Kota Surabaya", "Provinsi Bali")."""
    level = "Provinsi" if level.upper().startswith("PROP") else level.capitalize()
    return f"{level} {' '.join(word.capitalize() for word in name.split())}"


def _upper_ratio(text: str) -> float:
    """Share of letters in ``text`` that are upper case (1.0 when there are no letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 1.0


def region_from_phrase(phrase: str) -> str | None:
    """Jurisdiction named in a title prefix or kop: "… KOTA SURABAYA" or "WALIKOTA SURABAYA"."""
    phrase = re.sub(r"\b(?:NOMOR|TAHUN|TENTANG|REPUBLIK|INDONESIA)\b.*$", "", phrase)
    match = REGION_RE.search(phrase)
    if match:
        return _title_case_region(match.group("level"), match.group("name"))
    match = _PEJABAT_REGION_RE.search(phrase)
    if match:
        level = _PEJABAT_LEVEL.get(match.group("jab").replace(" ", ""), "Kota")
        return _title_case_region(level, match.group("name"))
    return None


def _amendment(head: Head) -> None:
    """Fill the amendment fields from a "PERUBAHAN [KEDUA] ATAS …" subject."""
    if not head.tentang:
        return
    match = AMEND_TITLE_RE.match(head.tentang.upper())
    if not match:
        return
    head.is_amendment = True
    head.amendment_ordinal = ORDINALS.get(match.group("ke") or "", 1)
    targets = parse_citations(head.tentang[match.start("target") :])
    head.amends = targets[0] if targets else None


_BARE_LABEL_RE = re.compile(r"^\s*(?:Menimbang|Mengingat|Memperhatikan)\s*:?\s*$", re.I)


def _stray_labels(doc: NormalisedDocument, t_idx: int, limit: int) -> set[int]:
    """Bare "Menimbang :" / "Mengingat" lines that OCR set inside the title, before "DENGAN RAHMAT".

    A label is stray when only upper-case title lines and other bare labels separate it from the
    "DENGAN RAHMAT …" line; the title then goes on after it.
    """
    lines = doc.lines
    labels: set[int] = set()
    for j in range(t_idx + 1, limit):
        text = lines[j].text
        if RAHMAT_RE.match(text):
            return labels
        if _BARE_LABEL_RE.match(text):
            labels.add(j)
        elif _upper_ratio(text) < 0.6:
            return set()
    return set()


def _tentang_lines(doc: NormalisedDocument, t_idx: int, after: str, prefix: str) -> str:
    """Collect the subject lines after the TENTANG keyword up to the end of the title block."""
    lines = doc.lines
    limit = min(len(lines), t_idx + 1 + 25)
    hard_stop = limit
    stray = _stray_labels(doc, t_idx, limit)
    for j in range(t_idx + 1, limit):
        text = lines[j].text
        if j in stray:
            continue
        if (
            RAHMAT_RE.match(text)
            or _HARD_STOP_RE.match(text)
            or PEJABAT_LINE_RE.match(text)
            or _upper_ratio(text) < 0.6
        ):
            hard_stop = j
            break
    parts = [after] if after else []
    use_paragraphs = hard_stop - t_idx > 6
    for j in range(t_idx + 1, hard_stop):
        if j in stray:
            continue
        if use_paragraphs and lines[j].para_start and parts:
            break
        parts.append(lines[j].text)
    # Drop an issuer line printed right above "Menimbang" that repeats the title prefix.
    stopped_at_menimbang = hard_stop < len(lines) and MENIMBANG_RE.match(lines[hard_stop].text)
    while stopped_at_menimbang and len(parts) > 1 and collapse_ws(parts[-1]) in prefix:
        parts.pop()
    return collapse_ws(" ".join(parts)).rstrip(" .;,")


def _find_title_start(doc: NormalisedDocument) -> int | None:
    """Index of the line that starts the regulation title (or the lampiran header)."""
    for i, line in enumerate(doc.lines[:HEAD_SCAN_LINES]):
        text = re.sub(r"^SALINAN\s+", "", line.text)
        if LAMPIRAN_HEAD_RE.match(text) and i < 5:
            return i
        if TITLE_START_RE.match(text):
            return i
    return None


def parse_regulation_title(doc: NormalisedDocument) -> Head | None:
    """Parse "JENIS [REGION] NOMOR x TAHUN y TENTANG subject"; None when no such title exists."""
    start = _find_title_start(doc)
    if start is None:
        return None
    lines = doc.lines
    t_idx = None
    for j in range(start, min(len(lines), start + 15)):
        if re.search(r"\bTENTANG\b", lines[j].text):
            t_idx = j
            break
        if j > start and (RAHMAT_RE.match(lines[j].text) or MENIMBANG_RE.match(lines[j].text)):
            break
    if t_idx is None:
        return None
    block = collapse_ws(" ".join(line.text for line in lines[start : t_idx + 1]))
    block = re.sub(r"^SALINAN\s+", "", block)
    match = TITLE_RE.match(block)
    if not match:
        return None
    prefix = collapse_ws(match.group("prefix"))
    tentang_start = re.search(r"\bTENTANG\b\s*:?\s*(.*)$", lines[t_idx].text)
    tentang = _tentang_lines(doc, t_idx, tentang_start.group(1) if tentang_start else "", prefix)

    head = Head(title_line=start)
    lampiran = LAMPIRAN_HEAD_RE.match(prefix)
    kind = classify_kind(prefix)
    if kind in (None, "OTHER") and start > 0:
        # Two-column titles: "KEPALA LEMBAGA …" printed above "PERATURAN".
        kind = classify_kind(re.sub(r"^(\w+)", r"\1 " + lines[start - 1].text, prefix)) or kind
    head.kind = "LAMPIRAN" if lampiran else kind
    number = re.sub(r"\s*/\s*", "/", match.group("nomor").strip()).strip(" .:")
    head.number = fix_numeric_slot(number) or None
    if match.group("tahun"):
        head.year = int(fix_numeric_slot(match.group("tahun")))
    elif head.number and re.search(r"(?:19|20)\d{2}$", head.number):
        head.year = int(head.number[-4:])
    head.tentang = tentang or None
    kop = " ".join(line.text for line in lines[: start + 1])
    head.issuer_region = region_from_phrase(prefix) or region_from_phrase(kop)
    if head.kind in NATIONAL_KINDS and head.issuer_region is None:
        head_text = " ".join(line.text for line in lines[: t_idx + 1])
        if re.search(r"REPUBLIK\s+INDONESIA|NASIONAL|PRESIDEN", head_text):
            head.issuer_region = "Republik Indonesia"
    _amendment(head)
    return head


def _first_page_lines(doc: NormalisedDocument) -> list[str]:
    """The normalised lines of page 1."""
    return [line.text for line in doc.lines if line.page == 1]


def _year_from_date_text(text: str) -> int | None:
    """The four-digit year at the end of a date such as "19 Maret 2018" or "01-11-2021"."""
    match = re.search(r"(\d{4})\s*$", text)
    return int(match.group(1)) if match else None


def parse_other_document(doc: NormalisedDocument) -> Head:
    """Identity of a non-regulation document: abstract, Standar Pelayanan, SOP or form."""
    page = _first_page_lines(doc)
    text = "\n".join(page)
    head = Head()
    region = REGION_RE.search(text)
    if any(ABSTRAK_RE.match(line) for line in page[:15]):
        head.kind = "ABSTRAK"
        match = ABSTRAK_NUMBER_RE.search(text)
        if match:
            head.number = match.group("nomor")
            head.year = int(match.group("tahun"))
        subject = re.search(r"\bTENTANG\s+(?P<t>.+?)\n\s*ABSTRAK\b", text, re.S)
        head.tentang = collapse_ws(subject.group("t")) if subject else None
        mixed = REGION_MIXED_RE.search(text)
        head.issuer_region = _title_case_region(mixed.group("level"), mixed.group("name")) if mixed else None
        _amendment(head)
        return head
    if any(STANDAR_PELAYANAN_RE.match(line) for line in page[:3]):
        head.kind = "STANDAR_PELAYANAN"
    elif any(SOP_RE.match(line) for line in page[:5]) or _opens_as_sop(page):
        head.kind = "SOP"
    elif any(FORM_RE.match(line) for line in page[:15]):
        head.kind = "OTHER"
    else:
        return head
    number = DOC_NUMBER_RE.search(text)
    sop_number = next((m for m in map(SOP_NUMBER_RE.match, page) if m), None)
    head.number = (number or sop_number).group("nomor") if (number or sop_number) else None
    # An SOP's header table may follow a cover page: its date cells are looked for on page 2 too.
    opening = "\n".join(line.text for line in doc.lines if line.page <= 2)
    effective = EFFECTIVE_DATE_RE.search(text) or SOP_DATE_RE.search(opening)
    head.year = _year_from_date_text(effective.group("date")) if effective else None
    if head.kind != "SOP" and region:
        head.issuer_region = _title_case_region(region.group("level"), region.group("name"))
    return head


def _opens_as_sop(page: list[str]) -> bool:
    """Whether the page opens with an SOP title set over several short lines ("STANDAR / OPERASIONAL / …")."""
    return any(SOP_RE.match(collapse_ws(" ".join(page[i : i + 3]))) for i in range(min(len(page), 3)))


def parse_head(doc: NormalisedDocument) -> Head:
    """Identity of any document: a regulation title when present, else the document's own header."""
    page = _first_page_lines(doc)
    if _opens_as_sop(page) and not any(RAHMAT_RE.match(line) for line in page):
        return parse_other_document(doc)
    has_rahmat = any(RAHMAT_RE.match(line) for line in page)
    is_abstract = any(ABSTRAK_RE.match(line) for line in page[:15]) and not has_rahmat
    head = None if is_abstract else parse_regulation_title(doc)
    return head or parse_other_document(doc)


# ---------- konsiderans ----------


def _find_item_starts(text: str) -> list[int]:
    """Offsets where numbered items 1., 2., … start (in order, each after the previous)."""
    starts: list[int] = []
    pos = 0
    k = 1
    while True:
        label = "[1lI]" if k == 1 else str(k)  # OCR reads the first item's "1." as "l." or "I."
        dotted = re.compile(rf"(?:^|\n)[ \t:]*{label}\s*[.)]\s*(?=\S)")
        undotted = re.compile(rf"(?:^|\n)[ \t:]*{k}\s+(?={_ITEM_START_WORDS})")
        found = [m for m in (dotted.search(text, pos), undotted.search(text, pos)) if m]
        if not found:
            return starts
        match = min(found, key=lambda m: m.start())
        starts.append(match.end())
        pos = match.end()
        k += 1


#: Where an item starts when OCR lost its number: a lone list mark (". Undang-Undang …"), or a
#: regulation named at the start of a line after a line that ends an item ("…);" / "…," / "…:").
_LOST_NUMBER_ITEM_RE = re.compile(
    rf"(?:^|\n)[ \t]*[.,·•][ \t]+(?={_ITEM_START_WORDS})|(?<=[,;:)])[ \t]*\n[ \t]*(?={_ITEM_START_WORDS})"
)
_BAHWA_RE = re.compile(r"\bbahwa\b", re.I)


def _items_without_numbers(text: str) -> list[str]:
    """Items of a Mengingat whose numbers OCR lost, split at list marks and line starts; [] if < 2."""
    cuts = [m.end() for m in _LOST_NUMBER_ITEM_RE.finditer(text)]
    if len(cuts) < 2:
        return []
    chunks = [text[: cuts[0]]] + [text[a:b] for a, b in zip(cuts, cuts[1:] + [len(text)], strict=False)]
    items = [re.sub(r"[\s.,·•]+$", "", chunk).strip() for chunk in chunks]
    return [item for item in items if item and not _BAHWA_RE.search(item) and re.search(r"[A-Za-z]{4}", item)]


def split_mengingat(text: str) -> list[str]:
    """Split the Mengingat section into item texts; an unnumbered paragraph is one item."""
    starts = _find_item_starts(text)
    if len(starts) < 2:
        lost = _items_without_numbers(text)
        if lost:
            return lost
    if not starts:
        return [text.strip()] if text.strip() else []
    items = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        chunk = text[start:end]
        chunk = re.sub(rf"\n[ \t:]*{index + 2}\s*[.)]?\s*$", "", chunk)
        items.append(chunk.strip())
    return items


def parse_konsiderans(doc: NormalisedDocument) -> tuple[list[MenimbangItem], list[MengingatItem] | None, int]:
    """Parse Menimbang and Mengingat; return their items and the line index where the diktum starts."""
    lines = doc.lines
    start = next((i for i, line in enumerate(lines[:400]) if MENIMBANG_RE.match(line.text)), None)
    ming = next((i for i, line in enumerate(lines[:500]) if MENGINGAT_RE.match(line.text)), None)
    if start is None and ming is None:
        return [], None, 0
    first = min(i for i in (start, ming) if i is not None)
    end = next(
        (
            i
            for i in range(first + 1, len(lines))
            if KONSIDERANS_END_RE.match(lines[i].text) and i > (ming or 0)
        ),
        len(lines),
    )
    menimbang_text = ""
    mengingat: list[MengingatItem] | None = None
    if ming is not None:
        ming_end = next(
            (i for i in range(ming + 1, end) if re.match(r"^\s*(?:Memperhatikan|Membaca)\b", lines[i].text)),
            end,
        )
        rest = MENGINGAT_RE.match(lines[ming].text).group("rest")
        body_lines = [rest] + [line.text for line in lines[ming + 1 : ming_end]]
        if start is not None and start < ming:
            menimbang_text = doc.text(start, ming)
        stacked = start is not None and start < ming and not re.search(r"\bbahwa\b", menimbang_text, re.I)
        if stacked:
            # Labels printed together: the items follow, Menimbang first.
            joined = "\n".join(body_lines)
            first_item = re.search(r"(?:^|\n)[ \t:]*1\s*[.)]\s*(?=\S)", joined)
            cut = first_item.start() if first_item else 0
            menimbang_text, mengingat_text = joined[:cut], joined[cut:]
        else:
            mengingat_text = "\n".join(body_lines)
        items = split_mengingat(mengingat_text)
        mengingat = []
        for order, item in enumerate(items, start=1):
            main = first_reference(item)
            rest_citations = [c for c in parse_citations(item) if main is None or c.raw != main.raw]
            citations: list[Citation] = ([main] if main else []) + rest_citations
            mengingat.append(MengingatItem(order, collapse_ws(item), citations))
    else:
        menimbang_text = doc.text(start, end)
    menimbang = parse_menimbang(MENIMBANG_RE.sub(r"\g<rest>", menimbang_text, count=1))
    return menimbang, mengingat, end


def parse_menimbang(text: str) -> list[MenimbangItem]:
    """Split the Menimbang text into "bahwa …" items, keeping their letters when printed."""
    matches = list(re.finditer(r"(?:^|\n|:)\s*(?:(?P<huruf>[a-z])\s*[.)]\s*)?(?=[Bb]ahwa\b)", text))
    items = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        items.append(MenimbangItem(index + 1, match.group("huruf"), collapse_ws(text[match.end() : end])))
    return items
