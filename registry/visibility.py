"""The one rule for what the public may see, used by every public output.

A page is **public** when it and every ancestor are live and none of them carries a view
restriction (login, password or groups). Pages served through routable views, search results and
passages, autocomplete, the JDIHN feed, documents under ``/dokumen/``, listings and every later feed,
sitemap or API ask this module, never ``live()`` alone: ``live()`` says nothing about a restricted
section or an unpublished parent.

Two forms of the rule:

* :func:`public_pages` / :func:`public_q` filter querysets (what may be listed or indexed for
  anybody, whoever is asking);
* :func:`serve_page` serves one page to one request with Wagtail's own restriction checks, so a
  logged-in user (or one who gave the password) still reads a page they may see.

Outputs derived from pages (the search index) follow changes through the signals that
:func:`subtree_pks` helps to wire: publishing, unpublishing, moving a page, and adding or removing a
view restriction refresh the page and everything below it.
"""

from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

#: Wagtail's materialised-path step: each tree level adds four characters to ``Page.path``.
_STEPLEN = Page.steplen


#: Per-request memo of the hidden sections (see :class:`VisibilityCacheMiddleware`); None outside it.
_memo: ContextVar[dict | None] = ContextVar("registri_visibility_memo", default=None)


def _hidden_sections() -> tuple[list[str], list[str]]:
    """(paths hiding their section, of those the unpublished ones), memoised within a safe request."""
    memo = _memo.get()
    if memo is not None and "sections" in memo:
        return memo["sections"]
    rows = (
        Page.objects.filter(Q(view_restrictions__isnull=False) | Q(live=False, numchild__gt=0, depth__gt=1))
        .order_by("path")
        .values_list("path", "live")
        .distinct()
    )
    paths, unpublished = [], []
    for path, live in rows:
        if not paths or paths[-1] != path:
            paths.append(path)
            if not live:
                unpublished.append(path)
    sections = (paths, unpublished)
    if memo is not None:
        memo["sections"] = sections
    return sections


def hidden_section_paths() -> list[str]:
    """Paths of the pages that hide themselves and everything below them (one query per request).

    A page with a view restriction hides its section; so does an unpublished page that has children
    (an unpublished leaf hides only itself, which ``live`` already says). The tree root is never
    live-checked: it is not a page anybody visits.
    """
    return _hidden_sections()[0]


class VisibilityCacheMiddleware:
    """Reads the hidden sections once per GET or HEAD request, however many outputs ask.

    Only safe requests: a POST may restrict a page and re-index it in the same request, and must
    then see the new restriction.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def _prefix_q(prefix: str, paths) -> Q:
    q = Q()
    for path in _outermost(paths):
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def _outermost(paths) -> list[str]:
    """Drop paths inside another listed path: they are hidden already."""
    kept = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def public_q(prefix: str = "", hidden_paths=None) -> Q:
    """A ``Q`` that keeps public pages, for a page model or through a relation (``prefix="page__"``).

    ``hidden_paths`` may be passed in when one request filters several querysets.
    """
    if hidden_paths is None:
        hidden_paths = hidden_section_paths()
    q = Q(**{f"{prefix}live": True})
    hidden = _prefix_q(prefix, hidden_paths)
    return q & ~hidden if hidden else q


def public_pages(queryset, hidden_paths=None):
    """``queryset`` narrowed to public pages: live, with live ancestors and no view restriction."""
    return queryset.filter(public_q(hidden_paths=hidden_paths))


def ancestor_paths(page) -> list[str]:
    """The paths of ``page``'s ancestors below the tree root, nearest last (no query)."""
    return [page.path[:end] for end in range(2 * _STEPLEN, len(page.path), _STEPLEN)]


def ancestors_live(page) -> bool:
    """Whether every ancestor of ``page`` below the tree root is live.

    An unpublished ancestor has children, so it is among the hidden sections (read once a request).
    """
    unpublished = _hidden_sections()[1]
    return not any(page.path.startswith(path) and path != page.path for path in unpublished)


def is_public(page) -> bool:
    """Whether ``page`` is public: live, live ancestors, no view restriction on it or above it."""
    if not page.live:
        return False
    paths = [*ancestor_paths(page), page.path]
    hidden = Page.objects.filter(path__in=paths).filter(
        Q(view_restrictions__isnull=False) | Q(live=False, depth__gt=1)
    )
    return not hidden.exists()


def can_view(request, page) -> bool:
    """Whether ``request`` may read ``page``: public, or its restrictions accept this request."""
    if not page.live or not ancestors_live(page):
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def serve_page(page, request, *args, **kwargs):
    """Serve ``page`` as Wagtail's own ``serve`` view would once a URL has been routed to it.

    Routable index pages that serve a child page (``/peraturan/perwal/2023/12/``) must go through
    here: Wagtail runs ``before_serve_page`` and ``on_serve_page`` (its view-restriction check)
    for the page the URL was routed to, which is the index, not the child.
    """

    def serve_chain(page_, request_, args_, kwargs_):
        return page_.serve(request_, *args_, **kwargs_)

    # Wagtail's restriction check reads the page's ancestors and their restrictions (two queries);
    # when the hidden sections (read once per request) show none at or above the page, it has
    # nothing to refuse, and it is left out.
    from wagtail.wagtail_hooks import check_view_restrictions  # needs the app registry, so not at import

    unrestricted = visible_among(page, hidden_section_paths())
    chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if unrestricted and fn is check_view_restrictions:
            continue
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def refuse_below_unpublished(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: a live page below an unpublished one is not served.

    Wagtail routes through unpublished pages and checks only the page it lands on.
    """
    if not ancestors_live(page):
        raise Http404


def subtree_pks(model):
    """A signal-kwargs → primary keys function: the ``model`` pages at and below the changed page.

    Works for page signals (``instance`` is a page) and for ``PageViewRestriction`` signals
    (``instance`` is the restriction; its page is the top of the affected section).
    """

    def pks(instance=None, **kwargs):
        if instance is None:
            return []
        page_id = instance.page_id if isinstance(instance, PageViewRestriction) else instance.pk
        # Read the path again: after a move the instance may still carry the old one.
        path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
        if path is None:
            return []
        return list(model.objects.filter(path__startswith=path).values_list("pk", flat=True))

    return pks


def _pages_using_document(document):
    """The pages that attach ``document``: through a page's own field or an inline of a page."""
    page_ids = set()
    # include_hidden: the regulation's document fields have related_name="+".
    for rel in document._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one)):
            continue
        model, field_name = rel.related_model, rel.field.name
        rows = model._default_manager.filter(**{field_name: document})
        if issubclass(model, Page):
            page_ids.update(rows.values_list("pk", flat=True))
            continue
        page_field = _page_field(model)
        if page_field is not None:
            page_ids.update(rows.values_list(f"{page_field}_id", flat=True))
    return Page.objects.filter(pk__in=page_ids).specific() if page_ids else Page.objects.none()


def _page_field(model):
    """The name of ``model``'s foreign key to a page (an inline's ``page``), or None."""
    for field in model._meta.concrete_fields:
        if field.is_relation and field.many_to_one and issubclass(field.related_model, Page):
            return field.name
    return None


def document_visible_to(request, document) -> bool:
    """Whether ``request`` may download ``document``.

    Admin users may, as in the admin. Anybody else may when a page they can view attaches it; a
    document that no page attaches (an upload not yet used, or kept for a draft) is not public.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    return any(can_view(request, page) for page in _pages_using_document(document))


def document_needs_login(request, document) -> bool:
    """Whether logging in could let an anonymous ``request`` see ``document``.

    True when a live page attaches it behind a login or groups restriction; a password restriction
    is not lifted by logging in, and a draft is never public.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    for page in _pages_using_document(document):
        if not page.live or not ancestors_live(page):
            continue
        kinds = {restriction.restriction_type for restriction in page.get_view_restrictions()}
        if kinds and kinds <= {PageViewRestriction.LOGIN, PageViewRestriction.GROUPS}:
            return True
    return False


def connect_page_source(source, model) -> None:
    """Keep a search source of ``model`` pages in step with everything that changes who sees them.

    Publishing, unpublishing or moving any page, and adding or removing a view restriction, refresh
    the ``model`` pages at and below it (the refresh indexes a page the public may see and drops
    it otherwise); deleting a page drops its documents.
    """
    pks = subtree_pks(model)
    for signal in (page_published, page_unpublished, post_page_move):
        source.connect(signal, sender=None, pks=pks)
    source.connect(post_save, sender=PageViewRestriction, pks=pks)
    source.connect(post_delete, sender=PageViewRestriction, pks=pks)
    source.connect(post_delete, sender=model)


def visible_among(page, hidden_paths) -> bool:
    """:func:`is_public` without a query, given :func:`hidden_section_paths` (for lists of pages)."""
    return bool(page.live) and not any(page.path.startswith(path) for path in hidden_paths)
