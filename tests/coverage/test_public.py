"""The public transparency page and the per-service completeness badge."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.template import Context, Template

from registry.coverage.history import take_snapshot
from tests import factories

from .builders import complete_service

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.coverage.urls")]


def test_transparency_page_shows_city_and_opd_with_numbers_beside_the_bars(client):
    """The bars are decorative (aria-hidden) with their numbers in text; the trend chart has title and desc."""
    unit = factories.opd(title="Dinas Perhubungan", abbreviation="Dishub")
    complete_service(unit=unit)
    factories.service(unit=unit, title="Uji kendaraan")
    take_snapshot(date(2025, 1, 31))
    take_snapshot(date(2025, 2, 28))
    html = client.get("/transparansi/").content.decode()
    assert html.count('role="img"') == 1  # the trend; the bars carry their numbers as text
    assert '<title id="chart-trend-title">' in html and '<desc id="chart-trend-desc">' in html
    assert html.count('class="coverage-bar"') == 2  # the city and the one OPD
    assert "50,0% lengkap · lengkap 1, sebagian 0, belum 1 dari 2 layanan" in html
    assert "<caption" in html and "Dinas Perhubungan" in html


def test_transparency_page_without_data_renders(client):
    """An empty registry still renders the page, without a trend chart."""
    response = client.get("/transparansi/")
    assert response.status_code == 200
    assert "Belum ada data perkembangan" in response.content.decode()


def test_badge_shows_status_and_reasons():
    """{% coverage_badge page %} shows 'Belum lengkap' and why for a service without a basis."""
    page = factories.service(title="Uji kendaraan")
    html = Template("{% load coverage_tags %}{% coverage_badge page %}").render(Context({"page": page}))
    assert "Belum lengkap" in html
    assert "Tidak ada dasar hukum" in html


def test_badge_for_a_complete_service():
    """A complete service shows 'Lengkap' and no reasons."""
    page, _ = complete_service()
    html = Template("{% load coverage_tags %}{% coverage_badge page %}").render(Context({"page": page}))
    assert "Lengkap" in html and "<li>" not in html


def test_chart_colours_live_in_the_stylesheet():
    """The chart templates carry classes, not colours: the palette is defined once, in registri.css."""
    folder = Path(__file__).resolve().parents[2] / "registry/coverage/templates/coverage/includes"
    for template in folder.glob("*_chart.html"):
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b", template.read_text()), template.name
    css = (folder.parents[3] / "static/css/registri.css").read_text()
    assert "--coverage-lengkap" in css and ".coverage-chart .coverage-belum" in css
