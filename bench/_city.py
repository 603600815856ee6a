"""Bulk builder of a synthetic city for the page benchmarks (bench/pages).

It makes a city about ten times the demo: ~45 Perangkat Daerah, 600 services and 320 regulations with
relations, plus four fixtures whose size the benchmark compares (a service with exactly 1 legal basis
and one with exactly 20; a regulation with exactly 1 relation and linked service and one with 20).

The site tree comes from the test builders (``tests.factories.site_tree``) and the regulation types
from their one definition (``ensure_regulation_types``), so both are made the way the tests make
them. The pages themselves are not made with the test builders, which publish a revision per page:
they are added straight into the tree as live pages, without revisions, because publishing 900 pages
one by one would take longer than the benchmark itself, and the public pages read the live tables,
not the revisions. Child rows the pages do not need at creation time are bulk-inserted afterwards,
and derived statuses are recomputed once at the end.
"""

import random
from dataclasses import dataclass
from datetime import date

from registry.home.models import HomePage
from registry.regulations.choices import Level, RelationKind
from registry.regulations.models import (
    RegulationIndexPage,
    RegulationPage,
    RegulationRelation,
)
from registry.regulations.reference_data import ensure_regulation_types
from registry.regulations.status import refresh_statuses
from registry.services.components import Component
from registry.services.models import (
    ComplaintChannel,
    LegalBasis,
    LifeEvent,
    PerangkatDaerahIndexPage,
    PerangkatDaerahPage,
    ServiceCategory,
    ServiceChannel,
    ServicePage,
    ServiceRequirement,
    ServiceSOP,
    ServiceStep,
)
from tests import factories

#: The regulation types of the generated city (records from registry.reference) and their shares.
TYPE_SHARES = {
    "UU": 0.06,
    "PP": 0.06,
    "PERMEN": 0.08,
    "PERDA": 0.22,
    "PERWAL": 0.38,
    "KEPWAL": 0.10,
    "KEP_KEPALA_PD": 0.10,
}

TOPICS = [
    "Retribusi Jasa Umum",
    "Standar Pelayanan Publik",
    "Administrasi Kependudukan",
    "Perizinan Berusaha",
    "Persetujuan Bangunan Gedung",
    "Pengelolaan Sampah",
    "Pelayanan Kesehatan",
    "Penanaman Modal",
    "Pajak Daerah",
    "Ketertiban Umum",
    "Pendidikan Dasar",
    "Perlindungan Anak",
    "Penanggulangan Bencana",
    "Transportasi dan Perparkiran",
    "Tata Ruang Wilayah",
    "Ketenagakerjaan",
    "Usaha Mikro",
    "Kearsipan",
]
OPD_KINDS = ["dinas"] * 18 + ["badan"] * 7 + ["kecamatan"] * 6 + ["kelurahan"] * 10 + ["uptd"] * 3 + ["rsud"]
CATEGORIES = [
    "Kependudukan",
    "Perizinan",
    "Kesehatan",
    "Pendidikan",
    "Sosial",
    "Pajak dan Retribusi",
    "Usaha",
    "Ketenagakerjaan",
    "Lingkungan",
    "Perhubungan",
    "Pertanahan",
    "Kebencanaan",
]
LIFE_EVENTS = [
    "Kelahiran",
    "Pernikahan",
    "Pindah rumah",
    "Membuka usaha",
    "Membangun rumah",
    "Mencari kerja",
    "Sakit",
    "Kematian",
]
FORWARD_KINDS = [
    RelationKind.MELAKSANAKAN,
    RelationKind.TERKAIT,
    RelationKind.MENGUBAH,
    RelationKind.MENGUBAH_SEBAGIAN,
    RelationKind.MENCABUT,
    RelationKind.MENCABUT_SEBAGIAN,
]
FORWARD_WEIGHTS = [40, 25, 15, 8, 8, 4]


@dataclass
class City:
    """What the benchmark measures: the generated city and its four comparison fixtures."""

    home: HomePage
    regulation_index: RegulationIndexPage
    opd_index: PerangkatDaerahIndexPage
    units: list
    regulations: list
    services: list
    service_1_basis: ServicePage
    service_20_bases: ServicePage
    regulation_1: RegulationPage
    regulation_20: RegulationPage
    busiest_unit: PerangkatDaerahPage


def _types():
    return ensure_regulation_types(codes=set(TYPE_SHARES))


def _regulation(index, kind, nomor, tahun, tentang, rng, **extra):
    day = date(tahun, rng.randint(1, 12), rng.randint(1, 28))
    national = kind.level == Level.NASIONAL
    page = RegulationPage(
        title=f"{kind.name} Nomor {nomor} Tahun {tahun} tentang {tentang}",
        regulation_type=kind,
        wilayah="Republik Indonesia" if national else "Kota Balikpapan",
        nomor=str(nomor),
        tahun=tahun,
        tentang=tentang,
        teu_badan="Indonesia. Pemerintah Pusat" if national else "Balikpapan (Kota)",
        tempat_penetapan="Jakarta" if national else "Balikpapan",
        tanggal_penetapan=day,
        tanggal_pengundangan=day if kind.gazette else None,
        tahun_lembaran=tahun if kind.gazette else None,
        nomor_lembaran=str(nomor) if kind.gazette else "",
        jumlah_halaman=rng.randint(4, 60),
        subjek="PELAYANAN PUBLIK - " + tentang.upper(),
        bidang_hukum="Hukum Administrasi Negara",
        lokasi="Bagian Hukum Setda Kota Balikpapan",
        abstrak=f"Peraturan ini mengatur {tentang.lower()} di lingkungan pemerintah.",
        external_url="https://peraturan.go.id/" if national else "",
        live=True,
        **extra,
    )
    return index.add_child(instance=page)


def build_regulations(index, kinds, count, rng):
    """``count`` regulations spread over the types and the years 2005–2024."""
    numbers = {}
    pages = []
    codes = list(TYPE_SHARES)
    shares = list(TYPE_SHARES.values())
    for _ in range(count):
        code = rng.choices(codes, shares)[0]
        tahun = rng.randint(2005, 2024)
        numbers[(code, tahun)] = nomor = numbers.get((code, tahun), 0) + 1
        pages.append(_regulation(index, kinds[code], nomor, tahun, rng.choice(TOPICS), rng))
    return pages


def build_relations(regulations, rng, share=0.35):
    """Newer regulations relate to older ones: about ``share`` of them carry one to three relations."""
    by_year = sorted(regulations, key=lambda page: page.tahun)
    relations, seen = [], set()
    for position, source in enumerate(by_year):
        older = by_year[:position]
        if not older or rng.random() > share:
            continue
        for target in rng.sample(older, min(len(older), rng.randint(1, 3))):
            kind = rng.choices(FORWARD_KINDS, FORWARD_WEIGHTS)[0]
            if (source.pk, target.pk, kind) in seen:
                continue
            seen.add((source.pk, target.pk, kind))
            provision = f"Pasal {rng.randint(1, 40)}" if rng.random() < 0.5 else ""
            relations.append(RegulationRelation(source=source, target=target, kind=kind, provision=provision))
    RegulationRelation.objects.bulk_create(relations)
    return len(relations)


def build_units(index, count, rng):
    """``count`` Perangkat Daerah; kelurahan hang under a kecamatan, UPTD under a dinas."""
    units = []
    for number in range(count):
        kind = OPD_KINDS[number % len(OPD_KINDS)]
        parents = [u for u in units if u.kind == {"kelurahan": "kecamatan", "uptd": "dinas"}.get(kind)]
        unit = PerangkatDaerahPage(
            title=f"{kind.capitalize()} {TOPICS[number % len(TOPICS)]} {number + 1}",
            abbreviation=f"{kind[:3].upper()}{number + 1}",
            kind=kind,
            parent_unit=rng.choice(parents) if parents else None,
            description="Melaksanakan urusan pemerintahan daerah di bidangnya.",
            address=f"Jl. Jenderal Sudirman No. {number + 1}, Balikpapan",
            phone=f"(0542) 7{number:05d}",
            email=f"opd{number + 1}@balikpapan.go.id",
            opening_hours="Senin–Jumat 08.00–16.00 WITA",
            live=True,
        )
        units.append(index.add_child(instance=unit))
    return units


def _service_page(title, rng, categories, events):
    paid = rng.random() < 0.3
    page = ServicePage(
        title=title,
        summary=f"Layanan {title.lower()} bagi warga Kota Balikpapan.",
        category=rng.choice(categories),
        time_value=rng.randint(1, 14),
        time_unit="hari_kerja",
        cost_kind="berbayar" if paid else "gratis",
        cost_amount=rng.choice([25000, 50000, 150000, 1250000]) if paid else None,
        product=f"Dokumen {title}",
        complaint_procedure="Pengaduan ditanggapi paling lambat 5 hari kerja.",
        facilities="Ruang tunggu\nLoket prioritas",
        staff_competency="Memahami prosedur layanan",
        staff_count=rng.randint(2, 12),
        delivery_published=True,
        live=True,
    )
    page.life_events = rng.sample(events, rng.randint(0, 2))
    return page


def build_services(units, regulations, count, rng, categories, events):
    """``count`` services spread over the units (not kelurahan), each with 3–6 legal bases."""
    hosts = [unit for unit in units if unit.kind != "kelurahan"]
    services = []
    for number in range(count):
        unit = hosts[number % len(hosts)]
        page = _service_page(f"Layanan {TOPICS[number % len(TOPICS)]} {number + 1}", rng, categories, events)
        services.append(unit.add_child(instance=page))
    _bulk_children(services, regulations, rng)
    return services


def _bulk_children(services, regulations, rng):
    """Requirements, steps, channels, complaint channels, an SOP and 3–6 legal bases per service."""
    kep = [reg for reg in regulations if reg.regulation_type.code == "KEP_KEPALA_PD"] or regulations
    rows = {model: [] for model in (ServiceRequirement, ServiceStep, ServiceChannel, ComplaintChannel)}
    bases, sops = [], []
    for page in services:
        for order in range(rng.randint(3, 6)):
            rows[ServiceRequirement].append(
                ServiceRequirement(
                    page=page, text=f"Persyaratan {order + 1}", mandatory=order < 3, sort_order=order
                )
            )
        for order in range(rng.randint(3, 5)):
            rows[ServiceStep].append(ServiceStep(page=page, title=f"Langkah {order + 1}", sort_order=order))
        rows[ServiceChannel].append(
            ServiceChannel(
                page=page, kind="kantor", name="Loket utama", address="Jl. Sudirman 1", hours="08.00–15.00"
            )
        )
        rows[ServiceChannel].append(
            ServiceChannel(
                page=page,
                kind="daring",
                name="Layanan daring",
                url="https://layanan.example.id/",
                sort_order=1,
            )
        )
        rows[ComplaintChannel].append(
            ComplaintChannel(page=page, kind="surel", value="pengaduan@balikpapan.go.id")
        )
        rows[ComplaintChannel].append(
            ComplaintChannel(page=page, kind="whatsapp", value="0812-0000-0000", sort_order=1)
        )
        for order, regulation in enumerate(rng.sample(regulations, rng.randint(3, 6))):
            component = Component.BIAYA if order == 0 and page.cost_kind == "berbayar" else ""
            bases.append(
                LegalBasis(
                    page=page,
                    regulation=regulation,
                    provision=f"Pasal {rng.randint(1, 30)}",
                    component=component,
                    sort_order=order,
                )
            )
        sops.append(
            ServiceSOP(
                page=page,
                nomor=f"SOP/{page.pk}",
                judul=f"SOP {page.title}",
                tanggal_efektif=date(2023, 1, 2),
                disahkan_nama="Kepala Perangkat Daerah",
                disahkan_jabatan="Kepala",
                regulation=rng.choice(kep),
            )
        )
    for model, objects in rows.items():
        model.objects.bulk_create(objects)
    LegalBasis.objects.bulk_create(bases)
    ServiceSOP.objects.bulk_create(sops)


def _set_bases(page, regulations):
    LegalBasis.objects.filter(page=page).delete()
    LegalBasis.objects.bulk_create(
        LegalBasis(page=page, regulation=reg, provision=f"Pasal {order + 1} ayat (1)", sort_order=order)
        for order, reg in enumerate(regulations)
    )


def build_comparison_fixtures(reg_index, regulations, services, kinds, rng):
    """The four pages whose query counts must match: 1 vs 20 legal bases, 1 vs 20 relations and services."""
    service_1, service_20 = services[0], services[1]
    pool = list(regulations)
    _set_bases(service_1, rng.sample(pool, 1))
    _set_bases(service_20, rng.sample(pool, 20))

    regulation_1 = _regulation(reg_index, kinds["PERWAL"], 901, 2024, "Pembanding Satu Hubungan", rng)
    regulation_20 = _regulation(reg_index, kinds["PERWAL"], 902, 2024, "Pembanding Dua Puluh Hubungan", rng)
    others = rng.sample(pool, 20)
    relations = [RegulationRelation(source=others[0], target=regulation_1, kind=RelationKind.TERKAIT)]
    relations += [
        RegulationRelation(source=regulation_20, target=reg, kind=RelationKind.MELAKSANAKAN, sort_order=i)
        for i, reg in enumerate(others[:10])
    ]
    relations += [
        RegulationRelation(source=reg, target=regulation_20, kind=RelationKind.TERKAIT) for reg in others[10:]
    ]
    RegulationRelation.objects.bulk_create(relations)
    linked = rng.sample(services[2:], 20)
    LegalBasis.objects.bulk_create(
        [LegalBasis(page=linked[0], regulation=regulation_1, provision="Pasal 3", sort_order=99)]
        + [
            LegalBasis(page=svc, regulation=regulation_20, provision="Pasal 4", sort_order=99)
            for svc in linked
        ]
    )
    return service_1, service_20, regulation_1, regulation_20


def build_city(scale=10, seed=20240601) -> City:
    """Generate the city (``scale`` × the demo's 60 services and 32 regulations) and return its handles."""
    rng = random.Random(seed)
    kinds = _types()
    categories = [
        ServiceCategory.objects.get_or_create(slug=f"kategori-{i}", defaults={"name": name})[0]
        for i, name in enumerate(CATEGORIES)
    ]
    events = [
        LifeEvent.objects.get_or_create(slug=f"peristiwa-{i}", defaults={"name": name, "sort_order": i})[0]
        for i, name in enumerate(LIFE_EVENTS)
    ]
    home, reg_index, opd_index = factories.site_tree()
    regulations = build_regulations(reg_index, kinds, 32 * scale, rng)
    build_relations(regulations, rng)
    units = build_units(opd_index, 45, rng)
    services = build_services(units, regulations, 60 * scale, rng, categories, events)
    service_1, service_20, regulation_1, regulation_20 = build_comparison_fixtures(
        reg_index, regulations, services, kinds, rng
    )
    refresh_statuses()
    busiest = max(units, key=lambda unit: ServicePage.objects.filter(opd=unit).count())
    return City(
        home=home,
        regulation_index=reg_index,
        opd_index=opd_index,
        units=units,
        regulations=regulations + [regulation_1, regulation_20],
        services=services,
        service_1_basis=service_1,
        service_20_bases=service_20,
        regulation_1=regulation_1,
        regulation_20=regulation_20,
        busiest_unit=busiest,
    )
