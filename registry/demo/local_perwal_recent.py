"""Generated Peraturan Wali Kota Balikpapan from 2021 on, including two amendments (demo content)."""

from datetime import date

from .local_peraturan import perwal
from .local_perwal import _DELEGASI_DPMPTSP

PERWAL_RECENT = [
    perwal(
        21,
        2021,
        f"Perubahan atas Peraturan Wali Kota Nomor 13 Tahun 2018 tentang {_DELEGASI_DPMPTSP}",
        date(2021, 6, 7),
        date(2021, 6, 8),
        pemrakarsa="dpmptsp",
        subjek="PERIZINAN - PERIZINAN BERUSAHA",
        relations=(("mengubah", "PERWAL-13-2018", "", ""),),
        menimbang=(
            "bahwa dengan berlakunya Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan "
            "Perizinan Berusaha Berbasis Risiko, Peraturan Wali Kota Nomor 13 Tahun 2018 perlu "
            "disesuaikan",
        ),
        mengingat=("PP-5-2021", "PERWAL-13-2018"),
        amendments=(
            (
                "Ketentuan Pasal 4 diubah sehingga berbunyi sebagai berikut:",
                "Pasal 4: (1) Penyelesaian perizinan berusaha dilakukan melalui sistem OSS sesuai tingkat risiko. "
                "(2) Penyelesaian perizinan nonberusaha paling lama 10 (sepuluh) hari kerja.",
            ),
            (
                "Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 4A sehingga berbunyi "
                "sebagai berikut:",
                "Pasal 4A: Persetujuan Bangunan Gedung diproses melalui SIMBG.",
            ),
        ),
        ringkasan="Menyesuaikan pendelegasian perizinan dengan perizinan berusaha berbasis risiko (OSS).",
    ),
    perwal(
        29,
        2021,
        "Sistem Pemerintahan Berbasis Elektronik",
        date(2021, 8, 30),
        date(2021, 8, 31),
        pemrakarsa="diskominfo",
        subjek="SPBE",
        relations=(("melaksanakan", "PERPRES-95-2018", "", ""),),
        menimbang=(
            "bahwa untuk mewujudkan tata kelola pemerintahan yang bersih, efektif, transparan, dan "
            "akuntabel serta pelayanan publik yang berkualitas diperlukan sistem pemerintahan berbasis "
            "elektronik",
        ),
        mengingat=("UU-25-2009", "PERPRES-95-2018"),
        definitions=(
            (
                "Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE",
                "penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan komunikasi",
            ),
        ),
        chapters=(
            (
                "TATA KELOLA SPBE",
                (
                    (
                        "Tata kelola SPBE meliputi arsitektur, peta rencana, manajemen data, dan keamanan informasi.",
                        "Wali Kota membentuk Tim Koordinasi SPBE dengan Keputusan Wali Kota.",
                    ),
                    (
                        "Layanan publik berbasis elektronik meliputi layanan pengaduan, data terbuka, JDIH, dan layanan "
                        "sektor.",
                    ),
                ),
            ),
        ),
        ringkasan="Tata kelola SPBE dan pembentukan Tim Koordinasi SPBE.",
    ),
    perwal(
        42,
        2021,
        "Penyelenggaraan Mal Pelayanan Publik",
        date(2021, 11, 22),
        date(2021, 11, 23),
        pemrakarsa="dpmptsp",
        subjek="PELAYANAN PUBLIK - MAL PELAYANAN PUBLIK",
        relations=(("terkait", "PERWAL-13-2018", "", ""),),
        menimbang=(
            "bahwa untuk mengintegrasikan pelayanan pemerintah pusat, daerah, dan swasta dalam satu "
            "tempat perlu menyelenggarakan Mal Pelayanan Publik",
        ),
        mengingat=("UU-25-2009", "PERPRES-97-2014"),
        definitions=(
            (
                "Mal Pelayanan Publik yang selanjutnya disingkat MPP",
                "tempat berlangsungnya kegiatan "
                "atau aktivitas penyelenggaraan pelayanan publik atas barang, jasa, dan/atau pelayanan "
                "administrasi",
            ),
        ),
        chapters=(
            (
                "PENYELENGGARAAN",
                (
                    (
                        "MPP dikelola oleh Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu.",
                        "Jenis layanan pada MPP ditetapkan dengan Keputusan Wali Kota.",
                    ),
                ),
            ),
        ),
        ringkasan="Penyelenggaraan MPP Kota Balikpapan oleh DPMPTSP.",
    ),
    perwal(
        9,
        2022,
        "Jaringan Dokumentasi dan Informasi Hukum",
        date(2022, 3, 21),
        date(2022, 3, 22),
        pemrakarsa="bagian-hukum",
        subjek="JDIH",
        menimbang=(
            "bahwa untuk menjamin ketersediaan dokumen dan informasi hukum yang lengkap dan akurat "
            "serta mudah diakses perlu pengelolaan JDIH Kota Balikpapan",
        ),
        mengingat=("UU-12-2011", "UU-14-2008"),
        definitions=(
            (
                "Jaringan Dokumentasi dan Informasi Hukum yang selanjutnya disingkat JDIH",
                "wadah pendayagunaan bersama atas dokumen hukum secara tertib, terpadu, dan berkesinambungan",
            ),
        ),
        chapters=(
            (
                "PENGELOLAAN",
                (
                    (
                        "JDIH dikelola oleh Bagian Hukum Sekretariat Daerah.",
                        "Pengelola JDIH mengintegrasikan dokumen hukum dengan JDIH Nasional.",
                    ),
                ),
            ),
        ),
        ringkasan="Pengelolaan JDIH Kota Balikpapan oleh Bagian Hukum.",
    ),
    perwal(
        18,
        2023,
        "Pengelolaan Pengaduan Pelayanan Publik",
        date(2023, 5, 8),
        date(2023, 5, 9),
        pemrakarsa="diskominfo",
        subjek="PELAYANAN PUBLIK - PENGADUAN",
        relations=(("melaksanakan", "PERPRES-76-2013", "", ""),),
        menimbang=(
            "bahwa untuk menjamin setiap pengaduan masyarakat ditindaklanjuti secara cepat dan tuntas "
            "perlu pengelolaan pengaduan terpadu melalui SP4N-LAPOR!",
        ),
        mengingat=("UU-25-2009", "PERPRES-76-2013", "PERDA-3-2018"),
        definitions=(
            (
                "SP4N-LAPOR!",
                "Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional - Layanan "
                "Aspirasi dan Pengaduan Online Rakyat",
            ),
        ),
        chapters=(
            (
                "PENGELOLAAN PENGADUAN",
                (
                    (
                        "Pengaduan disampaikan melalui lapor.go.id, WhatsApp, surel, atau datang langsung.",
                        "Setiap Perangkat Daerah menunjuk admin penghubung SP4N-LAPOR!.",
                        "Pengaduan ditindaklanjuti paling lama 14 (empat belas) hari kerja.",
                    ),
                ),
            ),
        ),
        ringkasan="Pengelolaan pengaduan terpadu melalui SP4N-LAPOR!.",
    ),
    perwal(
        6,
        2024,
        "Tata Cara Pemungutan Pajak Daerah dan Retribusi Daerah",
        date(2024, 2, 12),
        date(2024, 2, 13),
        pemrakarsa="bppdrd",
        subjek="PAJAK DAERAH - TATA CARA PEMUNGUTAN",
        relations=(("melaksanakan", "PERDA-1-2024", "Pasal 13 ayat (2)", ""),),
        menimbang=(
            "bahwa untuk melaksanakan ketentuan Pasal 13 ayat (2) Peraturan Daerah Nomor 1 Tahun 2024 "
            "tentang Pajak Daerah dan Retribusi Daerah, perlu menetapkan Peraturan Wali Kota tentang "
            "Tata Cara Pemungutan Pajak Daerah dan Retribusi Daerah;",
        ),
        mengingat=("UU-1-2022", "PP-35-2023", "PERDA-1-2024"),
        definitions=(("Badan", "Badan Pengelola Pajak Daerah dan Retribusi Daerah Kota Balikpapan"),),
        chapters=(
            (
                "PENDAFTARAN DAN PENDATAAN",
                (
                    (
                        "Pendaftaran NPWPD dilakukan secara daring atau di kantor Badan.",
                        "NPWPD diterbitkan paling lama 3 (tiga) hari kerja sejak formulir diterima lengkap.",
                    ),
                ),
            ),
            (
                "PENETAPAN DAN PEMBAYARAN",
                (
                    (
                        "Validasi BPHTB diselesaikan paling lama 3 (tiga) hari kerja.",
                        "Pembayaran dilakukan melalui bank persepsi atau kanal pembayaran elektronik.",
                    ),
                    (
                        "Keberatan diajukan secara tertulis dengan alasan yang jelas dan dilampiri bukti pendukung.",
                    ),
                ),
            ),
        ),
        ringkasan="Tata cara pendaftaran, penetapan, pembayaran, dan keberatan pajak dan retribusi daerah.",
    ),
    perwal(
        11,
        2025,
        f"Perubahan Kedua atas Peraturan Wali Kota Nomor 13 Tahun 2018 tentang {_DELEGASI_DPMPTSP}",
        date(2025, 7, 14),
        date(2025, 7, 15),
        pemrakarsa="dpmptsp",
        subjek="PERIZINAN - PERIZINAN BERUSAHA",
        relations=(("mengubah", "PERWAL-13-2018", "", ""), ("terkait", "PERWAL-21-2021", "", "")),
        menimbang=(
            "bahwa Peraturan Pemerintah Nomor 5 Tahun 2021 telah dicabut dan diganti dengan Peraturan "
            "Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan Berusaha Berbasis "
            "Risiko sehingga Peraturan Wali Kota Nomor 13 Tahun 2018 perlu diubah kembali",
        ),
        mengingat=("PP-28-2025", "PERWAL-13-2018"),
        amendments=(
            (
                "Ketentuan Pasal 4 diubah sehingga berbunyi sebagai berikut:",
                "Pasal 4: (1) Penyelesaian perizinan berusaha dilakukan melalui sistem OSS sesuai Peraturan "
                "Pemerintah Nomor 28 Tahun 2025. (2) Penyelesaian perizinan nonberusaha paling lama 7 "
                "(tujuh) hari kerja.",
            ),
        ),
        ringkasan="Menyesuaikan pendelegasian perizinan dengan PP 28/2025.",
    ),
]
