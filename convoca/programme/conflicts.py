"""Scheduling conflicts, computed for a whole edition in a fixed number of queries.

Each rule returns `Conflict`s keyed by session, so the timetable can show them in place:
a speaker in two sessions at once, a room holding two sessions at once, a room smaller than
the expected attendance, a session outside the edition's dates, and a speaker scheduled
in their local night (00:00–06:00 in their own time zone).
"""

import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Edition, Session, SessionSpeaker

NIGHT_START, NIGHT_END = dt.time(0, 0), dt.time(6, 0)


@dataclass(frozen=True)
class Conflict:
    # speaker_double_booked, room_double_booked, room_too_small, outside_edition, speaker_night
    kind: str
    message: str
    session_id: int
    other_session_id: int | None = None

    @property
    def is_hard(self) -> bool:
        """Hard conflicts cannot be scheduled even on purpose; the others are warnings."""
        return self.kind == "outside_edition"


def _overlaps(a: Session, b: Session) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def edition_bounds(edition: Edition) -> tuple[dt.datetime, dt.datetime]:
    """First and last instant of the edition, in its own time zone."""
    zone = edition.zone
    start = dt.datetime.combine(edition.opening_date, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(
        edition.final_week_end + dt.timedelta(days=1), dt.time.min, tzinfo=zone
    )
    return start, end


def find_conflicts(
    edition: Edition, sessions: list[Session], speakers: list[SessionSpeaker]
) -> dict[int, list[Conflict]]:
    """All conflicts of `sessions` (scheduled ones) given their `speakers` rows."""
    scheduled = [s for s in sessions if s.starts_at and s.ends_at]
    found: dict[int, list[Conflict]] = defaultdict(list)
    start, end = edition_bounds(edition)
    for session in scheduled:
        if session.starts_at < start or session.ends_at > end:
            found[session.pk].append(
                Conflict("outside_edition", str(_("Outside the edition's dates.")), session.pk)
            )
        room = session.room
        if (
            room is not None
            and room.capacity
            and session.expected_attendance
            and session.expected_attendance > room.capacity
        ):
            found[session.pk].append(
                Conflict(
                    "room_too_small",
                    str(
                        _("%(room)s seats %(capacity)s; %(expected)s are expected.")
                        % {
                            "room": room.name,
                            "capacity": room.capacity,
                            "expected": session.expected_attendance,
                        }
                    ),
                    session.pk,
                )
            )
    _pairs(scheduled, key=lambda s: s.room_id, kind="room_double_booked", found=found)
    by_session = {s.pk: s for s in scheduled}
    per_person: dict[int, list[Session]] = defaultdict(list)
    for row in speakers:
        session = by_session.get(row.session_id)
        if session is None:
            continue
        per_person[row.person_id].append(session)
        zone_name = row.person.time_zone
        if zone_name and _in_night(session, zone_name):
            found[session.pk].append(
                Conflict(
                    "speaker_night",
                    str(
                        _("%(person)s speaks at night in %(zone)s.")
                        % {"person": row.person, "zone": zone_name}
                    ),
                    session.pk,
                )
            )
    names = {row.person_id: str(row.person) for row in speakers}
    for person_id, person_sessions in per_person.items():
        person_sessions.sort(key=lambda s: s.starts_at)
        for i, first in enumerate(person_sessions):
            for second in person_sessions[i + 1 :]:
                if second.starts_at >= first.ends_at:
                    break
                for one, other in ((first, second), (second, first)):
                    found[one.pk].append(
                        Conflict(
                            "speaker_double_booked",
                            str(
                                _("%(person)s also speaks in “%(other)s” at the same time.")
                                % {"person": names[person_id], "other": other.title}
                            ),
                            one.pk,
                            other.pk,
                        )
                    )
    return dict(found)


def _pairs(sessions: list[Session], *, key, kind: str, found) -> None:
    groups: dict[int, list[Session]] = defaultdict(list)
    for session in sessions:
        if key(session) is not None:
            groups[key(session)].append(session)
    for group in groups.values():
        group.sort(key=lambda s: s.starts_at)
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if second.starts_at >= first.ends_at:
                    break
                if second.pk == first.pk:
                    continue
                for one, other in ((first, second), (second, first)):
                    found[one.pk].append(
                        Conflict(
                            kind,
                            str(
                                _("%(room)s also holds “%(other)s” at the same time.")
                                % {"room": one.room.name, "other": other.title}
                            ),
                            one.pk,
                            other.pk,
                        )
                    )


def _in_night(session: Session, zone_name: str) -> bool:
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    start = session.starts_at.astimezone(zone)
    finish = session.ends_at.astimezone(zone)
    if start.time() < NIGHT_END:
        return True  # starts between midnight and six
    # runs past local midnight (ending exactly at midnight is still the evening)
    return finish.date() > start.date() and finish.time() > NIGHT_START
