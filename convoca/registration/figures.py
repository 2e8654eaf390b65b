"""Attendance figures of an edition: registrations and actual attendance by country, ITU region,
stakeholder type, gender and mode, per day and per session, and the cumulative virtual
attendance the secretariat quotes ("more than 50 000 virtual attendees from over 150 countries").

Attendance is real data: an in-person participant attended when checked in at the venue, a
remote one when they joined at least one session (each join counted once per person and
session). Gender is self-declared and shown only in groups of at least five people: a smaller
group reads "fewer than 5", and when that would let the reader subtract it from the total, the
next smallest group is hidden too.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from django_countries import countries

from convoca.accounts.models import Gender
from convoca.core.models import CountryRegion
from convoca.stakeholders.models import StakeholderType

from .models import (
    AttendanceMode,
    CheckIn,
    Registration,
    RegistrationState,
    SeatState,
    SessionJoin,
    SessionSeat,
)

SMALLEST_GROUP = 5


@dataclass
class Row:
    key: str
    label: str
    registered: int | None
    attended: int | None
    registered_hidden: bool = False
    attended_hidden: bool = False


@dataclass
class Breakdown:
    name: str
    title: str
    rows: list[Row]
    suppressed: bool = False  # small groups hidden in this breakdown


@dataclass
class Figures:
    registrations: int
    attendees: int
    in_person_registered: int
    in_person_attended: int
    remote_registered: int
    remote_attended: int
    virtual_attendance: int  # cumulative: one per participant and session joined
    countries_registered: int
    countries_attended: int
    breakdowns: list[Breakdown] = field(default_factory=list)
    days: list[dict] = field(default_factory=list)
    sessions: list[dict] = field(default_factory=list)

    def breakdown(self, name: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.name == name)


def suppress(rows: list[Row], *, smallest: int = SMALLEST_GROUP) -> bool:
    """Hide counts of 1 to smallest-1 people, and, where only one group of a column is hidden,
    the next smallest too (so the total cannot give it away). True if anything was hidden."""
    hidden_any = False
    for column in ("registered", "attended"):
        small = [r for r in rows if 0 < (getattr(r, column) or 0) < smallest]
        for row in small:
            setattr(row, column, None)
            setattr(row, f"{column}_hidden", True)
        if len(small) == 1:
            others = sorted(
                (r for r in rows if not getattr(r, f"{column}_hidden") and getattr(r, column)),
                key=lambda r: getattr(r, column),
            )
            if others:
                setattr(others[0], column, None)
                setattr(others[0], f"{column}_hidden", True)
        hidden_any = hidden_any or bool(small)
    return hidden_any


def _rows(counts: dict[str, list[int]], labels: dict[str, str], *, by_size: bool) -> list[Row]:
    rows = [
        Row(key, str(labels.get(key, key)), registered, attended)
        for key, (registered, attended) in counts.items()
    ]
    if by_size:
        rows.sort(key=lambda r: (-r.registered, r.label))
    else:
        order = list(labels)
        rows.sort(key=lambda r: order.index(r.key) if r.key in order else len(order))
    return rows


def attendance_figures(*, edition) -> Figures:
    """Every figure of the attendance page, in a fixed number of queries."""
    joined = SessionJoin.objects.filter(registration=OuterRef("pk"))
    groups = (
        Registration.objects.filter(edition=edition)
        .exclude(state=RegistrationState.CANCELLED)
        .annotate(joined=Exists(joined))
        .values("country", "stakeholder_type", "gender", "attendance", "state", "joined")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    totals = {"registered": 0, "attended": 0}
    modes = defaultdict(lambda: [0, 0])
    countries_registered, countries_attended = set(), set()
    for group in groups:
        in_person = group["attendance"] == AttendanceMode.IN_PERSON
        attended = group["state"] == RegistrationState.CHECKED_IN if in_person else group["joined"]
        n = group["n"]
        keys = {
            "country": group["country"] or "",
            "stakeholder_type": group["stakeholder_type"],
            "gender": group["gender"] or "",
            "attendance": group["attendance"],
        }
        for name, key in keys.items():
            by[name][key][0] += n
            if attended:
                by[name][key][1] += n
        totals["registered"] += n
        modes[group["attendance"]][0] += n
        if group["country"]:
            countries_registered.add(group["country"])
        if attended:
            totals["attended"] += n
            modes[group["attendance"]][1] += n
            if group["country"]:
                countries_attended.add(group["country"])

    regions = {
        found.country.code: found.itu_region
        for found in CountryRegion.objects.filter(country__in=list(by["country"])).select_related(
            "itu_region"
        )
    }
    by_region: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    region_labels: dict[str, str] = {}
    for code, (registered, attended) in by["country"].items():
        region = regions.get(code)
        key = region.code if region else ""
        region_labels[key] = str(region) if region else _("Unknown")
        by_region[key][0] += registered
        by_region[key][1] += attended

    country_labels = dict(countries)
    country_labels[""] = _("Unknown")
    gender_labels = {**dict(Gender.choices), "": _("Not declared")}
    gender_rows = _rows(by["gender"], gender_labels, by_size=False)
    breakdowns = [
        Breakdown(
            "attendance",
            _("In person and remote"),
            _rows(by["attendance"], dict(AttendanceMode.choices), by_size=False),
        ),
        Breakdown(
            "stakeholder_type",
            _("By stakeholder type"),
            _rows(by["stakeholder_type"], dict(StakeholderType.choices), by_size=False),
        ),
        Breakdown("region", _("By ITU region"), _rows(by_region, region_labels, by_size=True)),
        Breakdown("gender", _("By gender (self-declared)"), gender_rows, suppress(gender_rows)),
        Breakdown("country", _("By country"), _rows(by["country"], country_labels, by_size=True)),
    ]
    return Figures(
        registrations=totals["registered"],
        attendees=totals["attended"],
        in_person_registered=modes[AttendanceMode.IN_PERSON][0],
        in_person_attended=modes[AttendanceMode.IN_PERSON][1],
        remote_registered=modes[AttendanceMode.REMOTE][0],
        remote_attended=modes[AttendanceMode.REMOTE][1],
        virtual_attendance=SessionJoin.objects.filter(session__edition=edition).count(),
        countries_registered=len(countries_registered),
        countries_attended=len(countries_attended),
        breakdowns=breakdowns,
        days=_days(edition),
        sessions=_sessions(edition),
    )


def _days(edition) -> list[dict]:
    """Per day, in the edition's time zone: arrivals at the venue and remote participants."""
    zone = edition.zone
    arrivals = dict(
        CheckIn.objects.filter(registration__edition=edition)
        .annotate(day=TruncDate("at", tzinfo=zone))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    remote = dict(
        SessionJoin.objects.filter(session__edition=edition)
        .annotate(day=TruncDate("first_at", tzinfo=zone))
        .values("day")
        .annotate(n=Count("registration", distinct=True))
        .values_list("day", "n")
    )
    days: list[dt.date] = sorted(set(arrivals) | set(remote))
    return [
        {"day": day, "in_person": arrivals.get(day, 0), "remote": remote.get(day, 0)}
        for day in days
    ]


def _sessions(edition) -> list[dict]:
    """Per session that had remote participants or seats: joins and seats taken."""
    from convoca.programme.models import Session

    joins = dict(
        SessionJoin.objects.filter(session__edition=edition)
        .values("session")
        .annotate(n=Count("pk"))
        .values_list("session", "n")
    )
    seats = dict(
        SessionSeat.objects.filter(quota__session__edition=edition, state=SeatState.CONFIRMED)
        .values("quota__session")
        .annotate(n=Count("pk"))
        .values_list("quota__session", "n")
    )
    ids = set(joins) | set(seats)
    sessions = Session.objects.filter(pk__in=ids).order_by("starts_at", "pk")
    return [
        {
            "session": session,
            "remote": joins.get(session.pk, 0),
            "seats": seats.get(session.pk, 0),
        }
        for session in sessions.only("pk", "code", "title", "starts_at", "edition_id")
    ]
