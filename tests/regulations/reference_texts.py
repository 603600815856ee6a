PERDA = """WALI KOTA BALIKPAPAN
PROVINSI KALIMANTAN TIMUR
PERATURAN DAERAH KOTA BALIKPAPAN
NOMOR 3 TAHUN 2018
TENTANG
RETRIBUSI JASA UMUM
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA BALIKPAPAN,
Menimbang : a. bahwa retribusi jasa umum perlu diatur;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Daerah tentang Retribusi Jasa Umum;
Mengingat : 1. Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;
2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58);
3. Undang-Undang Nomor 28 Tahun 2009 tentang Pajak Daerah dan Retribusi Daerah (Lembaran Negara Republik Indonesia Tahun 2009 Nomor 130);
MEMUTUSKAN:
Menetapkan : PERATURAN DAERAH TENTANG RETRIBUSI JASA UMUM.
Pasal 1
Retribusi jasa umum dipungut atas pelayanan persampahan.
Pasal 2
(1) Tarif retribusi ditetapkan dalam Lampiran.
(2) Tata cara pemungutan retribusi diatur dengan Peraturan Wali Kota.
Pasal 3
Peraturan Daerah ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Balikpapan
pada tanggal 5 Maret 2018
"""

PERWAL = """WALI KOTA BALIKPAPAN
PROVINSI KALIMANTAN TIMUR
PERATURAN WALI KOTA BALIKPAPAN
NOMOR 7 TAHUN 2019
TENTANG
TATA CARA PEMUNGUTAN RETRIBUSI JASA UMUM
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA BALIKPAPAN,
Menimbang : a. bahwa untuk melaksanakan ketentuan Pasal 2 ayat (2) Peraturan Daerah Nomor 3 Tahun 2018 tentang Retribusi Jasa Umum, perlu menetapkan Peraturan Wali Kota tentang Tata Cara Pemungutan Retribusi Jasa Umum;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244);
2. Peraturan Daerah Kota Balikpapan Nomor 3 Tahun 2018 tentang Retribusi Jasa Umum (Lembaran Daerah Kota Balikpapan Tahun 2018 Nomor 3);
MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG TATA CARA PEMUNGUTAN RETRIBUSI JASA UMUM.
Pasal 1
Retribusi dipungut dengan karcis.
Pasal 2
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Balikpapan
pada tanggal 5 Maret 2019
"""

AMENDING = """WALI KOTA BALIKPAPAN
PROVINSI KALIMANTAN TIMUR
PERATURAN DAERAH KOTA BALIKPAPAN
NOMOR 2 TAHUN 2022
TENTANG
PERUBAHAN ATAS PERATURAN DAERAH NOMOR 3 TAHUN 2018 TENTANG RETRIBUSI JASA UMUM
DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA BALIKPAPAN,
Menimbang : a. bahwa tarif retribusi perlu disesuaikan;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244);
MEMUTUSKAN:
Menetapkan : PERATURAN DAERAH TENTANG PERUBAHAN ATAS PERATURAN DAERAH NOMOR 3 TAHUN 2018 TENTANG RETRIBUSI JASA UMUM.
Pasal I
Beberapa ketentuan dalam Peraturan Daerah Kota Balikpapan Nomor 3 Tahun 2018 tentang Retribusi Jasa Umum (Lembaran Daerah Kota Balikpapan Tahun 2018 Nomor 3) diubah sebagai berikut:
1. Ketentuan Pasal 1 diubah sehingga berbunyi sebagai berikut:
Pasal 1
Retribusi jasa umum dipungut atas pelayanan persampahan dan kebersihan.
2. Di antara Pasal 1 dan Pasal 2 disisipkan 1 (satu) pasal, yakni Pasal 1A sehingga berbunyi sebagai berikut:
Pasal 1A
Retribusi dibayar tunai atau nontunai.
3. Pasal 2 dihapus.
Pasal II
Peraturan Daerah ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Balikpapan
pada tanggal 5 Maret 2022
"""
