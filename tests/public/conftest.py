"""Fixtures and builders for the public-site tests.

Rendering tests of regulation and service pages need the model hooks that pass the page context
through :func:`registry.regulations.page_context.regulation_context` and
:func:`registry.services.page_context.service_context`. Until the hooks are in the models those tests
skip with the reason below (and fail under strict skips, so CI cannot pass without them).
"""

import itertools

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from registry.regulations.models import RegulationDocument, RegulationPage
from registry.services.models import LegalBasis, ServicePage
from tests import factories

_numbers = itertools.count(5000)


def _has_context_hook(model) -> bool:
    return model.get_context is not Page.get_context


requires_regulation_hook = pytest.mark.skipif(
    not _has_context_hook(RegulationPage),
    reason=(
        "RegulationPage.get_context belum memanggil regulation_context (registry/regulations/"
        "page_context.py); tambahkan hook di model."
    ),
)
requires_service_hook = pytest.mark.skipif(
    not _has_context_hook(ServicePage),
    reason=(
        "ServicePage.get_context belum memanggil service_context (registry/services/page_context.py); "
        "tambahkan hook di model."
    ),
)


def pdf_document(title="Naskah", filename="naskah.pdf", size=2048):
    """A stored RegulationDocument with ``size`` bytes of PDF-looking content."""
    content = b"%PDF-1.4\n" + b"0" * (size - 9)
    document = RegulationDocument(title=title, file_size=size)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def query_count(client, url) -> int:
    """How many SQL queries one GET of ``url`` runs (the response must be 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def quick_regulations(count, code="PERWAL", tahun=2020):
    """``count`` live regulations created without revisions or publish signals, for volume tests."""
    _, index, _ = factories.site_tree()
    kind = factories.regulation_type(code)
    pages = []
    for _ in range(count):
        nomor = str(next(_numbers))
        page = RegulationPage(
            title=f"{kind.name} Nomor {nomor} Tahun {tahun}",
            regulation_type=kind,
            wilayah="Kota Balikpapan",
            nomor=nomor,
            tahun=tahun,
            tentang=f"Pokok {nomor}",
            live=True,
        )
        index.add_child(instance=page)
        pages.append(page)
    return pages


def quick_service(unit, bases=()):
    """A live service citing each regulation in ``bases`` at "Pasal n", created without a revision."""
    page = ServicePage(title=f"Layanan {next(_numbers)}", live=True)
    for order, regulation in enumerate(bases):
        page.legal_bases.add(
            LegalBasis(regulation=regulation, provision=f"Pasal {order + 1}", sort_order=order)
        )
    unit.add_child(instance=page)
    return page
