"""Giới hạn tần suất: a small cache-based rate limit per client, shared by the public forms.

The client is the connection's address (REMOTE_ADDR), hashed before it is used as a
cache key, so no address is stored in clear. Behind a proxy, the proxy must set
REMOTE_ADDR (e.g. gunicorn's --forwarded-allow-ips); X-Forwarded-For is not trusted.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR") or "unknown"
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def allow(request, scope: str, limit: int, window: int) -> bool:
    """Count one attempt for this client in `scope`; False once over `limit` per `window` s."""
    key = f"ratelimit:{scope}:{client_key(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def survey_limit() -> tuple[int, int]:
    """(posts, seconds) per client for the survey and feedback forms; default 5 per 10 min."""
    return tuple(getattr(settings, "PUBLIC_FORM_RATE_LIMIT", (5, 600)))
