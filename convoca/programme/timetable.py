"""The secretariat's timetable: one day of an edition as a grid of rooms × half-hours.

Sessions are moved by drag and drop (timetable.js posts to `move` through htmx) or, without
JavaScript, by the "Move" form each session carries. Every move goes through
`services.schedule_session`; a refused move leaves the grid as it was and shows why next to the
session, with "Move anyway" when only warnings stand in the way.

All times on the grid are wall-clock times in the EDITION's time zone, whatever the time zone of
the person looking at it, so 09:00 in March (UTC+1) and 09:00 in June (UTC+2) share a row.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from convoca.core.permissions import object_or_404

from . import services
from .conflicts import Conflict, find_conflicts
from .models import Edition, Room, Session, SessionSpeaker

PERMISSION = "programme.schedule_edition"
SLOT_MINUTES = 30
SLOTS_PER_DAY = 24 * 60 // SLOT_MINUTES
# The hours a day shows when nothing is scheduled outside them: 08:00 to 19:00.
DEFAULT_FIRST_SLOT, DEFAULT_LAST_SLOT = 8 * 60 // SLOT_MINUTES, 19 * 60 // SLOT_MINUTES


# --- What the grid is made of ---------------------------------------------------------------


@dataclass
class Attempt:
    """A move that was refused, shown next to the session it concerned."""

    session_id: int | None
    messages: list[str]
    can_force: bool = False  # only warnings stand in the way
    hard: bool = False  # a conflict no one may override
    values: dict = field(default_factory=dict)  # room, date, start: what "Move anyway" resends
    target: str = ""  # "Room C, Tuesday 31 May 2022, 10:00"


@dataclass
class Card:
    session: Session
    date: dt.date | None = None  # local date and times, in the edition's time zone
    start: str = ""
    end: str = ""
    speakers: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    attempt: Attempt | None = None

    @property
    def pk(self) -> int:
        return self.session.pk


@dataclass
class Block:
    """One cell of a room's column: a session, or several that overlap, spanning their slots."""

    first: int  # slot index, inclusive
    last: int  # slot index, exclusive
    cards: list[Card]

    @property
    def span(self) -> int:
        return self.last - self.first


@dataclass
class Cell:
    room: Room
    start: str  # "09:30"
    block: Block | None = None


@dataclass
class Row:
    label: str
    cells: list[Cell]


def _label(slot: int) -> str:
    minutes = slot * SLOT_MINUTES
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _slots(session: Session, day: dt.date, zone) -> tuple[int, int]:
    """The half-hours of `day` (local) the session covers, clipped to the day."""
    start = session.starts_at.astimezone(zone)
    end = session.ends_at.astimezone(zone)
    first = 0 if start.date() < day else (start.hour * 60 + start.minute) // SLOT_MINUTES
    end_minutes = 24 * 60 if end.date() > day else end.hour * 60 + end.minute
    last = -(-end_minutes // SLOT_MINUTES)  # rounded up
    return first, max(last, first + 1)


def _unique_messages(conflicts) -> list[str]:
    return list(dict.fromkeys(c.message for c in conflicts))


def _card(session: Session, zone, speakers, conflicts) -> Card:
    card = Card(session, speakers=speakers.get(session.pk, []))
    if session.starts_at and session.ends_at:
        start, end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        card.date = start.date()
        card.start, card.end = start.strftime("%H:%M"), end.strftime("%H:%M")
    seen, card.conflicts = set(), []
    for conflict in conflicts.get(session.pk, []):
        if (conflict.kind, conflict.message) not in seen:
            seen.add((conflict.kind, conflict.message))
            card.conflicts.append(conflict)
    return card


def edition_days(edition: Edition) -> list[dt.date]:
    """The final week's days and every other day that holds a session (one query)."""
    days = {
        edition.final_week_start + dt.timedelta(days=n)
        for n in range((edition.final_week_end - edition.final_week_start).days + 1)
    }
    days.update(
        Session.objects.filter(edition=edition, starts_at__isnull=False)
        .annotate(day=TruncDate("starts_at", tzinfo=edition.zone))
        .order_by("day")
        .values_list("day", flat=True)
        .distinct()
    )
    return sorted(days)


def timetable_context(edition: Edition, day: dt.date, *, attempt: Attempt | None = None) -> dict:
    """Everything the grid shows for one day, in a fixed number of queries."""
    zone = edition.zone
    day_start = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    day_end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    rooms = list(Room.objects.filter(edition=edition))
    related = ("room", "session_type", "track")
    of_day = list(
        Session.objects.filter(edition=edition, starts_at__lt=day_end, ends_at__gt=day_start)
        .select_related(*related)
        .order_by("starts_at", "pk")
    )
    waiting = list(
        Session.objects.filter(edition=edition)
        .filter(Q(starts_at__isnull=True) | Q(room__isnull=True))
        .select_related(*related)
        .order_by("title", "pk")
    )
    ids = {s.pk for s in of_day} | {s.pk for s in waiting}
    rows = list(
        SessionSpeaker.objects.filter(session_id__in=ids)
        .select_related("person")
        .order_by("session_id", "order", "pk")
    )
    speakers: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        speakers[row.session_id].append(str(row.person))
    conflicts = find_conflicts(edition, of_day, rows)

    # Each room's column: blocks of sessions, overlapping ones sharing a block.
    columns: dict[int, list[Block]] = {room.pk: [] for room in rooms}
    placed: set[int] = set()
    first_slot, last_slot = DEFAULT_FIRST_SLOT, DEFAULT_LAST_SLOT
    for session in of_day:
        if session.room_id not in columns:
            continue
        first, last = _slots(session, day, zone)
        card = _card(session, zone, speakers, conflicts)
        blocks = columns[session.room_id]
        if blocks and first < blocks[-1].last:
            blocks[-1].cards.append(card)
            blocks[-1].last = max(blocks[-1].last, last)
        else:
            blocks.append(Block(first, last, [card]))
        placed.add(session.pk)
        first_slot, last_slot = min(first_slot, first), max(last_slot, last)

    starting = {(room_id, b.first): b for room_id, bs in columns.items() for b in bs}
    covered = {
        (room_id, slot)
        for room_id, bs in columns.items()
        for b in bs
        for slot in range(b.first + 1, b.last)
    }
    grid = [
        Row(
            _label(slot),
            [
                Cell(room, _label(slot), starting.get((room.pk, slot)))
                for room in rooms
                if (room.pk, slot) not in covered
            ],
        )
        for slot in range(first_slot, last_slot)
    ]
    unscheduled = [_card(s, zone, speakers, conflicts) for s in waiting]
    shown = placed | {s.pk for s in waiting}
    cards = [c for block in starting.values() for c in block.cards] + unscheduled
    if attempt is not None:
        for card in cards:
            if card.pk == attempt.session_id:
                card.attempt = attempt
    days = edition_days(edition)
    return {
        "edition": edition,
        "day": day,
        "days": days,
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "rooms": rooms,
        "rows": grid,
        "unscheduled": unscheduled,
        "attempt": attempt,
        # a refused move whose session is not on this day's grid is shown above it
        "attempt_elsewhere": attempt if attempt and attempt.session_id not in shown else None,
        "zone_name": edition.time_zone,
        "conflict_count": sum(len(c.conflicts) for c in cards),
        "grid_url": reverse("timetable:grid", kwargs={"slug": edition.slug}),
        "move_url": reverse("timetable:move", kwargs={"slug": edition.slug}),
    }


# --- Views ------------------------------------------------------------------------------------


def _edition(request: HttpRequest, slug: str) -> Edition:
    return object_or_404(
        request.user, PERMISSION, Edition.objects.select_related("forum"), slug=slug
    )


def _parse_day(value: str | None, edition: Edition) -> dt.date:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return edition.final_week_start


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _day_url(edition: Edition, day: dt.date, session_id: int | None = None) -> str:
    url = reverse("timetable:grid", kwargs={"slug": edition.slug})
    url += "?" + urlencode({"day": day.isoformat()})
    return url + (f"#session-{session_id}" if session_id else "")


@login_required
@require_GET
def grid(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _edition(request, slug)
    day = _parse_day(request.GET.get("day"), edition)
    return render(request, "programme/timetable.html", timetable_context(edition, day))


class MoveForm(forms.Form):
    session = forms.ModelChoiceField(queryset=Session.objects.none())
    room = forms.ModelChoiceField(
        queryset=Room.objects.none(), required=False, label=gettext_lazy("Room")
    )
    date = forms.DateField(required=False, label=gettext_lazy("Date"))
    start = forms.TimeField(required=False, label=gettext_lazy("Start"))
    accept_warnings = forms.BooleanField(
        required=False, label=gettext_lazy("Schedule anyway despite warnings")
    )
    unschedule = forms.BooleanField(required=False)
    day = forms.DateField(required=False)  # the day the grid showed

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = Session.objects.filter(edition=edition)
        self.fields["room"].queryset = Room.objects.filter(edition=edition)

    def clean(self):
        data = super().clean()
        if not data.get("unschedule"):
            for name in ("room", "date", "start"):
                if name in self.fields and data.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Choose a room, a date and a start time."))
        return data


def _refused(request, edition, day, attempt, status) -> HttpResponse:
    context = timetable_context(edition, day, attempt=attempt)
    if _is_htmx(request):
        # htmx swaps only successful answers: the refusal is an ordinary page of the grid
        return render(request, "programme/timetable_grid.html", context | {"partial": True})
    return render(request, "programme/timetable.html", context, status=status)


@login_required
@require_POST
def move(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _edition(request, slug)
    form = MoveForm(request.POST, edition=edition)
    valid = form.is_valid()
    data = form.cleaned_data
    session: Session | None = data.get("session")
    zone = edition.zone
    shown_day = data.get("day") or (
        session.starts_at.astimezone(zone).date()
        if session is not None and session.starts_at
        else None
    )
    if not valid:
        errors = [e for errors in form.errors.values() for e in errors]
        attempt = Attempt(session.pk if session else None, list(dict.fromkeys(errors)))
        return _refused(request, edition, shown_day or edition.final_week_start, attempt, 400)

    room, starts_at, ends_at = None, None, None
    if not data["unschedule"]:
        room = data["room"]
        starts_at = dt.datetime.combine(data["date"], data["start"], tzinfo=zone)
        if session.starts_at and session.ends_at:
            ends_at = starts_at + (session.ends_at - session.starts_at)  # keep its length
    try:
        services.schedule_session(
            session=session,
            room=room,
            starts_at=starts_at,
            ends_at=ends_at,
            by=request.user,
            accept_warnings=data["accept_warnings"],
        )
    except services.ProgrammeError as error:
        found = list(error.conflicts)
        attempt = Attempt(
            session.pk,
            _unique_messages(found) or [str(error.message)],
            can_force=bool(found) and not any(c.is_hard for c in found),
            hard=any(c.is_hard for c in found),
            values={
                "room": room.pk if room else "",
                "date": data["date"].isoformat() if data["date"] else "",
                "start": data["start"].strftime("%H:%M") if data["start"] else "",
            },
            target=_place(room, starts_at),
        )
        return _refused(request, edition, shown_day or data["date"], attempt, 409)

    if starts_at is None:
        notice = _("“%(title)s” is no longer scheduled.") % {"title": session.title}
        day = shown_day or edition.final_week_start
    else:
        notice = _("“%(title)s” moved to %(place)s.") % {
            "title": session.title,
            "place": _place(room, starts_at),
        }
        day = data["date"]
    if not _is_htmx(request):
        messages.success(request, notice)
        return redirect(_day_url(edition, day, session.pk))
    context = timetable_context(edition, day) | {
        "notice": notice,
        "moved_id": session.pk,
        "partial": True,
    }
    response = render(request, "programme/timetable_grid.html", context)
    response["HX-Replace-Url"] = _day_url(edition, day)
    return response


def _place(room: Room | None, starts_at: dt.datetime | None) -> str:
    """“Room C, Tuesday 31 May 2022, 10:00” (a local time of the edition)."""
    if starts_at is None:
        return room.name if room else ""
    when = formats.date_format(starts_at.date(), "l j F Y") + ", " + starts_at.strftime("%H:%M")
    return f"{room.name}, {when}" if room else when
