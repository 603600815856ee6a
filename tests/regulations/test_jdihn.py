"""The JDIHN feed emits the member-feed keys for live local regulations only."""

from datetime import date

import pytest

from registry.regulations.choices import RelationKind
from tests import factories

pytestmark = pytest.mark.django_db

JDIHN_KEYS = {
    "idData",
    "tahun_pengundangan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "fileDownload",
    "urlDownload",
    "abstrak",
    "urlabstrak",
    "urlDetailPeraturan",
    "operasi",
    "display",
}


def test_feed_lists_live_local_regulations_with_jdihn_keys(client):
    """Each record carries exactly the JDIHN keys; drafts and national regulations are left out."""
    perwal = factories.regulation(
        "PERWAL",
        nomor="12",
        tahun=2023,
        tempat_penetapan="Balikpapan",
        tanggal_pengundangan=date(2023, 3, 2),
        nomor_lembaran="12",
        tahun_lembaran=2023,
        jumlah_halaman=10,
    )
    factories.regulation("PERWAL", nomor="13", tahun=2023, live=False)
    factories.regulation("UU", nomor="25", tahun=2009)
    response = client.get("/api/jdihn/")
    assert response.status_code == 200
    records = response.json()
    assert [r["noPeraturan"] for r in records] == ["12"]
    record = records[0]
    assert set(record) == JDIHN_KEYS
    assert record["idData"] == str(perwal.pk)
    assert record["tanggal_pengundangan"] == "2023-03-02"
    assert record["sumber"] == "BD Kota Balikpapan 2023 (12): 10 hlm"
    assert record["singkatanJenis"] == "PERWAL"
    assert record["urlDetailPeraturan"].endswith("/peraturan/perwal/2023/12/")
    assert (record["operasi"], record["display"]) == ("4", "1")


def test_revoked_regulation_is_tidak_berlaku(client):
    """A revoked regulation is reported as Tidak Berlaku."""
    old = factories.regulation("PERWAL", nomor="48", tahun=2016)
    new = factories.regulation("PERWAL", nomor="7", tahun=2024)
    factories.relate(new, old, RelationKind.MENCABUT)
    by_number = {r["noPeraturan"]: r["status"] for r in client.get("/api/jdihn/").json()}
    assert by_number == {"48": "Tidak Berlaku", "7": "Berlaku"}


def test_year_filter_and_bad_year(client):
    """?tahun narrows the feed; a non-numeric year is a clear 400."""
    factories.regulation("PERWAL", nomor="1", tahun=2022)
    factories.regulation("PERWAL", nomor="2", tahun=2023)
    assert [r["noPeraturan"] for r in client.get("/api/jdihn/?tahun=2022").json()] == ["1"]
    bad = client.get("/api/jdihn/?tahun=dua")
    assert bad.status_code == 400
    assert "tahun" in bad.json()["error"]
