"""Reading a Standar Pelayanan document (an SK Standar Pelayanan's lampiran, or a stand-alone SP sheet).

Pure: no Django import. Input is the text of the PDF, one string per page; output is a
:class:`DecreeReading`: the decree's identity as the regulation parser reads its head, and per service
the six service-delivery components (domain §4.2) that could be read, each with its items and the
lines that were not read (so an editor sees everything the proposal left out).

The lampiran is a table ``No | Komponen | Uraian`` per service. pdfminer gives it back row by row,
with the component's label vertically centred in its cell: a label line may carry an item
("1 Persyaratan h. Latar belakang …"), items of the same row stand above and below it, and a
two-line label ("Jangka Waktu" … "Penyelesaian") wraps around the first line of its value. So the
reader finds the label lines (anchors), splits the lines between two anchors at the last blank line
(a row boundary), removes the row number and the label's leftover words, then reads the items.
A procedure drawn as a flowchart has no items: it is reported as a diagram, never guessed at.
"""

import re
from dataclasses import dataclass, field

from registry.reference.components import DELIVERY_CODES
from registry.regulations.parser.head import parse_head
from registry.regulations.parser.normalise import normalise_pages

from .sp_lists import marker, read_list

#: The six service-delivery components, in PermenPANRB 15/2014 order.
DELIVERY = DELIVERY_CODES
LIST_COMPONENTS = {"persyaratan", "prosedur", "pengaduan"}

# A label, and whether it is distinctive enough to be an anchor without a row number in front.
_LABELS = [
    ("persyaratan", r"persyaratan(?:\s+pelayanan)?", False),
    ("prosedur", r"sistem,?\s+mekanisme,?(?:\s+dan)?(?:\s+prosedur)?(?:\s+pelayanan)?", True),
    ("prosedur", r"(?:mekanisme\s+dan\s+)?prosedur(?:\s+pelayanan)?", False),
    ("waktu", r"jangka\s+waktu(?:\s+(?:pelayanan|penyelesaian))?", True),
    ("waktu", r"waktu\s+(?:pelayanan|penyelesaian)", True),
    ("biaya", r"biaya\s*/\s*tarif|biaya(?:\s+pelayanan)?|tarif", False),
    ("produk", r"produk\s+(?:pelayanan|layanan)", True),
    ("produk", r"produk", False),
    ("pengaduan", r"penanganan\s+pengaduan,?(?:\s+saran,?\s+dan\s+masukan)?", True),
    ("pengaduan", r"pengaduan,?\s+saran,?\s+dan\s+masukan", True),
    # Internal (manufacturing) components: not read, but they end the section before them.
    ("", r"dasar\s+hukum", False),
    ("", r"sarana,?\s+prasarana|sarana(?:\s+dan\s+prasarana)?", False),
    ("", r"kompetensi\s+pelaksana", True),
    ("", r"pengawasan\s+internal", True),
    ("", r"jumlah\s+pelaksana", True),
    ("", r"jaminan\s+(?:pelayanan|keamanan)", True),
    ("", r"evaluasi\s+kinerja(?:\s+pelaksana)?", True),
]
_ANCHORS = [
    (
        code,
        re.compile(r"^(?:(?P<num>\d{1,2})\s*\.?\s+)?(?P<label>" + label + r")(?P<rest>(?=\W|$).*)$", re.I),
        strong,
    )
    for code, label, strong in _LABELS
]
#: Words of a two-line label left at the start of a nearby line ("Penyelesaian", "saran dan masukan").
_TAILS = {
    "persyaratan": r"pelayanan",
    "prosedur": r"(?:dan\s+)?prosedur(?:\s+pelayanan)?|pelayanan",
    "waktu": r"(?:waktu\s+)?(?:penyelesaian|pelayanan)",
    "biaya": r"tarif",
    "produk": r"pelayanan|layanan",
    "pengaduan": r"(?:pengaduan,?\s*)?saran,?\s+dan\s+masukan",
}
_TITLE_RES = [
    re.compile(r"^(?:jenis|nama|produk)\s+(?:pelayanan|layanan)\s*:\s*(?P<title>\S.*)$", re.I),
    re.compile(
        r"^STANDAR\s+PELAYANAN\s+(?!(?:PUBLIK|PADA|DI|DINAS|YANG|REVISI|NOMOR)\b)(?P<title>[A-Z][A-Z0-9 ,()/&.-]+)$"
    ),
]
_HEADER_RE = re.compile(r"^no\.?\s+komponen\s+uraian\b", re.I)
_STOP_RES = [
    re.compile(
        r"^[A-Z][A-Za-z .'-]+,\s*(?:tanggal\s+)?\d{1,2}\s+[A-Za-z]+\s+\d{4}$"
    ),  # "Lubuk Basung, 19 Maret 2018"
    re.compile(r"^(?:NIP\b|ditetapkan\s+di\b|kepala\b.*,$|kepala,?$|wali\s+kota\b.*,$)", re.I),
    re.compile(r"pengelolaan\s+pelayanan\s+di\s+internal|\(manufacturing\)", re.I),
]
#: Lines around a label where its row number and leftover words may stand.
_NEAR = 3


@dataclass
class Section:
    """One component of one service as read: its items (list components) or its text, and leftovers."""

    code: str
    items: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # per item: the heading it stands under, or ""
    text: str = ""
    skipped: list[str] = field(default_factory=list)
    diagram: bool = False

    @property
    def readable(self) -> bool:
        return bool(self.items or (self.text and self.code not in LIST_COMPONENTS))


@dataclass
class ServiceReading:
    title: str
    sections: dict[str, Section] = field(default_factory=dict)

    def components(self) -> list[str]:
        """The codes of the components that were read, in component order."""
        return [code for code in DELIVERY if code in self.sections and self.sections[code].readable]


@dataclass
class DecreeReading:
    kind: str
    nomor: str | None
    tahun: int | None
    tentang: str | None
    services: list[ServiceReading] = field(default_factory=list)


def clean_line(line: str) -> str:
    # pdfminer renders some fonts' spaces as runs of apostrophes ("paling sedikit''untuk").
    line = re.sub(r"'{2,}", " ", line.replace("\xa0", " "))
    return re.sub(r"\s+", " ", line).strip()


@dataclass
class _Anchor:
    index: int
    code: str
    number: int | None
    rest: str
    label: str


def _anchor(line: str) -> _Anchor | None:
    for code, pattern, strong in _ANCHORS:
        match = pattern.match(line)
        if not match:
            continue
        rest = match["rest"].strip()
        if rest.startswith(":"):
            return None  # "Produk Layanan : …" names the service, it is no row
        marked = bool(marker(rest)[0])
        if match["num"] or strong or not rest or marked:
            number = int(match["num"]) if match["num"] else None
            return _Anchor(-1, code, number, rest, match["label"])
    return None


def _title(line: str) -> str | None:
    for regex in _TITLE_RES:
        match = regex.match(line)
        if match:
            return match["title"].strip(" :")
    return None


def _is_stop(line: str) -> bool:
    return any(regex.search(line) for regex in _STOP_RES)


def _strip_near(lines: list[str], center: int, pattern: re.Pattern) -> bool:
    """Remove ``pattern`` from the start of the first line near ``center`` that has it."""
    for index in sorted(range(len(lines)), key=lambda i: abs(i - center)):
        if abs(index - center) > _NEAR:
            break
        if lines[index] and pattern.match(lines[index]):
            lines[index] = pattern.sub("", lines[index], count=1).strip()
            return True
    return False


def _section(code: str, lines: list[str], center: int, anchor: _Anchor, expected: int | None) -> Section:
    """The lines of one component (the anchor's rest at ``center``) → a :class:`Section`."""
    lines = list(lines)
    number = anchor.number
    if number is None:
        # The row number on a line of its own ("6", "2.") or in front of the value ("3 5 Hari kerja").
        alone = re.compile(r"^(\d{1,2})\.?$")
        for index in sorted(range(len(lines)), key=lambda i: abs(i - center)):
            if abs(index - center) <= _NEAR and alone.match(lines[index]):
                number, lines[index] = int(alone.match(lines[index])[1]), ""
                break
        else:
            if expected is not None:
                _strip_near(lines, center, re.compile(rf"^{expected}\.?\s+(?=\S)"))
    full = re.fullmatch(dict(_LABELS_FULL)[code], anchor.label, re.I)
    if not full:
        _strip_near(lines, center, re.compile(rf"^(?:\d{{1,2}}\.?\s+)?(?:{_TAILS[code]})\b\s*", re.I))
    section = Section(code)
    if code in LIST_COMPONENTS:
        items, skipped = read_list(lines)
        if code == "prosedur" and (len(items) < 2 or len(skipped) > len(items)):
            section.diagram = True
            section.skipped = [line for line in lines if line]
            return section
        section.items = [item.render() for item in items]
        section.groups = [item.group for item in items]
        section.skipped = skipped
        section.text = "\n".join(section.items)
    else:
        section.text = " ".join(line for line in lines if line).strip()
    return section


#: The full two-line labels: when the anchor's label is all of it, there is no leftover to strip.
_LABELS_FULL = [
    ("persyaratan", r"persyaratan\s+pelayanan"),
    ("prosedur", r"sistem,?\s+mekanisme,?\s+dan\s+prosedur(?:\s+pelayanan)?|prosedur\s+pelayanan"),
    ("waktu", r"(?:jangka\s+)?waktu\s+(?:pelayanan|penyelesaian)"),
    ("biaya", r"biaya\s*/\s*tarif|tarif|biaya\s+pelayanan"),
    ("produk", r"produk\s+(?:pelayanan|layanan)"),
    ("pengaduan", r"(?:penanganan\s+)?pengaduan,?\s+saran,?\s+dan\s+masukan"),
]


def _last_blank(lines: list[str], start: int, end: int) -> int | None:
    for index in range(end - 1, start - 1, -1):
        if not lines[index]:
            return index
    return None


def _block_end(lines: list[str], start: int, end: int) -> int:
    """Where the last component's rows end: a signature or place-and-date, the internal part, or an
    unmarked paragraph after a blank line."""
    for index in range(start, end):
        line = lines[index]
        if _is_stop(line):
            return index
        if not line and index + 1 < end:
            following = next((x for x in lines[index + 1 : end] if x), "")
            if following and not marker(following)[0] and not _anchor(following):
                return index
    return end


def _read_block(title: str, lines: list[str], start: int, end: int) -> list[ServiceReading]:
    anchors, headers = [], []
    for index in range(start, end):
        if _HEADER_RE.match(lines[index]):
            headers.append(index + 1)
            continue
        found = _anchor(lines[index])
        if found and anchors and found.code == anchors[-1].code and index - anchors[-1].index <= _NEAR:
            continue  # the second line of a label ("Sistem, Mekanisme dan" / "Prosedur 2. …")
        if found:
            found.index = index
            anchors.append(found)
    if not anchors:
        return []
    # The first row's upper half starts below the table header ("No Komponen Uraian").
    header = max((h for h in headers if h <= anchors[0].index), default=None)
    services: list[ServiceReading] = []
    current = ServiceReading(title)
    seen: set[str] = set()
    previous_number = None
    for position, anchor in enumerate(anchors):
        if anchor.code in seen and anchor.code == "persyaratan":  # a second service in one block
            services.append(current)
            current, seen = ServiceReading(""), set()
        seen.add(anchor.code)
        # Upper bound: the last blank line between the previous anchor and this one.
        if position == 0:
            begin = header if header is not None else anchor.index
        else:
            before = anchors[position - 1].index
            blank = _last_blank(lines, before + 1, anchor.index)
            begin = blank + 1 if blank is not None else anchor.index
        if position + 1 < len(anchors):
            after = anchors[position + 1].index
            blank = _last_blank(lines, anchor.index + 1, after)
            finish = blank if blank is not None else after
            finish = min(finish, _stop_before(lines, anchor.index + 1, finish))
        else:
            finish = _block_end(lines, anchor.index + 1, end)
        expected = previous_number + 1 if previous_number is not None else None
        previous_number = anchor.number if anchor.number is not None else expected
        if not anchor.code or anchor.code in current.sections:
            continue
        chunk = lines[begin:finish]
        center = anchor.index - begin
        chunk[center] = anchor.rest
        section = _section(anchor.code, chunk, center, anchor, expected)
        current.sections[anchor.code] = section
    services.append(current)
    return [service for service in services if service.sections]


def _stop_before(lines: list[str], start: int, end: int) -> int:
    for index in range(start, end):
        if _is_stop(lines[index]):
            return index
    return end


def read_decree(pages: list[str]) -> DecreeReading:
    """Every service of a Standar Pelayanan document with the delivery components that could be read."""
    head = parse_head(normalise_pages(pages))
    lines: list[str] = []
    for page in pages:
        lines.extend(clean_line(line) for line in page.split("\n"))
        lines.append("")
    # Blocks start at a line naming a service; the same name again (a page header) continues it.
    starts: list[tuple[int, str]] = [(0, "")]
    for index, line in enumerate(lines):
        title = _title(line)
        if title and title.casefold() != starts[-1][1].casefold():
            starts.append((index, title))
    services: list[ServiceReading] = []
    for number, (start, title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        services.extend(_read_block(title, lines, start + (1 if title else 0), end))
    for service in services:
        if not service.title and "produk" in service.sections:
            service.title = service.sections["produk"].text
    return DecreeReading(
        kind=head.kind, nomor=head.number, tahun=head.year, tentang=head.tentang, services=services
    )
