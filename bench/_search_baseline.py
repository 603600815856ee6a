"""The naive baseline bench/search compares the search engines with: LIKE (icontains) on every word."""


def _naive_matches(q: str):
    from django.db.models import Q

    from search.analysis import words
    from search.models import IndexEntry

    condition = Q()
    for word in words(q)[:6]:
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    return IndexEntry.objects.filter(condition)


def naive_search(q: str, filters: dict) -> tuple:
    """What a typical JDIH site does, with Django's ORM: icontains on every word over title and body
    of every regulation, passage and service, the filters, the number of results (groups), the first
    page (newest first) and each facet's counts (ignoring the facet's own filter), one query each.
    """
    from django.db.models import Count

    from search.backends.base import FACET_FIELDS

    base = _naive_matches(q)

    def filtered(exclude=None):
        rows = base
        for name, values in filters.items():
            if name != exclude:
                rows = rows.filter(**{f"{name}__in": values})
        return rows

    matches = filtered()
    total = matches.aggregate(n=Count("group_key", distinct=True))["n"]
    page = list(matches.order_by("-tahun", "doc_id").values_list("doc_id", "title", "body")[:10])
    facets = {
        name: list(filtered(name).values(name).annotate(n=Count("group_key", distinct=True)))
        for name in FACET_FIELDS
    }
    return total, page, facets


def naive_count_and_page(q: str) -> tuple:
    """The earlier, lighter baseline (kept for comparison): count and ten rows; no filters, no facets."""
    matches = _naive_matches(q)
    return matches.count(), list(matches.values_list("doc_id", "title")[:10])
