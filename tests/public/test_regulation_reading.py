"""Regulation pages for reading (#15): title bar, table of contents, reflowed text, notes, folded metadata."""

import re

import pytest

from registry.regulations.parser import parse_regulation
from registry.regulations.structure import store_structure
from tests import factories
from tests.regulations.reference_texts import AMENDING, PERDA
from tests.regulations.test_references import _regulation_with_text

from .conftest import requires_regulation_hook, requires_service_hook

pytestmark = pytest.mark.django_db

UU_URL = "https://peraturan.go.id/id/uu-no-23-tahun-2006"


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _with_articles(code, nomor, tahun, text, **fields):
    page = _regulation_with_text(code, nomor, tahun, text, **fields)
    store_structure(page.document, parse_regulation([text]).body)
    return page


@requires_regulation_hook
def test_title_bar_keeps_title_and_status_and_the_script_is_a_static_file(client):
    """A sticky bar names the regulation and its status; the focus script is loaded from a file, not inline."""
    html = _html(client, _with_articles("PERDA", "3", 2018, PERDA))
    bar = re.search(r'<div class="regulation-bar"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "Perda Nomor 3 Tahun 2018" in bar and "badge--berlaku" in bar
    assert '<script src="/static/js/regulation.js" defer></script>' in html


@requires_regulation_hook
def test_table_of_contents_lists_the_pasal_and_the_text_comes_before_the_relations(client):
    """The contents link every Pasal's anchor; the text precedes relations; JDIH metadata is folded below."""
    html = _html(client, _with_articles("PERDA", "3", 2018, PERDA))
    toc = html[html.index('<nav class="toc"') : html.index("</nav>", html.index('<nav class="toc"'))]
    assert all(f'href="#pasal-{n}"' in toc for n in (1, 2, 3))
    assert 'id="pasal-2" class="article article--pasal" tabindex="-1"' in html
    assert html.index('id="judul-isi"') < html.index('id="judul-hubungan"')
    assert html.index('id="judul-layanan-terkait"') < html.index('<details class="metadata-fold">')
    assert '<summary><h2 id="judul-metadata">Metadata JDIH</h2></summary>' in html


@requires_regulation_hook
def test_text_is_reflowed_into_paragraphs_and_list_items(client):
    """A Pasal's lines broken by the PDF are joined; its numbered items stay separate paragraphs."""
    text = PERDA.replace(
        "Retribusi jasa umum dipungut atas pelayanan persampahan.",
        "Retribusi jasa umum dipungut atas\npelayanan berikut:\na. persampahan;\nb. kebersihan.",
    )
    html = _html(client, _with_articles("PERDA", "3", 2018, text))
    assert "<p>Retribusi jasa umum dipungut atas pelayanan berikut:</p>" in html
    assert '<span class="text-item__marker">a.</span> persampahan;</p>' in html
    assert '<span class="text-item__marker">b.</span> kebersihan.</p>' in html


@requires_regulation_hook
def test_amendment_notes_sit_at_the_pasal_and_an_inserted_pasal_at_the_top(client):
    """Pasal 1 and 2 carry their notes; the inserted Pasal 1A, absent from the text, is noted at the top."""
    perda = _with_articles("PERDA", "3", 2018, PERDA)
    amending = _with_articles("PERDA", "2", 2022, AMENDING, tentang="Perubahan Retribusi")
    html = _html(client, perda)
    pasal_1 = html[html.index('id="pasal-1"') : html.index('id="pasal-2"')]
    assert "Pasal ini telah diubah oleh" in pasal_1
    assert f'href="{amending.url}#pasal-i-pasal-1"' in pasal_1
    notes = html[html.index('<ul class="amendment-notes"') : html.index('id="judul-berkas"')]
    assert "Pasal 1A disisipkan oleh" in notes
    assert html.index('<ul class="amendment-notes"') < html.index('id="judul-isi"')


@requires_service_hook
def test_service_basis_without_text_links_the_official_source(client):
    """A Pasal of a UU without text says 'Naskah belum tersedia · baca di situs resmi' and links its source."""
    uu = factories.regulation(
        "UU", nomor="23", tahun=2006, tentang="Administrasi Kependudukan", external_url=UU_URL
    )
    perda = _with_articles("PERDA", "3", 2018, PERDA)
    service = factories.service(bases=[(uu, "Pasal 63 ayat (1)"), (perda, "Pasal 2 ayat (1)")])
    html = _html(client, service)
    assert f'<a class="provision-external" href="{UU_URL}" rel="external noopener">' in html
    assert "Naskah belum tersedia · baca di situs resmi" in html
    assert f'href="{uu.url}#' not in html
    assert f'href="{perda.url}#pasal-2-ayat-1"' in html
