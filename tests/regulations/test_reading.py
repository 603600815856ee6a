"""Reading aids for regulation text (registry/regulations/reading.py), on made-up text."""

from types import SimpleNamespace

from registry.regulations.reading import Block, reflow, table_of_contents


def test_lines_of_one_paragraph_are_joined():
    """A paragraph broken over three PDF lines becomes one line."""
    text = "Setiap penduduk wajib memiliki\nkartu identitas yang diterbitkan\noleh Dinas."
    assert reflow(text) == [
        Block("paragraph", "Setiap penduduk wajib memiliki kartu identitas yang diterbitkan oleh Dinas.")
    ]


def test_huruf_and_angka_items_stay_apart_and_are_joined_inside():
    """Each "a." or "1." starts an item; an item's continuation line joins it; the colon ends the lead-in."""
    text = "Jenis layanan terdiri atas:\na. layanan satu yang\npanjang;\nb. layanan dua; dan\n1. angka satu."
    assert reflow(text) == [
        Block("paragraph", "Jenis layanan terdiri atas:"),
        Block("item", "layanan satu yang panjang;", "a."),
        Block("item", "layanan dua; dan", "b."),
        Block("item", "angka satu.", "1."),
    ]


def test_ayat_markers_and_headings_start_blocks():
    """ "(1)" and "(2)" are items; a "Pasal 3" line is a heading; a blank line ends a paragraph."""
    text = (
        "(1) Pemohon mengisi\nformulir.\n(2) Petugas memeriksa.\nPasal 3\nKalimat pertama.\n\nKalimat kedua."
    )
    assert reflow(text) == [
        Block("item", "Pemohon mengisi formulir.", "(1)"),
        Block("item", "Petugas memeriksa.", "(2)"),
        Block("heading", "Pasal 3"),
        Block("paragraph", "Kalimat pertama."),
        Block("paragraph", "Kalimat kedua."),
    ]


def test_hyphenated_word_keeps_its_hyphen_without_a_space():
    """ "Undang-" at a line end joins "Undang" without a space; spaces inside lines collapse."""
    assert reflow("sesuai  Undang-\nUndang ini") == [Block("paragraph", "sesuai Undang-Undang ini")]


def test_empty_text_has_no_blocks():
    """No text, no blocks (a Pasal made only of ayat)."""
    assert reflow("") == [] and reflow(None) == []


def _node(kind, label, anchor, heading=""):
    return SimpleNamespace(kind=kind, label=label, anchor=anchor, heading=heading)


def test_toc_groups_pasal_under_their_bab_and_leaves_out_ayat():
    """BAB I holds Pasal 1, BAB II holds Pasal 2 and 3; Bagian and ayat are not listed."""
    nodes = [
        _node("bab", "BAB I", "bab-1", "KETENTUAN UMUM"),
        _node("pasal", "Pasal 1", "pasal-1"),
        _node("bab", "BAB II", "bab-2", "PELAYANAN"),
        _node("bagian", "Bagian Kesatu", "bab-2-bagian-1"),
        _node("pasal", "Pasal 2", "pasal-2"),
        _node("ayat", "Ayat (1)", "pasal-2-ayat-1"),
        _node("pasal", "Pasal 3", "pasal-3"),
    ]
    toc = table_of_contents(nodes)
    assert [(e.label, e.heading, e.anchor) for e in toc] == [
        ("BAB I", "KETENTUAN UMUM", "bab-1"),
        ("BAB II", "PELAYANAN", "bab-2"),
    ]
    assert [c.anchor for c in toc[0].children] == ["pasal-1"]
    assert [c.anchor for c in toc[1].children] == ["pasal-2", "pasal-3"]


def test_toc_without_chapters_lists_the_pasal():
    """A regulation without BAB gets its Pasal as top-level entries."""
    toc = table_of_contents([_node("pasal", "Pasal 1", "pasal-1"), _node("pasal", "Pasal 2", "pasal-2")])
    assert [(e.label, e.children) for e in toc] == [("Pasal 1", []), ("Pasal 2", [])]
