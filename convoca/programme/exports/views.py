"""Export views. The public feeds (frab XML/JSON, iCal, one session's .ics) exist once the
programme is published: each body is built once per published version and language, kept
in the cache, and revalidated with ETag / Last-Modified. Until the first publication, and
with `?preview=1` after it, the secretariat sees the current state, never cached.
The agenda feed is personal; the spreadsheets are the secretariat's working copies.
"""

import gc
import hashlib
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from convoca.core.permissions import require_or_404

from ..models import Edition, ProgrammeVersion
from . import agenda, frab_json, frab_xml, ical, schedule, source, spreadsheet

# Part of every cache key and ETag: raise it when an export's output changes shape, so no
# cache or client keeps a body written by the previous code.
EXPORT_REVISION = 1
# Keys name their version, so nothing stale is ever read; the timeout only frees memory.
CACHE_SECONDS = 30 * 24 * 3600
MANAGE = "programme.change_edition"


@dataclass(frozen=True)
class Feed:
    kind: str
    content_type: str
    build: Callable[[schedule.Programme], bytes]


FRAB_XML = Feed("frab-xml", "application/xml; charset=utf-8", frab_xml.build)
FRAB_JSON = Feed("frab-json", "application/json", frab_json.build)
ICAL = Feed("ical", "text/calendar; charset=utf-8", ical.build)


@contextmanager
def _without_pauses():
    """Building an export allocates some 300,000 small objects for 10,000 sessions; the cyclic
    garbage collector would scan them again and again (a third of the time). They form no
    cycles, and reference counting frees them, so it sleeps until the build is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition.objects.select_related("forum"), slug=slug)


def _previewing(request, edition: Edition, version: ProgrammeVersion | None) -> bool:
    """The secretariat sees the current state before the first publication, or on request."""
    if version is not None and "preview" not in request.GET:
        return False
    if request.user.has_perm(MANAGE, edition):
        return True
    if version is None:
        raise Http404
    return False


def _validators(edition: Edition, version: ProgrammeVersion, kind: str) -> tuple[str, int]:
    etag = (
        f'W/"{edition.pk}-v{version.number}.{version.pk}-{kind}-{get_language()}'
        f'-r{EXPORT_REVISION}"'
    )
    return etag, int(version.published_at.timestamp())


def _public(response: HttpResponse, etag: str, last_modified: int) -> HttpResponse:
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    response.headers["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, no_cache=True)
    return response


def _published(
    request,
    *,
    edition: Edition,
    version: ProgrammeVersion,
    kind: str,
    content_type: str,
    build: Callable[[], tuple[bytes, str] | None],
) -> HttpResponse | None:
    """The cached body for this version, kind and language (built on the first request), or a
    304; None when `build` finds nothing to export."""
    etag, last_modified = _validators(edition, version, kind)
    validators = _public(HttpResponse(), etag, last_modified)
    answer = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=validators
    )
    if answer is not validators:
        return answer
    key = (
        f"programme:export:r{EXPORT_REVISION}:{edition.pk}:v{version.number}.{version.pk}"
        f":{kind}:{get_language()}"
    )
    cached = cache.get(key)
    if cached is None:
        with _without_pauses():
            built = build()
        if built is None:
            return None
        cached = built
        cache.set(key, cached, CACHE_SECONDS)
    body, filename = cached
    response = _public(HttpResponse(body, content_type=content_type), etag, last_modified)
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _feed(request, slug: str, feed: Feed) -> HttpResponse:
    edition = _edition(slug)
    version = source.published_version(edition=edition)
    if _previewing(request, edition, version):
        with _without_pauses():
            body = feed.build(source.load(edition=edition, version=version, preview=True))
        return _private(HttpResponse(body, content_type=feed.content_type))
    response = _published(
        request,
        edition=edition,
        version=version,
        kind=feed.kind,
        content_type=feed.content_type,
        build=lambda: (feed.build(source.load(edition=edition, version=version)), ""),
    )
    assert response is not None  # a whole programme always exports, even empty
    return response


@require_safe
def schedule_xml(request, slug: str) -> HttpResponse:
    return _feed(request, slug, FRAB_XML)


@require_safe
def schedule_json(request, slug: str) -> HttpResponse:
    return _feed(request, slug, FRAB_JSON)


@require_safe
def schedule_ics(request, slug: str) -> HttpResponse:
    return _feed(request, slug, ICAL)


def _one_session(programme: schedule.Programme) -> tuple[bytes, str] | None:
    if not programme.items:
        return None
    item = programme.items[0]
    return ical.build(programme, name=item.title, feed=False), f"{item.code}.ics"


@require_safe
def session_ics(request, slug: str, guid: uuid.UUID) -> HttpResponse:
    """One public, scheduled session as an .ics file to add to one's calendar."""
    edition = _edition(slug)
    version = source.published_version(edition=edition)
    previewing = "preview" in request.GET and request.user.has_perm(MANAGE, edition)
    if version is not None and not previewing:
        response = _published(
            request,
            edition=edition,
            version=version,
            kind=f"session-{guid}",
            content_type=ICAL.content_type,
            build=lambda: _one_session(source.load(edition=edition, version=version, guid=guid)),
        )
        if response is not None:
            return response
    # Not published, not public, or asked for a preview: only the secretariat may look.
    require_or_404(request.user, MANAGE, edition)
    found = _one_session(
        source.load(edition=edition, version=version, preview=True, public_only=False, guid=guid)
    )
    if found is None:
        raise Http404
    body, filename = found
    response = _private(HttpResponse(body, content_type=ICAL.content_type))
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def agenda_ics(request, slug: str) -> HttpResponse:
    """The sessions a person starred, as a feed: signed in, or with their private `?token=`."""
    edition = _edition(slug)
    token = request.GET.get("token")
    if token:
        user = agenda.user_from_token(token, edition=edition)
        if user is None:
            raise Http404
    elif request.user.is_authenticated:
        user = request.user
    else:
        return redirect_to_login(request.get_full_path())
    version = source.published_version(edition=edition)
    if version is None and not user.has_perm(MANAGE, edition):
        raise Http404
    programme = source.load(
        edition=edition, version=version, preview=version is None, starred_by=user
    )
    body = ical.build(programme, name=f"{edition.name} — {_('My agenda')}")
    response = HttpResponse(body, content_type=ICAL.content_type)
    response.headers["ETag"] = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    # Personal: no shared cache may keep it, but the app may revalidate it cheaply.
    patch_cache_control(response, private=True, no_cache=True)
    return get_conditional_response(request, etag=response.headers["ETag"], response=response)


def _spreadsheet(request, slug: str):
    edition = _edition(slug)
    require_or_404(request.user, MANAGE, edition)
    return source.load(
        edition=edition,
        version=source.published_version(edition=edition),
        preview=True,
        public_only=False,
        scheduled_only=False,
        with_gender=True,
    )


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = _private(HttpResponse(body, content_type=content_type))
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def export_csv(request, slug: str) -> HttpResponse:
    with _without_pauses():
        programme = _spreadsheet(request, slug)
        body = spreadsheet.build_csv(programme)
    return _download(body, "text/csv; charset=utf-8", f"{programme.edition.slug}-programme.csv")


@require_safe
def export_xlsx(request, slug: str) -> HttpResponse:
    with _without_pauses():
        programme = _spreadsheet(request, slug)
        body = spreadsheet.build_xlsx(programme)
    return _download(
        body,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{programme.edition.slug}-programme.xlsx",
    )
