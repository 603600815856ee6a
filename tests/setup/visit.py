"""An anonymous visitor, run by test_production_install.py inside the production environment.

Run as a script (``python tests/setup/visit.py SPEC``) with the environment of an installation;
SPEC is a JSON object ``{"pages": {name: [url, [texts]]}, "searches": {name: query}}``. Prints one
JSON object: per page its status and the texts it does not show, per search its status and the
URLs of its hits (``/cari/?format=json``), and the regulations in the database with their URLs;
then, on stderr, the demo modules the process loaded (as ``traced.py`` does).
"""

import json
import sys
from pathlib import Path

# The reverse proxy terminates TLS and says so (SECURE_PROXY_SSL_HEADER); SSL redirect stays on.
HTTPS = {"X-Forwarded-Proto": "https"}


def main(spec: dict) -> dict:
    from django.test import Client

    from registry.regulations.models import RegulationPage

    public = Client(headers=HTTPS)
    seen = {"pages": {}, "searches": {}}
    for name, (url, texts) in spec.get("pages", {}).items():
        response = public.get(url)
        html = response.content.decode()
        seen["pages"][name] = [response.status_code, [text for text in texts if text not in html]]
    for name, query in spec.get("searches", {}).items():
        found = public.get("/cari/", {"q": query, "format": "json"})
        hits = found.json()["hits"] if found.status_code == 200 else []
        seen["searches"][name] = [found.status_code, [hit["url"] for hit in hits]]
    seen["regulations"] = sorted(
        [page.regulation_type.code, page.nomor, page.tahun, page.wilayah, page.live, page.url]
        for page in RegulationPage.objects.select_related("regulation_type")
    )
    return seen


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import django

    django.setup()
    try:
        print(json.dumps(main(json.loads(sys.argv[1])), ensure_ascii=False))
    finally:
        from tests.setup.traced import MARKER, demo_modules

        print(MARKER + json.dumps(demo_modules()), file=sys.stderr)
