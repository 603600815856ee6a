"""A generated search corpus for bench/search: regulations with passages, and services.

Deterministic (seeded). Passage text is stitched from lines of the real regulation texts in
../shared/corpus when present (so word frequencies look like Indonesian legal text), otherwise from
a small built-in vocabulary.
"""

import random
from pathlib import Path

from search.citations import regulation_keys
from search.documents import KIND_PASSAGE, KIND_REGULATION, KIND_SERVICE, SearchDocument

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real" / "text" / "petrabarus"
JENIS = [
    ("perwal", "Peraturan Wali Kota", "PERWAL"),
    ("perda", "Peraturan Daerah", "PERDA"),
    ("kepwal", "Keputusan Wali Kota", "KEPWAL"),
    ("pp", "Peraturan Pemerintah", "PP"),
    ("uu", "Undang-Undang", "UU"),
]
STATUSES = [("berlaku", "Berlaku"), ("diubah", "Berlaku, telah diubah"), ("dicabut", "Dicabut")]
TOPICS = [
    "Pajak Daerah dan Retribusi Daerah",
    "Persetujuan Bangunan Gedung",
    "Penyelenggaraan Reklame",
    "Administrasi Kependudukan",
    "Standar Pelayanan Publik",
    "Pengelolaan Sampah",
    "Kawasan Tanpa Rokok",
    "Penataan Pasar Rakyat",
    "Perizinan Berusaha",
    "Keterbukaan Informasi Publik",
    "Organisasi Perangkat Daerah",
    "Pengadaan Barang dan Jasa",
    "Rencana Tata Ruang Wilayah",
    "Angkutan Kota dan Trayek",
    "Pelayanan Kesehatan",
    "Bantuan Sosial",
    "Penanggulangan Bencana",
    "Tenaga Kerja Lokal",
    "Cagar Budaya",
    "Air Minum",
]
UNITS = [
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("dpmptsp", "Dinas Penanaman Modal dan PTSP"),
    ("bapenda", "Badan Pendapatan Daerah"),
    ("dinkes", "Dinas Kesehatan"),
    ("dishub", "Dinas Perhubungan"),
    ("dinsos", "Dinas Sosial"),
    ("dlh", "Dinas Lingkungan Hidup"),
    ("disdik", "Dinas Pendidikan"),
]
SERVICE_NAMES = [
    "Penerbitan KTP-el",
    "Penerbitan Kartu Keluarga",
    "Akta Kelahiran",
    "Akta Kematian",
    "Izin Reklame",
    "Persetujuan Bangunan Gedung (PBG)",
    "Nomor Induk Berusaha (NIB)",
    "Izin Apotek",
    "Izin Praktik Dokter",
    "Surat Keterangan Tidak Mampu",
    "Pembayaran PBB",
    "Validasi BPHTB",
    "Izin Trayek",
    "Sertifikat PIRT",
    "Izin Pembuangan Limbah Cair",
    "Izin Operasional Klinik",
    "Izin Pendirian Sekolah",
    "Uji Berkala Kendaraan",
]
FALLBACK_LINES = [
    "Setiap penyelenggara wajib menyusun dan menetapkan standar pelayanan.",
    "Retribusi dipungut berdasarkan luas bangunan dan tarif yang ditetapkan.",
    "Pemohon mengajukan permohonan secara tertulis kepada Kepala Dinas.",
    "Persyaratan administrasi meliputi fotokopi KTP-el dan Kartu Keluarga.",
    "Pengaduan masyarakat disampaikan melalui saluran yang disediakan.",
]


def _lines() -> list[str]:
    lines = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            lines += [line.strip() for line in text.splitlines() if len(line.strip()) > 25]
    return lines or FALLBACK_LINES


def generate(regulations=2000, passages_per_regulation=15, services=600, seed=20240501):
    """Yield SearchDocuments: ``regulations`` × (1 + passages) and ``services``."""
    rng = random.Random(seed)
    lines = _lines()
    for n in range(1, regulations + 1):
        slug, name, code = JENIS[n % len(JENIS)]
        tahun = 2000 + n % 25
        nomor = str(n // len(JENIS) % 150 + 1)
        topic = TOPICS[rng.randrange(len(TOPICS))]
        status, status_label = STATUSES[0] if n % 7 else STATUSES[2 if n % 2 else 1]
        unit_slug, unit_name = UNITS[n % len(UNITS)]
        owner = f"regulation:{n}"
        short = f"{name} Nomor {nomor} Tahun {tahun}"
        common = {
            "owner": owner,
            "jenis": slug,
            "jenis_label": name,
            "tahun": tahun,
            "status": status,
            "status_label": status_label,
            "opd": unit_slug,
            "opd_label": unit_name,
        }
        yield SearchDocument(
            doc_id=owner,
            kind=KIND_REGULATION,
            title=f"{short} tentang {topic}",
            subtitle=short,
            url=f"/peraturan/{slug}/{tahun}/{nomor}/",
            body=f"Mengatur {topic.lower()} di Kota Balikpapan.",
            keywords=f"{short} {code} {topic}",
            citations=regulation_keys([slug, code, name], nomor, tahun),
            boost=1.5,
            **common,
        )
        for p in range(1, passages_per_regulation + 1):
            body = "\n".join(rng.choice(lines) for _ in range(12))
            body = f"Pasal {p}\n{body}"
            yield SearchDocument(
                doc_id=f"{owner}:{p:05d}:halaman-{p}",
                kind=KIND_PASSAGE,
                title=f"{short} · Halaman {p}",
                subtitle=f"Halaman {p}",
                url=f"/dokumen/{n}/#page={p}",
                body=body,
                keywords=f"{short} {topic}",
                citations=regulation_keys([slug, code, name], nomor, tahun, str(p)),
                **common,
            )
    for n in range(1, services + 1):
        unit_slug, unit_name = UNITS[n % len(UNITS)]
        title = f"{SERVICE_NAMES[n % len(SERVICE_NAMES)]} {unit_name.split()[-1]} {n}"
        body = " ".join(rng.choice(lines) for _ in range(4))
        yield SearchDocument(
            doc_id=f"service:{n}",
            owner=f"service:{n}",
            kind=KIND_SERVICE,
            title=title,
            subtitle=unit_name,
            url=f"/opd/{unit_slug}/layanan-{n}/",
            body=f"Persyaratan: {body}",
            keywords=unit_name,
            opd=unit_slug,
            opd_label=unit_name,
            boost=2.0,
        )


def generated_queries(count=50, seed=7) -> list[tuple[str, dict]]:
    """Mixed queries: words, phrases, citations and filtered searches."""
    rng = random.Random(seed)
    topics = [t.lower() for t in TOPICS]
    queries = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            queries.append((rng.choice(topics), {}))
        elif kind == 1:
            queries.append((" ".join(rng.choice(topics).split()[:2]), {"jenis": ["perwal"]}))
        elif kind == 2:
            slug, _, _ = JENIS[rng.randrange(len(JENIS))]
            queries.append(
                (f"{slug} {rng.randint(1, 150)}/{2000 + rng.randint(0, 24)} pasal {rng.randint(1, 15)}", {})
            )
        elif kind == 3:
            queries.append((f'"{rng.choice(topics)}"', {"status": ["berlaku"]}))
        else:
            queries.append(
                (
                    rng.choice(["syarat ktp", "biaya retribusi", "izin usaha", "pengaduan", "tarif"]),
                    {"tahun": [str(2000 + rng.randint(0, 24))]},
                )
            )
    return queries
