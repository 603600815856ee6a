"""What the public service page shows, computed once per request in a constant number of queries.

``ServicePage.get_context`` hands its context to :func:`service_context`. Only the six
service-delivery components of the Standar Pelayanan are public (domain §4.2); the manufacturing
components 8–14 never reach the public context. The legal basis is loaded with its regulations in a
single query, so a service with twenty bases costs as many queries as one with a single basis.
"""

from django.utils.translation import gettext as _

from registry.reference.services import CHANNEL_ONLINE
from registry.regulations import effective
from registry.regulations.provision_links import load_article_anchors
from registry.visibility import hidden_section_paths, visible_among

from .components import Component
from .cost import cost_display, format_rupiah

__all__ = ["cost_display", "format_rupiah", "service_context"]


def public_legal_bases(page) -> list:
    """The service's legal-basis links whose regulation the public may see, in editor order."""
    hidden = hidden_section_paths()
    return [basis for basis in page.legal_bases_for_display if visible_among(basis.regulation, hidden)]


def legal_basis_as_of(legal_bases, request) -> dict:
    """``?berlaku_pada=YYYY-MM-DD``: each legal basis's regulation gets its status on that date.

    The links are today's; their regulations' statuses (and whether they had taken effect yet) are
    those of the date asked for. A malformed date gives ``as_of_error`` and today's statuses.
    """
    raw = request.GET.get("berlaku_pada") if request is not None else None
    try:
        as_of = effective.parse_as_of(raw)
    except effective.InvalidDate as exc:
        return {"as_of": None, "as_of_error": str(exc)}
    if as_of is None:
        return {"as_of": None}
    statuses = effective.statuses_on({basis.regulation_id for basis in legal_bases}, as_of)
    for basis in legal_bases:
        regulation = basis.regulation
        regulation.as_of_status = statuses.get(regulation.pk, regulation.status)
        regulation.as_of_status_label = effective.status_label(regulation.as_of_status)
    return {
        "as_of": as_of,
        "as_of_line": _("Dasar hukum sebagaimana berlaku pada %(date)s")
        % {"date": effective.format_date(as_of)},
    }


def service_context(page, context: dict, request=None) -> dict:
    """Add the public Standar Pelayanan of ``page`` (components 1–6, legal basis, SOP) to ``context``."""
    legal_bases = public_legal_bases(page)
    # Where each provision link lands (its anchor, or the official source): one query for all.
    load_article_anchors([basis.regulation for basis in legal_bases])
    context.update(legal_basis_as_of(legal_bases, request))
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    sops = list(page.sops.select_related("regulation__regulation_type", "document").order_by("sort_order"))
    requirements = list(page.requirements.all())
    tariffs = list(page.tariffs.all())
    channels = list(page.channels.all())
    context.update(
        {
            "breadcrumbs": [ancestor for ancestor in ancestors if ancestor.live],
            "opd": next((a for a in ancestors if a.depth == page.depth - 1 and a.live), None),
            "requirements": requirements,
            "mandatory_count": sum(1 for item in requirements if item.mandatory and not item.condition),
            "conditional_count": sum(1 for item in requirements if item.condition),
            "steps": list(page.steps.all()),
            "cost_display": cost_display(page, tariffs),
            "tariffs": tariffs,
            "cost_bases": [basis for basis in legal_bases if basis.component == Component.BIAYA],
            "forms": [form for form in page.forms.select_related("document") if form.document_id],
            "complaint_channels": list(page.complaint_channels.all()),
            "channels": channels,
            "places": [channel for channel in channels if channel.kind != CHANNEL_ONLINE],
            "legal_bases": legal_bases,
            "sops": sops,
        }
    )
    return context
