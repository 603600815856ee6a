"""Fixtures for the public API tests: a small registry with every kind of record, and an open rate limit."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from registry.regulations.choices import RelationKind
from registry.regulations.models import ArticleNode
from registry.services.models import ComplaintChannel, LifeEvent, ServiceCategory, ServiceChannel
from tests import factories
from tests.public.conftest import pdf_document
from tests.shared_data import build_shared, shared_copy


@pytest.fixture(autouse=True)
def open_rate_limit(settings):
    """Every test starts with an empty rate-limit counter and a limit no test reaches by accident."""
    settings.REGISTRY_API_RATE_LIMIT = 100_000
    cache.clear()
    yield
    cache.clear()


@dataclass
class Registry:
    unit: object
    other_unit: object
    category: object
    event: object
    perda: object
    perwal: object
    revoker: object
    service: object
    other_service: object
    document: object


def articles(document):
    """BAB I > Pasal 1, Pasal 2 > ayat (1), (2): a small article tree on ``document``."""
    bab = ArticleNode.objects.create(
        document=document, kind="bab", label="BAB I", heading="KETENTUAN UMUM", anchor="bab-1", position=1
    )
    ArticleNode.objects.create(
        document=document,
        parent=bab,
        kind="pasal",
        label="Pasal 1",
        anchor="pasal-1",
        position=2,
        text="Dalam Peraturan ini yang dimaksud dengan Daerah adalah Kota Balikpapan.",
        page_number=1,
    )
    pasal = ArticleNode.objects.create(
        document=document,
        parent=bab,
        kind="pasal",
        label="Pasal 2",
        anchor="pasal-2",
        position=3,
        text="",
        page_number=2,
    )
    for number in (1, 2):
        ArticleNode.objects.create(
            document=document,
            parent=pasal,
            kind="ayat",
            label=f"({number})",
            anchor=f"pasal-2-ayat-{number}",
            position=3 + number,
            text=f"Ayat {number} tentang retribusi.",
            page_number=2,
        )


def build_registry() -> Registry:
    """Two OPD, a Perda with a signed PDF and its articles, a Perwal implementing it, a newer Perda
    revoking an old one, and two services citing them (one with every delivery component)."""
    category = ServiceCategory.objects.create(name="Kependudukan", slug="kependudukan")
    event = LifeEvent.objects.create(name="Kelahiran", slug="kelahiran")
    unit = factories.opd(title="Dinas Kependudukan", abbreviation="Disdukcapil", slug="disdukcapil")
    other_unit = factories.opd(title="Dinas Kesehatan", abbreviation="Dinkes", slug="dinkes")
    document = pdf_document(title="Naskah Perda 5/2021", filename="perda-5-2021.pdf")
    perda = factories.regulation(
        "PERDA", nomor=5, tahun=2021, tentang="Administrasi Kependudukan", document=document, pemrakarsa=unit
    )
    articles(document)
    perwal = factories.regulation("PERWAL", nomor=12, tahun=2022, tentang="Pelaksanaan Perda 5/2021")
    factories.relate(perwal, perda, RelationKind.MELAKSANAKAN, provision="Pasal 1")
    old = factories.regulation("PERDA", nomor=3, tahun=2010, tentang="Retribusi Lama")
    revoker = factories.regulation("PERDA", nomor=7, tahun=2023, tentang="Retribusi Baru")
    factories.relate(revoker, old, RelationKind.MENCABUT, provision="Pasal 40")
    service = factories.service(
        unit,
        title="Penerbitan Akta Kelahiran",
        summary="Akta kelahiran untuk bayi baru lahir.",
        requirements=["Surat keterangan lahir", "Kartu keluarga"],
        steps=["Ajukan permohonan", "Ambil akta"],
        bases=[(perda, "Pasal 2 ayat (1)"), (perwal, "Pasal 3", "biaya")],
        category=category,
        time_value=3,
        time_unit="hari_kerja",
        cost_kind="gratis",
        product="Akta kelahiran",
    )
    service.life_events.add(event)
    service.channels.add(
        ServiceChannel(kind="kantor", name="Kantor Disdukcapil", address="Jl. Jenderal Sudirman")
    )
    service.complaint_channels.add(ComplaintChannel(kind="surel", value="pengaduan@example.go.id"))
    service.save_revision().publish()
    service.refresh_from_db()
    other_service = factories.service(other_unit, title="Imunisasi Dasar", bases=[(revoker, "")])
    return Registry(
        unit, other_unit, category, event, perda, perwal, revoker, service, other_service, document
    )


@pytest.fixture(scope="module")
def module_registry(django_db_setup, django_db_blocker):
    """The registry, built once per test module (see tests/shared_data.py)."""
    yield from build_shared(django_db_blocker, build_registry)


@pytest.fixture
def registry(module_registry, db, request):
    """The module's registry, as this test's own copy; what the test writes is rolled back after it."""
    return shared_copy(request, module_registry)


def get(client, path, **params):
    """GET an API path (relative to /api/v1/) and return the response."""
    return client.get(f"/api/v1/{path}", params)
