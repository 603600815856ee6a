"""Coverage messages as data: a message id and its parameters, turned into text where shown.

Pure: no Django import. Rules never build sentences. A finding carries a *message id* (the
Indonesian sentence itself, a ``%``-format string, which is also its gettext msgid) and a dict of
*parameters* that is JSON-serialisable, so the ``Finding`` table stores both as they are.
:func:`render` turns the pair into text with a translation function; the Django side
(:mod:`registry.coverage.display`) passes ``gettext``, so text is translated when it is shown, in the
reader's language. Without a translation function the Indonesian msgid is used as it is.

**Message ids.** An id with parameters is ``%``-formatted with them; an id without parameters is
used verbatim and must not contain ``%%``. Mark every id with :func:`gettext_noop` where it is
written, so ``makemessages`` finds it (xgettext matches the function name).

**Parameters.** A parameter value is either

* a JSON scalar (``str`` or ``int``): data inserted verbatim, never translated (a count, an ISO
  date, a pasal, the matter of a regulation as written in it); or
* a dict with exactly one key, its *kind*, for anything that itself needs translating:

  - ``{"components": [code, …]}``: Standar Pelayanan components, numbered and labelled
    ("3. Jangka waktu pelayanan, 14. Evaluasi kinerja pelaksana");
  - ``{"regulations": [ref, …]}``: regulations by their label ("Peraturan Wali Kota Nomor 7
    Tahun 2024, …");
  - ``{"regulation_titles": [ref, …]}``: regulations by their full title (label, "tentang" and
    the matter);
  - ``{"message": {"id": msgid, "params": {…}}}``: a nested message, rendered by the same rules.

  A *ref* is ``{"jenis": …, "nomor": …, "tahun": …}`` plus ``"tentang"`` for full titles: the
  regulation's own data, combined with the translatable patterns :data:`REGULATION_LABEL` and
  :data:`REGULATION_TITLE` only when rendered. Build parameters with the helpers below.

Unknown kinds and component codes render as their raw value rather than failing: stored findings
outlive code changes until the next recompute.
"""

from collections.abc import Callable, Iterable, Mapping

from registry.reference import components

Translate = Callable[[str], str]


def gettext_noop(message: str) -> str:
    """Mark ``message`` as a msgid for ``makemessages`` and return it unchanged."""
    return message


#: How a regulation is named in findings (``jenis``, ``nomor`` and ``tahun`` of a ref).
REGULATION_LABEL = gettext_noop("%(jenis)s Nomor %(nomor)s Tahun %(tahun)s")
#: A regulation's full title: its label and what it is about.
REGULATION_TITLE = gettext_noop("%(label)s tentang %(tentang)s")

COMPONENTS = "components"
REGULATIONS = "regulations"
REGULATION_TITLES = "regulation_titles"
MESSAGE = "message"


def _identity(message: str) -> str:
    return message


# --- building parameters (used by the rules) ---------------------------------------------------------


def components_param(codes: Iterable[str]) -> dict:
    """A parameter that renders as the numbered labels of these components."""
    return {COMPONENTS: list(codes)}


def regulations_param(refs: Iterable[Mapping]) -> dict:
    """A parameter that renders as the labels of these regulations, comma-separated."""
    return {REGULATIONS: [{k: ref[k] for k in ("jenis", "nomor", "tahun")} for ref in refs]}


def titles_param(refs: Iterable[Mapping]) -> dict:
    """A parameter that renders as the full titles of these regulations, comma-separated."""
    return {REGULATION_TITLES: [dict(ref) for ref in refs]}


def message_param(message_id: str, params: Mapping | None = None) -> dict:
    """A parameter that renders as another message."""
    return {MESSAGE: {"id": message_id, "params": dict(params or {})}}


# --- rendering ---------------------------------------------------------------------------------------


def regulation_label(ref: Mapping, translate: Translate = _identity) -> str:
    """ "Peraturan Wali Kota Nomor 7 Tahun 2024"."""
    return translate(REGULATION_LABEL) % {"jenis": ref["jenis"], "nomor": ref["nomor"], "tahun": ref["tahun"]}


def regulation_title(ref: Mapping, translate: Translate = _identity) -> str:
    """The label followed by "tentang …" when the ref has a matter."""
    label = regulation_label(ref, translate)
    if not ref.get("tentang"):
        return label
    return translate(REGULATION_TITLE) % {"label": label, "tentang": ref["tentang"]}


def component_list(codes: Iterable[str], translate: Translate = _identity) -> str:
    """ "3. Jangka waktu pelayanan, 14. Evaluasi kinerja pelaksana" (numbered as in PermenPANRB 15/2014)."""
    parts = []
    for code in codes:
        record = components.BY_CODE.get(code)
        parts.append(f"{record.number}. {translate(record.label)}" if record else str(code))
    return ", ".join(parts)


def render_param(value, translate: Translate = _identity):
    """One parameter as text (typed values) or as it is (scalars)."""
    if not isinstance(value, dict) or len(value) != 1:
        return value
    ((kind, data),) = value.items()
    if kind == COMPONENTS:
        return component_list(data, translate)
    if kind == REGULATIONS:
        return ", ".join(regulation_label(ref, translate) for ref in data)
    if kind == REGULATION_TITLES:
        return ", ".join(regulation_title(ref, translate) for ref in data)
    if kind == MESSAGE:
        return render(data["id"], data.get("params"), translate)
    return value


def render(message_id: str, params: Mapping | None = None, translate: Translate = _identity) -> str:
    """The text of a message: ``translate(message_id) % params``, with typed parameters rendered."""
    text = translate(message_id) if message_id else ""
    if not params:
        return text
    return text % {name: render_param(value, translate) for name, value in params.items()}
