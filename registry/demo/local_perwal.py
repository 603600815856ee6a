"""Generated Peraturan Wali Kota Balikpapan (demo content), including an amendment chain."""

from datetime import date

from .local_peraturan import perwal

_DELEGASI_DPMPTSP = (
    "Pendelegasian Wewenang Penyelenggaraan Perizinan dan Nonperizinan kepada Kepala Dinas "
    "Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
)
_PELIMPAHAN_CAMAT = "Pelimpahan Sebagian Kewenangan Wali Kota kepada Camat"

PERWAL = [
    perwal(
        8,
        2015,
        "Pedoman Penyusunan Standar Operasional Prosedur di Lingkungan Pemerintah Kota Balikpapan",
        date(2015, 3, 16),
        date(2015, 3, 16),
        pemrakarsa="bagian-organisasi",
        subjek="STANDAR OPERASIONAL PROSEDUR",
        menimbang=(
            "bahwa untuk meningkatkan kualitas penyelenggaraan pemerintahan diperlukan standar "
            "operasional prosedur administrasi pemerintahan di setiap Perangkat Daerah",
        ),
        mengingat=("PERMEN-35-2012",),
        definitions=(
            (
                "Standar Operasional Prosedur yang selanjutnya disingkat SOP",
                "serangkaian instruksi "
                "tertulis yang dibakukan mengenai berbagai proses penyelenggaraan administrasi "
                "pemerintahan",
            ),
        ),
        chapters=(
            (
                "PENYUSUNAN SOP",
                (
                    (
                        "Setiap Perangkat Daerah wajib menyusun SOP.",
                        "SOP ditetapkan oleh Kepala Perangkat Daerah.",
                    ),
                ),
            ),
        ),
        ringkasan="Pedoman penyusunan SOP administrasi pemerintahan bagi Perangkat Daerah.",
    ),
    perwal(
        31,
        2017,
        "Tata Cara Pelayanan Administrasi Kependudukan",
        date(2017, 6, 12),
        date(2017, 6, 13),
        pemrakarsa="disdukcapil",
        subjek="ADMINISTRASI KEPENDUDUKAN - TATA CARA PELAYANAN",
        relations=(("melaksanakan", "PERDA-4-2016", "Pasal 4 ayat (3)", ""),),
        menimbang=(
            "bahwa untuk melaksanakan ketentuan Pasal 4 ayat (3) Peraturan Daerah Nomor 4 Tahun 2016 "
            "tentang Penyelenggaraan Administrasi Kependudukan, perlu menetapkan Peraturan Wali Kota "
            "tentang Tata Cara Pelayanan Administrasi Kependudukan;",
        ),
        mengingat=("UU-23-2006", "PERDA-4-2016"),
        definitions=(("Dinas", "Dinas Kependudukan dan Pencatatan Sipil Kota Balikpapan"),),
        chapters=(
            (
                "TEMPAT PELAYANAN",
                (
                    (
                        (
                            "Pelayanan administrasi kependudukan dilaksanakan di:",
                            (
                                "kantor Dinas",
                                "Mal Pelayanan Publik Kota Balikpapan",
                                "kantor kecamatan",
                                "layanan daring Dinas",
                            ),
                        ),
                    ),
                ),
            ),
            (
                "JANGKA WAKTU",
                (
                    (
                        "Penerbitan KTP-el dan Kartu Keluarga diselesaikan paling lama 1 (satu) hari kerja sejak "
                        "berkas dinyatakan lengkap.",
                        "Penerbitan akta pencatatan sipil diselesaikan paling lama 1 "
                        "(satu) hari kerja sejak berkas dinyatakan lengkap.",
                    ),
                ),
            ),
        ),
        ringkasan="Tempat pelayanan dan jangka waktu penerbitan dokumen kependudukan.",
    ),
    perwal(
        13,
        2018,
        _DELEGASI_DPMPTSP,
        date(2018, 4, 2),
        date(2018, 4, 3),
        pemrakarsa="dpmptsp",
        subjek="PERIZINAN - PELAYANAN TERPADU SATU PINTU",
        menimbang=(
            "bahwa untuk meningkatkan kualitas pelayanan perizinan dan nonperizinan yang cepat, mudah, "
            "transparan, dan terpadu perlu mendelegasikan wewenang kepada Kepala Dinas Penanaman Modal dan "
            "Pelayanan Terpadu Satu Pintu",
            "bahwa berdasarkan Peraturan Presiden Nomor 97 Tahun 2014 tentang Penyelenggaraan Pelayanan "
            "Terpadu Satu Pintu, penyelenggaraan PTSP dilaksanakan oleh perangkat daerah di bidang penanaman "
            "modal",
        ),
        mengingat=("PERPRES-97-2014", "PERMEN-138-2017"),
        definitions=(
            ("Dinas", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Balikpapan"),
            ("Perizinan", "pemberian legalitas kepada orang atau pelaku usaha/kegiatan tertentu"),
        ),
        chapters=(
            (
                "PENDELEGASIAN WEWENANG",
                (
                    (
                        "Wali Kota mendelegasikan wewenang penandatanganan perizinan dan nonperizinan kepada Kepala "
                        "Dinas.",
                        "Jenis perizinan dan nonperizinan yang didelegasikan tercantum dalam Lampiran.",
                    ),
                    (
                        "Dalam menerbitkan perizinan, Kepala Dinas memperhatikan rekomendasi teknis Perangkat Daerah "
                        "terkait.",
                    ),
                    (
                        "Penyelesaian perizinan dilakukan paling lama 14 (empat belas) hari kerja sejak berkas "
                        "dinyatakan lengkap dan benar.",
                    ),
                ),
            ),
        ),
        ringkasan="Mendelegasikan penandatanganan perizinan dan nonperizinan kepada Kepala DPMPTSP.",
    ),
    perwal(
        20,
        2019,
        _PELIMPAHAN_CAMAT,
        date(2019, 5, 6),
        date(2019, 5, 7),
        pemrakarsa="bagian-organisasi",
        subjek="KECAMATAN - PELIMPAHAN KEWENANGAN",
        relations=(("melaksanakan", "PP-17-2018", "", ""),),
        menimbang=(
            "bahwa untuk mendekatkan pelayanan kepada masyarakat melalui Pelayanan Administrasi "
            "Terpadu Kecamatan perlu melimpahkan sebagian kewenangan Wali Kota kepada Camat",
        ),
        mengingat=("PP-17-2018", "PERDA-8-2016"),
        definitions=(
            (
                "Pelayanan Administrasi Terpadu Kecamatan yang selanjutnya disingkat PATEN",
                "penyelenggaraan pelayanan publik di kecamatan dari tahap permohonan sampai tahap "
                "terbitnya dokumen dalam satu tempat",
            ),
        ),
        chapters=(
            (
                "KEWENANGAN YANG DILIMPAHKAN",
                (
                    (
                        (
                            "Wali Kota melimpahkan kepada Camat kewenangan pelayanan:",
                            (
                                "rekomendasi dan surat keterangan",
                                "legalisasi dokumen",
                                "surat keterangan tidak mampu",
                            ),
                        ),
                    ),
                    ("Pelayanan PATEN tidak dipungut biaya.",),
                ),
            ),
        ),
        ringkasan="Melimpahkan kewenangan pelayanan PATEN kepada Camat.",
    ),
    perwal(
        25,
        2020,
        "Pedoman Penyusunan Standar Pelayanan dan Standar Operasional Prosedur Pelayanan Publik",
        date(2020, 9, 14),
        date(2020, 9, 15),
        pemrakarsa="bagian-organisasi",
        subjek="PELAYANAN PUBLIK - STANDAR PELAYANAN",
        relations=(
            ("mencabut", "PERWAL-8-2015", "", ""),
            ("melaksanakan", "PERDA-3-2018", "Pasal 2 ayat (3)", ""),
        ),
        menimbang=(
            "bahwa untuk melaksanakan ketentuan Pasal 2 ayat (3) Peraturan Daerah Nomor 3 Tahun 2018 "
            "tentang Penyelenggaraan Pelayanan Publik, perlu menetapkan Peraturan Wali Kota tentang "
            "Pedoman Penyusunan Standar Pelayanan dan Standar Operasional Prosedur Pelayanan Publik;",
        ),
        mengingat=("UU-25-2009", "PP-96-2012", "PERMEN-15-2014", "PERMEN-35-2012", "PERDA-3-2018"),
        definitions=(
            (
                "Standar Pelayanan",
                "tolok ukur yang dipergunakan sebagai pedoman penyelenggaraan "
                "pelayanan dan acuan penilaian kualitas pelayanan",
            ),
        ),
        chapters=(
            (
                "KOMPONEN STANDAR PELAYANAN",
                (
                    (
                        (
                            "Komponen Standar Pelayanan yang dipublikasikan meliputi:",
                            (
                                "persyaratan",
                                "sistem, mekanisme, dan prosedur",
                                "jangka waktu pelayanan",
                                "biaya/tarif",
                                "produk pelayanan",
                                "penanganan pengaduan, saran, dan masukan",
                            ),
                        ),
                        "Komponen pengelolaan pelayanan dimuat dalam dokumen Standar Pelayanan yang ditetapkan "
                        "dengan Keputusan Kepala Perangkat Daerah.",
                    ),
                    ("Standar Pelayanan dievaluasi paling sedikit 1 (satu) kali dalam 1 (satu) tahun.",),
                ),
            ),
            (
                "STANDAR OPERASIONAL PROSEDUR",
                (
                    (
                        "Setiap jenis pelayanan dilengkapi SOP yang disusun sesuai pedoman Menteri.",
                        "SOP ditetapkan dengan Keputusan Kepala Perangkat Daerah.",
                    ),
                ),
            ),
        ),
        ringkasan="Pedoman penyusunan standar pelayanan (14 komponen) dan SOP; mencabut Perwal 8/2015.",
    ),
    perwal(
        15,
        2021,
        f"Perubahan atas Peraturan Wali Kota Nomor 20 Tahun 2019 tentang {_PELIMPAHAN_CAMAT}",
        date(2021, 4, 19),
        date(2021, 4, 20),
        pemrakarsa="bagian-organisasi",
        subjek="KECAMATAN - PELIMPAHAN KEWENANGAN",
        relations=(("mengubah", "PERWAL-20-2019", "", ""),),
        menimbang=(
            "bahwa untuk memperluas jenis pelayanan PATEN, Peraturan Wali Kota Nomor 20 Tahun 2019 "
            "perlu diubah",
        ),
        amendments=(
            (
                "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:",
                "Pasal 2: Wali Kota melimpahkan kepada Camat kewenangan pelayanan rekomendasi, surat "
                "keterangan, legalisasi dokumen, surat keterangan tidak mampu, dan izin keramaian.",
            ),
        ),
        ringkasan="Menambah izin keramaian ke dalam pelayanan PATEN.",
    ),
]
