"""The results page on a phone: results before the filters, and a direct answer when a service leads."""

import pytest
from wagtail.models import PageViewRestriction

from registry.services.models import ServiceChannel
from search.registry import registry
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.search.urls")]


@pytest.fixture
def ktp():
    """A KTP-el service with two requirements, a time, a cost and an office."""
    page = factories.service(
        unit=factories.opd(),
        title="Penerbitan KTP-el",
        summary="Kartu Tanda Penduduk elektronik.",
        requirements=["Fotokopi Kartu Keluarga", "Surat pengantar RT"],
        time_value=1,
        time_unit="hari_kerja",
        cost_kind="gratis",
    )
    page.channels.add(ServiceChannel(kind="mpp", name="Mal Pelayanan Publik Balikpapan"))
    page.save_revision().publish()
    return page


def _html(client, **params) -> str:
    response = client.get("/cari/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_results_come_before_the_filters_which_sit_in_a_details(client, ktp):
    """In DOM order the first hit precedes the 'Saring hasil' details that holds the facet chips."""
    html = _html(client, q="ktp")
    results, filters = (
        html.index('<ol class="search-results">'),
        html.index('<details class="search-filters"'),
    )
    assert results < filters
    assert html.index('class="chip') > filters
    assert "<summary>Saring hasil</summary>" in html


def test_filters_open_when_one_is_applied(client, ktp):
    """With a filter chosen, the details starts open so the chosen chip is in view."""
    html = _html(client, q="ktp", kind="layanan")
    assert '<details class="search-filters" id="saring-hasil" open>' in html
    assert 'id="saring-hasil">' in _html(client, q="ktp")  # closed without a filter


def test_answer_card_for_a_service_query(client, ktp):
    """The top hit is a service: the card names it with requirements, time, cost, place and a link."""
    html = _html(client, q="ktp elektronik")
    card = html.split('<section class="answer-card"', 1)[1].split("</section>", 1)[0]
    assert html.index('class="answer-card"') < html.index('<ol class="search-results">')
    assert f'href="{ktp.url}"' in card and "Penerbitan KTP-el" in card
    for text in ("2 dokumen", "1 hari kerja", "Gratis", "Mal Pelayanan Publik Balikpapan"):
        assert text in card


def test_no_answer_card_for_a_regulation_query(client, ktp):
    """A query whose top hit is a regulation gets the list only."""
    factories.regulation("PERWAL", nomor="12", tahun=2023, tentang="Tata Naskah Dinas")
    html = _html(client, q="Perwal 12/2023")
    assert "search-hit-peraturan" in html
    assert "answer-card" not in html


def test_answer_for_a_service_the_public_may_not_see_is_none(ktp):
    """The answer loads the service through the public queryset: a restricted one gives no card."""
    assert registry.answer_for(f"service:{ktp.pk}").title == "Penerbitan KTP-el"
    PageViewRestriction.objects.create(page=ktp, restriction_type="login")
    assert registry.answer_for(f"service:{ktp.pk}") is None
    assert registry.answer_for("regulation:1:00001:pasal-1") is None
