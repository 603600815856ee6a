"""Reading Standar Pelayanan documents (``importers.sp_decree``): the corpus SP PDFs and a decree.

The expectations were read off the PDFs by eye (pdfminer text and page images), not computed with
the parser. What the reader finds on each corpus document is pinned in ``CORPUS`` below.
"""

import pytest

from registry.regulations.extraction import extract_pdf
from registry.regulations.extraction.runner import ExtractionOptions
from registry.services.importers.sp_decree import read_decree
from registry.services.importers.sp_lists import read_list

READ = ["persyaratan", "waktu", "biaya", "produk", "pengaduan"]
#: file → (service title, components read, number of requirements); every procedure is a flowchart.
CORPUS = {
    "agam__1.pdf": ("Izin Pendirian Sekolah", READ, 29),  # PAUD a–k, SD/SMP a–h, swasta a–j
    "agam__14.pdf": ("Surat Tanda Daftar Usaha Penyediaan Akomodasi", READ, 12),
    "agam__klinik.pdf": ("Izin Klinik", READ, 28),
    "agam__bidan.pdf": ("Izin Praktik Bidan", READ, 18),
    "agam__iup.pdf": ("Surat Izin Usaha Perkebunan (IUP)", READ, 18),
    "agam__sumbangan.pdf": ("Izin Pengumpulan Sumbangan", READ, 9),
}
_cache: dict = {}


def pages_of(corpus_dir, name):
    if name not in _cache:
        outcome = extract_pdf(
            str(corpus_dir / "real" / "pdf" / name), ExtractionOptions(workers=1, ocr=False)
        )
        assert outcome.status == "done", outcome.reason_code
        _cache[name] = [page.text for page in outcome.pages]
    return _cache[name]


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_sp_documents(corpus_dir, name):
    title, components, requirements = CORPUS[name]
    reading = read_decree(pages_of(corpus_dir, name))
    assert reading.kind == "STANDAR_PELAYANAN"
    assert [s.title for s in reading.services] == [title]
    service = reading.services[0]
    assert service.components() == components
    assert len(service.sections["persyaratan"].items) == requirements
    procedure = service.sections["prosedur"]
    assert procedure.diagram and not procedure.items and procedure.skipped


def test_form_is_no_standar_pelayanan(corpus_dir):
    reading = read_decree(pages_of(corpus_dir, "agam__tdp.pdf"))
    assert reading.services == []


def test_sekolah_items_groups_and_subitems(corpus_dir):
    service = read_decree(pages_of(corpus_dir, "agam__1.pdf")).services[0]
    requirements = service.sections["persyaratan"]
    assert requirements.items[:3] == [
        "Surat Permohonan/Proposal dari Lembaga yang bersangkutan",
        "Fotokopi Identitas diri/ KTP pendiri",
        "Fotokopi Ijazah pendiri/pengelola",
    ]
    # Item h stands on the label's line ("1 Persyaratan h. Latar belakang …").
    assert requirements.items[7] == "Latar belakang pendirian PAUD (TK/TKLB/KB/TPA/SPS)"
    assert requirements.items[10] == (
        "Hasil Penilaian Kelayakan (dinas teknis): "
        "Dokumen hak milik/sewa/pinjam pakai tanah dan bangunan yang digunakan; "
        "Pendirian yang berbadan hukum wajib melampirkan Akta pendirikan dari notaris; "
        "Data mengenai perkiraan pembiayaan untuk kelangsungan PAUD/KB/TPA/SPS paling sedikit untuk 1 tahun "
        "pembelajaran"
    )
    assert requirements.groups[0] == "MENDIRIKAN PAUD (TK/TKLB//KB/TPA/SPS)"
    assert requirements.groups[11] == "MENDIRIKAN SD dan SMP"
    assert requirements.groups[-1] == "Tambahan syarat untuk sekolah swasta SD, SMP"
    assert requirements.skipped == ["Persyaratan diserahkan ke DPMPTSP & NAKER 3 rangkap"] * 3
    assert service.sections["waktu"].text == "5 Hari kerja setelah persyaratan lengkap dan sah."
    assert service.sections["biaya"].text == "Gratis"
    assert service.sections["produk"].text == "Izin Pendirian Sekolah"
    complaints = service.sections["pengaduan"].items
    assert complaints[0] == (
        "Kotak Saran: Lubuk Basung : Jl. Veteran No. 1 Padang Baru Lubuk Basung; "
        "Kantor Perwakilan : Jl. Perwira No. 1 Belakang Balok"
    )
    assert complaints[-1] == "Facebook : dpmptsp dan naker agam"
    assert len(complaints) == 6


def test_split_labels_and_values_around_them(corpus_dir):
    # "Jangka Waktu" / "3 5 Hari kerja …" / "Penyelesaian": the row number and the label's tail go.
    akomodasi = read_decree(pages_of(corpus_dir, "agam__14.pdf")).services[0]
    assert akomodasi.sections["waktu"].text == "5 Hari kerja setelah persyaratan, lengkap dan sah."
    # "Berbayar (Sesuai … Tenaga" / "4 Biaya/Tarif" / "Keperawatan)".
    bidan = read_decree(pages_of(corpus_dir, "agam__bidan.pdf")).services[0]
    assert bidan.sections["biaya"].text == (
        "Berbayar (Sesuai Peraturan Daerah Nomor 15 Tahun 2003 tentang Izin Praktek Tenaga Medis dan "
        "Tenaga Keperawatan)"
    )
    iup = read_decree(pages_of(corpus_dir, "agam__iup.pdf")).services[0]
    assert iup.sections["persyaratan"].items[1] == "Akta pendirian perusahaan dan perubahannya yang terakhir"
    assert iup.sections["waktu"].text == "14 hari kerja setelah persyaratan,lengkap dan sah"


def test_klinik_nested_lists(corpus_dir):
    requirements = read_decree(pages_of(corpus_dir, "agam__klinik.pdf")).services[0].sections["persyaratan"]
    assert requirements.groups.count("IZIN MENDIRIKAN") == 10
    assert requirements.groups.count("IZIN OPERASIONAL") == 18
    assert requirements.items[15] == (
        "Surat pernyataan dari masing-masing tenaga teknis: Untuk rawat jalan terdiri dari (Tenaga dokter "
        "minimal 2 orang, Tenaga perawat, Tenaga bidan, Tenaga kesehatan lain dan, Tenaga non "
        "kesehatan/tenaga administrasi lainnya); Untuk rawat inap ditambahkan (Tenaga kefarmasian, Tenaga "
        "gizi, Tenaga analis kesehatan)"
    )


# A Keputusan Kepala Perangkat Daerah with a lampiran of two services (domain §4.3), as pdfminer
# gives such a PDF back: written for this test after the decrees' layout, not taken from a real one.
DECREE = [
    """KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL
KOTA BALIKPAPAN
NOMOR 470/208/DISDUKCAPIL/2024
TENTANG
STANDAR PELAYANAN PADA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA BALIKPAPAN
KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA BALIKPAPAN,
Menimbang : a. bahwa berdasarkan Pasal 20 ayat (1) Undang-Undang Nomor 25 Tahun 2009;
MEMUTUSKAN:
Menetapkan : KEPUTUSAN KEPALA DINAS TENTANG STANDAR PELAYANAN.
KESATU : Menetapkan Standar Pelayanan sebagaimana tercantum dalam Lampiran.
Ditetapkan di Balikpapan
pada tanggal 22 Januari 2024
""",
    """LAMPIRAN KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL
NOMOR 470/208/DISDUKCAPIL/2024
Jenis Pelayanan : Penerbitan Kartu Keluarga
No Komponen Uraian
1. Persyaratan Pelayanan 1. Formulir F-1.01
2. Kartu Keluarga lama
3. Surat keterangan pindah (bagi pindah datang)
2. Sistem, Mekanisme dan 1. Pemohon mengisi formulir dan menyerahkan berkas
Prosedur 2. Petugas memverifikasi berkas
3. Kartu Keluarga dicetak dan diserahkan
3. Jangka Waktu Pelayanan 1 hari kerja
4. Biaya/Tarif Tidak dipungut biaya
5. Produk Pelayanan Kartu Keluarga
6. Penanganan Pengaduan, a. SP4N-LAPOR!
Saran dan Masukan b. Kotak saran di kantor
7. Dasar Hukum Undang-Undang Nomor 24 Tahun 2013
""",
    """Jenis Pelayanan : Legalisir Dokumen
No Komponen Uraian
1. Persyaratan Pelayanan - Dokumen asli
- Fotokopi dokumen
3. Jangka Waktu Pelayanan 30 menit
4. Biaya/Tarif Rp 5.000 per lembar
5. Produk Pelayanan Dokumen terlegalisir
7. Dasar Hukum Peraturan Wali Kota Nomor 12 Tahun 2023
""",
]


def test_decree_with_two_services():
    reading = read_decree(DECREE)
    assert (reading.nomor, reading.tahun) == ("470/208/DISDUKCAPIL/2024", 2024)
    assert [s.title for s in reading.services] == ["Penerbitan Kartu Keluarga", "Legalisir Dokumen"]
    kk, legalisir = reading.services
    assert kk.components() == ["persyaratan", "prosedur", "waktu", "biaya", "produk", "pengaduan"]
    assert kk.sections["persyaratan"].items == [
        "Formulir F-1.01",
        "Kartu Keluarga lama",
        "Surat keterangan pindah (bagi pindah datang)",
    ]
    assert kk.sections["prosedur"].items == [
        "Pemohon mengisi formulir dan menyerahkan berkas",
        "Petugas memverifikasi berkas",
        "Kartu Keluarga dicetak dan diserahkan",
    ]
    assert kk.sections["waktu"].text == "1 hari kerja"
    assert kk.sections["biaya"].text == "Tidak dipungut biaya"
    assert kk.sections["pengaduan"].items == ["SP4N-LAPOR!", "Kotak saran di kantor"]
    assert legalisir.components() == ["persyaratan", "waktu", "biaya", "produk"]
    assert legalisir.sections["persyaratan"].items == ["Dokumen asli", "Fotokopi dokumen"]
    assert legalisir.sections["biaya"].text == "Rp 5.000 per lembar"


def test_list_continuations_and_leftovers():
    items, skipped = read_list(
        [
            "a. Rekomendasi kesesuaian dengan rencana tata ruang wilayah kabupaten dari Bupati (untuk IUP",
            "yang diterbitkan oleh Gubernur)",
            "b. Akta pendirian perusahaan dan",
            "perubahannya",
            "c. Fotokopi KTP",
            "Persyaratan diserahkan 3 rangkap",
        ]
    )
    assert [item.render() for item in items] == [
        "Rekomendasi kesesuaian dengan rencana tata ruang wilayah kabupaten dari Bupati (untuk IUP yang "
        "diterbitkan oleh Gubernur)",
        "Akta pendirian perusahaan dan perubahannya",
        "Fotokopi KTP",
    ]
    assert skipped == ["Persyaratan diserahkan 3 rangkap"]
