"""The synonyms managed in the admin, compiled into a :class:`~search.analysis.Thesaurus`."""

import time

from .analysis import Thesaurus

#: Seconds a process keeps its compiled thesaurus before looking at the table again.
TTL = 60.0
_state = {"thesaurus": None, "loaded": 0.0}


def current_thesaurus() -> Thesaurus:
    """The active synonyms, cached for :data:`TTL` seconds (and dropped on every change)."""
    now = time.monotonic()
    if _state["thesaurus"] is None or now - _state["loaded"] > TTL:
        from .models import Synonym

        lines = Synonym.objects.filter(active=True).values_list("terms", flat=True)
        _state["thesaurus"] = Thesaurus.from_lines(lines)
        _state["loaded"] = now
    return _state["thesaurus"]


def invalidate(**kwargs) -> None:
    """Forget the compiled thesaurus (connected to Synonym saves and deletes)."""
    _state["thesaurus"] = None
