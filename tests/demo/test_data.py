"""The demo data modules are consistent on their own, without a database."""

import re

from registry.demo import catalogue, legal_text, opd, taxonomy
from registry.demo.service_data import all_services


def test_every_reference_resolves():
    """Relations, Mengingat items, services and SOPs only name records and units that exist."""
    records = catalogue.records_by_key()
    for record in records.values():
        for _kind, target, *_ in record.relations:
            assert target in records, f"{record.key} → {target}"
        for key in record.mengingat:
            assert key in records, f"{record.key} mengingat {key}"
    categories = {term.slug for term in taxonomy.categories()}
    events = {term.slug for term in taxonomy.life_events()}
    for svc in all_services():
        assert svc.opd in opd.units_by_slug() and svc.category in categories, svc.slug
        assert set(svc.life_events) <= events, svc.slug
        assert all(key in records for key, *_ in svc.bases), svc.slug
        assert not svc.sk_sp or svc.sk_sp in records
        assert not svc.sop or svc.sop[2] in records


def test_local_dates_run_in_order():
    """penetapan ≤ pengundangan ≤ berlaku, in the regulation's own year."""
    for record in catalogue.all_records():
        if not record.is_local:
            continue
        assert record.penetapan.year == record.tahun, record.key
        first = record.pengundangan or record.penetapan
        assert record.penetapan <= first <= record.berlaku, record.key
        assert bool(record.pengundangan) != record.is_decree, record.key


def test_relations_point_from_newer_to_older():
    """Every relation is stored on the newer regulation."""
    records = catalogue.records_by_key()
    for record in records.values():
        for _kind, target, *_ in record.relations:
            assert records[target].tahun <= record.tahun, f"{record.key} → {target}"


def test_cited_provisions_exist_in_the_generated_text():
    """A service citing "Pasal n" of a local regulation points at an article its PDF really has."""
    records = catalogue.records_by_key()
    for svc in all_services():
        for key, provision, _component in svc.bases:
            record = records[key]
            if record.is_local and provision:
                number = int(re.match(r"Pasal (\d+)", provision).group(1))
                assert number <= legal_text.pasal_count(record, records), f"{svc.slug}: {key} {provision}"


def test_targets_meet_the_brief():
    """At least 60 services, 30 local regulations, 6 kecamatan with 34 kelurahan."""
    local = [r for r in catalogue.all_records() if r.is_local]
    kecamatan = opd.geography().kecamatan
    assert len(all_services()) >= 60
    assert len(local) >= 30
    assert len(kecamatan) == 6
    assert sum(len(k.kelurahan) for k in kecamatan) == 34


def test_citation_chains_amendments_up_to_the_citing_year():
    """UU 23/2014 is cited 'sebagaimana telah diubah beberapa kali terakhir dengan' UU 6/2023 from 2024."""
    records = catalogue.records_by_key()
    amendments = catalogue.amendments_of()
    text = legal_text.citation(records["UU-23-2014"], amendments, as_of=2024)
    assert "(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244" in text
    assert "sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 6 Tahun 2023" in text
    assert "sebagaimana" not in legal_text.citation(records["UU-23-2014"], amendments, as_of=2014)


def test_revocation_provision_names_the_closing_article():
    """The PDRD Perda revokes in Pasal 16, the 2024 SK SP in Diktum KEEMPAT, national ones unlabelled."""
    records = catalogue.records_by_key()
    assert legal_text.revocation_pasal(records["PERDA-1-2024"], records) == "Pasal 16"
    assert legal_text.revocation_pasal(records["SK-SP-DISDUKCAPIL-2024"], records) == "Diktum KEEMPAT"
    assert legal_text.revocation_pasal(records["UU-1-2022"], records) == ""
    diktum = legal_text.decree_diktum(records["SK-SP-DISDUKCAPIL-2024"], records)
    assert "dicabut dan dinyatakan tidak berlaku" in diktum[3]


def test_mengingat_cites_only_what_existed_at_the_time():
    """No local regulation cites a regulation younger than itself (2011 Perda cite UU 32/2004)."""
    records = catalogue.records_by_key()
    for record in records.values():
        if record.is_local:
            keys = [*record.mengingat, *legal_text.default_mengingat(record)]
            for key in keys:
                if key != "UUD":
                    assert records[key].tahun <= record.tahun, f"{record.key} mengingat {key}"
