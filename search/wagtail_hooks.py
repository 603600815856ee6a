"""Admin: synonyms as a snippet, and a search status line on the dashboard."""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .health import check
from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    """Synonyms and abbreviations applied to every search."""

    model = Synonym
    icon = "search"
    menu_label = gettext_lazy("Sinonim pencarian")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["terms", "note", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)


def status_line() -> tuple[bool, str]:
    """(all well, one line in Indonesian) for the admin dashboard."""
    parts, ok = [], True
    for report in check():
        if report.ok:
            text = _("%(engine)s aktif, %(n)s dokumen") % {"engine": report.engine, "n": report.documents}
        else:
            ok = False
            text = _("%(engine)s tidak dapat dihubungi") % {"engine": report.engine}
        if report.pending:
            ok = False
            text += _(", %(n)s pembaruan menunggu") % {"n": report.pending}
        parts.append(text)
    return ok, "; ".join(parts)


class SearchStatusPanel(Component):
    """One line on the dashboard: which engines answer and what waits to be indexed."""

    name = "search_status"
    order = 900

    def render_html(self, parent_context=None):
        ok, line = status_line()
        return format_html(
            '<section class="panel" aria-label="{}"><p class="{}"><strong>{}</strong> {}</p></section>',
            _("Status pencarian"),
            "help-block help-info" if ok else "help-block help-warning",
            _("Pencarian:"),
            line,
        )


@hooks.register("construct_homepage_panels")
def add_search_status(request, panels):
    """Show the search status line to editors."""
    panels.append(SearchStatusPanel())
