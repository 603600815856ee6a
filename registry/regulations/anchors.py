"""Stable anchors for provisions: "Pasal 5 ayat (2)" → "pasal-5-ayat-2"."""

import re

_PROVISION_RE = re.compile(
    r"pasal\s+(?P<pasal>\d+[a-z]?|[ivxlc]+)(?:\s+ayat\s+\(?\s*(?P<ayat>\d+)\s*\)?)?", re.IGNORECASE
)


def provision_anchor(label: str) -> str:
    """The article anchor for a provision label, or "" when the label names no pasal."""
    match = _PROVISION_RE.search(label or "")
    if not match:
        return ""
    anchor = f"pasal-{match['pasal'].lower()}"
    if match["ayat"]:
        anchor += f"-ayat-{match['ayat']}"
    return anchor
