"""``{% provision_link regulation provision %}``: the one way a page links to a provision of a regulation."""

from django import template

from .. import provision_links

register = template.Library()


@register.inclusion_tag("includes/provision_link.html", takes_context=True)
def provision_link(context, regulation, provision="", anchor="", label=""):
    """A link to ``provision`` ("Pasal 5") of ``regulation`` that lands where the text has it.

    The regulation's title links to its page, at the provision's anchor when the text has it. When
    the regulation has no text, the provision says "Naskah belum tersedia · baca di situs resmi" and
    links to the official source. ``label`` replaces the regulation's short title.
    """
    target = provision_links.resolve(regulation, provision, anchor)
    return {
        "regulation": regulation,
        "url": regulation.get_url(request=context.get("request")),
        "label": label or regulation.short_title(),
        "provision": provision,
        "target": target,
    }
