"""The conformance corpus: real regulation texts from ../shared/corpus plus Balikpapan-style services.

Regulations are loaded the way the pipeline leaves them: a RegulationDocument with one
DocumentPage per page of text, then a published RegulationPage. Services follow the real service
lists in ``real/text/services`` (names such as "Izin Reklame", "Nomor Induk Berusaha (NIB)").
Perwal 12/2023 is the one synthetic text: the corpus holds no Balikpapan Perwal as text, and the
citation queries need a local regulation with a Pasal 5.
"""

from pathlib import Path

from django.core.files.base import ContentFile

from registry.regulations.choices import ExtractionStatus, RelationKind
from registry.regulations.models import DocumentPage, RegulationDocument
from registry.services.models import CostKind
from search.citations import pasal_headings
from tests import factories

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real" / "text"
PAGE_CHARS = 2500

REAL_REGULATIONS = [
    # name, type, nomor, tahun, tentang, file
    ("uu-25-2009", "UU", "25", 2009, "Pelayanan Publik", "petrabarus/UU-25-2009.txt"),
    ("uu-14-2008", "UU", "14", 2008, "Keterbukaan Informasi Publik", "petrabarus/UU-14-2008.txt"),
    ("uu-12-2011", "UU", "12", 2011, "Pembentukan Peraturan Perundang-undangan", "petrabarus/UU-12-2011.txt"),
    ("uu-10-2004", "UU", "10", 2004, "Pembentukan Peraturan Perundang-undangan", "petrabarus/UU-10-2004.txt"),
    ("uu-32-2004", "UU", "32", 2004, "Pemerintahan Daerah", "petrabarus/UU-32-2004.txt"),
    (
        "pp-96-2012",
        "PP",
        "96",
        2012,
        "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "petrabarus/PP-96-2012.txt",
    ),
    ("pp-41-2007", "PP", "41", 2007, "Organisasi Perangkat Daerah", "petrabarus/PP-41-2007.txt"),
    (
        "pp-61-2010",
        "PP",
        "61",
        2010,
        "Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
        "petrabarus/PP-61-2010.txt",
    ),
    (
        "pp-79-2005",
        "PP",
        "79",
        2005,
        "Pedoman Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Daerah",
        "petrabarus/PP-79-2005.txt",
    ),
    (
        "keppres-24-2005",
        "KEPPRES",
        "24",
        2005,
        "Perubahan atas Keputusan Presiden Nomor 54 Tahun 2002 tentang Tim Koordinasi Peningkatan "
        "Kelancaran Arus Barang Ekspor dan Impor",
        "petrabarus/KEPPRES-24-2005.txt",
    ),
]

PERWAL_12_2023 = [
    "WALI KOTA BALIKPAPAN\nPROVINSI KALIMANTAN TIMUR\nPERATURAN WALI KOTA BALIKPAPAN\nNOMOR 12 TAHUN 2023\n"
    "TENTANG\nSTANDAR PELAYANAN PERIZINAN BERUSAHA DAN NONBERUSAHA\n\nPasal 1\n\nDalam Peraturan Wali Kota "
    "ini yang dimaksud dengan:\n1. Daerah adalah Kota Balikpapan.\n2. Dinas adalah Dinas Penanaman Modal dan "
    "Pelayanan Terpadu Satu Pintu.\n\nPasal 2\n\nStandar pelayanan disusun untuk setiap jenis perizinan.",
    "Pasal 3\n\nPerizinan yang dilayani meliputi persetujuan bangunan gedung, izin penyelenggaraan reklame, "
    "izin praktik tenaga kesehatan dan izin apotek.\n\nPasal 4\n\nPermohonan diajukan secara daring atau di "
    "Mal Pelayanan Publik.\n\nPasal 5\n\n(1) Retribusi persetujuan bangunan gedung dibayar setelah dokumen "
    "teknis disetujui.\n(2) Besarnya retribusi dihitung dari luas bangunan, indeks terintegrasi dan harga "
    "satuan retribusi sebagaimana ditetapkan dalam Peraturan Daerah.",
    "Pasal 6\n\nPengaduan atas pelayanan perizinan disampaikan melalui SP4N-LAPOR!.\n\nPasal 7\n\nPeraturan "
    "Wali Kota ini mulai berlaku pada tanggal diundangkan.",
]

SERVICES = [
    # name, unit, title, summary, requirements, product, cost (kind, amount, note)
    (
        "ktp",
        "disdukcapil",
        "Penerbitan KTP-el",
        "Penerbitan Kartu Tanda Penduduk elektronik baru bagi penduduk yang telah berusia 17 tahun atau sudah "
        "menikah, termasuk penggantian KTP-el yang rusak atau hilang.",
        [
            "Fotokopi Kartu Keluarga",
            "Surat keterangan kehilangan dari kepolisian bila hilang",
            "KTP-el lama bila rusak",
        ],
        "KTP-el",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "kk",
        "disdukcapil",
        "Penerbitan Kartu Keluarga",
        "Penerbitan Kartu Keluarga baru, perubahan susunan anggota keluarga, atau penggantian KK yang hilang.",
        ["Surat pengantar RT", "Buku nikah atau akta perkawinan", "Kartu Keluarga lama"],
        "Kartu Keluarga",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "akta-lahir",
        "disdukcapil",
        "Penerbitan Akta Kelahiran",
        "Pencatatan kelahiran anak dan penerbitan kutipan akta kelahiran.",
        [
            "Surat keterangan lahir dari rumah sakit, puskesmas atau bidan",
            "Kartu Keluarga orang tua",
            "KTP-el orang tua",
        ],
        "Kutipan akta kelahiran",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "akta-mati",
        "disdukcapil",
        "Penerbitan Akta Kematian",
        "Pencatatan kematian penduduk dan penerbitan kutipan akta kematian.",
        ["Surat keterangan kematian dari rumah sakit atau kelurahan", "Kartu Keluarga almarhum"],
        "Kutipan akta kematian",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "kia",
        "disdukcapil",
        "Penerbitan Kartu Identitas Anak (KIA)",
        "Kartu identitas bagi anak berusia di bawah 17 tahun.",
        ["Kutipan akta kelahiran anak", "Pas foto anak"],
        "KIA",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "pbg",
        "dpmptsp",
        "Persetujuan Bangunan Gedung (PBG)",
        "Persetujuan Pemerintah Kota untuk membangun baru, mengubah, memperluas atau merawat bangunan gedung, "
        "termasuk rumah tinggal, pengganti Izin Mendirikan Bangunan.",
        ["Dokumen rencana teknis bangunan", "Bukti kepemilikan tanah", "KTP-el pemohon"],
        "Surat PBG",
        (CostKind.BERBAYAR, 1500000, "Retribusi dihitung dari luas bangunan, indeks dan harga satuan"),
    ),
    (
        "reklame",
        "dpmptsp",
        "Izin Penyelenggaraan Reklame",
        "Izin untuk memasang reklame papan, billboard, baliho, spanduk atau videotron di Kota Balikpapan.",
        ["Desain dan ukuran reklame", "Foto lokasi pemasangan", "Surat persetujuan pemilik lahan"],
        "Surat izin reklame",
        (CostKind.GRATIS, None, "Pajak reklame dibayar ke Bapenda"),
    ),
    (
        "nib",
        "dpmptsp",
        "Pendaftaran Nomor Induk Berusaha (NIB)",
        "Pendaftaran pelaku usaha melalui sistem OSS untuk memperoleh NIB sebagai identitas berusaha.",
        ["KTP-el pemilik usaha", "NPWP", "Alamat usaha"],
        "NIB",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "siup",
        "dpmptsp",
        "Surat Izin Usaha Perdagangan (SIUP)",
        "Izin untuk melaksanakan kegiatan usaha perdagangan; kini terintegrasi dengan perizinan berusaha.",
        ["NIB", "Akta pendirian perusahaan"],
        "SIUP",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "dokter",
        "dpmptsp",
        "Izin Praktik Dokter",
        "Surat izin praktik bagi dokter dan dokter gigi yang berpraktik di Kota Balikpapan.",
        ["Surat Tanda Registrasi dokter", "Rekomendasi organisasi profesi"],
        "SIP dokter",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "apotek",
        "dpmptsp",
        "Izin Apotek",
        "Izin penyelenggaraan apotek oleh apoteker.",
        ["Surat izin praktik apoteker", "Denah bangunan apotek"],
        "Surat izin apotek",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "pirt",
        "dinkes",
        "Sertifikat Produksi Pangan Industri Rumah Tangga",
        "Sertifikat bagi usaha pangan olahan rumahan agar produknya boleh diedarkan.",
        ["Sertifikat penyuluhan keamanan pangan", "Label kemasan"],
        "SPP-IRT",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "sktm",
        "dinsos",
        "Surat Keterangan Tidak Mampu (SKTM)",
        "Surat keterangan bagi warga kurang mampu untuk keringanan biaya pendidikan atau kesehatan.",
        ["Surat pengantar RT dan kelurahan", "Kartu Keluarga"],
        "SKTM",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "pbb",
        "bapenda",
        "Pembayaran Pajak Bumi dan Bangunan (PBB-P2)",
        "Pembayaran PBB perdesaan dan perkotaan melalui bank atau kanal pembayaran daring.",
        ["SPPT PBB tahun berjalan"],
        "Bukti pembayaran PBB",
        (CostKind.BERBAYAR, 1, "Sesuai SPPT"),
    ),
    (
        "bphtb",
        "bapenda",
        "Validasi Bea Perolehan Hak atas Tanah dan Bangunan (BPHTB)",
        "Validasi pembayaran BPHTB atas jual beli, hibah atau waris tanah dan bangunan.",
        ["Akta jual beli", "SPPT PBB", "Bukti pembayaran BPHTB"],
        "Validasi BPHTB",
        (CostKind.BERBAYAR, 1, "5 persen dari nilai perolehan dikurangi NPOPTKP"),
    ),
    (
        "trayek",
        "dishub",
        "Izin Trayek Angkutan Kota",
        "Izin bagi perusahaan angkutan untuk melayani trayek angkutan kota.",
        ["Kartu pengawasan kendaraan", "Bukti lulus uji berkala kendaraan"],
        "Surat izin trayek",
        (CostKind.GRATIS, None, "Sesuai Perda"),
    ),
    # Services citizens ask for by an abbreviation or by what they want to do (issue #15).
    (
        "slf",
        "dpmptsp",
        "Sertifikat Laik Fungsi (SLF)",
        "Sertifikat yang menyatakan bangunan gedung laik fungsi sebelum dimanfaatkan, diterbitkan setelah "
        "bangunan selesai dibangun sesuai PBG.",
        ["Surat PBG", "Laporan pemeriksaan kelaikan fungsi bangunan", "Gambar terbangun"],
        "Sertifikat Laik Fungsi",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "slhs",
        "dinkes",
        "Sertifikat Laik Higiene Sanitasi (SLHS)",
        "Sertifikat bagi rumah makan, restoran, jasa boga (katering) dan depot air minum yang memenuhi "
        "persyaratan higiene sanitasi.",
        [
            "NIB",
            "Hasil uji laboratorium sampel makanan atau air",
            "Sertifikat kursus higiene sanitasi penjamah makanan",
        ],
        "SLHS",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "pindah",
        "disdukcapil",
        "Penerbitan Surat Keterangan Pindah",
        "Surat keterangan bagi penduduk yang pindah alamat ke luar kota atau antarkecamatan (pindah domisili).",
        ["Kartu Keluarga", "KTP-el", "Surat pengantar RT"],
        "Surat Keterangan Pindah Warga Negara Indonesia (SKPWNI)",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "ak1",
        "disnaker",
        "Kartu Tanda Pencari Kerja (AK/I)",
        "Kartu bagi pencari kerja yang mendaftar di Dinas Tenaga Kerja, syarat untuk melamar pekerjaan.",
        ["KTP-el", "Ijazah terakhir", "Pas foto"],
        "Kartu AK/I",
        (CostKind.GRATIS, None, ""),
    ),
    (
        "sipa",
        "dpmptsp",
        "Surat Izin Praktik Apoteker (SIPA)",
        "Izin bagi apoteker untuk menjalankan praktik kefarmasian di apotek, rumah sakit atau puskesmas.",
        ["Surat Tanda Registrasi Apoteker", "Surat pernyataan tempat praktik"],
        "SIPA",
        (CostKind.GRATIS, None, ""),
    ),
]

UNITS = {
    "disdukcapil": ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas"),
    "dpmptsp": ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas"),
    "dinkes": ("Dinas Kesehatan", "Dinkes", "dinas"),
    "dinsos": ("Dinas Sosial", "Dinsos", "dinas"),
    "bapenda": ("Badan Pendapatan Daerah", "Bapenda", "badan"),
    "dishub": ("Dinas Perhubungan", "Dishub", "dinas"),
    "disnaker": ("Dinas Tenaga Kerja", "Disnaker", "dinas"),
}


def split_pages(text: str, size: int = PAGE_CHARS) -> list[str]:
    """Cut a text into pages of about ``size`` characters at line boundaries."""
    pages, current = [], []
    length = 0
    for line in text.splitlines():
        if length + len(line) > size and current:
            pages.append("\n".join(current))
            current, length = [], 0
        current.append(line)
        length += len(line) + 1
    if current:
        pages.append("\n".join(current))
    return pages


def _document(name: str, pages: list[str]) -> RegulationDocument:
    document = RegulationDocument(title=name, extraction_status=ExtractionStatus.DONE, page_count=len(pages))
    document.file.save(f"{name}.pdf", ContentFile(b"%PDF-1.4\n% test fixture\n"), save=False)
    document.save()
    DocumentPage.objects.bulk_create(
        DocumentPage(document=document, number=n, text=text) for n, text in enumerate(pages, start=1)
    )
    return document


class Corpus:
    """Names of the loaded objects → owner keys, and which page holds each pasal heading."""

    def __init__(self):
        self.owners: dict[str, str] = {}
        self.pasal_pages: dict[tuple[str, str], int] = {}
        self.pages: dict[str, int] = {}

    def owner(self, name: str) -> str:
        """The owner key of a named service or regulation."""
        return self.owners[name]


def available() -> bool:
    """Whether ../shared/corpus is present."""
    return CORPUS.is_dir()


def build() -> Corpus:
    """Create units, services and regulations (published, hence indexed through the signals)."""
    corpus = Corpus()
    units = {
        key: factories.opd(title=title, abbreviation=abbr, kind=kind, slug=key)
        for key, (title, abbr, kind) in UNITS.items()
    }
    for name, unit, title, summary, requirements, product, (cost_kind, amount, note) in SERVICES:
        page = factories.service(
            unit=units[unit],
            title=title,
            summary=summary,
            requirements=requirements,
            product=product,
            cost_kind=cost_kind,
            cost_amount=amount,
            cost_note=note,
        )
        corpus.owners[name] = f"service:{page.pk}"
    draft = factories.service(
        unit=units["disdukcapil"],
        title="Layanan Zebra Rahasia",
        live=False,
        summary="Draf zebra yang belum terbit.",
    )
    corpus.owners["draft"] = f"service:{draft.pk}"
    regulations = {}
    for name, code, nomor, tahun, tentang, path in REAL_REGULATIONS:
        pages = split_pages((CORPUS / path).read_text(encoding="utf-8", errors="replace"))
        regulations[name] = _load(corpus, name, code, nomor, tahun, tentang, pages)
    regulations["perwal-12-2023"] = _load(
        corpus,
        "perwal-12-2023",
        "PERWAL",
        "12",
        2023,
        "Standar Pelayanan Perizinan Berusaha dan Nonberusaha",
        PERWAL_12_2023,
        pemrakarsa=units["dpmptsp"],
    )
    # UU 12/2011 revokes UU 10/2004: a status to filter on.
    factories.relate(regulations["uu-12-2011"], regulations["uu-10-2004"], RelationKind.MENCABUT)
    return corpus


def _load(corpus, name, code, nomor, tahun, tentang, pages, **fields):
    document = _document(name, pages)
    page = factories.regulation(code, nomor=nomor, tahun=tahun, tentang=tentang, document=document, **fields)
    corpus.owners[name] = f"regulation:{page.pk}"
    corpus.pages[name] = len(pages)
    seen = set()
    for number, text in enumerate(pages, start=1):
        for pasal in pasal_headings(text):
            if pasal not in seen:
                seen.add(pasal)
                corpus.pasal_pages[(name, pasal)] = number
    return page
