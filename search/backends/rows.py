"""Reading hits from the index table, shared by the database engines and their ranking.

``HIT_COLUMNS`` is the select list of ``search_indexentry e`` that :func:`hit_from_row` turns into
a :class:`~search.backends.base.BackendHit`.
"""

from .base import BackendHit

HIT_COLUMNS = (
    "e.doc_id, e.kind, e.title, e.subtitle, e.url, e.body, e.group_key, "
    "e.jenis_label, e.tahun, e.status, e.status_label, e.opd_label"
)


def hit_from_row(row, score=None) -> BackendHit:
    """A hit from one row of ``HIT_COLUMNS``, with ``score`` (0 when the engine does not rank)."""
    doc_id, kind, title, subtitle, url, body, group, jenis_label, tahun, status, status_label, opd_label = row
    return BackendHit(
        doc_id=doc_id,
        kind=kind,
        title=title,
        subtitle=subtitle,
        url=url,
        body=body,
        score=float(score or 0.0),
        group=group,
        jenis_label=jenis_label,
        tahun=tahun,
        status=status,
        status_label=status_label,
        opd_label=opd_label,
    )
