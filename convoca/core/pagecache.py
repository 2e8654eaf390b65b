"""Public pages rendered once per generation and served from the cache, with an ETag.

An app keeps a `Generation` (a counter in the cache); its cached pages' keys hold the current
value, so bumping it drops them all at once. `cached_page` answers a hit (or 304), `keep` stores
a fresh 200. A cache outage never takes a page down: it is served uncached and logged. The
programme's middleware and the coalition registry both use these."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified

logger = logging.getLogger(__name__)
PAGE_TIMEOUT = 24 * 3600
# A visitor with either cookie may see something personal: never cached, never served a copy.
PERSONAL_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}


class Generation:
    def __init__(self, name: str):
        self.key = f"convoca:{name}:generation"

    def value(self) -> int:
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, 1, timeout=None)
            value = cache.get(self.key, 1)
        return value

    def bump(self) -> None:
        """Invalidate every page cached under this generation."""
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, 2, timeout=None)
        except Exception:  # a cache outage: pages are not served from it either
            logger.warning("page cache unreachable; %s not bumped", self.key, exc_info=True)


def anonymous_get(request) -> bool:
    """Could this request get the same page as every other anonymous visitor?"""
    return (
        request.method in ("GET", "HEAD")
        and not PERSONAL_COOKIES & request.COOKIES.keys()
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_key(generation: Generation, *parts: str) -> str | None:
    """The cache key of a page, or None when the cache cannot be reached."""
    try:
        value = generation.value()
    except Exception:  # a cache outage must not take the pages down with it
        logger.warning("page cache unreachable; serving uncached", exc_info=True)
        return None
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]
    return f"convoca:page:{generation.key}:{value}:{digest}"


def cached_page(request, key: str) -> HttpResponse | None:
    try:
        hit = cache.get(key)
    except Exception:  # a cache outage must not take the pages down with it
        logger.warning("page cache unreachable; serving uncached", exc_info=True)
        return None
    if hit is None:
        return None
    etag, content_type, body = hit
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["X-Cache"] = "hit"
    return response


def keep(key: str, response: HttpResponse) -> HttpResponse:
    """Store a 200 that set no cookie, with its ETag; anything else passes through."""
    if response.status_code != 200 or response.cookies or response.streaming:
        return response
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    try:
        cache.set(key, (etag, response["Content-Type"], response.content), PAGE_TIMEOUT)
    except Exception:  # the page is still good; it just is not kept
        logger.warning("page cache unreachable; page not kept", exc_info=True)
    response["ETag"] = etag
    response["X-Cache"] = "miss"
    return response
