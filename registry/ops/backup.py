"""Backups: the database and the media files in one archive with a manifest (docs/operations.md).

Archive layout (a ``.tar.gz``)::

    manifest.json        format version, Registri/Django versions, database vendor and format,
                         row counts per kind of content, sha256 of every other member
    database/…           db.sqlite3 (SQLite online backup API) or db.pgdump (pg_dump custom format)
    media/…              every file under MEDIA_ROOT (documents, original images, renditions)

The database copy is consistent under writes: SQLite's online backup API copies one snapshot while
others keep writing; on PostgreSQL the counts and ``pg_dump`` read one exported snapshot of a
REPEATABLE READ transaction. Media files are copied after the database snapshot: documents are
never modified in place, so every file the copy names is there (a file uploaded meanwhile is extra).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

import django
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

FORMAT_VERSION = 1
SQLITE_FORMAT = "sqlite-backup"
PG_FORMAT = "pg_dump-custom"

#: What the manifest counts, by database table, so a count can be taken from a SQLite copy too.
COUNTED_TABLES = {
    "pages": "wagtailcore_page",
    "revisions": "wagtailcore_revision",
    "documents": "regulations_regulationdocument",
    "document_pages": "regulations_documentpage",
    "extraction_runs": "regulations_extractionrun",
    "article_nodes": "regulations_articlenode",
    "images": "wagtailimages_image",
    "service_coverage": "coverage_servicecoverage",
    "findings": "coverage_finding",
    "coverage_snapshots": "coverage_coveragesnapshot",
    "users": "auth_user",
}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def count_rows(cursor) -> dict[str, int]:
    counts = {}
    for label, table in COUNTED_TABLES.items():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names are constants
        counts[label] = cursor.fetchone()[0]
    return counts


def pg_environment(settings_dict) -> dict[str, str]:
    """libpq's environment for the Django connection ``settings_dict`` (the password stays off argv)."""
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[name] = str(settings_dict[key])
    env["PGDATABASE"] = str(settings_dict["NAME"])
    return env


def _dump_sqlite(folder: Path) -> tuple[Path, dict]:
    target = folder / "db.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        counts = count_rows(copy.cursor())
    finally:
        copy.close()
    return target, counts


def _dump_postgresql(folder: Path) -> tuple[Path, dict]:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError(
            "pg_dump tidak ditemukan; pasang paket postgresql-client (versi sama dengan server). "
            "(pg_dump not found: install the PostgreSQL client tools.)"
        )
    target = folder / "db.pgdump"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = count_rows(cursor)
        command = [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
        result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [*command, f"--file={target}"],
            env=pg_environment(connection.settings_dict),
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise BackupError(f"pg_dump gagal (pg_dump failed): {result.stderr.strip()}")
    return target, counts


def media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def _installed_version() -> str:
    try:
        return metadata.version("registri")
    except metadata.PackageNotFoundError:
        return "unknown"


def create_backup(dest: Path) -> tuple[Path, dict]:
    """Write a backup archive to ``dest`` (a file, or a folder to put a dated file in)."""
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"registri-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
    dest.parent.mkdir(parents=True, exist_ok=True)
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Basis data {vendor} tidak didukung. (Unsupported database {vendor}.)")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="registri-backup-") as tmp:
        if vendor == "sqlite":
            db_file, counts = _dump_sqlite(Path(tmp))
            db_format = SQLITE_FORMAT
        else:
            db_file, counts = _dump_postgresql(Path(tmp))
            db_format = PG_FORMAT
        members = [(f"database/{db_file.name}", db_file)]
        members += [(f"media/{p.relative_to(media_root).as_posix()}", p) for p in media_files(media_root)]
        manifest = {
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "registri_version": _installed_version(),
            "django_version": django.get_version(),
            "database": {"vendor": vendor, "format": db_format, "member": members[0][0]},
            "counts": counts,
            "media_files": len(members) - 1,
            "files": {name: sha256_file(path) for name, path in members},
        }
        manifest_path = Path(tmp) / "manifest.json"
        manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        partial = dest.with_name(dest.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_path, arcname="manifest.json")
            for name, path in members:
                archive.add(path, arcname=name)
        partial.replace(dest)
    return dest, manifest
