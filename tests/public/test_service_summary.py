"""The service page answers first: summary, "Di halaman ini", conditions, tariffs, forms, last update."""

from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from registry.services.models import ServiceChannel, ServiceForm, ServiceRequirement, ServiceTariff
from tests import factories

from .article_text import give_text
from .conftest import pdf_document, requires_service_hook

pytestmark = [pytest.mark.django_db, requires_service_hook]


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _service(**fields):
    page = factories.service(
        requirements=["KTP-el asli"],
        steps=["Ambil nomor antrean"],
        eligibility="Penduduk berusia 17 tahun",
        time_value=1,
        time_unit="hari_kerja",
        channels=[
            ServiceChannel(kind="kantor", name="Kantor Dinas", address="Jl. Sudirman 3", hours="08.00–15.00")
        ],
        **fields,
    )
    return page


def test_summary_comes_before_everything_else(client):
    """Who may apply (Pemohon), requirements, time, cost and place precede the requirements, then the procedure."""
    page = _service(cost_kind="gratis")
    html = _html(client, page)
    html = html[html.index('<main id="konten"') :]
    order = [
        'class="service-summary"',
        "Pemohon",
        "Penduduk berusia 17 tahun",
        "1 dokumen wajib",
        "1 hari kerja",
        "Gratis",
        "Kantor Dinas (08.00–15.00)",
        ", Jl. Sudirman 3",
        "Di halaman ini",
        'id="persyaratan"',
        'id="prosedur"',
        'id="biaya"',
        'id="dasar-hukum"',
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_on_this_page_anchors_exist(client):
    """Every "Di halaman ini" link points at an id on the page."""
    html = _html(client, _service(cost_kind="gratis"))
    nav = html[html.index('class="on-this-page"') : html.index("</nav>", html.index('class="on-this-page"'))]
    targets = [part.split('"')[0] for part in nav.split('href="#')[1:]]
    assert len(targets) >= 6
    for target in targets:
        assert f'id="{target}"' in html


def test_coverage_box_sits_next_to_the_legal_basis(client):
    """The evaluator's "Kelengkapan regulasi" box comes after the requirements, just before "Dasar hukum"."""
    html = _html(client, _service(cost_kind="gratis"))
    box = html.index("Kelengkapan regulasi")
    assert html.index('id="persyaratan"') < html.index('id="tempat"') < box < html.index('id="dasar-hukum"')


def test_conditional_requirement_says_bersyarat(client):
    """A requirement with a condition says "Bersyarat: jika …" and is counted apart from the mandatory ones."""
    page = _service(cost_kind="gratis")
    ServiceRequirement.objects.create(
        page=page, text="Surat kehilangan", condition="KTP-el hilang", sort_order=1
    )
    html = _html(client, page)
    assert "Bersyarat: jika KTP-el hilang" in html
    assert "Tidak wajib" not in html
    assert "1 dokumen wajib, 1 bersyarat" in html


def test_example_cost_says_contoh_in_the_summary(client):
    """A cost given as an example says "contoh" at the top, with its note."""
    page = _service(
        cost_kind="berbayar",
        cost_amount=Decimal("1500000"),
        cost_qualifier="contoh",
        cost_note="rumah 100 m²",
    )
    html = _html(client, page)
    summary = html[html.index('class="service-summary"') : html.index("Di halaman ini")]
    assert "Bervariasi, contoh Rp 1.500.000" in summary and "rumah 100 m²" in summary


def test_tariff_table_and_its_provision(client):
    """A tariff cost shows its range on top, the table in "Biaya/tarif" and the pasal that sets it."""
    perda = factories.regulation("PERDA", nomor="1", tahun=2024, tentang="Pajak dan Retribusi")
    give_text(perda, "pasal-9", "pasal-9-ayat-2")  # the anchor the tariff's provision lands on
    page = _service(
        cost_kind="berbayar", cost_qualifier="sesuai_tarif", bases=[(perda, "Pasal 9 ayat (2)", "biaya")]
    )
    ServiceTariff.objects.create(
        page=page, label="Sepeda motor", amount=2000, unit="sekali parkir", sort_order=0
    )
    ServiceTariff.objects.create(page=page, label="Mobil", amount=4000, unit="sekali parkir", sort_order=1)
    html = _html(client, page)
    assert "Sesuai tarif: Rp 2.000–Rp 4.000" in html
    table = html[html.index('<table class="tariffs">') : html.index("</table>")]
    assert "Sepeda motor" in table and "Rp 4.000" in table
    assert f'href="{perda.url}#pasal-9-ayat-2"' in html[html.index('id="biaya"') :]
    assert "Gratis" not in html


def test_forms_are_downloadable(client):
    """An attached form is listed with its code and its PDF downloads for the public."""
    page = _service(cost_kind="gratis")
    document = pdf_document(title="F-2.01", filename="f-2-01.pdf")
    ServiceForm.objects.create(page=page, code="F-2.01", title="Formulir pelaporan", document=document)
    html = _html(client, page)
    assert f'href="{document.url}"' in html and "F-2.01 · Formulir pelaporan" in html
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_form_of_a_restricted_service_is_not_public(client):
    """A form attached only to a service behind a login is not served to the public."""
    page = _service(cost_kind="gratis")
    document = pdf_document(title="Rahasia", filename="rahasia.pdf")
    ServiceForm.objects.create(page=page, code="F-9", title="Formulir internal", document=document)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(document.url)
    assert response.status_code in (302, 404)
    assert not response.get("Content-Type", "").startswith("application/pdf")


def test_form_of_a_draft_service_is_not_public(client):
    """A form attached only to an unpublished service answers 404."""
    page = _service(cost_kind="gratis")
    document = pdf_document(title="Draf", filename="draf.pdf")
    ServiceForm.objects.create(page=page, code="F-8", title="Formulir draf", document=document)
    page.unpublish()
    assert client.get(document.url).status_code == 404


def test_every_public_page_says_when_it_was_updated(client):
    """ "Terakhir diperbarui" with the publication date appears on service, OPD and home pages."""
    page = _service(cost_kind="gratis")
    page.refresh_from_db()
    expected = page.last_published_at
    html = _html(client, page)
    assert "Terakhir diperbarui" in html
    assert f'datetime="{expected:%Y-%m-%d}"' in html
    assert "Terakhir diperbarui" in _html(client, page.get_parent().specific)
