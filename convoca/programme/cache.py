"""Public programme pages, rendered once per published version and served from the cache.

Anonymous visitors without a session or pending messages all see the same page for a URL, so
the rendered bytes are kept under a key that includes the programme generation: publishing a
version (or moving an edition along) bumps the generation, and every cached page is rebuilt on
its next request. The lookup runs at the top of the middleware stack, before sessions,
authentication and URL resolution, which is what makes a cached page nearly as cheap as a
static file.
"""

import re

from convoca.core import pagecache

GENERATION = pagecache.Generation("programme")
# Only programme pages and the programme API are ever marked cacheable; every other request
# skips the two cache look-ups.
PROGRAMME_PATH = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/editions/|api/v1/editions)")


def generation() -> int:
    return GENERATION.value()


def bump() -> None:
    """Invalidate every cached public page (call on commit of a publication)."""
    GENERATION.bump()


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
        if not pagecache.anonymous_get(request) or not PROGRAMME_PATH.match(request.path_info):
            return self.get_response(request)
        key = pagecache.page_key(GENERATION, request.get_full_path())
        if key is None:
            return self.get_response(request)
        hit = pagecache.cached_page(request, key)
        if hit is not None:
            return hit
        response = self.get_response(request)
        if getattr(request, "convoca_public_cache", False):
            return pagecache.keep(key, response)
        return response
