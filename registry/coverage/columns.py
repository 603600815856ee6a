"""Table columns for the coverage reports, rendered in Python.

Wagtail's stock columns render one template per cell; on a report page of 100 services that is
hundreds of template renders. These columns build their cell with format_html instead, so a page
costs little more per row than the data itself.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.admin.ui.tables import Column

from . import display
from .rulebase import CoverageStatus


class PlainColumn(Column):
    """A text cell."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        return format_html("<td>{}</td>", "" if value is None else value)


class LinkColumn(Column):
    """The service's title, linking to its edit view in the admin."""

    def render_cell_html(self, instance, parent_context):
        url = reverse("wagtailadmin_pages:edit", args=(instance.service_id,))
        return format_html('<td><a href="{}"><strong>{}</strong></a></td>', url, self.get_value(instance))


class FilterLinkColumn(Column):
    """A cell linking to a report filtered by its row: ``query(row)`` gives the filter (None: no link)."""

    def __init__(self, name, query, url_name="coverage_reports:findings", **kwargs):
        super().__init__(name, **kwargs)
        self.query = query
        self.url_name = url_name

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        params = self.query(instance)
        if params is None:
            return format_html("<td>{}</td>", value)
        url = f"{reverse(self.url_name)}?{urlencode(params)}"
        return format_html('<td><a href="{}">{}</a></td>', url, value)


class StatusColumn(Column):
    """The coverage status as a tag (primary for "lengkap")."""

    def render_cell_html(self, instance, parent_context):
        label = display.status_label(instance.status)
        modifier = " w-status--primary" if instance.status == CoverageStatus.LENGKAP else ""
        return format_html('<td><span class="w-status{}">{}</span></td>', modifier, label)


class FindingsColumn(Column):
    """The findings of a service with their fixes (uses prefetched findings)."""

    def render_cell_html(self, instance, parent_context):
        fix_label = gettext("Perbaikan")
        items = format_html_join(
            "",
            "<li><strong>[{}] {}</strong>: {}<br><em>{}:</em> {}</li>",
            (
                (
                    display.severity_label(item.severity),
                    item.title,
                    display.finding_message(item),
                    fix_label,
                    display.finding_fix(item),
                )
                for item in instance.findings.all()
            ),
        )
        return format_html("<td><ul>{}</ul></td>", items) if items else mark_safe("<td>—</td>")
