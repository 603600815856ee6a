"""Content-Security-Policy on HTML pages, through django-csp.

The public site gets ``CONTENT_SECURITY_POLICY`` as it stands: scripts and styles from our own origin
only, no inline code at all (the public templates have none), no framing. The Wagtail admin still
renders inline ``<script>`` blocks (InlinePanel, date pickers, choosers) and ``style`` attributes,
so pages under the admin prefix get ``REGISTRY_ADMIN_CONTENT_SECURITY_POLICY`` instead: the same
policy with ``'unsafe-inline'`` for scripts and styles and framing by our own origin. A preview
(Wagtail's dummy request for a page's public URL, shown in a frame of the admin) keeps the public
policy, framing by our own origin excepted.

Only HTML responses carry the header: a PDF, a JSON feed or a CSS file has nothing it would protect,
and Chromium's PDF viewer is an embedded plugin that ``object-src 'none'`` would block.
"""

from functools import cache

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix() -> str:
    """The path under which Wagtail's admin lives ("/admin/")."""
    return reverse("wagtailadmin_home")


def is_admin_path(path: str) -> bool:
    """Whether ``path`` belongs to the Wagtail admin."""
    return path.startswith(admin_prefix())


def is_html(response) -> bool:
    """Whether the response is an HTML document."""
    return response.get("Content-Type", "").split(";", 1)[0].strip().lower() == "text/html"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy, on HTML responses only."""

    def process_response(self, request, response):
        if not is_html(response):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.REGISTRY_ADMIN_CONTENT_SECURITY_POLICY)
        elif getattr(request, "is_dummy", False):
            # Wagtail renders a preview by sending a dummy request for the page's public URL through
            # the middleware; the admin shows the result in a frame of its own.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
