"""The demo WSIS Forum: real dates from the seed letters, a realistic 2022 programme without a
single conflict, smaller 2020 and 2021 programmes, and nothing duplicated on a second run."""

import datetime as dt
import time
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from convoca.accounts.models import User
from convoca.core.models import AuditEntry
from convoca.demo.accounts import build_accounts
from convoca.demo.programme import SESSION_TYPES, build_programme
from convoca.demo.stakeholders import build_organizations, build_people
from convoca.programme import selectors
from convoca.programme.conflicts import find_conflicts
from convoca.programme.models import (
    Edition,
    EditionStatus,
    Forum,
    ProgrammeVersion,
    Room,
    Session,
    SessionSpeaker,
    SessionType,
    SpeakerRole,
    Track,
)
from convoca.stakeholders.models import Organization, Person

pytestmark = pytest.mark.django_db

GENEVA = ZoneInfo("Europe/Zurich")


@pytest.fixture
def demo():
    organizations = build_organizations()
    build_people(organizations)
    build_accounts(password="demo-pass-2022", organizations=organizations)
    secretariat = User.objects.get(email="secretariat@demo.convoca.example")
    return secretariat, organizations


@pytest.fixture
def built(demo):
    secretariat, organizations = demo
    return build_programme(secretariat=secretariat, organizations=organizations)


def counts():
    models = (
        Forum, Edition, Track, SessionType, Room, Session, SessionSpeaker, Person, Organization,
        ProgrammeVersion, AuditEntry, Session.action_lines.through, Session.sdgs.through,
        Session.organizers.through, Edition.co_organizers.through,
    )  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


def test_building_twice_changes_nothing_and_stays_fast(demo):
    secretariat, organizations = demo
    started = time.monotonic()
    build_programme(secretariat=secretariat, organizations=organizations)
    assert time.monotonic() - started < 20
    first = counts()
    guids = set(Session.objects.values_list("guid", flat=True))
    build_programme(secretariat=secretariat, organizations=organizations)
    assert counts() == first
    assert set(Session.objects.values_list("guid", flat=True)) == guids
    assert first["Forum"] == 1
    assert first["Edition"] == 3
    assert first["ProgrammeVersion"] == 3


def test_editions_have_the_dates_format_and_theme_of_the_seed_letters(built):
    forum = Forum.objects.get(slug="wsis-forum")
    assert (forum.name_en, forum.name_es) == ("WSIS Forum", "Foro de la CMSI")
    editions = {e.slug: e for e in Edition.objects.filter(forum=forum)}
    assert set(editions) == {"wsis-forum-2020", "wsis-forum-2021", "wsis-forum-2022"}
    e2020, e2021, e2022 = (editions[f"wsis-forum-{year}"] for year in (2020, 2021, 2022))

    assert (e2020.format, e2020.opening_date) == ("virtual", dt.date(2020, 6, 22))
    assert (e2020.final_week_start, e2020.final_week_end) == (
        dt.date(2020, 9, 7),
        dt.date(2020, 9, 10),
    )
    assert e2020.theme_es == (
        "Fomentar la transformación digital y las asociaciones globales: "
        "Líneas de Acción de la CMSI para lograr los ODS"
    )
    assert e2021.format == "virtual"
    assert e2021.opening_date.year == 2021
    assert e2021.opening_date.month == 1
    assert (e2021.final_week_start, e2021.final_week_end) == (
        dt.date(2021, 5, 17),
        dt.date(2021, 5, 21),
    )
    assert e2021.theme_es.startswith(
        "TIC para unas sociedades y economías inclusivas, resilientes y sostenibles"
    )
    assert (e2022.format, e2022.opening_date) == ("hybrid", dt.date(2022, 3, 15))
    assert (e2022.final_week_start, e2022.final_week_end) == (
        dt.date(2022, 5, 30),
        dt.date(2022, 6, 3),
    )
    assert e2022.theme_es.startswith("Las TIC para el bienestar, la inclusión y la resiliencia")
    assert (e2022.city_en, e2022.city_es) == ("Geneva", "Ginebra")

    for edition in editions.values():
        assert edition.time_zone == "Europe/Zurich"
        assert edition.name_es == f"Foro de la CMSI {edition.opening_date.year}"
        assert set(edition.co_organizers.values_list("slug", flat=True)) == {
            "itu", "unesco", "unctad", "undp",
        }  # fmt: skip
        assert set(edition.tracks.values_list("slug", "is_high_level")) == {
            ("high-level", True),
            ("forum", False),
        }
        assert set(edition.session_types.values_list("slug", flat=True)) == {
            row[0] for row in SESSION_TYPES
        }
        assert edition.versions.filter(number=1).exists()
    assert e2020.status == e2021.status == EditionStatus.REPORT_PUBLISHED
    assert e2022.status == EditionStatus.PROGRAMME_PUBLISHED
    assert set(
        Organization.objects.filter(slug__in=["itu", "unesco", "unctad", "undp"]).values_list(
            "stakeholder_type", flat=True
        )
    ) == {"international_organization"}


def test_2020_and_2021_have_smaller_virtual_programmes_within_their_dates(built):
    for slug in ("wsis-forum-2020", "wsis-forum-2021"):
        edition = Edition.objects.get(slug=slug)
        assert set(edition.rooms.values_list("kind", flat=True)) == {"virtual"}
        sessions = list(edition.sessions.all())
        assert 25 <= len(sessions) <= 40
        first = dt.datetime.combine(edition.opening_date, dt.time.min, tzinfo=GENEVA)
        last = dt.datetime.combine(edition.final_week_end, dt.time.max, tzinfo=GENEVA)
        assert all(first <= s.starts_at < s.ends_at <= last for s in sessions)
        final_week = [
            s for s in sessions if s.starts_at.astimezone(GENEVA).date() >= edition.final_week_start
        ]
        assert {s.session_type.slug for s in final_week} >= {"wsis-prizes", "policy-statements"}


def test_the_2022_programme_is_full_and_realistic(built):
    edition = Edition.objects.get(slug="wsis-forum-2022")
    sessions = list(
        selectors.sessions(edition=edition, public_only=False).select_related("room__edition")
    )
    public = [s for s in sessions if s.is_public]
    assert len(public) >= 250
    assert {s.session_type.slug for s in public} == {row[0] for row in SESSION_TYPES}
    codes = {line.code for s in public for line in s.action_lines.all()}
    assert {f"C{n}" for n in range(1, 12)} <= codes
    assert all(s.sdgs.all() for s in public)
    assert all(s.organizers.all() for s in public)
    assert sum(bool(s.title_es) for s in public) >= len(public) // 5
    assert all(s.title_en and s.abstract_en for s in public)

    kinds = set(Room.objects.filter(edition=edition).values_list("kind", flat=True))
    assert kinds == {"physical", "virtual", "hybrid"}
    for session in sessions:
        start, end = session.starts_at.astimezone(GENEVA), session.ends_at.astimezone(GENEVA)
        if start.date() >= edition.final_week_start:
            assert start.date() <= edition.final_week_end
            assert start.time() >= dt.time(9)
            assert end.time() <= dt.time(18)
            assert session.room.kind in ("physical", "hybrid")
        else:
            assert dt.date(2022, 3, 15) <= start.date() <= dt.date(2022, 5, 27)
            assert session.room.kind == "virtual"
        assert 2 <= len(session.speakers.all()) <= 5
        roles = {row.role for row in session.speakers.all()}
        if session.track.is_high_level:
            assert SpeakerRole.HIGH_LEVEL_SPEAKER in roles
        else:
            assert SpeakerRole.HIGH_LEVEL_SPEAKER not in roles
    by_day = Counter(s.starts_at.astimezone(GENEVA).date() for s in public)
    assert all(by_day[edition.final_week_start + dt.timedelta(days=n)] >= 20 for n in range(5))
    assert by_day[dt.date(2022, 3, 15)] >= 1

    speakers = Person.objects.filter(session_roles__session__edition=edition).distinct()
    assert speakers.count() >= 600
    assert speakers.values("country").distinct().count() >= 40
    assert speakers.values("time_zone").distinct().count() >= 40


def test_nobody_and_no_room_is_double_booked(built):
    for edition in Edition.objects.all():
        sessions = list(Session.objects.filter(edition=edition).select_related("room"))
        rows = list(
            SessionSpeaker.objects.filter(session__edition=edition).select_related("person")
        )
        found = find_conflicts(edition, sessions, rows)
        assert found == {}, edition.slug


def test_about_45_percent_of_the_speakers_are_women(built):
    edition = Edition.objects.get(slug="wsis-forum-2022")
    balance = selectors.edition_gender(edition=edition)
    assert 0.40 <= balance.women_share <= 0.50
    assert balance.non_binary > 0
    assert balance.undisclosed + balance.unknown > 0
    genders = Counter(
        Person.objects.filter(email__endswith="@speakers.example.org").values_list(
            "gender", flat=True
        )
    )
    women = genders["woman"] / sum(genders.values())
    assert 0.40 <= women <= 0.50
