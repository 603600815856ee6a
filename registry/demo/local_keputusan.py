"""Generated Keputusan Wali Kota and Keputusan Kepala Perangkat Daerah (SK Standar Pelayanan, SOP).

Keputusan take effect on signing and are not promulgated, so they have no gazette. The diktum of an
SK Standar Pelayanan or an SOP decree is composed from the services that refer to it (``lampiran``
"sp:<opd>" or "sop:<opd>"), so the decree lists exactly what the catalogue says it establishes.
"""

from datetime import date

from .records import Reg

_SP_MENGINGAT = ("UU-25-2009", "UU-23-2014", "PP-96-2012", "PERMEN-15-2014", "PERWAL-25-2020")
_SOP_MENGINGAT = ("UU-25-2009", "UU-30-2014", "PERMEN-35-2012", "PERWAL-25-2020")


def kepwal(nomor, tahun, tentang, penetapan, diktum, **kw):
    """A Keputusan Wali Kota with the archive-code number style (188.45-n/yyyy)."""
    return Reg(
        "KEPWAL",
        f"188.45-{nomor}/{tahun}",
        tahun,
        tentang,
        penetapan=penetapan,
        berlaku=penetapan,
        diktum=diktum,
        bidang_hukum="Hukum Administrasi Negara",
        **kw,
    )


def sk(alias, unit, code_number, tahun, tentang, penetapan, lampiran, **kw):
    """A Keputusan Kepala Perangkat Daerah signed by the head of ``unit``."""
    kw.setdefault("mengingat", _SP_MENGINGAT if lampiran.startswith("sp:") else _SOP_MENGINGAT)
    return Reg(
        "KEP_KEPALA_PD",
        f"{code_number}/{tahun}",
        tahun,
        tentang,
        alias=alias,
        penetapan=penetapan,
        berlaku=penetapan,
        signer=unit,
        pemrakarsa=unit,
        lampiran=lampiran,
        bidang_hukum="Hukum Administrasi Negara",
        **kw,
    )


def _sp_menimbang(unit_name):
    return (
        "bahwa berdasarkan Pasal 20 ayat (1) Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik, "
        "penyelenggara berkewajiban menyusun dan menetapkan standar pelayanan dengan memperhatikan "
        "kemampuan penyelenggara, kebutuhan masyarakat, dan kondisi lingkungan",
        f"bahwa standar pelayanan pada {unit_name} telah dibahas bersama masyarakat dalam forum konsultasi "
        "publik sehingga perlu ditetapkan",
    )


def _sop_menimbang(unit_name):
    return (
        f"bahwa untuk menjamin pelayanan pada {unit_name} dilaksanakan secara konsisten, efektif, dan "
        "efisien diperlukan standar operasional prosedur",
        "bahwa sesuai Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun "
        "2012, standar operasional prosedur ditetapkan oleh pimpinan unit kerja",
    )


_DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"

KEPUTUSAN = [
    kepwal(
        301,
        2022,
        "Pembentukan Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Balikpapan",
        date(2022, 2, 14),
        subjek="SPBE - TIM KOORDINASI",
        pemrakarsa="diskominfo",
        relations=(("melaksanakan", "PERWAL-29-2021", "Pasal 2 ayat (2)", ""),),
        menimbang=(
            "bahwa untuk melaksanakan ketentuan Pasal 2 ayat (2) Peraturan Wali Kota Nomor 29 Tahun 2021 "
            "tentang Sistem Pemerintahan Berbasis Elektronik, perlu menetapkan Keputusan Wali Kota "
            "tentang Pembentukan Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota "
            "Balikpapan;",
        ),
        mengingat=("UU-23-2014", "PERPRES-95-2018", "PERWAL-29-2021"),
        diktum=(
            "Membentuk Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kota Balikpapan dengan susunan "
            "keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
            "Keputusan ini.",
            "Tim Koordinasi bertugas menyusun arsitektur SPBE, peta rencana SPBE, dan melaksanakan evaluasi "
            "mandiri SPBE setiap tahun.",
            "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Anggaran Pendapatan "
            "dan Belanja Daerah Kota Balikpapan.",
        ),
        ringkasan="Membentuk Tim Koordinasi SPBE beserta tugasnya.",
    ),
    kepwal(
        118,
        2023,
        "Jenis Layanan pada Mal Pelayanan Publik Kota Balikpapan",
        date(2023, 3, 27),
        subjek="PELAYANAN PUBLIK - MAL PELAYANAN PUBLIK",
        pemrakarsa="dpmptsp",
        relations=(("melaksanakan", "PERWAL-42-2021", "Pasal 2 ayat (2)", ""),),
        menimbang=(
            "bahwa untuk melaksanakan ketentuan Pasal 2 ayat (2) Peraturan Wali Kota Nomor 42 Tahun 2021 "
            "tentang Penyelenggaraan Mal Pelayanan Publik, perlu menetapkan Keputusan Wali Kota tentang "
            "Jenis Layanan pada Mal Pelayanan Publik Kota Balikpapan;",
        ),
        mengingat=("UU-25-2009", "PERWAL-42-2021"),
        diktum=(
            "Menetapkan jenis layanan pada Mal Pelayanan Publik Kota Balikpapan meliputi layanan administrasi "
            "kependudukan, perizinan berusaha, perpajakan daerah, ketenagakerjaan, dan layanan instansi "
            "vertikal.",
            "Perangkat Daerah yang membuka gerai pada Mal Pelayanan Publik wajib menempatkan petugas yang "
            "berwenang dan menampilkan standar pelayanan.",
        ),
        ringkasan="Menetapkan jenis layanan pada MPP Kota Balikpapan.",
    ),
    kepwal(
        54,
        2024,
        "Pembentukan Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum Kota Balikpapan",
        date(2024, 1, 29),
        subjek="JDIH - TIM PENGELOLA",
        pemrakarsa="bagian-hukum",
        relations=(("melaksanakan", "PERWAL-9-2022", "", ""),),
        menimbang=(
            "bahwa untuk pengelolaan JDIH Kota Balikpapan yang terintegrasi dengan JDIH Nasional perlu "
            "membentuk tim pengelola",
        ),
        mengingat=("UU-12-2011", "PERWAL-9-2022"),
        diktum=(
            "Membentuk Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum Kota Balikpapan dengan susunan "
            "keanggotaan sebagaimana tercantum dalam Lampiran.",
            "Tim Pengelola bertugas mengumpulkan, mengolah, dan menyebarluaskan dokumen hukum serta menyusun "
            "abstrak peraturan.",
        ),
        ringkasan="Membentuk Tim Pengelola JDIH dan menetapkan tugasnya.",
    ),
    sk(
        "SK-SP-DISDUKCAPIL-2019",
        "disdukcapil",
        "470/145/Disdukcapil",
        2019,
        f"Standar Pelayanan pada {_DUKCAPIL} Kota Balikpapan",
        date(2019, 2, 11),
        "sp:disdukcapil:8",
        mengingat=("UU-25-2009", "UU-23-2014", "PP-96-2012", "PERMEN-15-2014", "PERDA-3-2018"),
        subjek="PELAYANAN PUBLIK - STANDAR PELAYANAN",
        menimbang=_sp_menimbang(_DUKCAPIL),
        ringkasan="Standar pelayanan administrasi kependudukan tahun 2019.",
    ),
    sk(
        "SK-SP-DISDUKCAPIL-2024",
        "disdukcapil",
        "470/208/Disdukcapil",
        2024,
        f"Standar Pelayanan pada {_DUKCAPIL} Kota Balikpapan",
        date(2024, 1, 22),
        "sp:disdukcapil",
        subjek="PELAYANAN PUBLIK - STANDAR PELAYANAN",
        menimbang=_sp_menimbang(_DUKCAPIL),
        relations=(("mencabut", "SK-SP-DISDUKCAPIL-2019", "", ""),),
        ringkasan="Standar pelayanan administrasi kependudukan, termasuk IKD dan layanan daring; mencabut SK "
        "Standar Pelayanan 2019.",
    ),
    sk(
        "SK-SOP-DISDUKCAPIL-2024",
        "disdukcapil",
        "470/209/Disdukcapil",
        2024,
        f"Standar Operasional Prosedur Pelayanan Administrasi Kependudukan pada {_DUKCAPIL}",
        date(2024, 1, 22),
        "sop:disdukcapil",
        subjek="STANDAR OPERASIONAL PROSEDUR",
        menimbang=_sop_menimbang(_DUKCAPIL),
        ringkasan="SOP pelayanan administrasi kependudukan.",
    ),
    sk(
        "SK-SP-DPMPTSP-2025",
        "dpmptsp",
        "503/097/DPMPTSP",
        2025,
        "Standar Pelayanan Perizinan dan Nonperizinan pada Dinas Penanaman Modal dan Pelayanan Terpadu Satu "
        "Pintu Kota Balikpapan",
        date(2025, 7, 14),
        "sp:dpmptsp",
        subjek="PELAYANAN PUBLIK - STANDAR PELAYANAN",
        menimbang=_sp_menimbang("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
        ringkasan="Standar pelayanan perizinan berusaha, PBG, SLF, KKPR, dan perizinan sektor.",
    ),
    sk(
        "SK-SOP-DPMPTSP-2025",
        "dpmptsp",
        "503/098/DPMPTSP",
        2025,
        "Standar Operasional Prosedur Pelayanan Perizinan dan Nonperizinan",
        date(2025, 7, 14),
        "sop:dpmptsp",
        subjek="STANDAR OPERASIONAL PROSEDUR",
        menimbang=_sop_menimbang("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
        ringkasan="SOP pelayanan perizinan dan nonperizinan.",
    ),
    sk(
        "SK-SP-DINKES-2022",
        "dinkes",
        "440/1120/Dinkes",
        2022,
        "Standar Pelayanan pada Dinas Kesehatan Kota Balikpapan",
        date(2022, 8, 1),
        "sp:dinkes",
        subjek="PELAYANAN PUBLIK - KESEHATAN",
        menimbang=_sp_menimbang("Dinas Kesehatan"),
        ringkasan="Standar pelayanan Dinas Kesehatan.",
    ),
    sk(
        "SK-SP-DISHUB-2021",
        "dishub",
        "551/311/Dishub",
        2021,
        "Standar Pelayanan pada Dinas Perhubungan Kota Balikpapan",
        date(2021, 10, 4),
        "sp:dishub",
        subjek="PELAYANAN PUBLIK - PERHUBUNGAN",
        menimbang=_sp_menimbang("Dinas Perhubungan"),
        ringkasan="Standar pelayanan Dinas Perhubungan.",
    ),
    sk(
        "SK-SP-BPPDRD-2024",
        "bppdrd",
        "973/045/BPPDRD",
        2024,
        "Standar Pelayanan pada Badan Pengelola Pajak Daerah dan Retribusi Daerah Kota Balikpapan",
        date(2024, 2, 20),
        "sp:bppdrd",
        subjek="PELAYANAN PUBLIK - PAJAK DAERAH",
        mengingat=(*_SP_MENGINGAT, "PERDA-1-2024"),
        menimbang=_sp_menimbang("Badan Pengelola Pajak Daerah dan Retribusi Daerah"),
        ringkasan="Standar pelayanan pajak daerah setelah berlakunya Perda PDRD 2024.",
    ),
    sk(
        "SK-SOP-BPPDRD-2024",
        "bppdrd",
        "973/046/BPPDRD",
        2024,
        "Standar Operasional Prosedur Pelayanan Pajak Daerah",
        date(2024, 2, 20),
        "sop:bppdrd",
        subjek="STANDAR OPERASIONAL PROSEDUR",
        menimbang=_sop_menimbang("Badan Pengelola Pajak Daerah dan Retribusi Daerah"),
        ringkasan="SOP pelayanan pajak daerah.",
    ),
    sk(
        "SK-SP-DINSOS-2019",
        "dinsos",
        "460/077/Dinsos",
        2019,
        "Standar Pelayanan pada Dinas Sosial Kota Balikpapan",
        date(2019, 7, 8),
        "sp:dinsos",
        subjek="PELAYANAN PUBLIK - SOSIAL",
        mengingat=("UU-25-2009", "UU-23-2014", "PP-96-2012", "PERMEN-15-2014"),
        menimbang=_sp_menimbang("Dinas Sosial"),
        ringkasan="Standar pelayanan Dinas Sosial tahun 2019.",
    ),
]
