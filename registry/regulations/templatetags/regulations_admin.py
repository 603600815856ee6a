"""Template tags of the regulation admin (the extraction panel and review page)."""

from django import template

from ..extraction.recovery import live_run

register = template.Library()


@register.simple_tag
def live_extraction_run(document):
    """The document's run still going, after sweeping its stale runs (a dead run shows as failed).

    A tag rather than panel code: the panel is imported by the page model, so it must not import
    the extraction machinery, which imports the models.
    """
    return live_run(document) if document is not None else None
