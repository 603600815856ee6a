"""``{% page_updated_at as updated %}``: when the page being shown was last published."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_updated_at(context):
    """The page's ``last_published_at`` (else its latest revision's date), or None off a Wagtail page.

    Views without a page (search, errors) and a paginator's ``page`` give None, so the line is left out.
    """
    page = context.get("page")
    return getattr(page, "last_published_at", None) or getattr(page, "latest_revision_created_at", None)
