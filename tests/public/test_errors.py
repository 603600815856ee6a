"""The error pages."""

import pytest
from django.template.loader import render_to_string

from tests import factories

pytestmark = pytest.mark.django_db


def test_not_found_page_is_indonesian(client):
    """An unknown URL answers 404 with the Indonesian page."""
    factories.site_tree()
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_server_error_page_renders_without_context():
    """500.html renders with no request context and names the site."""
    html = render_to_string("500.html")
    assert "Terjadi kesalahan pada server" in html
    assert "Registri Kota Balikpapan" in html
