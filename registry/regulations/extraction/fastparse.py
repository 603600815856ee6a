"""A faster reader of page content streams for pdfminer's ``PDFPageInterpreter``.

pdfminer tokenises content streams one character state at a time (``PSBaseParser``) and builds
operands in ``PSStackParser.nextobject``: about two thirds of its extraction time on regulation
PDFs. ``FastInterpreter`` keeps pdfminer's interpreter, fonts and devices and replaces only that
reading: one ``re.findall`` splits a decoded stream into tokens the way ``PSBaseParser`` does, and
a loop builds the very same objects (ints, floats, bools, bytes, interned ``PSLiteral`` /
``PSKeyword``, lists, dicts) in the same order — numbers, names and keywords are converted once and
remembered. The operators then run as in ``PDFPageInterpreter.execute`` (same method lookup, same
argument-stack rules, unknown operators ignored).

Whatever pdfminer reads in a way that depends on its 4 KiB buffer or on reading several streams as
one — a token cut by a stream boundary, ``\\`` + CR LF in a string, an unterminated string or
string nested more than three deep, an octal escape above 255, an odd dictionary (pdfminer
raises), inline images (``BI … ID … EI``) — makes the page's streams fall back to pdfminer's own
parser, so the outcome is pdfminer's in every case (``test_extraction_fastparse.py`` compares both
on synthetic, mutated and real streams). Every fallback is noted with its reason in the
interpreter's ``fallbacks`` list (shared with the sub-interpreters of form XObjects), so that the
extraction can count and log them.

This module copies pdfminer internals, so it runs only on the pdfminer it was checked against:
``upstream.fast_path_available()`` (see ``upstream.py`` and "The fast path" in
``docs/architecture.md``).
"""

from __future__ import annotations

import re

from pdfminer import settings
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, keyword_name, literal_name

from .upstream import fast_path_available

_DELIMS = rb"#/%\[\]()<>{}\s"
_STRING_BODY = rb"(?:[^()\\]|\\.)"
#: Every token of a content stream, as pdfminer's ``PSBaseParser`` splits it (whitespace and NUL
#: between tokens are skipped; ``[^\s\x00]`` at the end takes any other byte on its own, so nothing
#: else is ever skipped). Strings nest up to three levels here; deeper ones fall back.
_TOKEN = re.compile(
    rb"[+\-]?[0-9]+(?![0-9.])|[+\-]?[0-9]*\.[0-9]*|[+\-]"
    rb"|[A-Za-z][^" + _DELIMS + rb"]*"
    rb"|/(?:[^" + _DELIMS + rb"]|\#[0-9a-fA-F]{0,2})*"
    rb"|\((?:" + _STRING_BODY + rb"|\((?:" + _STRING_BODY + rb"|\(" + _STRING_BODY + rb"*\))*\))*\)"
    rb"|<<|>>"
    rb"|<[0-9a-fA-F\s]*(?=[^0-9a-fA-F\s])"
    rb"|%[^\r\n]*"
    rb"|[^\s\x00]",
    re.S,
)
#: What may follow the last ``<`` of a stream whose hex string is still open: pdfminer reads on.
_OPEN_HEX = re.compile(rb"[0-9a-fA-F\s]*")
_END_STRING = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_SPACE = re.compile(rb"\s")
_NAME_HEX = re.compile(rb"#([0-9a-fA-F]{0,2})")
_ESCAPES = {ord(k): v for k, v in zip("btnfr()\\", b"\x08\t\n\x0c\r()\\", strict=True)}
#: Distinct atoms remembered (numbers, keywords, names) before the memo starts afresh.
ATOM_MEMO_LIMIT = 200_000
#: Operators whose method lookup is remembered.
METHOD_MEMO_LIMIT = 10_000

#: Why a content stream went to pdfminer's parser although the fast path is on.
STRICT_MODE = "pdfminer STRICT mode"
UPSTREAM_CHANGED = "pdfminer changed (fast path off)"


class Fallback(Exception):
    """The stream needs pdfminer's own parser to be read exactly as pdfminer reads it."""


class _Mark:
    """A token that is not an operand: the start or end of an array, dict or procedure, or nothing."""

    def __init__(self, name: str):
        self.name = name


OPEN_ARRAY, CLOSE_ARRAY = _Mark("a"), _Mark("a")
OPEN_DICT, CLOSE_DICT = _Mark("d"), _Mark("d")
OPEN_PROC, CLOSE_PROC = _Mark("p"), _Mark("p")
NOTHING = _Mark("")  # "-", "+.", a lone ">": pdfminer drops them
INLINE = _Mark("BI")  # BI, and an ID that pdfminer drops when no BI came first
_OPENS = {OPEN_ARRAY, OPEN_DICT, OPEN_PROC}
_PRESET = {
    b"[": OPEN_ARRAY,
    b"]": CLOSE_ARRAY,
    b"<<": OPEN_DICT,
    b">>": CLOSE_DICT,
    b"{": OPEN_PROC,
    b"}": CLOSE_PROC,
    b">": NOTHING,
    b"true": True,
    b"false": False,
    b"BI": INLINE,
    b"ID": INLINE,
}
_atoms: dict = dict(_PRESET)


def _atom(token: bytes):
    """A number, keyword, name or one-character keyword, as pdfminer makes it."""
    first = token[0]
    if first == 0x2F:  # "/"
        raw = token[1:]
        if b"#" in raw:
            raw = _NAME_HEX.sub(lambda m: bytes((int(m[1], 16),)) if m[1] else b"", raw)
        try:
            return LIT(str(raw, "utf-8"))
        except UnicodeDecodeError:
            return LIT(raw)
    if first in b"+-.0123456789":
        try:
            return float(token) if b"." in token else int(token)
        except ValueError:
            return NOTHING
    return KWD(token)


def _string(data: bytes, i: int) -> tuple[bytes, int]:
    """A literal string starting after its ``(`` at ``i``: (value, position after ``)``)."""
    out = bytearray()
    depth = 1
    while True:
        match = _END_STRING.search(data, i)
        if match is None:
            raise Fallback("unterminated string")
        j = match.start()
        out += data[i:j]
        char = data[j]
        if char == 0x5C:  # backslash (the token pattern guarantees a character after it)
            k = j + 1
            octal = _OCTAL.match(data, k)
            if octal is not None:
                code = int(octal.group(), 8)
                if code > 255:
                    raise Fallback("octal escape above 255")  # pdfminer fails an assertion
                out.append(code)
                i = octal.end()
            elif data[k] in _ESCAPES:
                out.append(_ESCAPES[data[k]])
                i = k + 1
            elif data[k] == 0x0D and data[k + 1 : k + 2] == b"\n":
                raise Fallback("backslash CR LF")  # pdfminer's result depends on its buffer
            else:
                i = k + 1  # pdfminer drops an unknown escaped character
        elif char == 0x28:
            depth += 1
            out.append(char)
            i = j + 1
        else:
            depth -= 1
            if not depth:
                return bytes(out), j + 1
            out.append(char)
            i = j + 1


def _hexstring(raw: bytes) -> bytes:
    digits = _SPACE.sub(b"", raw)
    if len(digits) % 2:
        return bytes.fromhex(digits[:-1].decode()) + bytes((int(digits[-1:], 16),))
    return bytes.fromhex(digits.decode())


def _check_end(data: bytes, tokens: list, final: bool) -> None:
    """Fall back where pdfminer would carry a token over into the next stream (or drop it)."""
    start = data.rfind(b"<")
    if (start >= 0 and _OPEN_HEX.fullmatch(data, start + 1)) or (not final and data[-1:] in (b"<", b">")):
        raise Fallback("stream ends inside a token")
    if tokens:
        token = tokens[-1]
        if token[0] == 0x2F and data.endswith(token) and (token == b"/" or b"#" in token[-3:]):
            raise Fallback("name at the end of a stream")


def parse_streams(datas: list[bytes]) -> list:
    """The objects pdfminer's ``PDFContentParser.nextobject`` returns for these stream contents.

    Raises ``Fallback`` where only pdfminer's own parser gives pdfminer's answer.
    """
    global _atoms
    if len(_atoms) > ATOM_MEMO_LIMIT:
        _atoms = dict(_PRESET)
    atoms = _atoms
    out: list = []
    context: list = []  # (kind, stack) of the enclosing arrays / dicts / procedures
    kind = None
    stack = out
    last = len(datas) - 1
    for index, data in enumerate(datas):
        tokens = _TOKEN.findall(data)
        _check_end(data, tokens, index == last)
        for token in tokens:
            value = atoms.get(token)
            if value is None:
                first = token[0]
                if first == 0x28:  # "("
                    if len(token) == 1:
                        raise Fallback("unterminated or deeply nested string")
                    body = token[1:-1]
                    if b"\\" in token or b"(" in body:
                        body = _string(token, 1)[0]
                    stack.append(body)
                    continue
                if first == 0x3C:  # "<" (a hex string; "<<" is preset)
                    stack.append(_hexstring(token[1:]))
                    continue
                if first == 0x25:  # "%" comment
                    continue
                value = atoms[token] = _atom(token)
            if value.__class__ is not _Mark:
                stack.append(value)
            elif value in _OPENS:
                context.append((kind, stack))
                kind = value.name
                stack = []
            elif value is NOTHING:
                continue
            elif value is INLINE:
                raise Fallback("inline image")
            elif kind == value.name:  # a matching end; pdfminer ignores any other
                objs = stack
                kind, stack = context.pop()
                if value is CLOSE_DICT:
                    if len(objs) % 2:
                        raise Fallback("odd dictionary")  # pdfminer raises PSSyntaxError
                    objs = {literal_name(objs[i]): objs[i + 1] for i in range(0, len(objs), 2)}
                stack.append(objs)
    return out


class FastInterpreter(PDFPageInterpreter):
    """``PDFPageInterpreter`` with the content stream read by ``parse_streams``.

    ``fallbacks`` collects the reason of every ``execute`` (a page's contents or a form XObject)
    left to pdfminer's own parser; the sub-interpreters of form XObjects share the list.
    """

    _methods: dict = {}

    def __init__(self, rsrcmgr, device, fallbacks: list[str] | None = None):
        super().__init__(rsrcmgr, device)
        self.fallbacks: list[str] = [] if fallbacks is None else fallbacks

    def dup(self) -> FastInterpreter:
        return self.__class__(self.rsrcmgr, self.device, self.fallbacks)

    def execute(self, streams) -> None:
        if settings.STRICT:
            reason = STRICT_MODE
        elif not fast_path_available():
            reason = UPSTREAM_CHANGED
        else:
            try:
                objects = self._parse(streams)
            except MemoryError:
                raise
            except Fallback as exc:
                reason = str(exc)
            except Exception as exc:  # a stream that fails to decode: pdfminer's way, errors and all
                reason = f"{type(exc).__name__} while reading the stream"
            else:
                self._run(objects)
                return
        self.fallbacks.append(reason)
        super().execute(streams)

    def _parse(self, streams) -> list:
        # The same circular-reference guard as PDFPageInterpreter.execute, which the fallback repeats.
        datas = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                continue
            self.stream_ids.add(stream.objid)
            datas.append(stream.get_data())
        return parse_streams(datas)

    def _run(self, objects: list) -> None:
        methods = self._methods
        cls = type(self)
        stack = self.argstack
        for obj in objects:
            if obj.__class__ is not PSKeyword:
                stack.append(obj)
                continue
            entry = methods.get((cls, obj))
            if entry is None:
                if len(methods) > METHOD_MEMO_LIMIT:  # a stream of made-up operators
                    methods.clear()
                entry = methods[(cls, obj)] = self._lookup(obj)
            func, nargs = entry
            if func is None:
                continue
            if nargs:
                if len(stack) < nargs:
                    stack.clear()  # pdfminer pops what there is and skips the operator
                    continue
                args = stack[-nargs:]
                del stack[-nargs:]
                self.argstack = stack
                func(self, *args)
            else:
                self.argstack = stack
                func(self)
            stack = self.argstack  # some operators pop further operands themselves
        self.argstack = stack

    def _lookup(self, keyword: PSKeyword):
        name = keyword_name(keyword)
        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        func = getattr(type(self), method, None)
        if func is None or not hasattr(self, method):
            return None, 0
        return func, func.__code__.co_argcount - 1
