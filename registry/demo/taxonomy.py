"""Service categories and life events of the demo catalogue (slug, name, description)."""

CATEGORIES = [
    ("kependudukan", "Kependudukan", "Dokumen kependudukan dan pencatatan sipil."),
    ("perizinan", "Perizinan", "Perizinan berusaha, bangunan, dan nonperizinan."),
    ("kesehatan", "Kesehatan", "Pelayanan kesehatan, sertifikasi, dan jaminan kesehatan."),
    ("pendidikan", "Pendidikan", "Penerimaan murid, mutasi, dan legalisasi dokumen pendidikan."),
    ("sosial", "Sosial", "Perlindungan sosial, bantuan, dan rehabilitasi."),
    ("ketenagakerjaan", "Ketenagakerjaan", "Pencari kerja, pelatihan, dan hubungan industrial."),
    ("pajak-dan-retribusi", "Pajak dan Retribusi", "Pajak daerah, retribusi, dan keberatannya."),
    ("perhubungan", "Perhubungan", "Pengujian kendaraan, perparkiran, dan angkutan."),
    ("lingkungan-hidup", "Lingkungan Hidup", "Persetujuan lingkungan, persampahan, dan pengaduan."),
    ("informasi-dan-pengaduan", "Informasi dan Pengaduan", "Informasi publik, JDIH, dan pengaduan."),
    ("pertanahan-dan-bangunan", "Pertanahan dan Bangunan", "Tata ruang, bangunan gedung, dan perumahan."),
    ("ketertiban-dan-kebencanaan", "Ketertiban dan Kebencanaan", "Kebakaran, bencana, dan ketertiban umum."),
    ("perdagangan-dan-umkm", "Perdagangan dan UMKM", "Pasar, metrologi, koperasi, dan usaha mikro."),
    ("kebudayaan-dan-olahraga", "Kebudayaan, Pariwisata, dan Olahraga", "Sarana olahraga dan pariwisata."),
    ("perpustakaan-dan-arsip", "Perpustakaan dan Arsip", "Layanan perpustakaan dan kearsipan."),
    ("kewilayahan", "Kewilayahan", "Layanan administrasi di kecamatan dan kelurahan."),
]

LIFE_EVENTS = [
    ("kelahiran", "Kelahiran", "Mencatatkan kelahiran dan mengurus dokumen anak."),
    ("kematian", "Kematian", "Mencatatkan kematian anggota keluarga."),
    ("pernikahan", "Pernikahan", "Mencatatkan perkawinan dan memperbarui dokumen keluarga."),
    ("perceraian", "Perceraian", "Mencatatkan perceraian dan memperbarui dokumen keluarga."),
    ("pindah-domisili", "Pindah domisili", "Pindah datang atau pindah keluar Kota Balikpapan."),
    ("dewasa", "Menginjak usia dewasa", "Memperoleh KTP-el dan identitas digital."),
    ("memulai-usaha", "Memulai usaha", "Mendaftarkan usaha dan mengurus perizinan berusaha."),
    ("membangun-rumah", "Membangun rumah", "Tata ruang, persetujuan bangunan, dan laik fungsi."),
    ("mencari-kerja", "Mencari kerja", "Kartu pencari kerja dan pelatihan kerja."),
    ("bersekolah", "Bersekolah", "Mendaftar sekolah, pindah sekolah, dan legalisasi ijazah."),
    ("sakit-berobat", "Sakit/berobat", "Pelayanan kesehatan dan jaminan kesehatan."),
    ("kesulitan-ekonomi", "Kesulitan ekonomi", "Bantuan sosial dan surat keterangan tidak mampu."),
    ("memiliki-kendaraan", "Memiliki kendaraan", "Pengujian kendaraan dan parkir."),
    ("memiliki-properti", "Memiliki tanah dan bangunan", "PBB-P2, BPHTB, dan perumahan."),
    ("keadaan-darurat", "Keadaan darurat", "Kebakaran, bencana, dan kegawatdaruratan medis."),
    ("korban-kekerasan", "Korban kekerasan", "Perlindungan perempuan dan anak."),
]
