"""An SK Standar Pelayanan PDF → proposals per service → draft service pages. Django side.

:func:`read_pdf` extracts the text in the extraction's child processes (deadline and memory cap, no
OCR: a scan has nothing to propose) and :mod:`.sp_decree` reads it. :func:`proposal_of` turns the
reading into plain data (kept in the session between the proposal and the confirmation) and finds
the decree among the registry's regulations by nomor and tahun. :func:`import_proposal` writes the
components an editor ticked through the spreadsheet import's planner and writer, so both imports
share one path into the model: a new service is a draft, an existing one gets a new draft revision
of the ticked components only, nothing is published.
"""

import os
import tempfile

from django.utils.translation import gettext as _

from registry.regulations.extraction import extract_pdf
from registry.regulations.extraction.pipeline import extraction_options
from registry.regulations.extraction.reasons import reason_text
from registry.regulations.models import RegulationPage

from ..components import Component
from . import messages as msg
from .rows import parse_row
from .sp_decree import DELIVERY, DecreeReading, read_decree
from .writer import ServiceImportReport, plan_rows, write_plans

#: Seconds the text extraction of an uploaded decree may take (a few pages; the request waits).
READ_TIMEOUT_SECONDS = 60


class UnreadablePdf(Exception):
    """The PDF cannot be read; the message is an Indonesian sentence for the user."""


def read_pdf(data: bytes) -> list[str]:
    """The page texts of a PDF; raises :class:`UnreadablePdf` with the reason in Indonesian."""
    handle, path = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        options = extraction_options(ocr=False, timeout_seconds=READ_TIMEOUT_SECONDS, workers=1)
        outcome = extract_pdf(path, options)
    finally:
        os.unlink(path)
    if outcome.status != "done":
        raise UnreadablePdf(reason_text(outcome.reason_code, outcome.reason_params))
    pages = [page.text or "" for page in outcome.pages]
    if not any(text.strip() for text in pages):
        raise UnreadablePdf(
            _("PDF ini tidak memiliki lapisan teks (hasil pindaian), jadi komponennya tidak dapat dibaca.")
        )
    return pages


def find_decree(kind: str, nomor: str | None, tahun: int | None) -> RegulationPage | None:
    """The registry's regulation with this nomor and tahun (a Keputusan first), or None."""
    if not nomor or not tahun:
        return None
    candidates = RegulationPage.objects.select_related("regulation_type").filter(
        nomor__iexact=nomor.strip(), tahun=tahun
    )
    ranked = sorted(candidates, key=lambda r: ("KEP" not in r.regulation_type.code, not r.live, r.pk))
    return ranked[0] if ranked else None


def proposal_of(reading: DecreeReading) -> dict:
    """The reading as JSON-ready data, with the matching regulation's id and title."""
    decree = find_decree(reading.kind, reading.nomor, reading.tahun)
    services = []
    for service in reading.services:
        sections = {}
        for code in DELIVERY:
            section = service.sections.get(code)
            if section is None:
                continue
            sections[code] = {
                "items": section.items,
                "groups": section.groups,
                "text": section.text,
                "skipped": section.skipped,
                "diagram": section.diagram,
                "readable": section.readable,
            }
        services.append({"title": service.title[:255], "sections": sections})
    return {
        "kind": reading.kind,
        "nomor": reading.nomor or "",
        "tahun": reading.tahun,
        "tentang": reading.tentang or "",
        "regulation_id": decree.pk if decree else None,
        "regulation_title": decree.title if decree else "",
        "services": services,
    }


def read_proposal(data: bytes) -> dict:
    """Upload → proposal; raises :class:`UnreadablePdf`."""
    return proposal_of(read_decree(read_pdf(data)))


def component_label(code: str) -> str:
    return str(Component(code).label)


def _cells(service: dict, chosen: set[str], title: str) -> dict:
    sections = service["sections"]
    cells = {"layanan": title}
    for code in DELIVERY:  # the sheet's columns carry the components' codes
        if code in chosen and code in sections and sections[code]["readable"]:
            section = sections[code]
            cells[code] = "\n".join(section["items"]) if section["items"] else section["text"]
    return cells


def import_proposal(
    proposal: dict, unit, choices: dict[int, dict], user=None, dry_run: bool = False
) -> ServiceImportReport:
    """Plan (and unless ``dry_run`` or an error, write) the chosen services under ``unit``.

    ``choices`` maps a service's index in the proposal to ``{"title": str, "components": set}``;
    services not in it are left out. Row numbers in the report are the services' numbers (1, 2 …).
    """
    report = ServiceImportReport(dry_run=dry_run)
    records = []
    for index, choice in sorted(choices.items()):
        service = proposal["services"][index]
        chosen = {code for code in choice["components"] if code in DELIVERY}
        title = " ".join((choice.get("title") or service["title"]).split())
        record, issues = parse_row(index + 1, _cells(service, chosen, title) | {"opd": unit.title})
        record.components = tuple(code for code in DELIVERY if code in chosen)
        if "persyaratan" in chosen and "persyaratan" in service["sections"]:
            groups = service["sections"]["persyaratan"]["groups"]
            record.requirement_notes = [group[:255] for group in groups]
        record.bases = []  # a partial import links only the decree; a tariff's regulation stays in the note
        report.issues.extend(issues)
        records.append(record)
    decree = None
    if proposal.get("regulation_id"):
        decree = RegulationPage.objects.filter(pk=proposal["regulation_id"]).first()
    plans, issues = plan_rows(records, user, unit=unit, sk_sp=decree)
    report.plans = plans
    report.issues.extend(issues)
    if not records:
        report.issues.append(msg.Issue(0, "", msg.NO_SERVICE_CHOSEN))
    report.issues.sort(key=lambda issue: (issue.row, issue.level != msg.ERROR))
    if report.ok and not dry_run:
        report.written = write_plans(plans, user, report.issues)
    return report
