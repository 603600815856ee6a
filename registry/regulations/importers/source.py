"""Read a JDIHN feed from a file or an http(s) URL, and fetch files named by a feed.

Every network read has a timeout and a size cap (``REGISTRY_JDIHN_FEED_MAX_BYTES``, 50 MB by
default, and ``REGISTRY_JDIHN_TIMEOUT_SECONDS``, 30 s); a body past the cap is refused before it
is read whole. Only ``http`` and ``https`` URLs are fetched.
"""

import json
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .text import is_http_url

USER_AGENT = "Registri-JDIHN-import/1.0"
#: Keys under which some feeds wrap their array ({"data": [...]}).
_WRAPPER_KEYS = ("data", "results", "peraturan", "items", "records")


class SourceError(Exception):
    """The feed (or a file it names) could not be read; the message is for the user."""


def feed_max_bytes() -> int:
    return int(getattr(settings, "REGISTRY_JDIHN_FEED_MAX_BYTES", 50 * 1024 * 1024))


def timeout_seconds() -> float:
    return float(getattr(settings, "REGISTRY_JDIHN_TIMEOUT_SECONDS", 30))


def _too_large(size: int, limit: int) -> SourceError:
    return SourceError(
        _("Ukuran %(size)s melebihi batas %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
    )


def fetch_url(
    url: str, max_bytes: int, timeout: float | None = None, accept: str = "*/*"
) -> tuple[bytes, str]:
    """GET ``url`` and return ``(body, content type)``; SourceError on any failure or past ``max_bytes``."""
    if not is_http_url(url):
        raise SourceError(_("Alamat '%(url)s' bukan URL http(s).") % {"url": url[:200]})
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout or timeout_seconds()) as response:  # noqa: S310
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_large(int(length), max_bytes)
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise _too_large(len(body), max_bytes)
            return body, response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise SourceError(
            _("Server menjawab %(code)s %(reason)s untuk %(url)s.")
            % {"code": exc.code, "reason": exc.reason, "url": url[:200]}
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise SourceError(
            _("%(url)s tidak dapat diambil: %(reason)s") % {"url": url[:200], "reason": reason}
        ) from exc


def read_file(path: str, max_bytes: int) -> bytes:
    """The bytes of a local file, refused past ``max_bytes``."""
    file = Path(path)
    if not file.is_file():
        raise SourceError(_("Berkas umpan tidak ditemukan: %(path)s") % {"path": path})
    size = file.stat().st_size
    if size > max_bytes:
        raise _too_large(size, max_bytes)
    return file.read_bytes()


def parse_feed(body: bytes) -> list:
    """The records of a feed body: a JSON array, or an object wrapping one (``{"data": [...]}``)."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SourceError(_("Isi umpan bukan teks UTF-8.")) from exc
    except json.JSONDecodeError as exc:
        raise SourceError(
            _("Isi umpan bukan JSON yang sah (baris %(line)s, kolom %(col)s): %(msg)s")
            % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}
        ) from exc
    if isinstance(data, dict):
        wrapped = [data[key] for key in _WRAPPER_KEYS if isinstance(data.get(key), list)]
        lists = wrapped or [value for value in data.values() if isinstance(value, list)]
        if len(lists) == 1:
            data = lists[0]
    if not isinstance(data, list):
        raise SourceError(_("Umpan JDIHN harus berupa larik JSON ([...]) berisi catatan peraturan."))
    return data


def load_source(source: str, timeout: float | None = None) -> list:
    """The records of the feed at ``source`` (a file path or an http(s) URL)."""
    limit = feed_max_bytes()
    if "://" in source:
        body, _content_type = fetch_url(source, limit, timeout, accept="application/json")
    else:
        body = read_file(source, limit)
    return parse_feed(body)
