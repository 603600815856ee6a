"""Cheap checks on raw bytes: is this a PDF at all, and what is its content hash.

Nothing here parses the PDF's objects, so these checks are safe to run in the web process on any
upload. Everything that interprets a PDF runs in a child process (see ``runner.py``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import BinaryIO

#: The PDF specification lets readers find the header within the first 1024 bytes.
HEADER_WINDOW = 1024
PDF_HEADER = b"%PDF-"
_INDIRECT_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Sniffed:
    """What the first bytes of a file say it is: ``kind`` is pdf, empty, html, zip or unknown."""

    kind: str
    detail: str = ""

    @property
    def is_pdf(self) -> bool:
        """Whether the PDF header was found."""
        return self.kind == "pdf"


def sniff_bytes(head: bytes) -> Sniffed:
    """Classify a file by its first bytes (pass at least ``HEADER_WINDOW`` bytes when available)."""
    if not head.strip():
        return Sniffed("empty")
    window = head[:HEADER_WINDOW]
    if PDF_HEADER in window:
        return Sniffed("pdf")
    start = window.lstrip()[:64].lower()
    if start.startswith(b"pk\x03\x04") or start.startswith(b"pk\x05\x06"):
        return Sniffed("zip", "arsip ZIP")
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return Sniffed("html", "halaman HTML/XML")
    return Sniffed("unknown", describe_bytes(window))


def describe_bytes(head: bytes) -> str:
    """A short printable preview of the first bytes, for error messages."""
    preview = head[:16]
    if all(32 <= byte < 127 for byte in preview):
        return repr(preview.decode("ascii"))
    return preview.hex(" ")


def sniff_file(fileobj: BinaryIO) -> Sniffed:
    """Sniff an open binary file from its start, leaving the position at the start."""
    fileobj.seek(0)
    head = fileobj.read(HEADER_WINDOW)
    fileobj.seek(0)
    return sniff_bytes(head)


def has_pdf_objects(fileobj: BinaryIO, limit: int | None = None) -> bool:
    """Whether the file holds at least one ``N G obj`` indirect object (a PDF body, even a damaged one).

    Reads in chunks with an overlap so that a marker split across two chunks is still found.
    """
    fileobj.seek(0)
    carry = b""
    read = 0
    try:
        while limit is None or read < limit:
            chunk = fileobj.read(_CHUNK)
            if not chunk:
                return False
            read += len(chunk)
            if _INDIRECT_OBJECT.search(carry + chunk):
                return True
            carry = chunk[-64:]
        return False
    finally:
        fileobj.seek(0)


def sha256_of(fileobj: BinaryIO) -> str:
    """The SHA-256 hex digest of a binary file's content, read from its start."""
    fileobj.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(_CHUNK), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def sha256_of_path(path: str) -> str:
    """The SHA-256 hex digest of the file at ``path``."""
    with open(path, "rb") as fileobj:
        return sha256_of(fileobj)
