"""Public programme pages, rendered once per published version and served from the cache.

Anonymous visitors without a session or pending messages all see the same page for a URL, so
the rendered bytes are kept under a key that includes the programme generation: publishing a
version (or moving an edition along) bumps the generation, and every cached page is rebuilt on
its next request. The lookup runs at the top of the middleware stack, before sessions,
authentication and URL resolution, which is what makes a cached page nearly as cheap as a
static file.
"""

import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified

logger = logging.getLogger(__name__)
GENERATION_KEY = "convoca:programme:generation"
PAGE_TIMEOUT = 24 * 3600
PERSONAL_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
# Only programme pages and the programme API are ever marked cacheable; every other request
# skips the two cache look-ups.
PROGRAMME_PATH = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/editions/|api/v1/editions)")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump() -> None:
    """Invalidate every cached public page (call on commit of a publication)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def mark_cacheable(request) -> None:
    """This request's 200 answer is the same for every anonymous reader of this version."""
    if not request.user.is_authenticated:
        request.convoca_public_cache = True


def cacheable(view):
    """Mark a public view's answers as cacheable for anonymous visitors."""

    def wrapped(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or not PROGRAMME_PATH.match(request.path_info)
            or PERSONAL_COOKIES & request.COOKIES.keys()
            or "HTTP_AUTHORIZATION" in request.META
        ):
            return self.get_response(request)
        try:
            key = f"convoca:page:{generation()}:{request.get_full_path()}"
            hit = cache.get(key)
        except Exception:  # a cache outage must not take the pages down with it
            logger.warning("page cache unreachable; serving uncached", exc_info=True)
            return self.get_response(request)
        if hit is not None:
            etag, content_type, body = hit
            if request.headers.get("If-None-Match") == etag:
                return HttpResponseNotModified(headers={"ETag": etag})
            response = HttpResponse(body, content_type=content_type)
            response["ETag"] = etag
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and getattr(request, "convoca_public_cache", False)
            and not response.cookies
            and not response.streaming
        ):
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            try:
                cache.set(key, (etag, response["Content-Type"], response.content), PAGE_TIMEOUT)
            except Exception:  # the page is still good; it just is not kept
                logger.warning("page cache unreachable; page not kept", exc_info=True)
            response["ETag"] = etag
            response["X-Cache"] = "miss"
        return response
