"""Browsing regulations: filters with counts, pagination, empty state, drafts."""

import pytest

from registry.regulations import views
from registry.regulations.choices import RelationKind
from tests import factories

from .conftest import quick_regulations

pytestmark = pytest.mark.django_db


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_jenis_filter_lists_only_that_jenis_with_counts(client):
    """?jenis=perda lists Perda only, and the jenis options carry their counts."""
    factories.regulation("PERDA", nomor="1", tahun=2020, tentang="Retribusi")
    factories.regulation("PERWAL", nomor="2", tahun=2021, tentang="Tata Naskah")
    factories.regulation("PERWAL", nomor="3", tahun=2021, tentang="Pengaduan")
    html = _html(client, "/peraturan/?jenis=perda")
    assert "Retribusi" in html
    assert "Tata Naskah" not in html
    assert ">Peraturan Wali Kota (2)</option>" in html
    assert 'value="perda" selected>Peraturan Daerah (1)</option>' in html


def test_jenis_in_the_path_filters_too(client):
    """/peraturan/perwal/ lists Perwal only."""
    factories.regulation("PERDA", nomor="1", tahun=2020, tentang="Retribusi")
    factories.regulation("PERWAL", nomor="2", tahun=2021, tentang="Tata Naskah")
    html = _html(client, "/peraturan/perwal/")
    assert "Tata Naskah" in html
    assert "Retribusi" not in html


def test_tahun_filter_with_counts(client):
    """?tahun=2021 lists that year only; year options show counts."""
    factories.regulation("PERWAL", nomor="1", tahun=2020, tentang="Lama")
    factories.regulation("PERWAL", nomor="2", tahun=2021, tentang="Baru")
    html = _html(client, "/peraturan/?tahun=2021")
    assert "Baru" in html
    assert "Lama" not in html
    assert 'value="2021" selected>2021 (1)</option>' in html


def test_status_filter(client):
    """?status=dicabut lists revoked regulations only."""
    old = factories.regulation("PERWAL", nomor="48", tahun=2016, tentang="Yang Dicabut")
    new = factories.regulation("PERWAL", nomor="7", tahun=2024, tentang="Yang Mencabut")
    factories.relate(new, old, RelationKind.MENCABUT)
    html = _html(client, "/peraturan/?status=dicabut")
    assert "Yang Dicabut" in html
    assert "Yang Mencabut" not in html
    assert 'value="dicabut" selected>Dicabut (1)</option>' in html


def test_pagination_has_indonesian_labels(client, monkeypatch):
    """Five regulations at two a page make three pages: "Halaman 2 dari 3", Sebelumnya, Berikutnya."""
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    quick_regulations(5, tahun=2022)
    html = _html(client, "/peraturan/?jenis=perwal&page=2")
    assert "Halaman 2 dari 3" in html
    assert 'href="?jenis=perwal&amp;page=1">Sebelumnya</a>' in html
    assert 'href="?jenis=perwal&amp;page=3">Berikutnya</a>' in html


def test_empty_filter_result_says_so(client):
    """A filter that matches nothing shows an Indonesian empty state."""
    factories.regulation("PERWAL", nomor="1", tahun=2020)
    html = _html(client, "/peraturan/?tahun=1999")
    assert "Tidak ada peraturan yang cocok dengan saringan ini." in html


def test_empty_registry_says_so(client):
    """A registry without published regulations says so."""
    factories.site_tree()
    assert "Belum ada peraturan yang diterbitkan." in _html(client, "/peraturan/")


def test_drafts_are_not_listed(client):
    """A draft regulation is neither listed nor counted."""
    factories.regulation("PERWAL", nomor="1", tahun=2020, tentang="Terbit")
    factories.regulation("PERWAL", nomor="2", tahun=2020, tentang="Rancangan Rahasia", live=False)
    html = _html(client, "/peraturan/")
    assert "Terbit" in html
    assert "Rancangan Rahasia" not in html
    assert ">Peraturan Wali Kota (1)</option>" in html


def test_unknown_jenis_is_404(client):
    """An unknown jenis in the URL answers 404."""
    factories.site_tree()
    assert client.get("/peraturan/tidak-ada/").status_code == 404
