"""The public programme: editions, the published programme by day, sessions, speakers, and
each participant's starred agenda."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.permissions import require_or_404

from . import selectors, services
from .cache import cacheable
from .forms import ALL_DAYS, ProgrammeFilterForm, StarForm
from .models import AgendaItem, Edition, ProgrammeVersion, Session

DAY_LABEL = "l j F Y"  # Tuesday 31 May 2022, in the page's language


# --- Helpers ---------------------------------------------------------------------------------


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition.objects.select_related("forum"), slug=slug)


def _can_preview(request: HttpRequest, edition: Edition) -> bool:
    return request.user.has_perm("programme.change_edition", edition)


def _published_or_404(request: HttpRequest, edition: Edition) -> ProgrammeVersion | None:
    """The latest published version. Before the first one the programme does not exist for the
    public (404); the secretariat sees a preview, and gets None."""
    version = selectors.latest_version(edition=edition)
    if version is None and not _can_preview(request, edition):
        raise Http404
    return version


def _programme_url(edition: Edition) -> str:
    return reverse("programme:programme", kwargs={"slug": edition.slug})


def _viewer_zone(request: HttpRequest, edition: Edition) -> zoneinfo.ZoneInfo | None:
    """The signed-in viewer's own time zone when it is not the event's; None otherwise
    (anonymous visitors see event time, with a machine-readable <time> beside it)."""
    user = request.user
    if not user.is_authenticated or user.time_zone == edition.time_zone:
        return None
    return user.zone


@dataclass
class Moment:
    """A start and end as written on the page: 09:00–10:00 CEST, with ISO values for <time>."""

    start: str
    end: str
    start_iso: str
    end_iso: str
    zone: str
    day: dt.date
    other_day: str = ""  # in the viewer's zone, when the date is not the event's

    @classmethod
    def of(cls, session: Session, zone, event_day: dt.date | None = None) -> "Moment":
        start = session.starts_at.astimezone(zone)
        end = session.ends_at.astimezone(zone)
        other = ""
        if event_day is not None and start.date() != event_day:
            other = dateformat.format(start.date(), "D j M")
        return cls(
            start=start.strftime("%H:%M"),
            end=end.strftime("%H:%M"),
            start_iso=start.isoformat(),
            end_iso=end.isoformat(),
            zone=start.tzname() or "",
            day=start.date(),
            other_day=other,
        )


@dataclass
class Slot:
    start: str
    start_iso: str
    sessions: list = field(default_factory=list)


@dataclass
class Day:
    date: dt.date | None  # None: starred sessions that are not scheduled (any more)
    slots: list[Slot] = field(default_factory=list)


def _decorate(sessions, edition: Edition, viewer_zone, starred: set[int]) -> list[Session]:
    """Give each session what the page shows without another query: times in both zones,
    the gender balance of its speakers, and whether the viewer starred it."""
    sessions = list(sessions)
    for session in sessions:
        session.event_time = session.viewer_time = None
        if session.starts_at and session.ends_at:
            session.event_time = Moment.of(session, edition.zone)
            if viewer_zone is not None:
                session.viewer_time = Moment.of(session, viewer_zone, session.event_time.day)
        session.balance = selectors.session_gender(session)
        session.starred = session.pk in starred
    return sessions


def _by_day_and_time(sessions: list[Session]) -> list[Day]:
    """Sessions (in start order) grouped by day, then by start time, in the event's zone."""
    days: list[Day] = []
    unscheduled = Day(date=None, slots=[Slot(start="", start_iso="")])
    for session in sessions:
        when = session.event_time
        if when is None:
            unscheduled.slots[0].sessions.append(session)
            continue
        if not days or days[-1].date != when.day:
            days.append(Day(date=when.day))
        slots = days[-1].slots
        if not slots or slots[-1].start_iso != when.start_iso:
            slots.append(Slot(start=when.start, start_iso=when.start_iso))
        slots[-1].sessions.append(session)
    if unscheduled.slots[0].sessions:
        days.append(unscheduled)
    return days


def _agenda_context(request: HttpRequest, edition: Edition) -> tuple[bool, set[int]]:
    """Whether the viewer keeps an agenda, and the sessions of this edition they starred."""
    if not request.user.is_authenticated or not request.user.has_perm("programme.keep_agenda"):
        return False, set()
    starred = set(
        AgendaItem.objects.filter(user=request.user, session__edition=edition).values_list(
            "session_id", flat=True
        )
    )
    return True, starred


def _day_counts(edition: Edition, filters: dict) -> list[tuple[dt.date, int]]:
    """The days (in the event's zone) that have sessions matching the filters, in one query."""
    base = Session.objects.filter(edition=edition, is_public=True, starts_at__isnull=False)
    matching = selectors.filter_sessions(base, **filters)
    rows = (
        Session.objects.filter(pk__in=matching.values("pk"))
        .annotate(day=TruncDate("starts_at", tzinfo=edition.zone))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    return [(row["day"], row["n"]) for row in rows]


# --- Editions --------------------------------------------------------------------------------


@cacheable
def edition_list(request: HttpRequest) -> HttpResponse:
    return render(request, "programme/edition_list.html", {"editions": selectors.editions()})


@cacheable
def edition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    edition = get_object_or_404(selectors.editions().prefetch_related("tracks"), slug=slug)
    version = selectors.latest_version(edition=edition)
    can_preview = version is None and _can_preview(request, edition)
    balance = selectors.edition_gender(edition=edition) if version or can_preview else None
    share = balance.women_share if balance else None
    final_week = dt.datetime.combine(edition.final_week_start, dt.time(12), tzinfo=edition.zone)
    return render(
        request,
        "programme/edition_detail.html",
        {
            "edition": edition,
            "version": version,
            "can_preview": can_preview,
            "balance": balance,
            "women_percent": round(share * 100) if share is not None else None,
            "zone_name": final_week.tzname(),
            "zone_offset": final_week.strftime("%z")[:3] + ":" + final_week.strftime("%z")[3:],
            "keeps_agenda": request.user.is_authenticated
            and request.user.has_perm("programme.keep_agenda"),
        },
    )


# --- The programme ---------------------------------------------------------------------------


@cacheable
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The published programme, one day at a time, filtered by the query string."""
    edition = _edition(slug)
    version = _published_or_404(request, edition)
    form = ProgrammeFilterForm(request.GET, edition=edition)
    filters = form.filters()
    day_counts = _day_counts(edition, filters)
    days = [day for day, _n in day_counts]
    form.set_days(days, {day: dateformat.format(day, "D j M") for day in days})

    chosen = form.cleaned_data.get("day", "")
    if chosen == ALL_DAYS:
        day = None
    elif isinstance(chosen, dt.date):
        day = chosen
    else:
        day = days[0] if days else None

    found = selectors.filter_sessions(
        selectors.sessions(edition=edition).filter(starts_at__isnull=False),
        day=day,
        zone=edition.zone,
        **filters,
    ).order_by("starts_at", "pk")
    keeps_agenda, starred = _agenda_context(request, edition)
    viewer_zone = _viewer_zone(request, edition)
    sessions = _decorate(found, edition, viewer_zone, starred)

    query = request.GET.copy()
    query.pop("day", None)
    others = query.urlencode()
    day_links = [
        {"day": d, "n": n, "query": f"day={d.isoformat()}" + (f"&{others}" if others else "")}
        for d, n in day_counts
    ]
    return render(
        request,
        "programme/programme.html",
        {
            "edition": edition,
            "programme_url": _programme_url(edition),
            "tag_base": "",  # the page itself: ?sdg=4
            "star_url": reverse("programme:star", kwargs={"slug": edition.slug}),
            "version": version,
            "form": form,
            "day": day,
            "all_days": chosen == ALL_DAYS,
            "day_links": day_links,
            "all_days_query": f"day={ALL_DAYS}" + (f"&{others}" if others else ""),
            "days": _by_day_and_time(sessions),
            "count": len(sessions),
            "filtered": any(filters.values()),
            "keeps_agenda": keeps_agenda,
            "viewer_zone": viewer_zone,
            "here": request.get_full_path(),
        },
    )


@cacheable
def session_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = _edition(slug)
    version = _published_or_404(request, edition)
    session = get_object_or_404(selectors.sessions(edition=edition, public_only=False), code=code)
    if not session.is_public and not _can_preview(request, edition):
        raise Http404
    keeps_agenda, starred = _agenda_context(request, edition)
    viewer_zone = _viewer_zone(request, edition)
    (session,) = _decorate([session], edition, viewer_zone, starred)
    speakers = list(session.speakers.all())
    return render(
        request,
        "programme/session_detail.html",
        {
            "edition": edition,
            "programme_url": _programme_url(edition),
            "tag_base": _programme_url(edition),
            "star_url": reverse("programme:star", kwargs={"slug": edition.slug}),
            "version": version,
            "session": session,
            "speakers": speakers,
            "languages": [
                settings.LANGUAGE_NAMES_IN_ENGLISH.get(code, code) for code in session.languages
            ],
            "keeps_agenda": keeps_agenda and session.is_public,
            "viewer_zone": viewer_zone,
            "here": request.get_full_path(),
        },
    )


# --- Speakers --------------------------------------------------------------------------------


@cacheable
def speaker_list(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _edition(slug)
    version = _published_or_404(request, edition)
    q = request.GET.get("q", "").strip()[:100]
    people = selectors.speakers(edition=edition)
    if q:
        people = people.filter(
            Q(given_name__icontains=q)
            | Q(family_name__icontains=q)
            | Q(organization__name__icontains=q)
        )
    page = Paginator(people, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "programme/speaker_list.html",
        {
            "edition": edition,
            "version": version,
            "page": page,
            "q": q,
            "keeps_agenda": request.user.is_authenticated
            and request.user.has_perm("programme.keep_agenda"),
        },
    )


@cacheable
def speaker_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = _edition(slug)
    version = _published_or_404(request, edition)
    person = get_object_or_404(selectors.speakers(edition=edition), pk=pk)
    keeps_agenda, starred = _agenda_context(request, edition)
    viewer_zone = _viewer_zone(request, edition)
    sessions = _decorate(
        selectors.sessions(edition=edition)
        .filter(speakers__person=person)
        .order_by("starts_at", "pk"),
        edition,
        viewer_zone,
        starred,
    )
    roles = {row.session_id: row.get_role_display() for row in person.session_roles.all()}
    for session in sessions:
        session.role = roles.get(session.pk, "")
    return render(
        request,
        "programme/speaker_detail.html",
        {
            "edition": edition,
            "programme_url": _programme_url(edition),
            "tag_base": _programme_url(edition),
            "star_url": reverse("programme:star", kwargs={"slug": edition.slug}),
            "version": version,
            "person": person,
            "sessions": sessions,
            "keeps_agenda": keeps_agenda,
            "viewer_zone": viewer_zone,
            "here": request.get_full_path(),
        },
    )


# --- Personal agenda -------------------------------------------------------------------------


@login_required
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _edition(slug)
    version = _published_or_404(request, edition)
    keeps_agenda, starred = _agenda_context(request, edition)
    viewer_zone = _viewer_zone(request, edition)
    sessions = _decorate(
        selectors.sessions(edition=edition).filter(pk__in=starred).order_by("starts_at", "pk"),
        edition,
        viewer_zone,
        starred,
    )
    return render(
        request,
        "programme/agenda.html",
        {
            "edition": edition,
            "programme_url": _programme_url(edition),
            "tag_base": _programme_url(edition),
            "star_url": reverse("programme:star", kwargs={"slug": edition.slug}),
            "version": version,
            "keeps_agenda": keeps_agenda,
            "days": _by_day_and_time(sessions),
            "count": len(sessions),
            "viewer_zone": viewer_zone,
            "here": request.get_full_path(),
        },
    )


@login_required
@require_POST
def star(request: HttpRequest, slug: str) -> HttpResponse:
    """Star (`star=<code>`) or unstar (`unstar=<code>`) a public session. With htmx only the
    button comes back; without JavaScript the visitor returns to the page they were on."""
    edition = _edition(slug)
    require_or_404(request.user, "programme.keep_agenda")
    _published_or_404(request, edition)
    form = StarForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Say which session to add or remove."))
    session = get_object_or_404(
        Session, edition=edition, code=form.cleaned_data["code"], is_public=True
    )
    starred = form.cleaned_data["starred"]
    if starred:
        services.star(user=request.user, session=session)
    else:
        services.unstar(user=request.user, session=session)
    if request.headers.get("HX-Request") == "true":
        session.starred = starred
        return render(
            request,
            "programme/_star.html",
            {"session": session, "star_url": request.path},
        )
    back = form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("programme:session", kwargs={"slug": edition.slug, "code": session.code})
    elif "#" not in back:
        back += f"#s-{session.code}"  # back to the card, not the top of a long page
    if starred:
        messages.success(request, _("“%(title)s” is in your agenda.") % {"title": session.title})
    else:
        messages.success(
            request, _("“%(title)s” is no longer in your agenda.") % {"title": session.title}
        )
    return redirect(back)
