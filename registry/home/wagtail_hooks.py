"""Site-wide visibility hooks: what is served to whom (see :mod:`registry.visibility`)."""

from django.db.models import Q
from django.http import Http404
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.wagtail_hooks import require_wagtail_login

from registry import visibility

#: The page permissions that let a user see a page's drafts in the admin.
_EDITING_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]


@hooks.register("before_serve_page")
def refuse_below_unpublished(page, request, serve_args, serve_kwargs):
    """A live page below an unpublished one is not public (Wagtail checks only the page itself)."""
    return visibility.refuse_below_unpublished(page, request, serve_args, serve_kwargs)


@hooks.register("before_serve_document")
def check_document_pages(document, request):
    """A document is served only to those who may see a page that attaches it."""
    if visibility.document_visible_to(request, document):
        return None
    if visibility.document_needs_login(request, document):
        return require_wagtail_login(next=request.get_full_path())
    raise Http404


@hooks.register("construct_page_chooser_queryset")
def choosable_pages(pages, request):
    """The page chooser lists public pages and the pages the user may edit, nothing else.

    Without this every admin user, the Evaluator included, would read other OPDs' draft,
    unpublished and private titles in the chooser.
    """
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, _EDITING_ACTIONS)
    return pages.filter(visibility.public_q() | Q(pk__in=editable.values("pk")))
