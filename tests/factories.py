"""Builders for test data: a small page tree and the registry objects that live in it.

Each builder saves and publishes what it makes (pass ``live=False`` for a draft) and returns the
specific page, so tests read like the data they need.
"""

import itertools
from datetime import date

from wagtail.models import Page, Site

from registry.home.models import HomePage
from registry.regulations.choices import Level
from registry.regulations.models import (
    RegulationIndexPage,
    RegulationPage,
    RegulationRelation,
)
from registry.regulations.reference_data import ensure_regulation_types
from registry.services.models import (
    LegalBasis,
    PerangkatDaerahIndexPage,
    PerangkatDaerahPage,
    ServicePage,
    ServiceRequirement,
    ServiceStep,
)

_counter = itertools.count(1)


def regulation_type(code="PERWAL"):
    """One of the seed regulation types (``registry.reference.regulations``), created on first use."""
    return ensure_regulation_types(codes={code})[code]


def site_tree():
    """The home page with a regulation index and an OPD index under it (created once)."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Registri Kota Balikpapan", slug="beranda"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    reg_index = RegulationIndexPage.objects.first()
    if reg_index is None:
        reg_index = home.add_child(instance=RegulationIndexPage(title="Peraturan", slug="peraturan"))
    opd_index = PerangkatDaerahIndexPage.objects.first()
    if opd_index is None:
        opd_index = home.add_child(instance=PerangkatDaerahIndexPage(title="Perangkat Daerah", slug="opd"))
    return home, reg_index, opd_index


def _publish(page, live):
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def regulation(code="PERWAL", nomor=None, tahun=2023, tentang="Standar Pelayanan", live=True, **fields):
    """A regulation page under the registry index."""
    _, reg_index, _ = site_tree()
    kind = regulation_type(code)
    nomor = str(nomor or next(_counter))
    wilayah = fields.pop(
        "wilayah", "Republik Indonesia" if kind.level == Level.NASIONAL else "Kota Balikpapan"
    )
    page = RegulationPage(
        title=fields.pop("title", f"{kind.name} Nomor {nomor} Tahun {tahun} tentang {tentang}"),
        regulation_type=kind,
        wilayah=wilayah,
        nomor=nomor,
        tahun=tahun,
        tentang=tentang,
        tanggal_penetapan=fields.pop("tanggal_penetapan", date(tahun, 3, 1)),
        live=live,
        **fields,
    )
    reg_index.add_child(instance=page)
    return _publish(page, live)


def relate(source, target, kind, provision="", publish=True):
    """Add a relation on ``source`` towards ``target`` and (re)publish the source."""
    source.relations.add(RegulationRelation(target=target, kind=kind, provision=provision))
    source.save()
    if publish:
        source.save_revision().publish()
    source.refresh_from_db()
    return source


def opd(
    title="Dinas Kependudukan dan Pencatatan Sipil",
    abbreviation="Disdukcapil",
    kind="dinas",
    live=True,
    **fields,
):
    """A Perangkat Daerah page under the OPD index."""
    _, _, opd_index = site_tree()
    page = PerangkatDaerahPage(title=title, abbreviation=abbreviation, kind=kind, live=live, **fields)
    opd_index.add_child(instance=page)
    return _publish(page, live)


def service(unit=None, title=None, live=True, requirements=(), steps=(), bases=(), **fields):
    """A service page under ``unit``; ``bases`` is a list of (regulation, provision[, component]) tuples."""
    unit = unit or opd()
    page = ServicePage(title=title or f"Layanan {next(_counter)}", live=live, **fields)
    for order, text in enumerate(requirements):
        page.requirements.add(ServiceRequirement(text=text, sort_order=order))
    for order, text in enumerate(steps):
        page.steps.add(ServiceStep(title=text, sort_order=order))
    for order, basis in enumerate(bases):
        reg, provision, *rest = (*basis, "") if len(basis) == 2 else basis
        page.legal_bases.add(
            LegalBasis(
                regulation=reg, provision=provision, component=rest[0] if rest else "", sort_order=order
            )
        )
    unit.add_child(instance=page)
    return _publish(page, live)
