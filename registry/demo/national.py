"""National regulations that the demo services and local regulations cite.

Numbers, years and titles are the real ones. Gazette numbers and dates are filled only where SPEC §2–§4
quotes them or where the real text in ``shared/corpus`` shows them; the rest stay blank.
"""

from datetime import date

from .records import Reg

_UU27_1959 = (
    "Undang-Undang Nomor 27 Tahun 1959 tentang Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang "
    "Pembentukan Daerah Tingkat II di Kalimantan (Lembaran Negara Republik Indonesia Tahun 1953 Nomor 9) "
    "sebagai Undang-Undang (Lembaran Negara Republik Indonesia Tahun 1959 Nomor 72, Tambahan Lembaran "
    "Negara Republik Indonesia Nomor 1820)"
)

KEMENDAGRI = ("Menteri Dalam Negeri", "permendagri", "Indonesia. Kementerian Dalam Negeri")
KEMENPANRB = (
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "permenpan-rb",
    "Indonesia. Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
)
KEMENDIKDASMEN = (
    "Menteri Pendidikan Dasar dan Menengah",
    "permendikdasmen",
    "Indonesia. Kementerian Pendidikan Dasar dan Menengah",
)


def _uu(nomor, tahun, tentang, **kw):
    return Reg("UU", str(nomor), tahun, tentang, **kw)


def _pp(nomor, tahun, tentang, **kw):
    return Reg("PP", str(nomor), tahun, tentang, **kw)


def _perpres(nomor, tahun, tentang, **kw):
    return Reg("PERPRES", str(nomor), tahun, tentang, **kw)


def _permen(ministry, nomor, tahun, tentang, **kw):
    issuer, prefix, teu = ministry
    return Reg("PERMEN", str(nomor), tahun, tentang, issuer=issuer, url_prefix=prefix, teu=teu, **kw)


NATIONAL = [
    _uu(
        27,
        1959,
        "Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang Pembentukan Daerah Tingkat II"
        " di Kalimantan sebagai Undang-Undang",
        gazette=(1959, "72", "1820"),
        citation=_UU27_1959,
        subjek="PEMERINTAHAN DAERAH - PEMBENTUKAN DAERAH",
    ),
    _uu(1, 1974, "Perkawinan", subjek="PERKAWINAN"),
    _uu(2, 1981, "Metrologi Legal", subjek="PERDAGANGAN - METROLOGI"),
    _uu(28, 2002, "Bangunan Gedung", subjek="BANGUNAN GEDUNG"),
    _uu(13, 2003, "Ketenagakerjaan", subjek="KETENAGAKERJAAN"),
    _uu(20, 2003, "Sistem Pendidikan Nasional", subjek="PENDIDIKAN"),
    _uu(23, 2006, "Administrasi Kependudukan", subjek="ADMINISTRASI KEPENDUDUKAN"),
    _uu(24, 2007, "Penanggulangan Bencana", subjek="BENCANA"),
    _uu(43, 2007, "Perpustakaan", subjek="PERPUSTAKAAN"),
    _uu(
        14,
        2008,
        "Keterbukaan Informasi Publik",
        gazette=(2008, "61", "4846"),
        penetapan=date(2008, 4, 30),
        pengundangan=date(2008, 4, 30),
        subjek="INFORMASI PUBLIK",
    ),
    _uu(18, 2008, "Pengelolaan Sampah", subjek="LINGKUNGAN HIDUP - SAMPAH"),
    _uu(11, 2009, "Kesejahteraan Sosial", subjek="KESEJAHTERAAN SOSIAL"),
    _uu(22, 2009, "Lalu Lintas dan Angkutan Jalan", subjek="PERHUBUNGAN - LALU LINTAS"),
    _uu(
        25,
        2009,
        "Pelayanan Publik",
        gazette=(2009, "112", "5038"),
        penetapan=date(2009, 7, 18),
        pengundangan=date(2009, 7, 18),
        subjek="PELAYANAN PUBLIK",
    ),
    _uu(32, 2004, "Pemerintahan Daerah", gazette=(2004, "125", "4437"), subjek="PEMERINTAHAN DAERAH"),
    _uu(
        12,
        2008,
        "Perubahan Kedua atas Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah",
        gazette=(2008, "59", "4844"),
        relations=(("mengubah", "UU-32-2004", "", ""),),
        subjek="PEMERINTAHAN DAERAH",
    ),
    _uu(28, 2009, "Pajak Daerah dan Retribusi Daerah", subjek="PAJAK DAERAH - RETRIBUSI DAERAH"),
    _uu(32, 2009, "Perlindungan dan Pengelolaan Lingkungan Hidup", subjek="LINGKUNGAN HIDUP"),
    _uu(43, 2009, "Kearsipan", subjek="KEARSIPAN"),
    _uu(52, 2009, "Perkembangan Kependudukan dan Pembangunan Keluarga", subjek="KELUARGA BERENCANA"),
    _uu(
        12,
        2011,
        "Pembentukan Peraturan Perundang-undangan",
        gazette=(2011, "82", ""),
        penetapan=date(2011, 8, 12),
        pengundangan=date(2011, 8, 12),
        subjek="PERATURAN PERUNDANG-UNDANGAN",
    ),
    _uu(17, 2013, "Organisasi Kemasyarakatan", subjek="ORGANISASI KEMASYARAKATAN"),
    _uu(
        24,
        2013,
        "Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan",
        relations=(("mengubah", "UU-23-2006", "", ""),),
        subjek="ADMINISTRASI KEPENDUDUKAN",
    ),
    _uu(
        23,
        2014,
        "Pemerintahan Daerah",
        gazette=(2014, "244", "5587"),
        relations=(("mencabut", "UU-32-2004", "", ""),),
        subjek="PEMERINTAHAN DAERAH",
    ),
    _uu(30, 2014, "Administrasi Pemerintahan", subjek="ADMINISTRASI PEMERINTAHAN"),
    _uu(
        35,
        2014,
        "Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak",
        subjek="PERLINDUNGAN ANAK",
    ),
    _uu(
        2,
        2015,
        "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014 tentang "
        "Perubahan atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah menjadi Undang-Undang",
        relations=(("mengubah", "UU-23-2014", "", ""),),
        subjek="PEMERINTAHAN DAERAH",
    ),
    _uu(
        9,
        2015,
        "Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        relations=(("mengubah", "UU-23-2014", "", ""),),
        subjek="PEMERINTAHAN DAERAH",
    ),
    _uu(
        1,
        2022,
        "Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah",
        relations=(("mencabut", "UU-28-2009", "", ""),),
        subjek="KEUANGAN DAERAH - PAJAK DAERAH",
    ),
    _uu(11, 2022, "Keolahragaan", subjek="KEOLAHRAGAAN"),
    _uu(
        6,
        2023,
        "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta "
        "Kerja menjadi Undang-Undang",
        relations=(
            ("mengubah_sebagian", "UU-28-2002", "", "Beberapa ketentuan"),
            ("mengubah_sebagian", "UU-13-2003", "", "Beberapa ketentuan"),
            ("mengubah_sebagian", "UU-32-2009", "", "Beberapa ketentuan"),
            ("mengubah_sebagian", "UU-23-2014", "", "Beberapa ketentuan"),
        ),
        subjek="CIPTA KERJA",
    ),
    _uu(17, 2023, "Kesehatan", subjek="KESEHATAN"),
    _pp(73, 2005, "Kelurahan", subjek="PEMERINTAHAN DAERAH - KELURAHAN"),
    _pp(
        61,
        2010,
        "Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
        gazette=(2010, "99", ""),
        penetapan=date(2010, 8, 20),
        pengundangan=date(2010, 8, 23),
        relations=(("melaksanakan", "UU-14-2008", "", ""),),
        subjek="INFORMASI PUBLIK",
    ),
    _pp(55, 2012, "Kendaraan", subjek="PERHUBUNGAN - KENDARAAN"),
    _pp(
        96,
        2012,
        "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        gazette=(2012, "215", "5357"),
        penetapan=date(2012, 10, 29),
        pengundangan=date(2012, 10, 30),
        relations=(("melaksanakan", "UU-25-2009", "", ""),),
        subjek="PELAYANAN PUBLIK",
    ),
    _pp(2, 2018, "Standar Pelayanan Minimal", subjek="PELAYANAN PUBLIK - STANDAR PELAYANAN MINIMAL"),
    _pp(16, 2018, "Satuan Polisi Pamong Praja", subjek="KETERTIBAN UMUM"),
    _pp(17, 2018, "Kecamatan", subjek="PEMERINTAHAN DAERAH - KECAMATAN"),
    _pp(86, 2019, "Keamanan Pangan", subjek="PANGAN"),
    _pp(5, 2021, "Penyelenggaraan Perizinan Berusaha Berbasis Risiko", subjek="PERIZINAN BERUSAHA"),
    _pp(
        16,
        2021,
        "Peraturan Pelaksanaan Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung",
        relations=(("melaksanakan", "UU-28-2002", "", ""),),
        subjek="BANGUNAN GEDUNG",
    ),
    _pp(21, 2021, "Penyelenggaraan Penataan Ruang", subjek="PENATAAN RUANG"),
    _pp(22, 2021, "Penyelenggaraan Perlindungan dan Pengelolaan Lingkungan Hidup", subjek="LINGKUNGAN HIDUP"),
    _pp(
        35,
        2023,
        "Ketentuan Umum Pajak Daerah dan Retribusi Daerah",
        relations=(("melaksanakan", "UU-1-2022", "", ""),),
        subjek="PAJAK DAERAH - RETRIBUSI DAERAH",
    ),
    _pp(
        28,
        2025,
        "Penyelenggaraan Perizinan Berusaha Berbasis Risiko",
        relations=(("mencabut", "PP-5-2021", "", ""),),
        subjek="PERIZINAN BERUSAHA",
    ),
    _perpres(76, 2013, "Pengelolaan Pengaduan Pelayanan Publik", subjek="PELAYANAN PUBLIK - PENGADUAN"),
    _perpres(97, 2014, "Penyelenggaraan Pelayanan Terpadu Satu Pintu", subjek="PELAYANAN TERPADU SATU PINTU"),
    _perpres(82, 2018, "Jaminan Kesehatan", subjek="JAMINAN KESEHATAN"),
    _perpres(95, 2018, "Sistem Pemerintahan Berbasis Elektronik", gazette=(2018, "182", ""), subjek="SPBE"),
    _perpres(
        96,
        2018,
        "Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil",
        subjek="ADMINISTRASI KEPENDUDUKAN",
    ),
    _permen(
        KEMENPANRB,
        35,
        2012,
        "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
        subjek="STANDAR OPERASIONAL PROSEDUR",
    ),
    _permen(KEMENPANRB, 15, 2014, "Pedoman Standar Pelayanan", subjek="PELAYANAN PUBLIK - STANDAR PELAYANAN"),
    _permen(
        KEMENPANRB,
        14,
        2017,
        "Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik",
        subjek="PELAYANAN PUBLIK - SURVEI KEPUASAN",
    ),
    _permen(
        KEMENDAGRI,
        80,
        2015,
        "Pembentukan Produk Hukum Daerah",
        gazette=(2015, "2036", ""),
        subjek="PRODUK HUKUM DAERAH",
    ),
    _permen(KEMENDAGRI, 2, 2016, "Kartu Identitas Anak", subjek="ADMINISTRASI KEPENDUDUKAN"),
    _permen(
        KEMENDAGRI,
        138,
        2017,
        "Penyelenggaraan Pelayanan Terpadu Satu Pintu Daerah",
        subjek="PELAYANAN TERPADU SATU PINTU",
    ),
    _permen(
        KEMENDAGRI,
        120,
        2018,
        "Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 "
        "tentang Pembentukan Produk Hukum Daerah",
        gazette=(2018, "157", ""),
        relations=(("mengubah", "PERMEN-80-2015", "", ""),),
        subjek="PRODUK HUKUM DAERAH",
    ),
    _permen(
        KEMENDAGRI,
        7,
        2019,
        "Pelayanan Administrasi Kependudukan secara Daring",
        subjek="ADMINISTRASI KEPENDUDUKAN",
    ),
    _permen(
        KEMENDAGRI,
        108,
        2019,
        "Peraturan Pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018 tentang "
        "Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil",
        relations=(("melaksanakan", "PERPRES-96-2018", "", ""),),
        subjek="ADMINISTRASI KEPENDUDUKAN",
    ),
    _permen(
        KEMENDAGRI,
        72,
        2022,
        "Standar dan Spesifikasi Perangkat Keras, Perangkat Lunak, dan Blangko "
        "Kartu Tanda Penduduk Elektronik serta Penyelenggaraan Identitas Kependudukan Digital",
        subjek="ADMINISTRASI KEPENDUDUKAN - IDENTITAS KEPENDUDUKAN DIGITAL",
    ),
    _permen(KEMENDIKDASMEN, 3, 2025, "Sistem Penerimaan Murid Baru", subjek="PENDIDIKAN - PENERIMAAN MURID"),
]
