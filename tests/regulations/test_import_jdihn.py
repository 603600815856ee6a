"""``manage.py import_jdihn``: messy feeds, dry run = real run, idempotence, per-batch atomicity, an
http source, ``--with-files``, proposals for the legal bureau, and a round trip of our own feed."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from registry.regulations.choices import ExtractionStatus, RelationKind, Status
from registry.regulations.models import (
    DocumentPage,
    ImportProposal,
    ImportRecord,
    ImportRun,
    RegulationPage,
    RegulationRelation,
)
from registry.regulations.proposals import apply_import_proposals
from registry.regulations.reference_data import ensure_regulation_types
from tests import factories
from tests.regulations.test_extraction_samples import regulation_pdf
from tests.regulations.test_import_jdihn_mapping import feed_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registry_ready():
    """An install with its site tree and regulation types, and no regulations."""
    factories.site_tree()
    ensure_regulation_types()


@pytest.fixture
def http_server():
    """A loopback HTTP server; tests put ``path → (body, content type, status)`` into its routes."""
    routes = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body, content_type, status = routes.get(self.path, (b"tidak ada", "text/plain", 404))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", routes
    server.shutdown()
    server.server_close()


def write_feed(tmp_path, records, name="feed.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return str(path)


def run(source, *args) -> str:
    out = StringIO()
    call_command("import_jdihn", source, *args, stdout=out)
    return out.getvalue()


def perwal(nomor, tahun=2023, tentang="Standar Pelayanan", **overrides):
    values = {
        "idData": f"{nomor}-{tahun}",
        "noPeraturan": str(nomor),
        "tahun_pengundangan": str(tahun),
        "tanggal_penetapan": f"{tahun}-05-12",
        "tanggal_pengundangan": f"{tahun}-05-12",
        "judul": f"Peraturan Wali Kota Balikpapan Nomor {nomor} Tahun {tahun} tentang {tentang}",
        "sumber": f"BD Kota Balikpapan {tahun} ({nomor}): 10 hlm",
        "urlDownload": "",
        "urlDetailPeraturan": "",
    }
    return feed_record(**{**values, **overrides})


def messy_feed():
    """Every messy case at once (10 records: 6 regulations, 2 duplicates, 2 unusable)."""
    return [
        perwal(1),
        perwal(
            1, judul="PERATURAN WALIKOTA BALIKPAPAN NO 1 TAHUN 2023 TENTANG STANDAR PELAYANAN", subjek="-"
        ),
        feed_record(
            idData="perda-4",
            jenis="PERATURAN DAERAH KOTA",
            singkatanJenis="PERDA",
            noPeraturan="-",
            tahun_pengundangan="",
            judul="PERATURAN DAERAH KOTA BALIKPAPAN NO 4 TAHUN 2020 TENTANG PERUBAHAN ATAS PERATURAN DAERAH "
            "NOMOR 3 TAHUN 2019 TENTANG RETRIBUSI SAMPAH",
            tanggal_penetapan="2020-02-01",
            tanggal_pengundangan="2020-02-03",
            sumber="Lembaran Daerah Kota Balikpapan Tahun 2020 Nomor 4, Tambahan Lembaran Daerah Kota Balikpapan Nomor 9",
            urlDownload="",
        ),
        perwal(2, jenis="Peraturan Daerah", singkatanJenis="Perda"),
        perwal(3, jenis="Perwali", singkatanJenis="-", teuBadan="-", penerbit="-", tempatTerbit="-"),
        perwal(5, jenis="Peraturan Walikota", singkatanJenis="PERWAL", status="Tidak Berlaku"),
        perwal(6, jenis="Peraturan Wali Kota", tanggal_penetapan="kemarin", bidangHukum=""),
        perwal(2, jenis="PERWAL", subjek="SUBJEK LAIN"),
        feed_record(
            jenis="Peraturan Bupati",
            singkatanJenis="Perbup",
            judul="Peraturan Bupati Kutai Nomor 1 Tahun 2020",
        ),
        "bukan objek",
    ]


def test_messy_feed_is_mapped_merged_or_reported(tmp_path):
    feed = write_feed(tmp_path, messy_feed())
    dry = run(feed, "--dry-run")
    assert RegulationPage.objects.count() == 0 and ImportRun.objects.count() == 0
    out = run(feed)
    for text in (dry, out):
        assert "10 catatan: dibuat 6, diperbarui 0, tidak berubah 0, digabung 2, dilewati 2" in text
    assert "Uji coba (--dry-run): tidak ada yang ditulis." in dry
    assert "akan dibuat" in dry
    assert "Duplikat catatan #1" in out and "Jenis peraturan tidak dikenali" in out
    assert "bertentangan dengan judul" in out and "bukan objek JSON" in out
    assert "Nilai tanggal_penetapan 'kemarin' bukan tanggal yang dapat dibaca" in out

    pages = {
        (p.regulation_type.code, p.nomor, p.tahun): p
        for p in RegulationPage.objects.select_related("regulation_type")
    }
    assert set(pages) == {("PERWAL", n, 2023) for n in ("1", "2", "3", "5", "6")} | {("PERDA", "4", 2020)}
    assert all(page.live for page in pages.values())
    perda = pages[("PERDA", "4", 2020)]
    assert perda.wilayah == "Kota Balikpapan" and perda.tentang.startswith("PERUBAHAN ATAS")
    assert (perda.tahun_lembaran, perda.nomor_lembaran, perda.nomor_tambahan) == (2020, "4", "9")
    assert pages[("PERWAL", "2", 2023)].subjek == "PELAYANAN PUBLIK - ADMINISTRASI KEPENDUDUKAN"
    assert pages[("PERWAL", "3", 2023)].wilayah == "Kota Balikpapan"
    assert pages[("PERWAL", "6", 2023)].tanggal_penetapan is None
    proposals = {(p.regulation.nomor, p.kind) for p in ImportProposal.objects.select_related("regulation")}
    assert proposals == {("4", "relation"), ("5", "status")}
    assert pages[("PERWAL", "5", 2023)].status == Status.BERLAKU  # nothing applied unconfirmed
    run_row = ImportRun.objects.get()
    assert run_row.state == ImportRun.State.DONE and run_row.counts["created"] == 6
    assert ImportRecord.objects.filter(run=run_row).count() == 10

    again = run(feed)
    assert "dibuat 0, diperbarui 0, tidak berubah 6, digabung 2, dilewati 2" in again
    assert RegulationPage.objects.count() == 6 and ImportProposal.objects.count() == 2
    assert "tidak diusulkan lagi" in again


def test_dry_run_reports_what_the_real_run_does_including_rollbacks(tmp_path):
    records = [perwal(n) for n in range(1, 7)]
    records[3]["subjek"] = "X" * 300  # too long for the model: this record's batch fails validation
    feed = write_feed(tmp_path, records)
    dry = run(feed, "--dry-run", "--batch-size", "2")
    out = run(feed, "--batch-size", "2")
    summary = "6 catatan: dibuat 4, diperbarui 0, tidak berubah 0, digabung 0, dilewati 0, gagal validasi 1, dibatalkan 1."
    assert summary in dry and summary in out
    assert "1 dari 3 kelompok dibatalkan seluruhnya" in out
    assert "Tidak lolos validasi: subjek:" in out and "karena catatan #4 gagal validasi" in out
    assert sorted(RegulationPage.objects.values_list("nomor", flat=True)) == ["1", "2", "5", "6"]


def test_existing_regulations_are_matched_and_filled_not_overwritten(tmp_path):
    existing = factories.regulation(
        "PERWAL", nomor="1", tahun=2023, tentang="Standar Pelayanan", subjek="LAMA"
    )
    feed = write_feed(tmp_path, [perwal("01", subjek="BARU")])
    out = run(feed)
    assert "diperbarui 1" in out and "tidak ditimpa" in out
    existing.refresh_from_db()
    assert (
        existing.subjek == "LAMA"
        and existing.nomor_lembaran == "01"
        and existing.tempat_penetapan == "Balikpapan"
    )
    assert RegulationPage.objects.count() == 1
    run(feed, "--overwrite")
    existing.refresh_from_db()
    assert existing.subjek == "BARU"


def test_draft_option_creates_unpublished_pages(tmp_path):
    run(write_feed(tmp_path, [perwal(1)]), "--draft")
    page = RegulationPage.objects.get()
    assert not page.live and page.has_unpublished_changes


def test_http_source_through_a_loopback_server(tmp_path, http_server):
    base, routes = http_server
    routes["/api/jdihn"] = (json.dumps({"data": [perwal(1), perwal(2)]}).encode(), "application/json", 200)
    out = run(f"{base}/api/jdihn")
    assert "2 catatan: dibuat 2" in out
    with pytest.raises(CommandError, match="404"):
        run(f"{base}/hilang")
    with (
        override_settings(REGISTRY_JDIHN_FEED_MAX_BYTES=100),
        pytest.raises(CommandError, match="melebihi batas"),
    ):
        run(f"{base}/api/jdihn")
    routes["/rusak"] = (b"[{", "application/json", 200)
    with pytest.raises(CommandError, match="bukan JSON yang sah"):
        run(f"{base}/rusak")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        run(str(tmp_path / "tidak-ada.json"))


@override_settings(REGISTRY_EXTRACTION_TIMEOUT_SECONDS=60)
def test_with_files_attaches_and_extracts_good_pdfs_and_records_bad_ones(
    tmp_path, http_server, django_capture_on_commit_callbacks
):
    base, routes = http_server
    routes["/files/perwal-1.pdf"] = (regulation_pdf(tmp_path / "p.pdf").read_bytes(), "application/pdf", 200)
    routes["/files/perwal-2.pdf"] = (b"<html><body>Halaman tidak ditemukan</body></html>", "text/html", 200)
    records = [
        perwal(1, urlDownload=f"{base}/files/perwal-1.pdf"),
        perwal(2, urlDownload=f"{base}/files/perwal-2.pdf"),
        perwal(3, urlDownload=f"{base}/files/hilang.pdf"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        out = run(write_feed(tmp_path, records), "--with-files")
    assert "dibuat 3" in out and "Berkas terlampir 1, gagal 2." in out
    assert "bukan PDF" in out and "404" in out
    pages = {p.nomor: p for p in RegulationPage.objects.all()}
    document = pages["1"].document
    assert document is not None and pages["2"].document is None and pages["3"].document is None
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert DocumentPage.objects.filter(document=document).exists()
    assert pages["1"].live and not pages["1"].has_unpublished_changes
    failed = ImportRecord.objects.get(position=2)
    assert failed.file_status == "failed" and "bukan PDF" in failed.file_reason


def test_proposals_are_applied_through_the_review_mechanism(tmp_path, django_user_model):
    old = factories.regulation("PERDA", nomor="3", tahun=2019, tentang="Retribusi Sampah")
    feed = write_feed(tmp_path, messy_feed()[2:3] + [perwal(5, status="Tidak Berlaku")])
    run(feed)
    user = django_user_model.objects.create_superuser("admin", "a@example.test", "sandi")
    for proposal in ImportProposal.objects.select_related("regulation"):
        apply_import_proposals(proposal.regulation, [proposal], user, publish=True)
    perda = RegulationPage.objects.get(nomor="4")
    assert RegulationRelation.objects.filter(source=perda, target=old, kind=RelationKind.MENGUBAH).exists()
    old.refresh_from_db()
    assert old.status == Status.DIUBAH
    assert RegulationPage.objects.get(nomor="5").status == Status.TIDAK_BERLAKU
    assert set(ImportProposal.objects.values_list("state", flat=True)) == {ImportProposal.State.APPLIED}
    assert "Usulan hubungan/status untuk ditinjau: 0." in run(feed)  # nothing proposed twice


def test_round_trip_of_our_own_feed(tmp_path, client, django_user_model):
    """Our /api/jdihn/ feed, imported into the emptied install, gives the same regulations back."""
    old = factories.regulation("PERDA", nomor="3", tahun=2019, tentang="Retribusi Sampah", nomor_lembaran="3")
    factories.regulation(
        "PERDA",
        nomor="4",
        tahun=2023,
        tentang="Perubahan atas Peraturan Daerah Nomor 3 Tahun 2019 tentang Retribusi Sampah",
        tanggal_pengundangan=factories.date(2023, 3, 4),
        nomor_lembaran="4",
        nomor_tambahan="11",
        jumlah_halaman=12,
    )
    factories.relate(RegulationPage.objects.get(nomor="4"), old, RelationKind.MENGUBAH)
    factories.regulation(
        "PERWAL", nomor="7", tahun=2024, tentang="Pelayanan Akta Kelahiran", subjek="KEPENDUDUKAN"
    )
    factories.regulation("KEPWAL", nomor="188.45-167/2000", tahun=2000, tentang="Tim Penyusun")
    factories.regulation("PERWAL", nomor="9", tahun=2016, tentang="Tarif Lama", declared_not_in_force=True)
    fields = (
        "regulation_type__code",
        "nomor",
        "tahun",
        "title",
        "tentang",
        "tanggal_penetapan",
        "tanggal_pengundangan",
        "status",
        "nomor_lembaran",
        "nomor_tambahan",
        "jumlah_halaman",
    )
    before = sorted(RegulationPage.objects.values_list(*fields))
    feed_before = client.get("/api/jdihn/").json()
    for page in RegulationPage.objects.all():
        page.delete()
    assert RegulationPage.objects.count() == 0

    out = run(write_feed(tmp_path, feed_before))
    assert "5 catatan: dibuat 5" in out
    user = django_user_model.objects.create_superuser("admin", "a@example.test", "sandi")
    for proposal in ImportProposal.objects.select_related("regulation"):
        apply_import_proposals(proposal.regulation, [proposal], user, publish=True)
    assert sorted(RegulationPage.objects.values_list(*fields)) == before
    keys = (
        "jenis",
        "noPeraturan",
        "tahun_pengundangan",
        "judul",
        "tanggal_penetapan",
        "tanggal_pengundangan",
        "status",
        "sumber",
    )
    after = client.get("/api/jdihn/").json()
    assert sorted(tuple(r[k] for k in keys) for r in after) == sorted(
        tuple(r[k] for k in keys) for r in feed_before
    )
