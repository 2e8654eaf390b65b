import datetime as dt

import pytest

from convoca.programme import selectors, services
from convoca.programme.conflicts import find_conflicts
from convoca.programme.models import Edition, EditionStatus, ProgrammeVersion, Session, SpeakerRole
from tests.factories import PersonFactory, UserFactory

from .conftest import geneva

pytestmark = pytest.mark.django_db


def kinds(edition, session):
    sessions = list(Session.objects.filter(edition=edition).select_related("room"))
    from convoca.programme.models import SessionSpeaker

    rows = list(SessionSpeaker.objects.select_related("person"))
    return sorted(c.kind for c in find_conflicts(edition, sessions, rows).get(session.pk, []))


def test_a_speaker_in_two_places_at_once_is_a_conflict_for_both(edition, make_session):
    amina = PersonFactory(given_name="Amina", family_name="Diallo")
    first = make_session(start=geneva(2022, 5, 31, 9), room="popov", speakers=[(amina, "speaker")])
    second = make_session(
        start=geneva(2022, 5, 31, 9, 30), room="room-c", speakers=[(amina, "moderator")]
    )
    later = make_session(
        start=geneva(2022, 5, 31, 10), room="room-c", speakers=[(amina, "speaker")]
    )
    assert kinds(edition, first) == ["speaker_double_booked"]
    # 09:30–10:30 in Room C overlaps the first (same speaker) and the 10:00 one (room, speaker)
    assert kinds(edition, second) == [
        "room_double_booked",
        "speaker_double_booked",
        "speaker_double_booked",
    ]
    assert kinds(edition, later) == ["room_double_booked", "speaker_double_booked"]


def test_back_to_back_sessions_do_not_conflict(edition, make_session):
    amina = PersonFactory()
    first = make_session(start=geneva(2022, 5, 31, 9), room="popov", speakers=[(amina, "speaker")])
    make_session(start=geneva(2022, 5, 31, 10), room="popov", speakers=[(amina, "speaker")])
    assert kinds(edition, first) == []


def test_two_sessions_in_one_room_at_once_conflict(edition, make_session):
    first = make_session(start=geneva(2022, 5, 31, 9), room="room-c")
    make_session(start=geneva(2022, 5, 31, 9, 45), room="room-c")
    assert kinds(edition, first) == ["room_double_booked"]


def test_a_room_too_small_for_the_expected_attendance(edition, make_session):
    crowded = make_session(start=geneva(2022, 5, 31, 9), room="room-c", expected_attendance=80)
    assert kinds(edition, crowded) == ["room_too_small"]


def test_a_session_outside_the_edition_dates(edition, make_session):
    early = make_session(start=geneva(2022, 3, 14, 23, 30))
    assert kinds(edition, early) == ["outside_edition"]
    last_evening = make_session(start=geneva(2022, 6, 3, 23, 30), minutes=60)
    assert "outside_edition" in kinds(edition, last_evening)  # runs past the last day


def test_a_speaker_in_their_local_night(edition, make_session):
    auckland = PersonFactory(time_zone="Pacific/Auckland")
    geneva_morning = make_session(start=geneva(2022, 5, 31, 9), speakers=[(auckland, "speaker")])
    # 09:00 in Geneva (UTC+2) is 19:00 in Auckland (UTC+12): evening, fine
    assert kinds(edition, geneva_morning) == []
    geneva_afternoon = make_session(start=geneva(2022, 5, 31, 15), speakers=[(auckland, "speaker")])
    # 15:00 in Geneva is 01:00 in Auckland
    assert kinds(edition, geneva_afternoon) == ["speaker_night"]


def test_scheduling_refuses_a_conflict_and_saves_nothing(edition, make_session, rooms, secretariat):
    make_session(start=geneva(2022, 5, 31, 9), room="room-c")
    moving = make_session(start=geneva(2022, 6, 1, 9), room="popov")
    with pytest.raises(services.ProgrammeError) as refused:
        services.schedule_session(
            session=moving,
            room=rooms["room-c"],
            starts_at=geneva(2022, 5, 31, 9, 30),
            by=secretariat,
        )
    assert [c.kind for c in refused.value.conflicts] == ["room_double_booked"]
    moving.refresh_from_db()
    assert (moving.room, moving.starts_at) == (rooms["popov"], geneva(2022, 6, 1, 9))


def test_the_secretariat_may_accept_a_warning_but_not_dates_outside_the_edition(
    edition, make_session, rooms, secretariat
):
    make_session(start=geneva(2022, 5, 31, 9), room="room-c")
    moving = make_session(start=geneva(2022, 6, 1, 9), room="popov")
    moved, accepted = services.schedule_session(
        session=moving,
        room=rooms["room-c"],
        starts_at=geneva(2022, 5, 31, 9, 30),
        by=secretariat,
        accept_warnings=True,
    )
    assert [c.kind for c in accepted] == ["room_double_booked"]
    assert moved.ends_at == geneva(2022, 5, 31, 10, 30)  # the type's default hour
    with pytest.raises(services.ProgrammeError, match="Outside"):
        services.schedule_session(
            session=moving,
            room=rooms["popov"],
            starts_at=geneva(2022, 7, 1, 9),
            by=secretariat,
            accept_warnings=True,
        )


def test_an_end_before_the_start_is_refused(make_session, rooms, secretariat):
    session = make_session()
    with pytest.raises(services.ProgrammeError, match="end after"):
        services.schedule_session(
            session=session,
            room=rooms["popov"],
            starts_at=geneva(2022, 5, 31, 10),
            ends_at=geneva(2022, 5, 31, 9),
            by=secretariat,
        )


def test_times_are_stored_in_utc_across_dst(make_session):
    march = make_session(start=geneva(2022, 3, 15, 9))
    june = make_session(start=geneva(2022, 5, 31, 9))
    assert march.starts_at.astimezone(dt.UTC).hour == 8  # CET, UTC+1
    assert june.starts_at.astimezone(dt.UTC).hour == 7  # CEST, UTC+2


def test_gender_balance_counts_declared_genders_and_flags_all_male_panels(edition, make_session):
    women = [PersonFactory(gender="woman") for _ in range(2)]
    man = PersonFactory(gender="man")
    account_holder = PersonFactory(gender="", user=UserFactory(gender="woman"))
    unstated = PersonFactory(gender="")
    mixed = make_session(
        speakers=[
            (women[0], "speaker"),
            (man, "speaker"),
            (account_holder, "moderator"),
            (unstated, "rapporteur"),
        ]
    )
    all_male = make_session(speakers=[(man, "speaker"), (PersonFactory(gender="man"), "moderator")])
    make_session(
        speakers=[(women[1], "high_level_speaker")], track="high-level", kind="policy-statements"
    )
    sessions = {s.pk: s for s in selectors.sessions(edition=edition)}
    assert selectors.session_gender(sessions[mixed.pk]).women == 2
    assert not selectors.session_gender(sessions[mixed.pk]).all_male
    assert selectors.session_gender(sessions[all_male.pk]).all_male
    balance = selectors.edition_gender(edition=edition)
    assert (balance.women, balance.men, balance.unknown) == (3, 2, 1)
    assert balance.women_share == pytest.approx(3 / 5)
    high_level = selectors.edition_gender(
        edition=edition, track=edition.tracks.get(slug="high-level")
    )
    assert high_level.women_share == 1.0


def test_publishing_versions_records_what_moved(edition, make_session, rooms, secretariat):
    opening = make_session(
        "Opening ceremony",
        start=geneva(2022, 5, 30, 9),
        kind="policy-statements",
        track="high-level",
    )
    version = services.publish_programme(edition=edition, by=secretariat)
    assert version.number == 1
    assert [c["change"] for c in version.changes] == ["added"]
    edition.refresh_from_db()
    assert edition.status == EditionStatus.PROGRAMME_PUBLISHED
    with pytest.raises(services.ProgrammeError, match="Nothing changed"):
        services.publish_programme(edition=edition, by=secretariat)
    services.schedule_session(
        session=opening, room=rooms["room-c"], starts_at=geneva(2022, 5, 30, 10), by=secretariat
    )
    make_session("Knowledge café", start=geneva(2022, 5, 31, 14))
    second = services.publish_programme(edition=edition, by=secretariat, note="Opening moved")
    assert sorted(c["change"] for c in second.changes) == ["added", "moved"]
    moved = next(c for c in second.changes if c["change"] == "moved")
    assert moved["from"]["room"] == "Popov Room"
    assert moved["to"]["room"] == "Room C"
    assert ProgrammeVersion.objects.filter(edition=edition).count() == 2


def test_an_edition_is_cloned_with_its_structure(
    edition, tracks, session_types, rooms, secretariat
):
    clone = services.clone_edition(
        source=edition,
        slug="wsis-forum-2023",
        name="WSIS Forum 2023",
        opening_date=dt.date(2023, 3, 6),
        final_week_start=dt.date(2023, 3, 13),
        final_week_end=dt.date(2023, 3, 17),
        by=secretariat,
    )
    assert sorted(clone.tracks.values_list("slug", flat=True)) == ["forum", "high-level"]
    assert clone.rooms.count() == 3
    assert clone.sessions.count() == 0
    with pytest.raises(services.ProgrammeError, match="exists"):
        services.clone_edition(
            source=edition,
            slug="wsis-forum-2023",
            name="x",
            opening_date=dt.date(2023, 3, 6),
            final_week_start=dt.date(2023, 3, 13),
            final_week_end=dt.date(2023, 3, 17),
            by=secretariat,
        )


def test_edition_states_follow_their_order(edition, secretariat):
    with pytest.raises(services.ProgrammeError, match="cannot become"):
        services.transition_edition(edition=edition, to="live", by=secretariat)
    services.transition_edition(edition=edition, to="call_open", by=secretariat)
    assert Edition.objects.get().status == "call_open"


def test_a_personal_agenda_keeps_one_star_per_session(make_session, participant):
    session = make_session()
    services.star(user=participant, session=session)
    services.star(user=participant, session=session)
    assert participant.agenda.count() == 1
    hidden = make_session(public=False)
    with pytest.raises(services.ProgrammeError):
        services.star(user=participant, session=hidden)


def test_an_accepted_workshop_proposal_becomes_a_private_draft_session(
    edition, tracks, session_types, secretariat
):
    session = services.session_from_proposal(
        edition=edition,
        title="ICTs and older persons",
        abstract="A workshop.",
        session_type=session_types["thematic-workshop"],
        track=tracks["forum"],
        by=secretariat,
    )
    assert (session.is_public, session.starts_at, session.code) == (
        False,
        None,
        "icts-and-older-persons",
    )


@pytest.mark.parametrize("count", [1, 30])
def test_the_programme_listing_reads_in_fixed_queries(
    edition, make_session, count, django_assert_max_num_queries
):
    for n in range(count):
        make_session(
            start=geneva(2022, 5, 31, 9) + dt.timedelta(hours=n),
            speakers=[(PersonFactory(), SpeakerRole.SPEAKER)],
        )
    with django_assert_max_num_queries(7):
        found = list(selectors.sessions(edition=edition))
        assert sum(len(s.speakers.all()) for s in found) == count
