"""The fast content-stream reader and the light line device give pdfminer's own results.

``parse_streams`` must return exactly the objects pdfminer's ``PDFContentParser`` returns (or ask
for pdfminer's parser with ``Fallback``), and ``LineDevice`` under ``FastInterpreter`` must give the
page texts of the reference light path: pdfminer's ``PDFPageInterpreter`` building ``LTChar``s,
grouped by the same ``chars_to_lines``. The guards around both are tested in
``test_extraction_fast_path.py``.
"""

import json
import random

import pytest
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LAParams, LTChar, LTContainer, LTImage
from pdfminer.pdfinterp import LITERAL_FORM, PDFContentParser, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream, dict_value, list_value, stream_value
from pdfminer.psparser import PSEOF
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from registry.regulations.extraction.fastparse import Fallback, FastInterpreter, parse_streams
from registry.regulations.extraction.lines import LineDevice, chars_to_lines, image_coverage
from registry.regulations.extraction.textlayer import LayoutDevice, open_document
from tests.regulations.test_extraction_samples import regulation_pdf

#: Streams the fast reader handles itself; each is compared with pdfminer's reading.
HANDLED = [
    b"BT /F1 12 Tf 72 720 Td (Hello \\(world\\) \\101\\7\\0053 \\q \\\\) Tj [(A) -120.5 (B) .5 -3. +2] TJ ET",
    b"q 1 0 0 1 0 0 cm /Im1 Do Q << /MCID 0 /Lang (id) /A [1 2 <41 42 4>] >> BDC EMC",
    b"<48656c6c6f> Tj <4> Tj <> Tj << /K <41>>> /N#41me /A#2x /#41 /B#zz % comment\r\n T* ' \" 12 0 Td",
    b"{ 1 2 add } [ 1 [ 2 [ 3 ] ] ] ] >> << /K << /L 1 >> >> 1.2.3 --5 +.5 - . true false null",
    b"(nested (paren (deep) ) ) Tj (line\\\ncontinued) Tj (c\\\rd) Tj (\\t\\b\\f\\r\\n\\z) Tj",
    b"/F1\x00 12 Tf\x00\x0b\x0cTj \xff\xfe Tj ) Tj 12abc 0.5.5 Tj % end without newline",
    b"[(a)1(b)] TJ\n[ <0041> 300 <0042> ] TJ",
]
#: Streams only pdfminer's parser reads as pdfminer does (its buffer or its errors decide).
FALLS_BACK = [
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",  # inline image
    b"(a\\\r\nb) Tj",  # backslash CR LF: pdfminer's answer depends on its 4 KiB buffer
    b"(\\400) Tj",  # octal above 255: pdfminer fails an assertion
    b"(((((too deep))))) Tj",
    b"(unterminated Tj",
    b"<< /A 1 /B >> BDC",  # odd dictionary: pdfminer raises
    b"Tj <4142",  # open hex string at the end
    b"ID Tj",  # an ID without BI: pdfminer drops it
]


def reference(datas: list[bytes]):
    """pdfminer's own reading: the objects, or the name of the exception it raises."""
    streams = []
    for number, data in enumerate(datas, start=1):
        stream = PDFStream({}, b"")
        stream.data, stream.objid = data, number
        streams.append(stream)
    try:
        parser = PDFContentParser(streams)
    except PSEOF:
        return []
    objects = []
    while True:
        try:
            objects.append(canonical(parser.nextobject()[1]))
        except PSEOF:
            return objects
        except Exception as exc:
            return ("raised", type(exc).__name__)


def canonical(obj):
    """Objects comparable by value and type (1, 1.0 and True differ), symbols by identity."""
    if isinstance(obj, list):
        return [canonical(item) for item in obj]
    if isinstance(obj, dict):
        return {key: canonical(value) for key, value in obj.items()}
    if isinstance(obj, (int, float, bytes, str)):
        return (type(obj).__name__, obj)
    return ("symbol", id(obj))


def fast(datas: list[bytes]):
    """The fast reading, or None when it asks for pdfminer's parser."""
    try:
        return [canonical(obj) for obj in parse_streams(datas)]
    except Fallback:
        return None


@pytest.mark.parametrize("data", HANDLED)
def test_fast_reader_matches_pdfminer(data):
    """Strings with escapes, octal and nesting, hex strings, names with #xx, numbers such as .5,
    -3. and +2, arrays, dicts, procedures, comments, stray ends: the very objects pdfminer makes."""
    assert fast([data]) == reference([data])


@pytest.mark.parametrize("data", FALLS_BACK)
def test_rare_constructs_fall_back_to_pdfminer(data):
    """What depends on pdfminer's buffer or makes it raise is left to pdfminer's own parser."""
    assert fast([data]) is None


@pytest.mark.parametrize("data", HANDLED + FALLS_BACK)
def test_stream_boundary_anywhere_matches_pdfminer(data):
    """Content split in two streams at every byte: pdfminer carries tokens over, or we fall back."""
    for cut in range(len(data) + 1):
        datas = [data[:cut], data[cut:]]
        found = fast(datas)
        assert found is None or found == reference(datas), cut


def test_mutated_streams_match_pdfminer():
    """Random edits of tricky streams: whenever the fast reader answers, it is pdfminer's answer."""
    rng = random.Random(20260107)
    alphabet = b"()<>[]{}/%\\#\r\n \t0123456789.+-abTjEI\x00"
    answered = 0
    for _ in range(3000):
        data = bytearray(rng.choice(HANDLED + FALLS_BACK))
        for _ in range(rng.randint(1, 5)):
            pos = rng.randrange(len(data) + 1)
            if rng.random() < 0.4 and data:
                del data[min(pos, len(data) - 1)]
            else:
                data[pos:pos] = bytes([rng.choice(alphabet)])
        cut = rng.randrange(len(data) + 1)
        datas = [bytes(data)] if rng.random() < 0.5 else [bytes(data[:cut]), bytes(data[cut:])]
        found = fast(datas)
        if found is not None:
            answered += 1
            assert found == reference(datas), datas
    assert answered > 1000


class ReferenceLineDevice(PDFLayoutAnalyzer):
    """The light path as it was: pdfminer's LTChar objects, grouped by the same chars_to_lines."""

    def __init__(self, rsrcmgr):
        super().__init__(rsrcmgr, pageno=1, laparams=None)
        self.last = ("", 0.0)

    def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:
        pass

    def receive_layout(self, ltpage) -> None:
        chars, images = [], []

        def walk(item):
            for child in item:
                if isinstance(child, LTChar):
                    chars.append((child.x0, child.y0, child.x1, child.y1, child._text))
                elif isinstance(child, LTImage):
                    images.append(child)
                elif isinstance(child, LTContainer):
                    walk(child)

        walk(ltpage)
        self.last = ("\n".join(chars_to_lines(chars)), image_coverage(ltpage, images))


def page_results(fileobj, interpreter_class, device_factory) -> list:
    """(text, coverage) or the error of every page."""
    document = open_document(fileobj)
    rsrcmgr = PDFResourceManager(caching=True)
    device = device_factory(rsrcmgr)
    interpreter = interpreter_class(rsrcmgr, device)
    results = []
    for page in PDFPage.create_pages(document):
        try:
            interpreter.process_page(page)
        except Exception as exc:
            results.append(("error", type(exc).__name__, str(exc)))
            continue
        results.append(device.last)
    return results


def same_as_reference(path, device_factory=None) -> None:
    fast_factory = device_factory or LineDevice
    reference_factory = device_factory or ReferenceLineDevice
    with open(path, "rb") as fileobj:
        new = page_results(fileobj, FastInterpreter, fast_factory)
    with open(path, "rb") as fileobj:
        old = page_results(fileobj, PDFPageInterpreter, reference_factory)
    assert len(new) == len(old)
    for number, (found, expected) in enumerate(zip(new, old, strict=True), start=1):
        assert found == expected, f"page {number}"


def inline_image_pdf(path):
    """A text line above a full-page inline image (reportlab writes BI … ID … EI)."""
    from PIL import Image

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 800, "Pasal 1")
    pdf.drawInlineImage(Image.new("L", (8, 8), 128), 0, 0, width=A4[0], height=A4[1] - 60)
    pdf.save()
    return path


def test_generated_pages_read_as_before(tmp_path):
    """Headings, rotated text and an inline image: same texts and image coverage as before."""
    same_as_reference(regulation_pdf(tmp_path / "perwal.pdf"))
    rotated = tmp_path / "rotated.pdf"
    pdf = canvas.Canvas(str(rotated), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 700, "BAB I")
    pdf.rotate(90)
    pdf.drawString(100, -300, "teks miring")
    pdf.setFont("Helvetica", -11)
    pdf.drawString(100, -200, "ukuran negatif")
    pdf.save()
    same_as_reference(rotated)
    same_as_reference(inline_image_pdf(tmp_path / "inline.pdf"))


def test_layout_analysis_setting_reads_as_before(tmp_path):
    """REGISTRY_EXTRACTION_LAPARAMS still gets pdfminer's layout analysis, text unchanged."""
    same_as_reference(
        regulation_pdf(tmp_path / "perwal.pdf"), lambda rsrcmgr: LayoutDevice(rsrcmgr, LAParams())
    )


@pytest.fixture(scope="module")
def born_digital(corpus_dir):
    real = corpus_dir / "real"
    rows = [json.loads(line) for line in (real / "LABELS.jsonl").read_text().splitlines() if line]
    return {row["file"]: real / row["file"] for row in rows if row["text_layer"] == "good"}


SAMPLES = [
    "pdf/ziffan__SEOJK-19-2023.pdf",
    "pdf/sby__Permendagri-No.2-TH-2014.pdf",
    "pdf/mirlani__sop-layanan-pindah-kuliah-1719023257-jBxpkPhJRd.pdf",
    "pdf/ktg__PEMBENTUKAN_PRODUK_HUKUM_DAERAH_DALAM_JARINGAN_MELALUI_APLIKASI_e-REGULASI_1762848097.pdf",
]


@pytest.mark.corpus
@pytest.mark.parametrize("name", SAMPLES)
def test_corpus_token_streams_are_pdfminers(born_digital, name):
    """Every page and form of a real file: the same objects as pdfminer, without falling back."""
    with open(born_digital[name], "rb") as fileobj:
        document = open_document(fileobj)
        for page in PDFPage.create_pages(document):
            groups = [list_value(page.contents)]
            resources = dict_value(page.resources) if page.resources else {}
            xobjects = [stream_value(x) for x in dict_value(resources.get("XObject", {})).values()]
            groups += [[x] for x in xobjects if x.get("Subtype") is LITERAL_FORM]
            for streams in groups:
                datas = [stream_value(stream).get_data() for stream in streams]
                found = fast(datas)
                assert found is not None and found == reference(datas)


@pytest.mark.corpus
@pytest.mark.parametrize("name", SAMPLES)
def test_corpus_page_texts_are_unchanged(born_digital, name):
    """Real files: the light path's page texts and image coverage are exactly the old ones."""
    same_as_reference(born_digital[name])
