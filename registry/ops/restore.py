"""Restore a backup archive (registry/ops/backup.py) into an empty installation.

Order: read the manifest and check every member's sha256 *before* anything changes (a damaged
archive changes nothing); refuse a non-empty installation unless ``force``; load the database
(SQLite: the online backup API into the open connection; PostgreSQL: ``pg_restore --clean``);
``migrate`` (a backup from an older release gets the newer schema); copy the media files; compare
the row counts with the manifest; rebuild the search index.
"""

import hashlib
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page
from wagtail.models.sites import Site

from registry.regulations.models import RegulationDocument

from .backup import FORMAT_VERSION, PG_FORMAT, SQLITE_FORMAT, BackupError, count_rows, pg_environment

NOT_EMPTY = (
    "Instalasi ini tidak kosong (%(what)s); pemulihan akan menimpa isinya. Pulihkan ke instalasi "
    "kosong (basis data baru yang sudah di-migrate), atau ulangi dengan --force bila memang ingin "
    "menimpa. (This installation is not empty; restore into an empty one, or pass --force to "
    "overwrite it.)"
)


def installation_contents() -> list[str]:
    """What makes this installation non-empty (users, documents, pages beyond Wagtail's initial ones)."""
    found = []
    users = get_user_model().objects.count()
    if users:
        found.append(f"{users} pengguna")
    documents = RegulationDocument.objects.count()
    if documents:
        found.append(f"{documents} dokumen")
    pages = Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).count()
    if pages:
        found.append(f"{pages} halaman")
    return found


def _read_member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(name)
    if handle is None:
        raise BackupError(f"Arsip rusak: {name} bukan berkas. (Damaged archive: {name}.)")
    return handle.read()


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts


def read_and_verify(src: Path, folder: Path) -> dict:
    """Extract ``src`` into ``folder`` and check it against its manifest; returns the manifest."""
    try:
        archive = tarfile.open(src, "r:*")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Arsip cadangan tidak dapat dibaca: {exc}. (Cannot read the archive.)") from exc
    with archive:
        try:
            manifest = json.loads(_read_member(archive, "manifest.json"))
        except (KeyError, ValueError) as exc:
            raise BackupError("Arsip tanpa manifest.json yang sah. (No valid manifest.)") from exc
        if manifest.get("format_version", 0) > FORMAT_VERSION:
            raise BackupError(
                f"Format cadangan {manifest.get('format_version')} lebih baru dari yang dikenal versi ini "
                f"({FORMAT_VERSION}); perbarui Registri dahulu. (Backup format too new.)"
            )
        expected = manifest["files"]
        for member in archive.getmembers():
            if member.name == "manifest.json":
                continue
            if not member.isfile() or not _safe_name(member.name) or member.name not in expected:
                raise BackupError(f"Arsip memuat entri tak terduga: {member.name}. (Unexpected member.)")
            target = folder / member.name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with archive.extractfile(member) as source, open(target, "wb") as out:
                for chunk in iter(lambda source=source: source.read(1 << 20), b""):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != expected[member.name]:
                raise BackupError(f"Checksum tidak cocok: {member.name}. (Checksum mismatch.)")
        missing = [name for name in expected if not (folder / name).is_file()]
        if missing:
            raise BackupError(f"Berkas hilang dari arsip: {', '.join(missing[:5])}. (Missing members.)")
    return manifest


def _load_sqlite(path: Path) -> None:
    if connection.vendor != "sqlite":
        raise BackupError(
            "Cadangan ini dari SQLite; basis data tujuan bukan SQLite. (SQLite backup, non-SQLite target.)"
        )
    connection.close()
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _load_postgresql(path: Path) -> None:
    if connection.vendor != "postgresql":
        raise BackupError(
            "Cadangan ini dari PostgreSQL; basis data tujuan bukan PostgreSQL. (PostgreSQL backup, "
            "non-PostgreSQL target.)"
        )
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        raise BackupError("pg_restore tidak ditemukan; pasang postgresql-client. (pg_restore not found.)")
    settings_dict = connection.settings_dict
    connection.close()  # pg_restore drops and recreates the tables: hold no lock on them
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={settings_dict['NAME']}",
            str(path),
        ],
        env=pg_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore gagal (pg_restore failed): {result.stderr.strip()}")


def _copy_media(folder: Path) -> int:
    media_root = Path(settings.MEDIA_ROOT)
    copied = 0
    source_root = folder / "media"
    if not source_root.is_dir():
        return 0
    for path in sorted(source_root.rglob("*")):
        if path.is_file():
            target = media_root / path.relative_to(source_root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            copied += 1
    return copied


def restore_backup(src: Path, force: bool = False, progress=print) -> dict:
    """Restore ``src``; returns the manifest. Raises :class:`BackupError` before changing anything."""
    with tempfile.TemporaryDirectory(prefix="registri-restore-") as tmp:
        folder = Path(tmp)
        manifest = read_and_verify(Path(src), folder)
        progress(f"arsip diperiksa: {len(manifest['files'])} berkas, checksum cocok")
        contents = installation_contents()
        if contents and not force:
            raise BackupError(NOT_EMPTY % {"what": ", ".join(contents)})
        database = manifest["database"]
        loaders = {SQLITE_FORMAT: _load_sqlite, PG_FORMAT: _load_postgresql}
        if database["format"] not in loaders:
            raise BackupError(f"Format basis data tidak dikenal: {database['format']}. (Unknown format.)")
        loaders[database["format"]](folder / database["member"])
        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()
        progress(f"basis data dipulihkan ({database['format']})")
        call_command("migrate", interactive=False, verbosity=0)
        progress(f"media: {_copy_media(folder)} berkas disalin ke {settings.MEDIA_ROOT}")
    with connection.cursor() as cursor:
        counts = count_rows(cursor)
    differing = {k: (v, counts.get(k)) for k, v in manifest["counts"].items() if counts.get(k) != v}
    if differing:
        raise BackupError(f"Jumlah baris berbeda dari manifest (row counts differ): {differing}")
    call_command("rebuild_search_index", verbosity=0, stdout=_Null())
    progress("indeks pencarian dibangun ulang")
    return manifest


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
