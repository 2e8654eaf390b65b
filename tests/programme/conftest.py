"""A WSIS Forum 2022-like edition: Geneva time, a High-Level Track and a Forum Track, rooms."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from convoca.programme import services
from convoca.programme.models import (
    Edition,
    EditionFormat,
    Forum,
    Room,
    RoomKind,
    Session,
    SessionSpeaker,
    SessionType,
    SpeakerRole,
    Track,
)
from tests.factories import PersonFactory, UserFactory

GENEVA = ZoneInfo("Europe/Zurich")


def geneva(*args) -> dt.datetime:
    """An aware datetime in Geneva time, e.g. geneva(2022, 5, 31, 9, 0)."""
    return dt.datetime(*args, tzinfo=GENEVA)


@pytest.fixture
def forum(db):
    return Forum.objects.create(name="WSIS Forum", slug="wsis-forum", acronym="WSIS")


@pytest.fixture
def edition(forum):
    return Edition.objects.create(
        forum=forum,
        name="WSIS Forum 2022",
        slug="wsis-forum-2022",
        format=EditionFormat.HYBRID,
        venue="ITU Headquarters",
        city="Geneva",
        time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15),
        final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
        virtual_weeks=10,
    )


@pytest.fixture
def tracks(edition):
    return {
        "high-level": Track.objects.create(
            edition=edition, name="High-Level Track", slug="high-level", is_high_level=True, order=1
        ),
        "forum": Track.objects.create(edition=edition, name="Forum Track", slug="forum", order=2),
    }


@pytest.fixture
def session_types(edition):
    return {
        "policy-statements": SessionType.objects.create(
            edition=edition,
            name="Policy statements",
            slug="policy-statements",
            default_duration=90,
            is_high_level=True,
        ),
        "thematic-workshop": SessionType.objects.create(
            edition=edition, name="Thematic workshop", slug="thematic-workshop", default_duration=60
        ),
    }


@pytest.fixture
def rooms(edition):
    return {
        "popov": Room.objects.create(
            edition=edition,
            name="Popov Room",
            slug="popov",
            kind=RoomKind.HYBRID,
            capacity=120,
            platform="Zoom",
            join_url="https://zoom.example.org/j/1",
        ),
        "room-c": Room.objects.create(
            edition=edition, name="Room C", slug="room-c", kind=RoomKind.PHYSICAL, capacity=40
        ),
        "virtual-1": Room.objects.create(
            edition=edition,
            name="Virtual room 1",
            slug="virtual-1",
            kind=RoomKind.VIRTUAL,
            platform="Zoom",
            join_url="https://zoom.example.org/j/2",
        ),
    }


@pytest.fixture
def make_session(edition, tracks, session_types, rooms):
    """Build a session directly (setup data, not the behaviour under test)."""
    counter = iter(range(1, 10_000))

    def make(
        title=None,
        *,
        start=None,
        minutes=60,
        room="popov",
        track="forum",
        kind="thematic-workshop",
        speakers=(),
        public=True,
        **extra,
    ):
        n = next(counter)
        session = Session.objects.create(
            edition=edition,
            code=f"s{n}",
            title=title or f"Session {n}",
            session_type=session_types[kind],
            track=tracks[track],
            room=rooms[room] if room else None,
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=minutes) if start else None,
            is_public=public,
            **extra,
        )
        for order, (person, role) in enumerate(speakers):
            SessionSpeaker.objects.create(
                session=session, person=person, role=role or SpeakerRole.SPEAKER, order=order
            )
        return session

    return make


@pytest.fixture
def person(db):
    return PersonFactory


# --- The public pages (test_public_programme.py, test_public_pages.py) ------------------------

EDITION = "/en/editions/wsis-forum-2022"
PROGRAMME = f"{EDITION}/programme/"
STAR = f"{EDITION}/agenda/star/"


@pytest.fixture
def published(edition):
    return services.publish_programme(edition=edition, by=None)


@pytest.fixture
def new_yorker(db):
    user = UserFactory(email="viewer@example.org")
    user.time_zone = "America/New_York"
    user.save(update_fields=["time_zone"])
    return user


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text(response) -> str:
    """The page as a reader sees it: tags dropped, whitespace squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html(response)))


def speakers_of(*genders):
    return [(PersonFactory(gender=g), SpeakerRole.SPEAKER) for g in genders]
