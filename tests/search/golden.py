"""The golden queries: real citizen and lawyer phrasing, with what must come first.

Each entry is ``(query, expected, top)``: one of the ``expected`` names must be the group of one of
the first ``top`` results. A name is a service or a regulation of :mod:`tests.search.corpus`;
``("pasal", regulation, number)`` means the passage holding that pasal's heading.
"""

GOLDEN = [
    # Citizens looking for a service, as they type it.
    ("syarat bikin ktp", ["ktp"], 1),
    ("cara urus e-ktp hilang", ["ktp"], 1),
    ("kartu tanda penduduk", ["ktp"], 1),
    ("ktp el rusak", ["ktp"], 1),
    ("biaya pbg", ["pbg"], 1),
    ("imb", ["pbg"], 1),
    ("izin mendirikan bangunan", ["pbg"], 1),
    ("retribusi bangunan gedung", ["pbg", "perwal-12-2023"], 2),
    ("izin reklame", ["reklame"], 1),
    ("pasang baliho", ["reklame"], 1),
    ("urus kk baru", ["kk"], 1),
    ("kartu keluarga hilang", ["kk"], 1),
    ("akta kelahiran anak", ["akta-lahir"], 1),
    ("akte lahir", ["akta-lahir"], 1),
    ("akta kematian", ["akta-mati"], 1),
    ("kartu identitas anak", ["kia"], 1),
    ("nib", ["nib"], 1),
    ("nomor induk berusaha oss", ["nib"], 1),
    ("siup", ["siup"], 1),
    ("sktm", ["sktm"], 1),
    ("surat keterangan tidak mampu", ["sktm"], 1),
    ("bayar pbb", ["pbb"], 1),
    ("pajak bumi dan bangunan", ["pbb"], 1),
    ("bphtb jual beli tanah", ["bphtb"], 1),
    ("izin praktik dokter", ["dokter"], 1),
    ("izin apotek", ["apotek"], 1),
    ("pirt", ["pirt"], 1),
    ("izin trayek angkot", ["trayek"], 1),
    # Citations resolve directly.
    ("Perwal 12/2023", ["perwal-12-2023"], 1),
    ("perwal nomor 12 tahun 2023 pasal 5", [("pasal", "perwal-12-2023", "5")], 1),
    ("perwal 12 2023 pasal 5", [("pasal", "perwal-12-2023", "5")], 1),
    ("UU 25/2009", ["uu-25-2009"], 1),
    ("uu 25 2009 pasal 21", [("pasal", "uu-25-2009", "21")], 1),
    ("undang-undang nomor 14 tahun 2008", ["uu-14-2008"], 1),
    ("UU 12/2011 pasal 7", [("pasal", "uu-12-2011", "7")], 1),
    ("PP 96/2012", ["pp-96-2012"], 1),
    ("keppres 24/2005", ["keppres-24-2005"], 1),
    # Lawyers and officials searching regulation texts.
    ("standar pelayanan publik", ["uu-25-2009", "pp-96-2012"], 3),
    ("maklumat pelayanan", ["uu-25-2009", "pp-96-2012"], 2),
    ("ombudsman", ["uu-25-2009", "pp-96-2012", "uu-14-2008"], 3),
    ('"sistem informasi pelayanan publik"', ["uu-25-2009", "pp-96-2012"], 2),
    ("keterbukaan informasi publik", ["uu-14-2008", "pp-61-2010"], 2),
    ("informasi yang dikecualikan", ["uu-14-2008", "pp-61-2010"], 2),
    ("pejabat pengelola informasi dan dokumentasi", ["uu-14-2008", "pp-61-2010"], 2),
    ("hierarki peraturan perundang-undangan", ["uu-12-2011", "uu-10-2004"], 2),
    ("naskah akademik", ["uu-12-2011", "uu-10-2004"], 2),
    ("organisasi perangkat daerah", ["pp-41-2007"], 3),
    ("otonomi daerah dprd", ["uu-32-2004", "pp-79-2005"], 2),
    ("pembinaan dan pengawasan penyelenggaraan pemerintahan daerah", ["pp-79-2005"], 2),
    ("arus barang ekspor impor", ["keppres-24-2005"], 1),
]
