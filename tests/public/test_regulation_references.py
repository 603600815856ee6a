"""The public regulation page: "Dasar hukum", "Dirujuk oleh" and amended Pasal, under the visibility rule."""

import pytest

from registry.regulations.parser import parse_regulation
from registry.regulations.structure import store_structure
from tests import factories
from tests.regulations.reference_texts import AMENDING, PERDA
from tests.regulations.test_references import _regulation_with_text

from .conftest import requires_regulation_hook

pytestmark = [pytest.mark.django_db, requires_regulation_hook]


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _perda_with_articles():
    page = _regulation_with_text("PERDA", "3", 2018, PERDA)
    store_structure(page.document, parse_regulation([PERDA]).body)
    return page


def test_dasar_hukum_links_public_records_and_quotes_the_rest(client):
    """Resolved, public UU 23/2014 is a link; the unresolved UU 28/2009 is shown as text only."""
    uu = factories.regulation("UU", nomor="23", tahun=2014, tentang="Pemerintahan Daerah")
    page = _perda_with_articles()
    html = _html(client, page)
    assert "Dasar hukum" in html
    assert f'href="{uu.url}"' in html
    assert "Undang-Undang Nomor 28 Tahun 2009 tentang Pajak Daerah" in html


def test_a_draft_cited_record_is_not_linked(client):
    """A cited regulation that is not public appears as text, never as a link."""
    uu = factories.regulation("UU", nomor="23", tahun=2014, tentang="Pemerintahan Daerah", live=False)
    html = _html(client, _perda_with_articles())
    assert f'href="{uu.url}"' not in html and "/23/" not in html


def test_dirujuk_oleh_lists_only_public_citing_regulations(client):
    """The UU page lists the live Perda citing it, not a draft one."""
    uu = factories.regulation("UU", nomor="23", tahun=2014, tentang="Pemerintahan Daerah")
    live = _regulation_with_text("PERDA", "3", 2018, PERDA)
    draft = _regulation_with_text("PERDA", "2", 2022, AMENDING, live=False, tentang="Perubahan Retribusi")
    html = _html(client, uu)
    assert "Dirujuk oleh" in html
    assert live.short_title() in html
    assert draft.short_title() not in html


def test_amended_pasal_links_the_public_amending_regulation(client):
    """Pasal 1 says 'Pasal ini telah diubah oleh …' with a link to Pasal I's new wording; Pasal 2 'dihapus'."""
    perda = _perda_with_articles()
    amending = _regulation_with_text("PERDA", "2", 2022, AMENDING, tentang="Perubahan Retribusi")
    # The link lands on Pasal I's anchor only where the amending regulation's text (article tree) has it.
    store_structure(amending.document, parse_regulation([AMENDING]).body)
    html = _html(client, perda)
    assert "Pasal ini telah diubah oleh" in html
    assert f'href="{amending.url}#pasal-i-pasal-1"' in html
    assert "Pasal ini telah dihapus oleh" in html


def test_a_draft_amending_regulation_marks_nothing(client):
    """An amending Perda that is still a draft leaves the original's Pasal unmarked."""
    perda = _perda_with_articles()
    _regulation_with_text("PERDA", "2", 2022, AMENDING, live=False, tentang="Perubahan Retribusi")
    html = _html(client, perda)
    assert "Pasal ini telah diubah oleh" not in html
    assert "Pasal ini telah dihapus oleh" not in html
