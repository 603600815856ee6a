"""django-axes glue: which address a login attempt comes from, and the Indonesian lockout page.

Lockout is keyed on the combination of username and address (``AXES_LOCKOUT_PARAMETERS``), so an
attacker guessing passwords locks only their own attempts at that account, never the real user on
another address, and guessing many accounts from one address locks each pair in turn.
"""

from django.conf import settings
from django.template.response import TemplateResponse


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the one our own reverse proxies put in X-Forwarded-For.

    ``REGISTRY_TRUSTED_PROXY_COUNT`` says how many proxies in front of Django append to
    X-Forwarded-For (nginx: ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``). The
    client is the entry the outermost of them added, counted from the right; entries further left
    were sent by the client and are not trusted. With no proxy (0), X-Forwarded-For is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = int(getattr(settings, "REGISTRY_TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return remote
    return forwarded[-count] if len(forwarded) >= count else forwarded[0]


def cooloff_minutes() -> int:
    """The lockout duration in whole minutes (at least one)."""
    cooloff = settings.AXES_COOLOFF_TIME
    seconds = cooloff.total_seconds() if cooloff else 0
    return max(1, round(seconds / 60))


def lockout_response(request, original_response=None, credentials=None):
    """The page shown when a username and address are locked out: HTTP 429 with Retry-After."""
    cooloff = settings.AXES_COOLOFF_TIME
    response = TemplateResponse(
        request,
        "security/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": cooloff_minutes()},
        status=429,
    )
    if cooloff:
        response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response.render()
