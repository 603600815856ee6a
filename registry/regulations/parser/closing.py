"""Closing provisions: revocations, delegations, signing dates and the gazette entry."""

from __future__ import annotations

import re
from datetime import date

from .body import full_text, iter_pasal
from .citations import parse_citations
from .models import Closing, Delegation, Gazette, MenimbangItem, Node, NormalisedDocument, Revocation
from .patterns import (
    ABSTRAK_NUMBER_RE,
    DATE_NUMERIC_RE,
    DATE_TEXT_RE,
    DELEGASI_RE,
    GAZETTE_HEADER_RE,
    LAMPIRAN_RE,
    MONTHS,
    OPEN_DELEGATION_RE,
    PARTIAL_RE,
    PENJELASAN_RE,
    PROM_NUMBER_FIRST_RE,
    PROM_RE,
    REVOKE_RE,
    SIGN_RE,
    collapse_ws,
)

CLOSING_WINDOW_LINES = 120
#: A full stop that ends a sentence; a list label ("b. Peraturan …") is not one.
_SENTENCE_END_RE = re.compile(r"(?<=\S)[a-z)]\.\s+(?=[A-Z])")
_ENACT_WORDS = ("ditetapkan", "disahkan", "dikeluarkan")
_PROMULGATE_WORDS = ("diundangkan", "diumumkan")
_GAZETTE_CODES = {
    "LD": "LEMBARAN DAERAH",
    "BD": "BERITA DAERAH",
    "LN": "LEMBARAN NEGARA",
    "BN": "BERITA NEGARA",
}


def parse_date(text: str) -> date | None:
    """First date in ``text`` ("20 Mei 2025", "27 Nopember 1963", "30-12-2025"); None if unreadable."""
    match = DATE_TEXT_RE.search(text)
    try:
        if match:
            return date(int(match.group("y")), MONTHS[match.group("m").lower()], int(match.group("d")))
        match = DATE_NUMERIC_RE.search(text)
        if match:
            return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
    return None


def _revocation_segments(text: str):
    """Yield (segment, revoke-phrase) pairs: the text that leads up to each revocation phrase."""
    flat = collapse_ws(text)
    boundary = 0
    for match in REVOKE_RE.finditer(flat):
        sentence_ends = [m.end() for m in _SENTENCE_END_RE.finditer(flat, boundary, match.start())]
        segment_start = sentence_ends[-1] if sentence_ends else boundary
        yield flat[segment_start : match.start()], match.group(0)
        boundary = match.end()


def _revocation_texts(nodes: list[Node]) -> list[str]:
    """Texts to scan for revocations: each top-level Pasal (or diktum), without quoted amended Pasal."""
    texts = []
    for pasal in iter_pasal(nodes):
        if re.fullmatch(r"[IVXL]+", pasal.label):
            texts.append("\n".join([pasal.text] + [c.text for c in pasal.children if c.kind == "AYAT"]))
        else:
            texts.append(full_text(pasal))
    texts.extend(node.text for node in nodes if node.kind == "DIKTUM")
    return texts


def parse_revocations(nodes: list[Node]) -> list[Revocation]:
    """Regulations this one declares no longer in force ("dicabut dan dinyatakan tidak berlaku")."""
    revocations: list[Revocation] = []
    seen: set[tuple] = set()
    for text in _revocation_texts(nodes):
        for segment, _phrase in _revocation_segments(text):
            partial = bool(PARTIAL_RE.search(segment))
            for citation in parse_citations(segment):
                if citation.role != "BASE" or citation.key() in seen:
                    continue
                seen.add(citation.key())
                revocations.append(Revocation(citation, partial, segment))
    return revocations


def parse_delegations(menimbang: list[MenimbangItem], nodes: list[Node]) -> list[Delegation]:
    """Delegations: Menimbang "untuk melaksanakan ketentuan …" and Pasal "diatur dengan Peraturan …"."""
    delegations: list[Delegation] = []
    for item in menimbang:
        match = DELEGASI_RE.search(item.text)
        if match:
            targets = parse_citations(match.group("target"))
            pasal = re.search(r"Pasal\s+\d+[A-Z]?(?:\s+ayat\s+\(\d+\))?", match.group("target"))
            delegations.append(
                Delegation(
                    "IMPLEMENTS",
                    collapse_ws(match.group(0)),
                    targets[0] if targets else None,
                    pasal.group(0) if pasal else None,
                )
            )
    for pasal in iter_pasal(nodes):
        flat = collapse_ws(full_text(pasal))
        for match in OPEN_DELEGATION_RE.finditer(flat):
            start = max(flat.rfind(". ", 0, match.start()) + 2, 0)
            end = flat.find(".", match.end())
            sentence = flat[start : end + 1 if end >= 0 else len(flat)]
            delegations.append(Delegation("OPEN", sentence, None, f"Pasal {pasal.label}"))
    return delegations


def _closing_text(doc: NormalisedDocument, body_end: int) -> str:
    """The lines of the signing block: from the body end to PENJELASAN / LAMPIRAN (bounded)."""
    lines = doc.lines
    end = min(len(lines), body_end + CLOSING_WINDOW_LINES)
    for i in range(body_end + 1, end):
        if PENJELASAN_RE.match(lines[i].text) or LAMPIRAN_RE.match(lines[i].text):
            end = i
            break
    return "\n".join(line.text for line in lines[body_end:end])


def _place_and_date(rest: str) -> tuple[str | None, date | None]:
    """Split the text after "Ditetapkan di" into a place and a date (either may be unreadable)."""
    flat = collapse_ws(rest)
    flat = re.split(r"\b(?:Ditetapkan|Disahkan|Dikeluarkan|Diundangkan|Diumumkan)\b", flat, flags=re.I)[0]
    parts = re.split(r"\b[Pp]ada\s+[Tt]anggal\b|\bPADA\s+TANGGAL\b", flat, maxsplit=1)
    place_match = re.match(r"^([A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+){0,2})\s*,?\s*$", parts[0].strip())
    place = place_match.group(1) if place_match else None
    when = parse_date(parts[1][:60]) if len(parts) > 1 else None
    return place, when


def _gazette_from(text: str) -> Gazette | None:
    """The promulgation line ("BERITA DAERAH KOTA BOGOR TAHUN 2009 NOMOR 18") in ``text``."""
    flat = collapse_ws(text)
    match = PROM_RE.search(flat) or PROM_NUMBER_FIRST_RE.search(flat)
    if not match:
        return None
    series = f"{match.group('series')} {match.group('level')}"
    region_words = collapse_ws(match.group("region"))
    region = None
    level = re.match(r"(KOTA|KABUPATEN|PROVINSI)\s+(.+)$", region_words)
    if level and match.group("level") == "DAERAH":
        region = f"{level.group(1).capitalize()} {' '.join(w.capitalize() for w in level.group(2).split())}"
    number = match.group("nomor")
    return Gazette(series, int(match.group("tahun")), number, region)


def parse_closing(doc: NormalisedDocument, body_end: int, region: str | None = None) -> Closing:
    """Place and dates of enactment and promulgation, and the gazette entry."""
    closing = Closing()
    text = _closing_text(doc, body_end)
    flat = collapse_ws(text)
    for match in SIGN_RE.finditer(flat):
        word = match.group("kind").lower()
        place, when = _place_and_date(match.group("rest"))
        if word in _ENACT_WORDS:
            closing.place_enacted = closing.place_enacted or place
            closing.date_enacted = closing.date_enacted or when
        elif word in _PROMULGATE_WORDS:
            closing.place_promulgated = closing.place_promulgated or place
            closing.date_promulgated = closing.date_promulgated or when
    closing.gazette = _gazette_from(text)
    page_one = "\n".join(line.text for line in doc.lines if line.page == 1)
    if closing.gazette is None:
        header = GAZETTE_HEADER_RE.search(collapse_ws(page_one))
        if header:
            series = f"{header.group('series')} NEGARA"
            closing.gazette = Gazette(series, int(header.group("tahun")), header.group("nomor"))
    if closing.gazette is None:
        abstract = ABSTRAK_NUMBER_RE.search(page_one)
        code = re.search(r"\b(LD|BD|LN|BN)\s*\d{4}\s*/", page_one)
        if abstract and code:
            series = _GAZETTE_CODES[code.group(1)]
            gaz_region = region if series.endswith("DAERAH") else None
            closing.gazette = Gazette(series, int(abstract.group("tahun")), abstract.group("gaz"), gaz_region)
    if closing.date_promulgated is None:
        fallback = re.search(
            r"\bdiundangkan\s+(?:pada\s+tanggal\s+)?(\d{1,2}\s+\w+\s+\d{4})", doc.text(), re.I
        )
        closing.date_promulgated = parse_date(fallback.group(1)) if fallback else None
    return closing
