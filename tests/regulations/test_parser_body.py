"""Unit tests for parser.body: the BAB / Bagian / Pasal / ayat tree and Pasal numbering sanity."""

from registry.regulations.parser.body import count_pasal, find_body_range, parse_body, roman_to_int
from registry.regulations.parser.normalise import normalise_pages

BODY = """MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG SUSUNAN ORGANISASI.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Peraturan Wali Kota ini yang dimaksud dengan:
1. Kota adalah Kota Kendari.
BAB II
BENTUK PERANGKAT DAERAH
Bagian Kesatu
Bentuk Perangkat Daerah
Pasal 2
(1) Tipe perangkat daerah diklasifikasikan atas tipe A.
(2) Tipe B sebagaimana dimaksud dalam
Pasal 1
ayat (1) berlaku.
Ditetapkan di Kendari
"""


def parse(text: str, pages: list[str] | None = None):
    """Normalise and parse a body; return (nodes, warnings, doc)."""
    doc = normalise_pages(pages or [text])
    start, end = find_body_range(doc)
    nodes, warnings = parse_body(doc, start, end)
    return nodes, warnings, doc


def anchors(nodes) -> list[str]:
    """All anchors of a node forest, depth first."""
    return [node.anchor for root in nodes for node in root.walk()]


def test_tree_anchors():
    """BAB, Bagian, Pasal and ayat get stable anchors."""
    nodes, _, _ = parse(BODY)
    assert anchors(nodes) == [
        "bab-1",
        "pasal-1",
        "bab-2",
        "bab-2-bagian-1",
        "pasal-2",
        "pasal-2-ayat-1",
        "pasal-2-ayat-2",
    ]


def test_division_heading_is_collected():
    """The line after "BAB II" becomes the BAB heading."""
    nodes, _, _ = parse(BODY)
    assert nodes[1].heading == "BENTUK PERANGKAT DAERAH"


def test_wrapped_pasal_reference_stays_text():
    """A "Pasal 1" line that breaks the sequence is a wrapped reference, kept as ayat text."""
    nodes, _, _ = parse(BODY)
    ayat_2 = nodes[1].children[0].children[0].children[1]
    assert "Pasal 1" in ayat_2.text


def test_body_stops_at_signing_block():
    """The body ends before "Ditetapkan di"."""
    _, _, doc = parse(BODY)
    start, end = find_body_range(doc)
    assert doc.lines[end].text.startswith("Ditetapkan")


def test_node_page_numbers():
    """Each node records the page it starts on."""
    nodes, _, _ = parse("", pages=["MEMUTUSKAN:\nPasal 1\nIsi.", "Pasal 2\nIsi lain."])
    assert [(n.anchor, n.page) for n in nodes] == [("pasal-1", 1), ("pasal-2", 2)]


def test_ocr_pasal_heading_with_dot():
    """The OCR heading "Pasa.119" after Pasal 18 is read as Pasal 19."""
    text = "MEMUTUSKAN:\n" + "\n".join(f"Pasal {n}\nIsi." for n in range(1, 19)) + "\nPasa.119\nIsi."
    nodes, _, _ = parse(text)
    assert nodes[-1].label == "19"


def test_ocr_leading_one_is_corrected():
    """ "Pasal 119" right after Pasal 18 is corrected to 19 with a warning (domain §3.5 rule 6)."""
    text = "MEMUTUSKAN:\n" + "\n".join(f"Pasal {n}\nIsi." for n in range(1, 19)) + "\nPasal 119\nIsi."
    nodes, warnings, _ = parse(text)
    assert nodes[-1].label == "19"
    assert any("read as 19" in warning for warning in warnings)


def test_letter_suffix_pasal_accepted():
    """An inserted "Pasal 5A" after Pasal 5 is accepted."""
    text = (
        "MEMUTUSKAN:\n"
        + "\n".join(f"Pasal {n}\nIsi." for n in range(1, 6))
        + "\nPasal 5A\nIsi.\nPasal 6\nIsi."
    )
    nodes, _, _ = parse(text)
    assert [n.label for n in nodes][-3:] == ["5", "5A", "6"]


def test_amendment_roman_pasal_nesting():
    """Arabic Pasal quoted inside an amending Pasal I become its children; the count is the Roman count."""
    text = (
        "MEMUTUSKAN:\nPasal I\nBeberapa ketentuan diubah sebagai berikut:\n1. Ketentuan Pasal 5 diubah:\n"
        "Pasal 5\nIsi baru.\nPasal II\nPeraturan ini mulai berlaku pada tanggal diundangkan."
    )
    nodes, _, _ = parse(text)
    assert anchors(nodes) == ["pasal-i", "pasal-i-pasal-5", "pasal-ii"]
    assert count_pasal(nodes) == 2


def test_count_pasal_is_highest_number():
    """pasal_count is the highest Pasal number."""
    nodes, _, _ = parse(BODY)
    assert count_pasal(nodes) == 2


def test_keputusan_diktum_nodes():
    """A Keputusan without Pasal gets DIKTUM nodes and no pasal count."""
    nodes, _, _ = parse("MEMUTUSKAN:\nKESATU : Menetapkan tim.\nKEDUA : Biaya dibebankan.")
    assert [n.anchor for n in nodes] == ["diktum-kesatu", "diktum-kedua"]
    assert count_pasal(nodes) is None


def test_body_stops_at_penjelasan():
    """Pasal headings in the PENJELASAN are not part of the body."""
    nodes, _, _ = parse(
        "MEMUTUSKAN:\nPasal 1\nIsi.\nPENJELASAN\nPasal 1\nCukup jelas.\nPasal 2\nCukup jelas."
    )
    assert count_pasal(nodes) == 1


def test_roman_numerals_with_ocr_forms():
    """ "BABm" reads as BAB III."""
    assert roman_to_int("m") == 3
    assert roman_to_int("XIV") == 14
