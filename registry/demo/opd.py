"""The Perangkat Daerah of Kota Balikpapan (SPEC §7.2) with generated contact details.

Names follow the working list of SPEC §7.2; streets are real Balikpapan street names, while house
numbers, telephone numbers and e-mail addresses are generated.
"""

import zlib
from dataclasses import dataclass

OFFICE_HOURS = "Senin–Kamis 07.30–16.00 WITA; Jumat 07.30–11.00 WITA"
KELURAHAN_HOURS = "Senin–Kamis 08.00–15.30 WITA; Jumat 08.00–11.00 WITA"
ALWAYS_OPEN = "Setiap hari, 24 jam"
MPP_NAME = "Mal Pelayanan Publik Kota Balikpapan"
MPP_ADDRESS = "Jl. Jenderal Sudirman No. 42, Klandasan Ulu, Balikpapan Kota, Balikpapan 76112"
MPP_HOURS = "Senin–Jumat 08.00–15.00 WITA; Sabtu 08.00–12.00 WITA"


@dataclass(frozen=True)
class Unit:
    """One Perangkat Daerah; ``parent`` is the slug of its parent unit."""

    slug: str
    title: str
    abbreviation: str
    kind: str
    address: str
    description: str = ""
    parent: str = ""
    hours: str = OFFICE_HOURS
    website: str = ""

    @property
    def phone(self) -> str:
        """A stable, generated Balikpapan telephone number."""
        digits = zlib.crc32(self.slug.encode()) % 90000 + 10000
        return f"0542-7{digits:05d}"[:11] if self.kind == "kelurahan" else f"0542-4{digits:05d}"[:11]

    @property
    def email(self) -> str:
        """A generated official address under balikpapan.go.id."""
        return f"{self.slug.replace('kelurahan-', 'kel.').replace('kecamatan-', 'kec.')}@balikpapan.go.id"


def _dinas(slug, title, abbr, street, description, kind="dinas", parent="", hours=OFFICE_HOURS):
    site = f"https://{slug}.balikpapan.go.id"
    return Unit(slug, title, abbr, kind, street, description, parent, hours, site)


UNITS = [
    _dinas(
        "setda",
        "Sekretariat Daerah",
        "Setda",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Membantu Wali Kota dalam perumusan kebijakan dan koordinasi.",
        "sekretariat",
    ),
    _dinas(
        "bagian-hukum",
        "Bagian Hukum Sekretariat Daerah",
        "Bag. Hukum",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Penyusunan produk hukum daerah dan pengelolaan JDIH.",
        "sekretariat",
        "setda",
    ),
    _dinas(
        "bagian-organisasi",
        "Bagian Organisasi Sekretariat Daerah",
        "Bag. Organisasi",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Kelembagaan, tata laksana, dan reformasi birokrasi termasuk standar pelayanan.",
        "sekretariat",
        "setda",
    ),
    _dinas(
        "setwan",
        "Sekretariat DPRD",
        "Setwan",
        "Jl. Jenderal Sudirman No. 8, Klandasan Ulu, Balikpapan Kota",
        "Pelayanan administrasi dan dukungan bagi DPRD.",
        "sekretariat",
    ),
    _dinas(
        "inspektorat",
        "Inspektorat Daerah",
        "Inspektorat",
        "Jl. Jenderal Sudirman No. 12, Klandasan Ulu, Balikpapan Kota",
        "Pengawasan penyelenggaraan pemerintahan daerah.",
        "inspektorat",
    ),
    _dinas(
        "bappeda-litbang",
        "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        "Bappeda Litbang",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Perencanaan pembangunan daerah, penelitian, dan pengembangan.",
        "badan",
    ),
    _dinas(
        "bpkad",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Pengelolaan keuangan dan barang milik daerah.",
        "badan",
    ),
    _dinas(
        "bppdrd",
        "Badan Pengelola Pajak Daerah dan Retribusi Daerah",
        "BPPDRD",
        "Jl. Ruhui Rahayu I No. 3, Sepinggan, Balikpapan Selatan",
        "Pendaftaran, penetapan, dan penagihan pajak daerah.",
        "badan",
    ),
    _dinas(
        "bkpsdm",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Manajemen aparatur sipil negara.",
        "badan",
    ),
    _dinas(
        "bpbd",
        "Badan Penanggulangan Bencana Daerah",
        "BPBD",
        "Jl. Mayjen Sutoyo No. 21, Gunung Sari Ilir, Balikpapan Tengah",
        "Pencegahan, kedaruratan, dan rehabilitasi bencana.",
        "badan",
        hours=ALWAYS_OPEN,
    ),
    _dinas(
        "kesbangpol",
        "Badan Kesatuan Bangsa dan Politik",
        "Kesbangpol",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Wawasan kebangsaan, ormas, dan kewaspadaan nasional.",
        "badan",
    ),
    _dinas(
        "disdikbud",
        "Dinas Pendidikan dan Kebudayaan",
        "Disdikbud",
        "Jl. Mayjen Sutoyo No. 5, Klandasan Ilir, Balikpapan Kota",
        "Urusan pendidikan dasar, PAUD, dan kebudayaan.",
    ),
    _dinas(
        "dinkes",
        "Dinas Kesehatan",
        "Dinkes",
        "Jl. Mayjen Sutoyo No. 22, Gunung Sari Ilir, Balikpapan Tengah",
        "Upaya kesehatan, sumber daya kesehatan, dan pembinaan Puskesmas.",
    ),
    _dinas(
        "uptd-puskesmas-klandasan-ilir",
        "UPTD Puskesmas Klandasan Ilir",
        "Puskesmas Klandasan Ilir",
        "Jl. Jenderal Sudirman No. 15, Klandasan Ilir, Balikpapan Kota",
        "Pelayanan kesehatan dasar di wilayah Kecamatan Balikpapan Kota.",
        "uptd",
        "dinkes",
    ),
    _dinas(
        "rsud",
        "Rumah Sakit Umum Daerah Beriman",
        "RSUD Beriman",
        "Jl. Mayjen Sutoyo No. 11, Gunung Sari Ilir, Balikpapan Tengah",
        "Pelayanan kesehatan perorangan rujukan.",
        "rsud",
        hours=ALWAYS_OPEN,
    ),
    _dinas(
        "dpu",
        "Dinas Pekerjaan Umum",
        "DPU",
        "Jl. Ruhui Rahayu I No. 11, Sepinggan, Balikpapan Selatan",
        "Jalan, sumber daya air, dan bangunan gedung.",
    ),
    _dinas(
        "disperkim",
        "Dinas Perumahan dan Permukiman",
        "Disperkim",
        "Jl. Ruhui Rahayu I No. 7, Sepinggan, Balikpapan Selatan",
        "Perumahan, kawasan permukiman, dan rusunawa.",
    ),
    _dinas(
        "uptd-rusunawa",
        "UPTD Rumah Susun Sederhana Sewa",
        "UPTD Rusunawa",
        "Jl. Sepinggan Baru No. 4, Sepinggan Baru, Balikpapan Selatan",
        "Pengelolaan rusunawa milik Pemerintah Kota.",
        "uptd",
        "disperkim",
    ),
    _dinas(
        "satpol-pp",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        "Jl. Jenderal Sudirman No. 6, Klandasan Ulu, Balikpapan Kota",
        "Penegakan Perda dan ketertiban umum.",
        hours=ALWAYS_OPEN,
    ),
    _dinas(
        "damkar",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Damkar",
        "Jl. Marsma R. Iswahyudi No. 9, Sepinggan, Balikpapan Selatan",
        "Pencegahan, pemadaman kebakaran, dan penyelamatan.",
        hours=ALWAYS_OPEN,
    ),
    _dinas(
        "dinsos",
        "Dinas Sosial",
        "Dinsos",
        "Jl. Jenderal Ahmad Yani No. 2, Gunung Sari Ulu, Balikpapan Tengah",
        "Perlindungan, jaminan, dan rehabilitasi sosial.",
    ),
    _dinas(
        "disnaker",
        "Dinas Tenaga Kerja",
        "Disnaker",
        "Jl. Jenderal Sudirman No. 20, Klandasan Ulu, Balikpapan Kota",
        "Penempatan, pelatihan, dan hubungan industrial.",
    ),
    _dinas(
        "uptd-blk",
        "UPTD Balai Latihan Kerja",
        "UPTD BLK",
        "Jl. Soekarno-Hatta Km 6, Batu Ampar, Balikpapan Utara",
        "Pelatihan kerja berbasis kompetensi.",
        "uptd",
        "disnaker",
    ),
    _dinas(
        "dp3akb",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
        "DP3AKB",
        "Jl. Letjen S. Parman No. 4, Gunung Sari Ulu, Balikpapan Tengah",
        "Pemberdayaan perempuan, perlindungan anak, dan keluarga berencana.",
    ),
    _dinas(
        "dpppp",
        "Dinas Ketahanan Pangan, Pertanian dan Perikanan",
        "DP3",
        "Jl. Marsma R. Iswahyudi No. 27, Sepinggan, Balikpapan Selatan",
        "Ketahanan pangan, pertanian, peternakan, dan perikanan.",
    ),
    _dinas(
        "dlh",
        "Dinas Lingkungan Hidup",
        "DLH",
        "Jl. Ruhui Rahayu I No. 1, Sepinggan, Balikpapan Selatan",
        "Perlindungan dan pengelolaan lingkungan hidup serta persampahan.",
    ),
    _dinas(
        "disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        "Jl. Jenderal Sudirman No. 3, Klandasan Ulu, Balikpapan Kota",
        "Pendaftaran penduduk dan pencatatan sipil.",
    ),
    _dinas(
        "dishub",
        "Dinas Perhubungan",
        "Dishub",
        "Jl. Mulawarman No. 2, Sepinggan, Balikpapan Selatan",
        "Lalu lintas, angkutan jalan, perparkiran, dan pengujian kendaraan.",
    ),
    _dinas(
        "diskominfo",
        "Dinas Komunikasi dan Informatika",
        "Diskominfo",
        "Jl. Jenderal Sudirman No. 1, Klandasan Ulu, Balikpapan Kota",
        "Komunikasi publik, informatika, statistik, dan persandian.",
    ),
    _dinas(
        "dkumkmp",
        "Dinas Koperasi, Usaha Mikro, Kecil dan Menengah dan Perindustrian",
        "DKUMKMP",
        "Jl. Jenderal Ahmad Yani No. 14, Gunung Sari Ulu, Balikpapan Tengah",
        "Koperasi, usaha mikro, dan perindustrian.",
    ),
    _dinas(
        "dpmptsp",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        "Jl. Jenderal Sudirman No. 42, Klandasan Ulu, Balikpapan Kota",
        "Penanaman modal dan pelayanan perizinan terpadu satu pintu, pengelola MPP.",
    ),
    _dinas(
        "disporapar",
        "Dinas Pemuda, Olahraga dan Pariwisata",
        "Disporapar",
        "Jl. Jenderal Sudirman No. 25, Klandasan Ilir, Balikpapan Kota",
        "Kepemudaan, keolahragaan, dan kepariwisataan.",
    ),
    _dinas(
        "dpa",
        "Dinas Perpustakaan dan Arsip",
        "DPA",
        "Jl. Jenderal Sudirman No. 19, Klandasan Ilir, Balikpapan Kota",
        "Perpustakaan dan kearsipan daerah.",
    ),
    _dinas(
        "disdag",
        "Dinas Perdagangan",
        "Disdag",
        "Jl. Pangeran Antasari No. 6, Karang Rejo, Balikpapan Tengah",
        "Perdagangan, pasar rakyat, dan metrologi legal.",
    ),
    _dinas(
        "uptd-metrologi",
        "UPTD Metrologi Legal",
        "UPTD Metrologi",
        "Jl. Pangeran Antasari No. 6, Karang Rejo, Balikpapan Tengah",
        "Tera dan tera ulang alat ukur, takar, timbang, dan perlengkapannya.",
        "uptd",
        "disdag",
    ),
    _dinas(
        "dppr",
        "Dinas Pertanahan dan Penataan Ruang",
        "DPPR",
        "Jl. Ruhui Rahayu I No. 9, Sepinggan, Balikpapan Selatan",
        "Pertanahan, perencanaan dan pemanfaatan ruang.",
    ),
]

# Kecamatan and their kelurahan (34 kelurahan after Perda 7/2012 and 8/2012, SPEC §7.2).
KECAMATAN = {
    "Balikpapan Barat": (
        "Jl. Letjen Suprapto No. 12, Baru Ilir",
        ["Baru Ilir", "Baru Tengah", "Baru Ulu", "Kariangau", "Margo Mulyo", "Marga Sari"],
    ),
    "Balikpapan Kota": (
        "Jl. Jenderal Sudirman No. 30, Klandasan Ilir",
        ["Klandasan Ilir", "Klandasan Ulu", "Prapatan", "Telaga Sari", "Damai"],
    ),
    "Balikpapan Selatan": (
        "Jl. Marsma R. Iswahyudi No. 40, Sepinggan",
        [
            "Damai Bahagia",
            "Damai Baru",
            "Gunung Bahagia",
            "Sepinggan",
            "Sepinggan Baru",
            "Sepinggan Raya",
            "Sungai Nangka",
        ],
    ),
    "Balikpapan Tengah": (
        "Jl. Jenderal Ahmad Yani No. 10, Gunung Sari Ilir",
        ["Gunung Sari Ilir", "Gunung Sari Ulu", "Karang Jati", "Karang Rejo", "Mekar Sari", "Sumber Rejo"],
    ),
    "Balikpapan Timur": ("Jl. Mulawarman No. 88, Manggar", ["Lamaru", "Manggar", "Manggar Baru", "Teritip"]),
    "Balikpapan Utara": (
        "Jl. Soekarno-Hatta Km 3, Batu Ampar",
        [
            "Batu Ampar",
            "Graha Indah",
            "Gunung Samarinda",
            "Gunung Samarinda Baru",
            "Karang Joang",
            "Muara Rapak",
        ],
    ),
}

_KELURAHAN_STREETS = [
    "Jl. Indrakila",
    "Jl. Syarifuddin Yoes",
    "Jl. MT Haryono",
    "Jl. Gajah Mada",
    "Jl. Yos Sudarso",
    "Jl. Kapten Pierre Tendean",
    "Jl. Minyak",
    "Jl. Dahor",
]


def _slug(text: str) -> str:
    return text.lower().replace(" ", "-")


def _regional_units():
    units = []
    for index, (name, (address, kelurahan)) in enumerate(KECAMATAN.items()):
        kec_slug = f"kecamatan-{_slug(name)}"
        units.append(
            Unit(
                kec_slug,
                f"Kecamatan {name}",
                f"Kec. {name.replace('Balikpapan', 'Bpp.')}",
                "kecamatan",
                f"{address}, Kecamatan {name}",
                "Penyelenggaraan PATEN dan koordinasi kewilayahan.",
            )
        )
        for offset, kel in enumerate(kelurahan):
            street = _KELURAHAN_STREETS[(index + offset) % len(_KELURAHAN_STREETS)]
            units.append(
                Unit(
                    f"kelurahan-{_slug(kel)}",
                    f"Kelurahan {kel}",
                    f"Kel. {kel}",
                    "kelurahan",
                    f"{street} No. {(index * 7 + offset * 3) % 60 + 1}, {kel}, {name}",
                    "Pelayanan administrasi kemasyarakatan di tingkat kelurahan.",
                    kec_slug,
                    KELURAHAN_HOURS,
                )
            )
    return units


ALL_UNITS = UNITS + _regional_units()
UNITS_BY_SLUG = {unit.slug: unit for unit in ALL_UNITS}

# Generated heads of units who sign Keputusan Kepala PD and SOP (names invented for the demo).
HEADS = {
    "disdukcapil": ("Drs. H. Muhammad Arifin Lubis, M.Si.", "197204121993031006"),
    "dpmptsp": ("Ir. Hj. Rina Kartikasari, M.T.", "197508202000032004"),
    "dinkes": ("dr. Andi Syamsul Bahri, M.Kes.", "197011151999031003"),
    "dishub": ("Hendra Wicaksono, S.T., M.M.", "197603092002121005"),
    "bppdrd": ("Dra. Sri Wahyuningsih, M.Ak.", "197309251994032007"),
    "dlh": ("Ir. Bambang Priyono, M.Sc.", "196912301995031002"),
    "dinsos": ("Hj. Nurhayati Sulaiman, S.Sos., M.AP.", "197401171998032006"),
}
