"""Strict parsing of public query-string values, shared by every public view.

``str.isdigit()`` accepts "²" and "①", which ``int()`` then rejects; ``int()`` accepts " 12 ",
"١٢" and numbers too large for any column. Public views read numbers through :func:`parse_int`,
which accepts ASCII digits only, within bounds, and answers None for anything else.
"""

import re

_ASCII_DIGITS = re.compile(r"[0-9]{1,9}")


def parse_int(value, minimum: int = 0, maximum: int = 10**9) -> int | None:
    """``value`` as an int when it is 1–9 ASCII digits within [minimum, maximum], else None."""
    if not isinstance(value, str) or not _ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


#: Years a regulation can carry (a PositiveSmallIntegerField holds up to 32767).
MIN_YEAR, MAX_YEAR = 1, 9999


def parse_year(value) -> int | None:
    """A year from the query string, or None."""
    return parse_int(value, MIN_YEAR, MAX_YEAR)
