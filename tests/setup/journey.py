"""The first week of a city, run by test_production_install.py inside the production environment.

Run as a script (``python tests/setup/journey.py``) with the environment of an installation made by
``migrate`` and ``setup_registry``: a superuser creates, through the Wagtail admin's add-page forms,
a first Perda, a first Perangkat Daerah and a first service under it; an anonymous visitor then
reads the public pages and searches. Prints one JSON object with what it saw, for the test to check.
"""

import json
import sys
from pathlib import Path

# The reverse proxy terminates TLS and says so (SECURE_PROXY_SSL_HEADER); SSL redirect stays on.
HTTPS = {"X-Forwarded-Proto": "https"}
PERDA_TENTANG = "Penyelenggaraan Administrasi Kependudukan"
OPD_TITLE = "Dinas Kependudukan dan Pencatatan Sipil"
SERVICE_TITLE = "Penerbitan Kartu Keluarga Baru"


def add_page(client, model_path: str, parent, values: dict) -> tuple[int, str]:
    """GET the admin's add form under ``parent``, fill in ``values``, POST it with "publish"."""
    from wagtail.test.utils import WagtailTestUtils
    from wagtail.test.utils.form_data import querydict_from_html

    url = f"/admin/pages/add/{model_path}/{parent.pk}/"
    page = client.get(url)
    if page.status_code != 200:
        return page.status_code, f"GET {url}"
    data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
    data.update({"action-publish": "action-publish"})
    for name, value in values.items():
        data[name] = value
    response = client.post(url, data)
    if response.status_code == 302:
        return 302, ""
    # The form came back: the messages it shows say why.
    soup = WagtailTestUtils.get_soup(response.content.decode())
    shown = soup.select(".error-message, .w-field__errors, .messages li")
    texts = dict.fromkeys(" ".join(e.get_text().split()) for e in shown)
    return response.status_code, " | ".join(text for text in texts if text)[:2000]


def main() -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from registry.regulations.models import RegulationIndexPage, RegulationPage, RegulationType
    from registry.services.models import PerangkatDaerahIndexPage, PerangkatDaerahPage, ServicePage

    seen = {}
    admin = get_user_model().objects.create_superuser("admin", "admin@example.go.id", "unused-password")
    client = Client(headers=HTTPS)
    # django-axes needs a request in authenticate(), which Client.login() does not pass.
    client.force_login(admin)

    reg_index = RegulationIndexPage.objects.get()
    perda_type = RegulationType.objects.get(code="PERDA")
    seen["perda_post"] = add_page(
        client,
        "regulations/regulationpage",
        reg_index,
        {
            "title": f"Peraturan Daerah Kota Samarinda Nomor 1 Tahun 2025 tentang {PERDA_TENTANG}",
            "regulation_type": str(perda_type.pk),
            "wilayah": "Kota Samarinda",
            "nomor": "1",
            "tahun": "2025",
            "tentang": PERDA_TENTANG,
            "tanggal_penetapan": "2025-02-03",
            "slug": "perda-2025-1",
        },
    )
    if seen["perda_post"][0] != 302:
        return seen
    perda = RegulationPage.objects.get(regulation_type=perda_type, nomor="1", tahun=2025)

    opd_index = PerangkatDaerahIndexPage.objects.get()
    seen["opd_post"] = add_page(
        client,
        "services/perangkatdaerahpage",
        opd_index,
        {"title": OPD_TITLE, "slug": "disdukcapil", "abbreviation": "Disdukcapil", "kind": "dinas"},
    )
    if seen["opd_post"][0] != 302:
        return seen
    opd = PerangkatDaerahPage.objects.get(slug="disdukcapil")

    seen["service_post"] = add_page(
        client,
        "services/servicepage",
        opd,
        {
            "title": SERVICE_TITLE,
            "slug": "kartu-keluarga-baru",
            "summary": "Kartu Keluarga untuk keluarga yang baru menikah atau pindah datang.",
            "time_value": "3",
            "time_unit": "hari_kerja",
            "cost_kind": "gratis",
            "product": "Kartu Keluarga",
            "requirements-TOTAL_FORMS": "1",
            "requirements-0-text": "Buku nikah atau akta perkawinan",
            "requirements-0-mandatory": "on",
            "requirements-0-ORDER": "1",
            "legal_bases-TOTAL_FORMS": "1",
            "legal_bases-0-regulation": str(perda.pk),
            "legal_bases-0-provision": "Pasal 5",
            "legal_bases-0-role": "dasar_hukum",
            "legal_bases-0-ORDER": "1",
        },
    )
    if seen["service_post"][0] != 302:
        return seen
    service = ServicePage.objects.get(slug="kartu-keluarga-baru")
    seen["live"] = {"perda": perda.live, "opd": opd.live, "service": service.live}
    seen["service_opd"] = service.opd_id == opd.pk
    seen["service_bases"] = list(service.legal_bases.values_list("regulation_id", "provision"))
    seen["opd_group"] = Group.objects.filter(name="Editor OPD – Disdukcapil").exists()

    public = Client(headers=HTTPS)
    pages = {
        "home": ("/", [OPD_TITLE]),
        "opd": (opd.url, [OPD_TITLE, SERVICE_TITLE]),
        "service": (service.url, [SERVICE_TITLE, "Buku nikah atau akta perkawinan", "Pasal 5"]),
        "perda": (perda.url, [PERDA_TENTANG]),
        "regulation_index": (reg_index.url, [PERDA_TENTANG]),
    }
    seen["urls"] = {name: url for name, (url, _) in pages.items()}
    seen["public"] = {}
    for name, (url, texts) in pages.items():
        response = public.get(url)
        html = response.content.decode()
        seen["public"][name] = [response.status_code, [text for text in texts if text not in html]]
    found = public.get("/cari/", {"q": "kartu keluarga", "format": "json"})
    seen["search"] = [found.status_code, [hit["url"] for hit in found.json()["hits"]]]
    seen["plain_http"] = Client().get("/").status_code  # no proxy header: redirected to https
    return seen


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import django

    django.setup()
    print(json.dumps(main(), ensure_ascii=False))
