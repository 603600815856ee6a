"""Template tags for operations: the request id on error pages."""

from django import template

from ..requestid import current_request_id

register = template.Library()


@register.simple_tag
def request_id() -> str:
    """The id of the request being served ("" outside a request): ``{% request_id as ref %}``."""
    return current_request_id()
