"""When regulations and the relations between them take effect, and the law as it stood on a date.

A relation (mencabut, mengubah …) takes effect when its *source* regulation does: on its tanggal
berlaku, else its tanggal pengundangan, else its tanggal penetapan (a Keputusan takes effect on
signing), else on 1 January of its year. Before that date the target keeps its status and its page
says "akan dicabut/diubah mulai …"; the daily job ``apply_effective_relations`` (registry/ops)
stores the new status on the date itself.

Which relations count is the rule of :mod:`registry.regulations.status`: those declared by live
(published) regulations. Every "today" in the registry's date logic comes from :func:`today`, so a
test can move time (time-machine) and see the law change.

Public API (for other apps):

* :func:`today` — the city's date (``TIME_ZONE``);
* :func:`start_date` / :func:`effective_date` / :func:`relation_in_effect` — dates of one regulation
  or relation;
* :func:`status_on` — a regulation's status on a date (:data:`NOT_YET` before it takes effect);
* :func:`statuses_on` — the same for many regulations in two queries;
* :func:`in_force_ids` — the regulations in force on a date;
* :func:`relations_taking_effect` — the relations that take effect between two dates (the daily job);
* :func:`go_live_for` — the scheduled publication time for a tanggal pengundangan;
* :func:`parse_as_of` — read a ``YYYY-MM-DD`` query parameter, with an Indonesian error.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import IN_FORCE, RelationKind, Status


def _model(name: str):
    """A regulations model, looked up by name: the models import this module (through the page
    context), so it cannot import them back."""
    from django.apps import apps

    return apps.get_model("regulations", name)


# When several relations point at one regulation, the strongest one decides its status.
_STATUS_BY_KIND = {
    RelationKind.MENCABUT: Status.DICABUT,
    RelationKind.MENCABUT_SEBAGIAN: Status.DICABUT_SEBAGIAN,
    RelationKind.MENGUBAH: Status.DIUBAH,
    RelationKind.MENGUBAH_SEBAGIAN: Status.DIUBAH,
}
_PRECEDENCE = [Status.DICABUT, Status.TIDAK_BERLAKU, Status.DICABUT_SEBAGIAN, Status.DIUBAH, Status.BERLAKU]


def derive_status(incoming_kinds, declared_not_in_force: bool = False) -> str:
    """Return the status implied by the kinds of the incoming relations and the editor's declaration."""
    candidates = {_STATUS_BY_KIND[kind] for kind in incoming_kinds if kind in _STATUS_BY_KIND}
    if declared_not_in_force:
        candidates.add(Status.TIDAK_BERLAKU)
    for status in _PRECEDENCE:
        if status in candidates:
            return status
    return Status.BERLAKU


#: The status of a regulation on a date before it takes effect (not a stored status).
NOT_YET = "belum_berlaku"
NOT_YET_LABEL = gettext_lazy("Belum berlaku")

#: The columns :func:`start_date` reads, for ``values()`` queries (prefix them for a relation).
DATE_FIELDS = ("tanggal_berlaku", "tanggal_pengundangan", "tanggal_penetapan", "tahun")


def today() -> date:
    """The city's date: the one place the registry's date logic asks what day it is.

    Read in the site's time zone (``TIME_ZONE``), not an editor's preferred one, so that "today"
    does not depend on who is logged in.
    """
    return timezone.localdate(timezone=timezone.get_default_timezone())


def start_from_values(berlaku, pengundangan, penetapan, tahun) -> date | None:
    """:func:`start_date` from the :data:`DATE_FIELDS` values of a ``values_list()`` row."""
    first = berlaku or pengundangan or penetapan
    if first is not None:
        return first
    return date(tahun, 1, 1) if tahun else None


def start_date(regulation) -> date | None:
    """The day ``regulation`` takes effect: berlaku, else pengundangan, else penetapan, else 1 January."""
    return start_from_values(
        regulation.tanggal_berlaku,
        regulation.tanggal_pengundangan,
        regulation.tanggal_penetapan,
        regulation.tahun,
    )


def effective_date(relation) -> date | None:
    """The day ``relation`` takes effect: the day its source regulation does."""
    return start_date(relation.source)


def relation_in_effect(relation, on: date | None = None) -> bool:
    """Whether ``relation`` is in effect on ``on`` (today by default)."""
    when = effective_date(relation)
    return when is None or when <= (on or today())


def go_live_for(pengundangan: date | None):
    """When a regulation promulgated on ``pengundangan`` should go live: that day's 00:00 city time.

    None when the date is not in the future (publish at once). Midnight, because the regulation is
    law from the first moment of the day it is promulgated; the ``publish_scheduled`` job (every
    five minutes) makes it live within minutes of that.
    """
    if pengundangan is None or pengundangan <= today():
        return None
    midnight = datetime.combine(pengundangan, time.min)
    return timezone.make_aware(midnight, timezone.get_default_timezone())


def format_date(value) -> str:
    """A date in Indonesian long form ("1 Januari 2027")."""
    return date_format(value, "j F Y") if value else ""


def status_label(code: str) -> str:
    """The Indonesian label of a status on a date (a stored status, or :data:`NOT_YET`)."""
    if code == NOT_YET:
        return str(NOT_YET_LABEL)
    return str(dict(Status.choices).get(code, code))


def _status(kinds, declared: bool) -> str:
    return derive_status(kinds, declared)


def status_on(regulation, on: date | None = None) -> str:
    """``regulation``'s status on ``on`` (today by default), from the relations in effect that day.

    :data:`NOT_YET` before the regulation itself takes effect. The editor's "dinyatakan tidak
    berlaku" carries no date, so it counts on every date.
    """
    return statuses_on([regulation.pk], on)[regulation.pk]


def incoming_kinds_on(target_ids, on: date) -> dict[int, set]:
    """Kinds of the relations in effect on ``on``, by target, from live sources."""
    RegulationRelation = _model("RegulationRelation")

    relations = RegulationRelation.objects.filter(source__live=True)
    if target_ids is not None:
        relations = relations.filter(target_id__in=target_ids)
    kinds = defaultdict(set)
    columns = ("target_id", "kind", *(f"source__{name}" for name in DATE_FIELDS))
    for target_id, kind, *dates in relations.values_list(*columns):
        when = start_from_values(*dates)
        if when is None or when <= on:
            kinds[target_id].add(kind)
    return kinds


def statuses_on(regulation_ids: Iterable[int] | None, on: date | None = None) -> dict[int, str]:
    """The status of each regulation (all when None) on ``on``, by id, in two queries."""
    RegulationPage = _model("RegulationPage")

    on = on or today()
    ids = None if regulation_ids is None else list(regulation_ids)
    rows = RegulationPage.objects.all()
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    kinds = incoming_kinds_on(ids, on)
    result = {}
    for pk, declared, *dates in rows.values_list("pk", "declared_not_in_force", *DATE_FIELDS):
        when = start_from_values(*dates)
        if when is not None and when > on:
            result[pk] = NOT_YET
        else:
            result[pk] = _status(kinds.get(pk, ()), declared)
    return result


def in_force_ids(on: date, queryset=None) -> list[int]:
    """The ids of the regulations (of ``queryset``, all by default) in force on ``on``."""
    RegulationPage = _model("RegulationPage")

    queryset = RegulationPage.objects.all() if queryset is None else queryset
    # All statuses in one pass: cheaper than an IN list of every id, and the same two queries.
    statuses = statuses_on(None, on)
    ids = list(queryset.values_list("pk", flat=True))
    return [pk for pk in ids if statuses.get(pk) in IN_FORCE]


def relations_taking_effect(after: date | None, until: date) -> list[tuple[int, int]]:
    """(source_id, target_id) of the live sources' relations taking effect in ``(after, until]``.

    ``after=None`` means every relation in effect by ``until``.
    """
    RegulationRelation = _model("RegulationRelation")

    columns = ("source_id", "target_id", *(f"source__{name}" for name in DATE_FIELDS))
    found = []
    for source_id, target_id, *dates in RegulationRelation.objects.filter(source__live=True).values_list(
        *columns
    ):
        when = start_from_values(*dates)
        if when is None or when > until:
            continue
        if after is None or when > after:
            found.append((source_id, target_id))
    return found


def pending_relations(relations, on: date | None = None) -> list:
    """Those of ``relations`` not yet in effect on ``on`` (today by default)."""
    on = on or today()
    return [rel for rel in relations if not relation_in_effect(rel, on)]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class InvalidDate(ValueError):
    """A date parameter that is not a real YYYY-MM-DD date; ``str()`` is the Indonesian message."""


def parse_as_of(value: str | None) -> date | None:
    """Read a ``YYYY-MM-DD`` parameter; None when empty; :class:`InvalidDate` when malformed."""
    value = (value or "").strip()
    if not value:
        return None
    parsed = None
    if _ISO_DATE.fullmatch(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:  # 2023-02-30
            parsed = None
    if parsed is None or parsed.year < 1900:
        raise InvalidDate(
            _(
                "Tanggal “%(value)s” tidak dikenali. Tulis tanggal dengan format TTTT-BB-HH, "
                "misalnya 2023-03-01."
            )
            % {"value": value[:40]}
        )
    return parsed
