"""Generated Peraturan Daerah of Kota Balikpapan from 2018 on (demo content).

The 2024 PDRD Perda revokes the 2011 retribusi Perda (after UU 1/2022); the 2021 Perda amends the
2016 SOTK Perda. Pasal numbers cited by services match the articles typeset from ``chapters``.
"""

from datetime import date

from .local_peraturan import perda

PERDA = [
    perda(
        3,
        2018,
        "Penyelenggaraan Pelayanan Publik",
        date(2018, 4, 9),
        date(2018, 4, 10),
        71,
        pemrakarsa="bagian-organisasi",
        subjek="PELAYANAN PUBLIK",
        menimbang=(
            "bahwa penyelenggaraan pelayanan publik di Daerah harus berlandaskan asas kepentingan umum, "
            "kepastian hukum, kesamaan hak, keterbukaan, dan akuntabilitas",
            "bahwa untuk melaksanakan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik di Daerah "
            "diperlukan pengaturan mengenai standar pelayanan, maklumat pelayanan, dan pengelolaan pengaduan",
        ),
        mengingat=("UU-25-2009", "PP-96-2012"),
        definitions=(
            (
                "Penyelenggara",
                "setiap Perangkat Daerah dan unit kerjanya yang menyelenggarakan pelayanan publik",
            ),
            (
                "Standar Pelayanan",
                "tolok ukur yang dipergunakan sebagai pedoman penyelenggaraan pelayanan "
                "dan acuan penilaian kualitas pelayanan",
            ),
        ),
        chapters=(
            (
                "STANDAR PELAYANAN",
                (
                    (
                        "Setiap Penyelenggara wajib menyusun dan menetapkan Standar Pelayanan untuk setiap jenis "
                        "pelayanan dengan mengikutsertakan masyarakat.",
                        "Standar Pelayanan ditetapkan dengan Keputusan Kepala Perangkat Daerah.",
                        "Ketentuan lebih lanjut mengenai pedoman penyusunan Standar Pelayanan dan standar operasional "
                        "prosedur diatur dengan Peraturan Wali Kota.",
                    ),
                    (
                        "Setiap Penyelenggara wajib menyusun, menetapkan, dan mempublikasikan Maklumat Pelayanan.",
                    ),
                ),
            ),
            (
                "PENGELOLAAN PENGADUAN",
                (
                    (
                        "Setiap Penyelenggara wajib menyediakan sarana pengaduan dan mengelola pengaduan melalui "
                        "SP4N-LAPOR!.",
                        "Pengaduan ditindaklanjuti paling lama 14 (empat belas) hari kerja.",
                    ),
                ),
            ),
        ),
        ringkasan="Mewajibkan setiap Perangkat Daerah menetapkan standar pelayanan, maklumat pelayanan, dan "
        "mengelola pengaduan melalui SP4N-LAPOR!.",
    ),
    perda(
        5,
        2019,
        "Ketertiban Umum dan Ketenteraman Masyarakat",
        date(2019, 8, 19),
        date(2019, 8, 20),
        76,
        pemrakarsa="satpol-pp",
        subjek="KETERTIBAN UMUM",
        menimbang=(
            "bahwa ketertiban umum dan ketenteraman masyarakat merupakan kebutuhan dasar masyarakat "
            "yang harus diselenggarakan oleh Pemerintah Daerah",
        ),
        mengingat=("PP-16-2018",),
        definitions=(
            (
                "Satuan Polisi Pamong Praja yang selanjutnya disebut Satpol PP",
                "perangkat daerah "
                "yang dibentuk untuk menegakkan Perda dan Perkada serta menyelenggarakan ketertiban "
                "umum dan ketenteraman",
            ),
        ),
        chapters=(
            (
                "TERTIB JALAN, FASILITAS UMUM, DAN LINGKUNGAN",
                (
                    (
                        (
                            "Setiap orang dilarang:",
                            (
                                "berjualan di trotoar dan badan jalan",
                                "membuang sampah tidak pada tempatnya",
                                "merusak fasilitas umum",
                            ),
                        ),
                    ),
                ),
            ),
            (
                "PENGADUAN MASYARAKAT",
                (
                    (
                        "Setiap orang dapat menyampaikan pengaduan atas gangguan ketertiban umum kepada Satpol PP.",
                        "Satpol PP menindaklanjuti pengaduan paling lama 3 (tiga) hari kerja.",
                    ),
                ),
            ),
        ),
        ringkasan="Mengatur larangan gangguan ketertiban umum dan tindak lanjut pengaduan oleh Satpol PP.",
    ),
    perda(
        2,
        2020,
        "Pengelolaan Sampah",
        date(2020, 3, 2),
        date(2020, 3, 3),
        79,
        pemrakarsa="dlh",
        subjek="LINGKUNGAN HIDUP - SAMPAH",
        menimbang=(
            "bahwa pertambahan penduduk dan perubahan pola konsumsi masyarakat menimbulkan bertambahnya "
            "volume sampah yang harus dikelola secara komprehensif dari hulu ke hilir",
        ),
        mengingat=("UU-18-2008", "UU-32-2009"),
        definitions=(
            ("Sampah", "sisa kegiatan sehari-hari manusia dan/atau proses alam yang berbentuk padat"),
        ),
        chapters=(
            (
                "PENANGANAN SAMPAH",
                (
                    (
                        "Pengangkutan sampah dari tempat penampungan sementara ke tempat pemrosesan akhir dilakukan "
                        "oleh Dinas Lingkungan Hidup.",
                        "Pengangkutan sampah dari kawasan komersial dapat dilayani "
                        "atas permohonan dan dikenai retribusi sesuai Peraturan Daerah.",
                    ),
                ),
            ),
        ),
        ringkasan="Mengatur pengurangan dan penanganan sampah serta layanan pengangkutan oleh DLH.",
    ),
    perda(
        12,
        2021,
        "Perubahan atas Peraturan Daerah Nomor 8 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah",
        date(2021, 12, 20),
        date(2021, 12, 21),
        88,
        pemrakarsa="bagian-organisasi",
        subjek="PERANGKAT DAERAH - ORGANISASI",
        relations=(("mengubah", "PERDA-8-2016", "", ""),),
        menimbang=(
            "bahwa untuk menyesuaikan nomenklatur Perangkat Daerah dengan pemetaan urusan "
            "pemerintahan, Peraturan Daerah Nomor 8 Tahun 2016 perlu diubah",
        ),
        amendments=(
            (
                "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:",
                "Pasal 2: Dengan Peraturan Daerah ini dibentuk Perangkat Daerah, terdiri atas Sekretariat Daerah, "
                "Sekretariat DPRD, Inspektorat, Dinas, Badan, dan Kecamatan, termasuk Badan Pengelola Pajak "
                "Daerah dan Retribusi Daerah.",
            ),
        ),
        ringkasan="Menyesuaikan nomenklatur Perangkat Daerah, antara lain membentuk BPPDRD.",
    ),
    perda(
        1,
        2024,
        "Pajak Daerah dan Retribusi Daerah",
        date(2024, 1, 3),
        date(2024, 1, 5),
        95,
        pemrakarsa="bppdrd",
        subjek="PAJAK DAERAH - RETRIBUSI DAERAH",
        relations=(
            ("mencabut", "PERDA-8-2011", "", ""),
            ("mencabut", "PERDA-9-2011", "", ""),
            ("melaksanakan", "UU-1-2022", "", ""),
        ),
        menimbang=(
            "bahwa pajak daerah dan retribusi daerah merupakan sumber pendapatan daerah yang penting untuk "
            "membiayai penyelenggaraan pemerintahan daerah",
            "bahwa Pasal 94 Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat "
            "dan Pemerintahan Daerah mengamanatkan bahwa jenis pajak dan retribusi ditetapkan dalam 1 (satu) "
            "Peraturan Daerah yang menjadi dasar pemungutan",
        ),
        mengingat=("UU-1-2022", "PP-35-2023"),
        definitions=(
            (
                "Pajak Daerah yang selanjutnya disebut Pajak",
                "kontribusi wajib kepada Daerah yang terutang oleh "
                "orang pribadi atau Badan yang bersifat memaksa berdasarkan Undang-Undang",
            ),
            (
                "Retribusi Daerah yang selanjutnya disebut Retribusi",
                "pungutan Daerah sebagai pembayaran atas "
                "jasa atau pemberian izin tertentu yang khusus disediakan dan/atau diberikan oleh Pemerintah "
                "Daerah untuk kepentingan pribadi atau Badan",
            ),
            (
                "Nomor Pokok Wajib Pajak Daerah yang selanjutnya disingkat NPWPD",
                "nomor yang diberikan kepada Wajib Pajak sebagai sarana administrasi perpajakan daerah",
            ),
        ),
        chapters=(
            (
                "PAJAK DAERAH",
                (
                    (
                        (
                            "Jenis Pajak yang dipungut di Daerah terdiri atas:",
                            (
                                "Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2)",
                                "Bea Perolehan Hak atas Tanah dan Bangunan (BPHTB)",
                                "Pajak Barang dan Jasa Tertentu (PBJT)",
                                "Pajak Reklame",
                                "Pajak Air Tanah",
                                "Pajak Sarang Burung Walet",
                                "Opsen PKB",
                                "Opsen BBNKB",
                            ),
                        ),
                    ),
                    (
                        "Objek PBB-P2 adalah bumi dan/atau bangunan yang dimiliki, dikuasai, dan/atau dimanfaatkan oleh "
                        "orang pribadi atau Badan.",
                        (
                            "Tarif PBB-P2 ditetapkan sebagai berikut:",
                            (
                                "sebesar 0,1% (nol koma satu persen) untuk NJOP sampai dengan Rp1.000.000.000,00",
                                "sebesar 0,2% (nol koma dua persen) untuk NJOP di atas Rp1.000.000.000,00",
                            ),
                        ),
                        "Wajib Pajak dapat mengajukan pendaftaran, mutasi, atau pembetulan SPPT kepada Wali Kota.",
                    ),
                    (
                        "Tarif BPHTB ditetapkan sebesar 5% (lima persen).",
                        "Nilai Perolehan Objek Pajak Tidak Kena Pajak ditetapkan sebesar Rp80.000.000,00 (delapan puluh "
                        "juta rupiah).",
                        "BPHTB yang dibayar sendiri oleh Wajib Pajak divalidasi oleh Badan.",
                    ),
                    (
                        "Objek PBJT meliputi penjualan makanan dan/atau minuman, jasa perhotelan, jasa parkir, dan jasa "
                        "kesenian dan hiburan.",
                        "Tarif PBJT ditetapkan sebesar 10% (sepuluh persen).",
                    ),
                    (
                        "Objek Pajak Reklame adalah semua penyelenggaraan reklame.",
                        "Tarif Pajak Reklame ditetapkan sebesar 25% (dua puluh lima persen).",
                    ),
                    (
                        "Setiap Wajib Pajak wajib mendaftarkan diri untuk memperoleh NPWPD.",
                        "Wajib Pajak PBJT wajib melaporkan pajak terutang dengan SPTPD setiap masa pajak.",
                    ),
                ),
            ),
            (
                "RETRIBUSI DAERAH",
                (
                    (
                        (
                            "Jenis Retribusi terdiri atas:",
                            ("Retribusi Jasa Umum", "Retribusi Jasa Usaha", "Retribusi Perizinan Tertentu"),
                        ),
                    ),
                    (
                        "Objek Retribusi Jasa Umum adalah pelayanan yang disediakan atau diberikan Pemerintah Daerah "
                        "untuk tujuan kepentingan dan kemanfaatan umum.",
                        (
                            "Jenis pelayanan yang merupakan objek Retribusi Jasa Umum meliputi:",
                            (
                                "pelayanan kesehatan",
                                "pelayanan kebersihan",
                                "pelayanan parkir di tepi jalan umum",
                                "pelayanan pasar",
                                "pengendalian lalu lintas",
                            ),
                        ),
                    ),
                    (
                        (
                            "Jenis pelayanan yang merupakan objek Retribusi Jasa Usaha meliputi:",
                            (
                                "penyediaan tempat kegiatan usaha",
                                "penyediaan tempat khusus parkir di luar badan jalan",
                                "pelayanan tempat rekreasi, pariwisata, dan olahraga",
                                "pemanfaatan aset Daerah, termasuk rumah susun sederhana sewa",
                            ),
                        ),
                    ),
                    (
                        "Objek Retribusi Perizinan Tertentu adalah pemberian persetujuan bangunan gedung dan "
                        "penggunaan tenaga kerja asing.",
                        "Retribusi Persetujuan Bangunan Gedung dihitung berdasarkan "
                        "luas total lantai, indeks lokalitas, standar harga satuan tertinggi, dan indeks terintegrasi.",
                    ),
                    (
                        "Besarnya tarif Retribusi tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
                        "Peraturan Daerah ini.",
                        "Tarif Retribusi ditinjau kembali paling lama 3 (tiga) tahun sekali.",
                    ),
                ),
            ),
            (
                "PEMUNGUTAN DAN KEBERATAN",
                (
                    (
                        "Pajak dipungut berdasarkan penetapan Wali Kota atau dibayar sendiri oleh Wajib Pajak.",
                        "Ketentuan lebih lanjut mengenai tata cara pemungutan Pajak dan Retribusi diatur dengan "
                        "Peraturan Wali Kota.",
                    ),
                    (
                        "Wajib Pajak dapat mengajukan keberatan kepada Wali Kota atas SPPT, SKPD, atau SKPDKB.",
                        "Keberatan diajukan paling lama 3 (tiga) bulan sejak tanggal surat diterima.",
                        "Wali Kota memberikan keputusan atas keberatan paling lama 12 (dua belas) bulan sejak tanggal "
                        "surat keberatan diterima.",
                    ),
                    (
                        "Wali Kota dapat memberikan pengurangan, keringanan, dan pembebasan pokok Pajak serta "
                        "penghapusan sanksi administratif.",
                    ),
                ),
            ),
        ),
        ringkasan="Menetapkan jenis, tarif, dan tata cara pemungutan pajak daerah dan retribusi daerah dalam "
        "satu Perda sesuai UU 1/2022; mencabut Perda 8/2011 dan Perda 9/2011.",
    ),
]
