"""The pdfminer code the fast path copies or relies on, and the guard that checks it is unchanged.

``fastparse.py`` re-implements pdfminer's content-stream parser and copies the loop of
``PDFPageInterpreter.execute``; ``lines.py`` re-implements ``render_string_horizontal``,
``render_char`` and ``LTChar``'s box arithmetic. Both are exact only for the pdfminer they were
checked against, so ``UPSTREAM_SOURCE_SHA256`` records the source of each of those pieces as
released in ``CHECKED_PDFMINER_VERSION``. ``fast_path_available()`` compares it with the installed
pdfminer once per process; on any difference the fast path switches itself off (one warning) and
pdfminer's own interpreter and glyph code read the pages, so an upstream fix (a security fix above
all) is never silently bypassed. ``test_extraction_fast_path.py`` fails on the same difference and
says what to re-check.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import inspect
import logging

logger = logging.getLogger(__name__)

#: The pdfminer.six release the fast path was checked against (pyproject.toml pins it).
CHECKED_PDFMINER_VERSION = "20260107"
#: pdfminer code the fast path copies or relies on: the sha256 of its source (``source_sha256``) in
#: ``CHECKED_PDFMINER_VERSION``; a class stands for its own methods, a module for its whole source.
#: When pdfminer changes one of them, read the upstream change, carry it over into fastparse.py /
#: lines.py if it matters (security fixes above all), run test_extraction_fastparse.py and
#: ``bench/extract --check``, then record the new hashes (the test's failure message lists them),
#: the new version, and widen the pin in pyproject.toml.
UPSTREAM_SOURCE_SHA256 = {
    # fastparse.parse_streams: the tokeniser and the stack parser, re-implemented as a whole
    # (token rules and regexes, string escapes, PSLiteral/PSKeyword interning, array/dict building).
    "pdfminer.psparser": "169247c80a69cee45f7d132e60944e8488944d2633524bfd2a97f915eefc08bf",
    # fastparse.parse_streams: several streams read as one, inline images, keywords it handles.
    "pdfminer.pdfinterp.PDFContentParser": "ff9a3ebbfe6a11b74175e9efe907aed73ac156adb5f4cc18628e896ac4fafbac",
    # FastInterpreter.execute/_parse/_run: the copied loop (method lookup, argument-stack rules)
    # and the circular-reference guard on stream_ids / parent_stream_ids; FastInterpreter.dup
    # (which subinterp calls for form XObjects) passes the fallback list on.
    "pdfminer.pdfinterp.PDFPageInterpreter.execute": "20909827cdb83ad1c49936ad6bb640181ac2bff993267df92d946e5dfb3ae2bc",
    "pdfminer.pdfinterp.PDFPageInterpreter.__init__": "09ed0bbc84eff324dfaf793f09224917f31c18ef6e9038a335d36088bb966ee7",
    "pdfminer.pdfinterp.PDFPageInterpreter.dup": "b86c23e1fbdb8fde2c22dd4e665022dc8c74f271b66e1c6f6cbbaa3443efdb75",
    "pdfminer.pdfinterp.PDFPageInterpreter.init_state": "7e6fad9bdb98c5972960b55c61d5e2e5bc0dfe814dabfbeb53f3546d5314c05e",
    "pdfminer.pdfinterp.PDFPageInterpreter.push": "952ea757a3582f96ac2a76cb295b8ac3af5cc3a1c2db251193b1caee4898a577",
    "pdfminer.pdfinterp.PDFPageInterpreter.pop": "e410a84afb34869e7128ae449735b0e3b10096283eaefc712973f4d5e6b767ea",
    # lines.LineDevice: render_string calls render_string_horizontal with 12 arguments, which
    # LineDevice re-implements together with render_char and LTChar's box arithmetic.
    "pdfminer.converter.PDFLayoutAnalyzer.render_string": "a86126216a21eaa90a49b00199d23049b22d49ce03badd5c0b91ad52c6077b3a",
    "pdfminer.converter.PDFLayoutAnalyzer.render_string_horizontal": "c52ab08b8417e394166478ba1b3bf4d90da3516a14da548d2a3ac35f72d832c6",
    "pdfminer.converter.PDFLayoutAnalyzer.render_char": "46aa7d7858ff406a298ea16259f855a9c120e98abb55b4ce1cd9de302cf4d8c8",
    "pdfminer.layout.LTChar.__init__": "95698f8d55dba6ca08c5d7427b8e8c3fa46f50bd08b6189e8cd01b6a21f32e5e",
    "pdfminer.utils.translate_matrix": "6552cdb71674da7062c9f77d3762fb09e0f0d741a837800c4b363c1dfb3f2df6",
    "pdfminer.utils.apply_matrix_pt": "fdb14ef75fa17285a6cc7503179aac9cd6a191ecf204900545cd9895e1169421",
    "pdfminer.utils.apply_matrix_rect": "d38e2c5d6670a2496d8a91619a9b13145c06ecc911a379161a66b7f1fe0a8285",
}

_changed: list[str] | None = None  # names whose installed source differs, once computed
_warned = False


def _resolve(name: str):
    """The module, class or function a dotted name stands for (attributes follow the MRO)."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            obj = getattr(obj, part)
        return obj
    raise ImportError(name)


def source_sha256(name: str) -> str | None:
    """The sha256 of the installed source of ``name``; None when it cannot be read.

    A class stands for its own functions, in definition order (``inspect.getsource`` of a whole
    class parses its module, ten times slower); its other attributes are not covered.
    """
    try:
        obj = _resolve(name)
        if inspect.isclass(obj):
            functions = [inspect.unwrap(value) for value in vars(obj).values() if inspect.isfunction(value)]
            source = "".join(inspect.getsource(function) for function in functions)
        else:
            source = inspect.getsource(obj)
    except Exception:  # unreadable source counts as changed: the safe side
        return None
    return hashlib.sha256(source.encode()).hexdigest()


def upstream_changes() -> list[str]:
    """The names of ``UPSTREAM_SOURCE_SHA256`` whose installed source differs (computed once)."""
    global _changed
    if _changed is None:
        _changed = [name for name, digest in UPSTREAM_SOURCE_SHA256.items() if source_sha256(name) != digest]
    return _changed


def fast_path_available() -> bool:
    """Whether the installed pdfminer is the one the fast path was checked against.

    Logs one warning per process when it is not; the callers then use pdfminer's own code.
    """
    global _warned
    changed = upstream_changes()
    if changed and not _warned:
        _warned = True
        logger.warning(
            "pdfminer.six %s differs from %s, which the fast PDF path was checked against (%s): "
            "using pdfminer's own interpreter and glyph code, about five times slower. "
            "See %s.",
            pdfminer_version(),
            CHECKED_PDFMINER_VERSION,
            ", ".join(changed),
            __name__,
        )
    return not changed


def pdfminer_version() -> str:
    """The installed pdfminer.six version, or "?"."""
    try:
        return importlib.metadata.version("pdfminer.six")
    except importlib.metadata.PackageNotFoundError:
        return "?"
