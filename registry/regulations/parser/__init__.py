"""Pure-Python parser for the text of Indonesian regulations (no Django imports).

Input is the text of a PDF as one string per page (as produced by pdfminer.six); output is plain
dataclasses (``ParsedRegulation``). ``to_labels`` flattens a result to the fields and vocabulary of
the corpus ground truth (``shared/corpus/real/LABELS.md``) so that both can be compared.
"""

from __future__ import annotations

from .amendments import parse_amendments
from .body import count_pasal, find_body_range, parse_body
from .closing import parse_closing, parse_delegations, parse_revocations
from .context import bounded_year, cited_years
from .head import parse_head, parse_konsiderans
from .models import Citation, Gazette, ParsedRegulation
from .normalise import normalise_pages
from .votes import settle_number_and_year

__all__ = ["ParsedRegulation", "parse_regulation", "to_labels"]

# Document kinds that have no closing provisions, Mengingat or body of their own.
NON_REGULATION_KINDS = {"LAMPIRAN", "SOP", "STANDAR_PELAYANAN", "ABSTRAK"}
# Documents whose year comes from a date in their own header rather than from a title.
DATED_BY_HEADER_KINDS = {"SOP", "STANDAR_PELAYANAN", "OTHER"}


def _bound_year_by_mengingat(head, mengingat) -> None:
    """A year no other place agrees with cannot be older than the Mengingat's (see ``context``)."""
    agreeing, read = head.agreement.get("year", ((), ()))
    if head.year is None or len(agreeing) > 1:
        return
    cited = [citation.year for item in mengingat or [] for citation in item.citations if citation.year]
    year = bounded_year(head.year, cited)
    if year != head.year:
        head.year = year
        head.agreement["year"] = ((), read)


def parse_regulation(pages: list[str], file_name: str | None = None) -> ParsedRegulation:
    """Parse the page texts of one regulation into a ``ParsedRegulation``.

    ``file_name`` (the uploaded file's name, optional) is one more witness of the number and year.
    """
    doc = normalise_pages(pages)
    head = parse_head(doc)
    non_regulation = head.kind in NON_REGULATION_KINDS or (head.kind == "OTHER" and head.tentang is None)
    if non_regulation:
        empty_closing = parse_closing(doc, len(doc.lines), head.issuer_region)
        if head.kind != "ABSTRAK":
            empty_closing.gazette = None
            empty_closing.date_promulgated = None
        if head.kind in DATED_BY_HEADER_KINDS:
            # An SOP's or Standar Pelayanan's year is read from one date, often handwritten.
            head.year = bounded_year(head.year, cited_years("\n".join(line.text for line in doc.lines)))
        return ParsedRegulation(head, [], None, [], None, None, [], empty_closing, doc)
    menimbang, mengingat, diktum_start = parse_konsiderans(doc)
    body_start, body_end = find_body_range(doc, diktum_start)
    nodes, warnings = parse_body(doc, body_start, body_end)
    closing = parse_closing(doc, body_end, head.issuer_region)
    settle_number_and_year(head, closing, doc, file_name)
    _bound_year_by_mengingat(head, mengingat)
    return ParsedRegulation(
        head=head,
        menimbang=menimbang,
        mengingat=mengingat,
        body=nodes,
        pasal_count=count_pasal(nodes),
        revocations=parse_revocations(nodes),
        delegations=parse_delegations(menimbang, nodes),
        closing=closing,
        document=doc,
        warnings=warnings,
        amendments=parse_amendments(head, nodes),
    )


def _ref(citation: Citation | None) -> dict | None:
    """A citation as a LABELS reference ``{kind, number, year}``."""
    if citation is None:
        return None
    return {"kind": citation.kind, "number": citation.number, "year": citation.year}


def _gazette(gazette: Gazette | None) -> dict | None:
    """A gazette entry in LABELS form (regional entries carry a region)."""
    if gazette is None:
        return None
    out = {"series": gazette.series, "year": gazette.year, "number": gazette.number}
    if gazette.series.endswith("DAERAH"):
        out = {
            "series": gazette.series,
            "region": gazette.region,
            "year": gazette.year,
            "number": gazette.number,
        }
    return out


def to_labels(parsed: ParsedRegulation) -> dict:
    """Flatten a parse result to exactly the LABELS.md fields and vocabulary."""
    head = parsed.head
    closing = parsed.closing
    revokes = None
    if parsed.revocations is not None:
        revokes = [_ref(revocation.target) for revocation in parsed.revocations]
    mengingat = parsed.mengingat
    return {
        "doc_kind": head.kind or "OTHER",
        "issuer_region": head.issuer_region,
        "number": head.number,
        "year": head.year,
        "title_tentang": head.tentang,
        "is_amendment": head.is_amendment,
        "amends": _ref(head.amends) if head.is_amendment else None,
        "revokes": revokes,
        "mengingat_count": len(mengingat) if mengingat is not None else None,
        "mengingat_first3": [_ref(item.main) for item in mengingat[:3]] if mengingat is not None else None,
        "pasal_count": parsed.pasal_count,
        "place_enacted": closing.place_enacted,
        "date_enacted": closing.date_enacted.isoformat() if closing.date_enacted else None,
        "date_promulgated": closing.date_promulgated.isoformat() if closing.date_promulgated else None,
        "gazette": _gazette(closing.gazette),
    }
