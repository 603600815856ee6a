"""Constructors for local regulations, and the Peraturan Daerah of Kota Balikpapan up to 2016 (demo).

The chains are deliberate: the 2011 retribusi Perda are revoked by the 2024 PDRD Perda (after
UU 1/2022), the DPMPTSP delegation Perwal is amended twice, and several Perwal implement a Perda.
Pasal numbers used by service legal bases (e.g. "Pasal 9 ayat (2)" of the PDRD Perda) match the
articles typeset from ``chapters``: Pasal 1 is always Ketentuan Umum, then the chapters in order.
"""

from datetime import date

from .records import Reg

_BASE = {"bidang_hukum": "Hukum Administrasi Negara"}


def perda(nomor, tahun, tentang, penetapan, pengundangan, tld, **kw):
    """A Perda: promulgated in the Lembaran Daerah (number = nomor) with its Tambahan number."""
    return Reg(
        "PERDA",
        str(nomor),
        tahun,
        tentang,
        penetapan=penetapan,
        pengundangan=pengundangan,
        berlaku=kw.pop("berlaku", pengundangan),
        gazette=(tahun, str(nomor), str(tld)),
        **{**_BASE, **kw},
    )


def perwal(nomor, tahun, tentang, penetapan, pengundangan, **kw):
    """A Perwal: promulgated in the Berita Daerah under the same number."""
    return Reg(
        "PERWAL",
        str(nomor),
        tahun,
        tentang,
        penetapan=penetapan,
        pengundangan=pengundangan,
        berlaku=kw.pop("berlaku", pengundangan),
        gazette=(tahun, str(nomor), ""),
        **{**_BASE, **kw},
    )


_JASA_UMUM_2011 = (
    "Pelayanan Kesehatan",
    "Pelayanan Persampahan/Kebersihan",
    "Penggantian Biaya Cetak Kartu Tanda Penduduk dan Akta Catatan Sipil",
    "Pelayanan Pemakaman",
    "Pelayanan Parkir di Tepi Jalan Umum",
    "Pelayanan Pasar",
    "Pengujian Kendaraan Bermotor",
    "Pemeriksaan Alat Pemadam Kebakaran",
    "Pelayanan Tera/Tera Ulang",
)

PERATURAN = [
    perda(
        8,
        2011,
        "Retribusi Jasa Umum",
        date(2011, 7, 14),
        date(2011, 7, 15),
        31,
        pemrakarsa="bpkad",
        subjek="RETRIBUSI DAERAH - JASA UMUM",
        menimbang=(
            "bahwa retribusi daerah merupakan salah satu sumber pendapatan daerah yang penting guna "
            "membiayai penyelenggaraan pemerintahan daerah dan pembangunan daerah",
            "bahwa dengan berlakunya Undang-Undang Nomor 28 Tahun 2009 tentang Pajak Daerah dan Retribusi "
            "Daerah, peraturan daerah mengenai retribusi jasa umum perlu disesuaikan",
        ),
        mengingat=("UU-28-2009", "UU-25-2009"),
        definitions=(
            (
                "Retribusi Daerah yang selanjutnya disebut Retribusi",
                "pungutan Daerah sebagai pembayaran atas "
                "jasa atau pemberian izin tertentu yang khusus disediakan dan/atau diberikan oleh Pemerintah "
                "Daerah untuk kepentingan orang pribadi atau Badan",
            ),
            (
                "Jasa Umum",
                "jasa yang disediakan atau diberikan oleh Pemerintah Daerah untuk tujuan "
                "kepentingan dan kemanfaatan umum serta dapat dinikmati oleh orang pribadi atau Badan",
            ),
            (
                "Wajib Retribusi",
                "orang pribadi atau Badan yang menurut peraturan perundang-undangan "
                "retribusi diwajibkan untuk melakukan pembayaran retribusi",
            ),
        ),
        chapters=(
            (
                "JENIS RETRIBUSI JASA UMUM",
                (
                    (("Jenis Retribusi Jasa Umum yang dipungut di Daerah adalah:", _JASA_UMUM_2011),),
                    (
                        "Objek Retribusi Pengujian Kendaraan Bermotor adalah pelayanan pengujian kendaraan bermotor "
                        "sesuai dengan ketentuan peraturan perundang-undangan.",
                        "Tarif Retribusi Pengujian Kendaraan Bermotor ditetapkan sebesar Rp75.000,00 (tujuh puluh "
                        "lima ribu rupiah) untuk setiap kali uji berkala mobil penumpang dan mobil barang.",
                    ),
                    (
                        "Objek Retribusi Pelayanan Pasar adalah fasilitas pasar tradisional/sederhana berupa "
                        "pelataran, los, dan kios yang dikelola Pemerintah Daerah.",
                        "Tarif Retribusi Pelayanan Pasar ditetapkan sebesar Rp3.000,00 (tiga ribu rupiah) per meter "
                        "persegi per bulan untuk los dan Rp5.000,00 (lima ribu rupiah) per meter persegi per bulan "
                        "untuk kios.",
                    ),
                    (
                        "Objek Retribusi Pelayanan Tera/Tera Ulang adalah pelayanan pengujian alat ukur, takar, "
                        "timbang, dan perlengkapannya.",
                        "Tarif Retribusi Pelayanan Tera/Tera Ulang tercantum dalam Lampiran yang merupakan bagian "
                        "tidak terpisahkan dari Peraturan Daerah ini.",
                    ),
                ),
            ),
            (
                "TATA CARA PEMUNGUTAN",
                (
                    (
                        "Retribusi dipungut dengan menggunakan SKRD atau dokumen lain yang dipersamakan.",
                        "Retribusi dibayar lunas di kas Daerah atau tempat lain yang ditunjuk oleh Wali Kota.",
                    ),
                ),
            ),
        ),
        ringkasan="Menetapkan jenis, objek, tarif, dan tata cara pemungutan retribusi jasa umum, termasuk "
        "pengujian kendaraan bermotor, pelayanan pasar, dan tera/tera ulang.",
    ),
    perda(
        9,
        2011,
        "Retribusi Perizinan Tertentu",
        date(2011, 7, 14),
        date(2011, 7, 15),
        32,
        pemrakarsa="bpkad",
        subjek="RETRIBUSI DAERAH - PERIZINAN TERTENTU",
        menimbang=(
            "bahwa pemberian izin tertentu kepada orang pribadi atau Badan dimaksudkan untuk pembinaan, "
            "pengaturan, pengendalian, dan pengawasan atas kegiatan, pemanfaatan ruang, serta penggunaan "
            "sumber daya alam, barang, prasarana, sarana, atau fasilitas tertentu",
            "bahwa berdasarkan Undang-Undang Nomor 28 Tahun 2009 tentang Pajak Daerah dan Retribusi Daerah, "
            "retribusi perizinan tertentu ditetapkan dengan Peraturan Daerah",
        ),
        mengingat=("UU-28-2009", "UU-28-2002", "UU-22-2009"),
        definitions=(
            (
                "Perizinan Tertentu",
                "kegiatan tertentu Pemerintah Daerah dalam rangka pemberian izin kepada "
                "orang pribadi atau Badan",
            ),
            (
                "Izin Mendirikan Bangunan yang selanjutnya disingkat IMB",
                "izin yang diberikan Pemerintah "
                "Daerah kepada pemilik bangunan gedung untuk membangun baru, mengubah, memperluas, mengurangi, "
                "dan/atau merawat bangunan gedung",
            ),
        ),
        chapters=(
            (
                "JENIS DAN TARIF RETRIBUSI",
                (
                    (
                        (
                            "Jenis Retribusi Perizinan Tertentu adalah:",
                            (
                                "Retribusi Izin Mendirikan Bangunan",
                                "Retribusi Izin Trayek",
                                "Retribusi Izin Gangguan",
                                "Retribusi Perpanjangan Izin Mempekerjakan Tenaga Kerja Asing",
                            ),
                        ),
                    ),
                    (
                        "Tarif Retribusi IMB dihitung berdasarkan luas bangunan, indeks terintegrasi, dan harga "
                        "satuan retribusi.",
                        "Harga satuan retribusi IMB ditetapkan sebesar Rp15.000,00 (lima belas "
                        "ribu rupiah) per meter persegi.",
                    ),
                    (
                        "Tarif Retribusi Izin Trayek ditetapkan sebesar Rp150.000,00 (seratus lima puluh ribu rupiah) "
                        "per kendaraan per tahun.",
                    ),
                ),
            ),
        ),
        ringkasan="Menetapkan retribusi IMB, izin trayek, izin gangguan, dan perpanjangan IMTA.",
    ),
    perda(
        4,
        2016,
        "Penyelenggaraan Administrasi Kependudukan",
        date(2016, 5, 20),
        date(2016, 5, 23),
        58,
        pemrakarsa="disdukcapil",
        subjek="ADMINISTRASI KEPENDUDUKAN",
        menimbang=(
            "bahwa setiap Penduduk berhak memperoleh dokumen kependudukan dan pelayanan yang sama dalam "
            "pendaftaran penduduk dan pencatatan sipil",
            "bahwa untuk memberikan kepastian hukum dalam penyelenggaraan administrasi kependudukan di Daerah "
            "perlu pengaturan yang sesuai dengan Undang-Undang Nomor 23 Tahun 2006 sebagaimana telah diubah "
            "dengan Undang-Undang Nomor 24 Tahun 2013",
        ),
        mengingat=("UU-23-2006", "UU-25-2009"),
        definitions=(
            ("Dinas", "Dinas Kependudukan dan Pencatatan Sipil Kota Balikpapan"),
            (
                "Dokumen Kependudukan",
                "dokumen resmi yang diterbitkan oleh Dinas yang mempunyai kekuatan "
                "hukum sebagai alat bukti autentik",
            ),
            (
                "Kartu Tanda Penduduk Elektronik yang selanjutnya disingkat KTP-el",
                "Kartu Tanda Penduduk yang dilengkapi cip yang merupakan identitas resmi Penduduk",
            ),
        ),
        chapters=(
            (
                "HAK DAN KEWAJIBAN PENDUDUK",
                (
                    (
                        (
                            "Setiap Penduduk mempunyai hak untuk memperoleh:",
                            (
                                "Dokumen Kependudukan",
                                "pelayanan yang sama dalam Pendaftaran Penduduk dan Pencatatan Sipil",
                                "perlindungan atas Data Pribadi",
                            ),
                        ),
                    ),
                    (
                        "Setiap Penduduk wajib melaporkan Peristiwa Kependudukan dan Peristiwa Penting yang dialaminya "
                        "kepada Dinas.",
                    ),
                ),
            ),
            (
                "PELAYANAN",
                (
                    (
                        "Pelayanan Dokumen Kependudukan tidak dipungut biaya.",
                        "Pelayanan sebagaimana dimaksud pada ayat (1) dapat dilakukan di kantor Dinas, Mal Pelayanan "
                        "Publik, kecamatan, atau secara daring.",
                        "Ketentuan lebih lanjut mengenai tata cara pelayanan diatur dengan Peraturan Wali Kota.",
                    ),
                ),
            ),
        ),
        ringkasan="Mengatur hak dan kewajiban penduduk serta pelayanan dokumen kependudukan tanpa biaya di "
        "kantor Dinas, MPP, kecamatan, dan secara daring.",
    ),
    perda(
        8,
        2016,
        "Pembentukan dan Susunan Perangkat Daerah",
        date(2016, 11, 28),
        date(2016, 11, 30),
        62,
        pemrakarsa="bagian-organisasi",
        subjek="PERANGKAT DAERAH - ORGANISASI",
        menimbang=(
            "bahwa dengan berlakunya Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah, "
            "perlu menata kembali pembentukan dan susunan Perangkat Daerah Kota Balikpapan",
        ),
        mengingat=("UU-25-2009",),
        definitions=(
            (
                "Perangkat Daerah",
                "unsur pembantu Wali Kota dan DPRD dalam penyelenggaraan Urusan "
                "Pemerintahan yang menjadi kewenangan Daerah",
            ),
        ),
        chapters=(
            (
                "PEMBENTUKAN",
                (
                    (
                        (
                            "Dengan Peraturan Daerah ini dibentuk Perangkat Daerah, terdiri atas:",
                            (
                                "Sekretariat Daerah",
                                "Sekretariat DPRD",
                                "Inspektorat",
                                "Dinas",
                                "Badan",
                                "Kecamatan",
                            ),
                        ),
                    ),
                ),
            ),
            (
                "SUSUNAN ORGANISASI",
                (
                    (
                        "Susunan organisasi, tugas, dan fungsi Perangkat Daerah diatur dengan Peraturan Wali Kota.",
                    ),
                ),
            ),
        ),
        ringkasan="Membentuk Sekretariat Daerah, Sekretariat DPRD, Inspektorat, Dinas, Badan, dan Kecamatan.",
    ),
]
