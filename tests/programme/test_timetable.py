"""The secretariat's timetable: a day × room grid, moves by form or by drag and drop (htmx),
every conflict shown in place, refused moves saving nothing."""

import datetime as dt

import pytest
import tinyhtml5

from convoca.programme.models import Edition, Room, RoomKind, Session, SpeakerRole
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.conftest import enrol_totp, sign_in
from tests.factories import UserFactory
from tests.programme.conftest import geneva

HTMX = {"HTTP_HX_REQUEST": "true"}


def timetable_url(edition, day=None) -> str:
    url = f"/en/secretariat/editions/{edition.slug}/timetable/"
    return url + (f"?day={day.isoformat()}" if day else "")


def move_url(edition) -> str:
    return f"/en/secretariat/editions/{edition.slug}/timetable/move/"


def parse(response):
    return tinyhtml5.parse(response.content.decode(), namespace_html_elements=False)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def card(document, session):
    found = document.find(f".//article[@id='session-{session.pk}']")
    assert found is not None, f"{session.title} is not on the page"
    return found


def place(document, session) -> tuple[str, int, int] | None:
    """(row time, room id, rows spanned) of a session's cell on the grid; None if not on it."""
    for row in document.iter("tr"):
        for cell in row.iter("td"):
            if cell.find(f".//article[@id='session-{session.pk}']") is not None:
                return row.get("data-time"), int(cell.get("data-room")), int(cell.get("rowspan"))
    return None


def unscheduled(document) -> str:
    return text(document.find(".//section[@class='tt-unscheduled']"))


def badges(document, session) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in card(document, session).iter("li"):
        if "tt-conflict" in (item.get("class") or ""):
            found.setdefault(item.get("data-kind"), []).append(text(item))
    return found


def attempt(document, session):
    return card(document, session).find(".//div[@role='alert']")


def buttons(element) -> list[str]:
    return [text(b) for b in element.iter("button")]


def move(client, edition, session, room, when: dt.datetime | None, *, htmx=False, **extra):
    data = {"session": session.pk, "room": room.pk if room else "", "day": "2022-05-31"}
    if when is not None:
        data |= {"date": when.date().isoformat(), "start": when.strftime("%H:%M")}
    data |= {k: v for k, v in extra.items() if v is not None}
    return client.post(move_url(edition), data, **(HTMX if htmx else {}))


@pytest.fixture
def office(client, secretariat):
    """The secretariat, signed in with their password and authenticator code."""
    return sign_in(client, secretariat)


# --- Who sees it ----------------------------------------------------------------------------


@pytest.fixture
def other_edition(edition):
    return Edition.objects.create(
        forum=edition.forum,
        name="WSIS Forum 2023",
        slug="wsis-forum-2023",
        opening_date=dt.date(2023, 3, 13),
        final_week_start=dt.date(2023, 3, 13),
        final_week_end=dt.date(2023, 3, 17),
    )


def _scoped_secretariat(scope):
    user = UserFactory(email="scoped@example.org")
    grant_role(user=user, role=Role.SECRETARIAT, scope=scope)
    user.totp_secret = enrol_totp(user)
    return user


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("participant", 404),
        ("focal_point", 404),
        ("reviewer", 404),
        ("jury", 404),
        ("secretariat_of_another_edition", 404),
        ("secretariat_of_the_edition", 200),
        ("secretariat_of_the_forum", 200),
        ("secretariat", 200),
    ],
)
def test_only_the_secretariat_of_the_edition_sees_its_timetable(
    request, client, edition, other_edition, make_session, rooms, who, status
):
    scopes = {
        "secretariat_of_another_edition": other_edition,
        "secretariat_of_the_edition": edition,
        "secretariat_of_the_forum": edition.forum,
    }
    user = _scoped_secretariat(scopes[who]) if who in scopes else request.getfixturevalue(who)
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, user)

    assert client.get(timetable_url(edition)).status_code == status
    response = move(client, edition, session, rooms["room-c"], geneva(2022, 5, 31, 14, 0))
    assert response.status_code == (404 if status == 404 else 302)
    session.refresh_from_db()
    assert (session.room == rooms["room-c"]) is (status == 200)


def test_anonymous_visitors_are_asked_to_sign_in_and_move_nothing(client, edition, make_session):
    session = make_session(start=geneva(2022, 5, 31, 9, 0))
    response = client.get(timetable_url(edition))
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    response = client.post(move_url(edition), {"session": session.pk, "unschedule": "1"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == geneva(2022, 5, 31, 9, 0)


def test_an_unknown_edition_is_not_found(office, edition):
    assert office.get("/en/secretariat/editions/nope/timetable/").status_code == 404


# --- The grid ---------------------------------------------------------------------------------


def test_sessions_sit_in_their_room_and_start_row_spanning_their_duration(
    office, edition, make_session, rooms
):
    workshop = make_session(
        "Digital inclusion", start=geneva(2022, 5, 31, 10, 0), minutes=90, room="room-c"
    )
    statement = make_session(
        "Policy statements",
        start=geneva(2022, 5, 31, 9, 0),
        kind="policy-statements",
        minutes=60,
        track="high-level",
    )
    later = make_session("Next day", start=geneva(2022, 6, 1, 9, 0))
    draft = make_session("Draft workshop", room=None)

    document = parse(office.get(timetable_url(edition, dt.date(2022, 5, 31))))

    assert place(document, workshop) == ("10:00", rooms["room-c"].pk, 3)
    assert place(document, statement) == ("09:00", rooms["popov"].pk, 2)
    assert document.find(f".//article[@id='session-{later.pk}']") is None
    assert place(document, draft) is None
    assert "Draft workshop" in unscheduled(document)
    headings = [text(th) for th in document.find(".//thead").iter("th")]
    assert headings[1:] == ["Popov Room 120 seats", "Room C 40 seats", "Virtual room 1"]
    assert text(document.find(".//nav[@class='tt-days']//a[@aria-current]")) == "Tue 31 May"


def test_the_first_day_of_the_final_week_is_shown_by_default(office, edition, make_session):
    session = make_session("Opening", start=geneva(2022, 5, 30, 9, 0))
    document = parse(office.get(timetable_url(edition)))
    assert place(document, session)[0] == "09:00"


def test_a_morning_session_sits_in_the_same_row_in_winter_and_summer_time(
    office, secretariat, edition, make_session, rooms
):
    # The person looking at it lives in Tokyo: the grid still reads in Geneva time.
    secretariat.time_zone = "Asia/Tokyo"
    secretariat.save(update_fields=["time_zone"])
    march = make_session("Virtual session in March", start=geneva(2022, 3, 21, 9, 0))
    june = make_session("Session in June", start=geneva(2022, 6, 1, 9, 0))
    assert march.starts_at.utcoffset() == dt.timedelta(hours=1)
    assert june.starts_at.utcoffset() == dt.timedelta(hours=2)

    in_march = parse(office.get(timetable_url(edition, dt.date(2022, 3, 21))))
    in_june = parse(office.get(timetable_url(edition, dt.date(2022, 6, 1))))

    assert place(in_march, march) == ("09:00", rooms["popov"].pk, 2)
    assert place(in_june, june) == ("09:00", rooms["popov"].pk, 2)
    assert "09:00–10:00" in text(card(in_march, march))
    # the day selector offers the virtual day in March beside the final week
    days = [a.get("href") for a in in_june.find(".//nav[@class='tt-days']/ul").iter("a")]
    assert days[0].endswith("?day=2022-03-21")


def test_the_grid_extends_to_sessions_outside_office_hours(office, edition, make_session):
    early = make_session("Breakfast briefing", start=geneva(2022, 5, 31, 6, 30), minutes=60)
    late = make_session("Evening reception", start=geneva(2022, 5, 31, 20, 0), minutes=120)
    document = parse(office.get(timetable_url(edition, dt.date(2022, 5, 31))))
    times = [row.get("data-time") for row in document.find(".//tbody").iter("tr")]
    assert times[0] == "06:30"
    assert times[-1] == "21:30"
    assert place(document, early)[0] == "06:30"
    assert place(document, late)[0] == "20:00"


def test_a_speaker_in_two_rooms_at_once_is_shown_on_both_sessions(
    office, edition, make_session, person
):
    speaker = person(given_name="Amina", family_name="Diallo")
    first = make_session(
        "AI for good", start=geneva(2022, 5, 31, 9, 0), speakers=[(speaker, SpeakerRole.MODERATOR)]
    )
    second = make_session(
        "Broadband for all",
        start=geneva(2022, 5, 31, 9, 30),
        room="room-c",
        speakers=[(speaker, None)],
    )

    document = parse(office.get(timetable_url(edition, dt.date(2022, 5, 31))))

    assert badges(document, first) == {
        "speaker_double_booked": [
            "Amina Diallo also speaks in “Broadband for all” at the same time."
        ]
    }
    assert badges(document, second) == {
        "speaker_double_booked": ["Amina Diallo also speaks in “AI for good” at the same time."]
    }
    assert "Amina Diallo" in text(card(document, first))


def test_a_room_too_small_is_shown_on_the_session(office, edition, make_session):
    crowded = make_session(
        "Popular workshop", start=geneva(2022, 5, 31, 11, 0), room="room-c", expected_attendance=80
    )
    fits = make_session(
        "Small workshop", start=geneva(2022, 5, 31, 14, 0), room="room-c", expected_attendance=30
    )

    document = parse(office.get(timetable_url(edition, dt.date(2022, 5, 31))))

    assert badges(document, crowded) == {"room_too_small": ["Room C seats 40; 80 are expected."]}
    assert badges(document, fits) == {}


def test_a_speaker_in_their_night_is_shown_on_the_session(office, edition, make_session, person):
    far = person(given_name="Aroha", family_name="Ngata", time_zone="Pacific/Auckland")
    # 14:00 in Geneva (UTC+2) is midnight in Auckland (UTC+12)
    session = make_session(
        "Pacific connectivity", start=geneva(2022, 5, 31, 14, 0), speakers=[(far, None)]
    )
    document = parse(office.get(timetable_url(edition, dt.date(2022, 5, 31))))
    assert badges(document, session) == {
        "speaker_night": ["Aroha Ngata speaks at night in Pacific/Auckland."]
    }


def test_two_sessions_in_one_room_at_once_share_a_cell_and_are_both_marked(
    office, edition, make_session, rooms
):
    first = make_session("First", start=geneva(2022, 5, 31, 9, 0), minutes=60)
    second = make_session("Second", start=geneva(2022, 5, 31, 9, 30), minutes=60)

    document = parse(office.get(timetable_url(edition, dt.date(2022, 5, 31))))

    assert place(document, first) == place(document, second) == ("09:00", rooms["popov"].pk, 3)
    assert badges(document, first) == {
        "room_double_booked": ["Popov Room also holds “Second” at the same time."]
    }
    assert badges(document, second) == {
        "room_double_booked": ["Popov Room also holds “First” at the same time."]
    }


def test_the_page_needs_no_inline_script_or_style(office, edition, make_session):
    make_session(start=geneva(2022, 5, 31, 9, 0))
    make_session(room=None)
    response = office.get(timetable_url(edition, dt.date(2022, 5, 31)))
    document = parse(response)
    for element in document.iter():
        assert "style" not in element.attrib, element.tag
        assert not [name for name in element.attrib if name.startswith("on")], element.tag
        assert not (element.tag == "script" and not element.get("src"))
        assert not [name for name in element.attrib if name.startswith("hx-on")]
    scripts = [s.get("src") for s in document.iter("script")]
    assert any(src.endswith("programme/timetable.js") for src in scripts)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


# --- Moving -----------------------------------------------------------------------------------


def test_the_move_form_moves_a_session_keeping_its_length(office, edition, make_session, rooms):
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0), minutes=90)

    response = move(office, edition, session, rooms["room-c"], geneva(2022, 6, 1, 14, 30))

    assert response.status_code == 302
    assert response.url == f"{timetable_url(edition, dt.date(2022, 6, 1))}#session-{session.pk}"
    session.refresh_from_db()
    assert session.room == rooms["room-c"]
    assert session.starts_at == geneva(2022, 6, 1, 14, 30)
    assert session.ends_at == geneva(2022, 6, 1, 16, 0)
    document = parse(office.get(response.url))
    assert place(document, session) == ("14:30", rooms["room-c"].pk, 3)
    assert "“Digital inclusion” moved to Room C, Wednesday 1 June 2022, 14:30." in text(document)


def test_an_unscheduled_session_is_given_its_type_s_default_length(
    office, edition, make_session, rooms
):
    session = make_session("Draft", room=None, kind="policy-statements")
    move(office, edition, session, rooms["popov"], geneva(2022, 6, 2, 10, 0))
    session.refresh_from_db()
    assert (session.starts_at, session.ends_at) == (
        geneva(2022, 6, 2, 10, 0),
        geneva(2022, 6, 2, 11, 30),
    )


def test_a_drop_through_htmx_answers_the_grid_of_the_new_day(office, edition, make_session, rooms):
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))

    response = move(office, edition, session, rooms["room-c"], geneva(2022, 6, 1, 11, 0), htmx=True)

    assert response.status_code == 200
    assert response.headers["HX-Replace-Url"] == timetable_url(edition, dt.date(2022, 6, 1))
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="timetable"' in html
    assert 'hx-swap-oob="innerHTML">“Digital inclusion” moved to Room C' in html
    document = parse(response)
    assert place(document, session) == ("11:00", rooms["room-c"].pk, 2)
    session.refresh_from_db()
    assert session.starts_at == geneva(2022, 6, 1, 11, 0)


def test_a_move_into_an_occupied_room_is_refused_in_place_and_saves_nothing(
    office, edition, make_session, rooms
):
    holder = make_session("Broadband for all", start=geneva(2022, 5, 31, 10, 0), room="room-c")
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))

    for htmx in (False, True):
        response = move(
            office, edition, session, rooms["room-c"], geneva(2022, 5, 31, 10, 30), htmx=htmx
        )
        assert response.status_code == (200 if htmx else 409)
        document = parse(response)
        refusal = attempt(document, session)
        assert refusal is not None
        assert "Not moved to Room C, Tuesday 31 May 2022, 10:30:" in text(refusal)
        assert "Room C also holds “Broadband for all” at the same time." in text(refusal)
        assert buttons(refusal) == ["Move anyway"]
        # the grid is as it was: the session still in its own place
        assert place(document, session) == ("09:00", rooms["popov"].pk, 2)
        assert place(document, holder) == ("10:00", rooms["room-c"].pk, 2)
        assert attempt(document, holder) is None
        session.refresh_from_db()
        assert session.room == rooms["popov"]
        assert session.starts_at == geneva(2022, 5, 31, 9, 0)
        assert session.ends_at == geneva(2022, 5, 31, 10, 0)


def test_the_same_move_is_accepted_when_the_secretariat_schedules_anyway(
    office, edition, make_session, rooms
):
    holder = make_session("Broadband for all", start=geneva(2022, 5, 31, 10, 0), room="room-c")
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))

    # the form's checkbox
    response = move(
        office, edition, session, rooms["room-c"], geneva(2022, 5, 31, 10, 30), accept_warnings="1"
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.room, session.starts_at) == (rooms["room-c"], geneva(2022, 5, 31, 10, 30))
    document = parse(office.get(timetable_url(edition, dt.date(2022, 5, 31))))
    assert badges(document, session) == {
        "room_double_booked": ["Room C also holds “Broadband for all” at the same time."]
    }
    assert badges(document, holder) == {
        "room_double_booked": ["Room C also holds “Digital inclusion” at the same time."]
    }


def test_move_anyway_resends_the_refused_move_with_the_warnings_accepted(
    office, edition, make_session, rooms
):
    make_session("Broadband for all", start=geneva(2022, 5, 31, 10, 0), room="room-c")
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))
    refused = parse(
        move(office, edition, session, rooms["room-c"], geneva(2022, 5, 31, 10, 0), htmx=True)
    )
    form = attempt(refused, session).find(".//form")
    values = {i.get("name"): i.get("value") for i in form.iter("input")}
    assert values["accept_warnings"] == "1"

    response = office.post(form.get("action"), values, **HTMX)

    assert response.status_code == 200
    session.refresh_from_db()
    assert (session.room, session.starts_at) == (rooms["room-c"], geneva(2022, 5, 31, 10, 0))
    assert attempt(parse(response), session) is None


def test_a_move_outside_the_edition_is_refused_even_when_forced(
    office, edition, make_session, rooms
):
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))

    response = move(
        office, edition, session, rooms["room-c"], geneva(2022, 6, 10, 9, 0), accept_warnings="1"
    )

    assert response.status_code == 409
    refusal = attempt(parse(response), session)
    assert "Outside the edition's dates." in text(refusal)
    assert "This cannot be scheduled, even on purpose." in text(refusal)
    assert buttons(refusal) == []  # no "Move anyway"
    session.refresh_from_db()
    assert (session.room, session.starts_at) == (rooms["popov"], geneva(2022, 5, 31, 9, 0))


def test_a_move_into_a_speaker_s_night_asks_before_it_is_made(
    office, edition, make_session, rooms, person
):
    far = person(given_name="Aroha", family_name="Ngata", time_zone="Pacific/Auckland")
    session = make_session(
        "Pacific connectivity", start=geneva(2022, 5, 31, 9, 0), speakers=[(far, None)]
    )

    response = move(office, edition, session, rooms["popov"], geneva(2022, 5, 31, 14, 0), htmx=True)

    refusal = attempt(parse(response), session)
    assert "Aroha Ngata speaks at night in Pacific/Auckland." in text(refusal)
    assert buttons(refusal) == ["Move anyway"]
    session.refresh_from_db()
    assert session.starts_at == geneva(2022, 5, 31, 9, 0)

    move(office, edition, session, rooms["popov"], geneva(2022, 5, 31, 14, 0), accept_warnings="1")
    session.refresh_from_db()
    assert session.starts_at == geneva(2022, 5, 31, 14, 0)


def test_a_session_with_several_speakers_moves_to_a_free_slot(
    office, edition, make_session, rooms, person
):
    """A free room at a free time is no conflict, however many people speak."""
    session = make_session(
        "Panel", start=geneva(2022, 5, 31, 9, 0), speakers=[(person(), None), (person(), None)]
    )

    response = move(
        office, edition, session, rooms["room-c"], geneva(2022, 5, 31, 15, 0), htmx=True
    )

    refusal = attempt(parse(response), session)
    assert refusal is None, text(refusal)
    session.refresh_from_db()
    assert (session.room, session.starts_at) == (rooms["room-c"], geneva(2022, 5, 31, 15, 0))


def test_a_session_taken_off_the_timetable_goes_to_the_unscheduled_list(
    office, edition, make_session
):
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))

    response = office.post(
        move_url(edition), {"session": session.pk, "unschedule": "1", "day": "2022-05-31"}, **HTMX
    )

    session.refresh_from_db()
    assert (session.room, session.starts_at, session.ends_at) == (None, None, None)
    document = parse(response)
    assert place(document, session) is None
    assert "Digital inclusion" in unscheduled(document)


def test_a_move_with_missing_fields_is_refused_in_place(office, edition, make_session, rooms):
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))
    response = office.post(
        move_url(edition),
        {
            "session": session.pk,
            "room": rooms["popov"].pk,
            "date": "2022-05-31",
            "day": "2022-05-31",
        },
    )
    assert response.status_code == 400
    assert "Choose a room, a date and a start time." in text(attempt(parse(response), session))
    session.refresh_from_db()
    assert session.starts_at == geneva(2022, 5, 31, 9, 0)


def test_sessions_and_rooms_of_another_edition_cannot_be_moved_from_here(
    office, edition, other_edition, make_session, rooms
):
    foreign_room = Room.objects.create(
        edition=other_edition, name="Foreign", slug="foreign", kind=RoomKind.PHYSICAL, capacity=9
    )
    session = make_session("Digital inclusion", start=geneva(2022, 5, 31, 9, 0))
    response = move(office, edition, session, foreign_room, geneva(2022, 5, 31, 11, 0))
    assert response.status_code == 400
    session.refresh_from_db()
    assert session.room == rooms["popov"]

    foreign = Session.objects.create(
        edition=other_edition,
        code="f",
        title="Foreign session",
        session_type=session.session_type,
        track=session.track,
    )
    response = move(office, other_edition, session, rooms["room-c"], geneva(2022, 5, 31, 11, 0))
    assert response.status_code == 400  # this edition's session, the other edition's page
    response = move(office, edition, foreign, rooms["room-c"], geneva(2022, 5, 31, 11, 0))
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.room is None


# --- Queries ----------------------------------------------------------------------------------

# The grid itself: edition, permission, rooms, the day's sessions, the unscheduled ones, their
# speakers, the days that hold sessions; the rest is the session, the user and the header's
# permission checks of every page.
GRID_QUERIES = 11


def _busy_day(make_session, person, start: int, stop: int) -> None:
    speakers = [person(time_zone="Pacific/Auckland") for _ in range(3)]
    rooms = ["popov", "room-c", "virtual-1"]
    for i in range(start, stop):
        make_session(
            f"Session {i}",
            # back to back in each room, from 13:00 (midnight in Auckland is 14:00)
            start=geneva(2022, 5, 31, 13, 0) + dt.timedelta(minutes=30 * (i // 3)),
            minutes=30,
            room=rooms[i % 3],
            expected_attendance=50,
            speakers=[(speakers[i % 3], None), (speakers[(i + 1) % 3], None)],
        )
        make_session(f"Draft {i}", room=None, speakers=[(speakers[i % 3], None)])


def test_the_grid_reads_in_a_fixed_number_of_queries(
    office, edition, make_session, person, django_assert_max_num_queries
):
    url = timetable_url(edition, dt.date(2022, 5, 31))
    office.get(url)  # the first page after signing in also records the second factor
    counts = []
    for start, stop in ((0, 1), (1, 30)):
        _busy_day(make_session, person, start, stop)
        with django_assert_max_num_queries(GRID_QUERIES) as queries:
            response = office.get(url)
        counts.append(len(queries))
        document = parse(response)
        assert len(list(document.iter("article"))) == 2 * stop
    assert counts[0] == counts[1]
    # with 30 sessions every kind of warning is on the grid, computed from the same rows
    kinds = {
        kind for article in document.iter("article") for kind in badges(document, _pk(article))
    }
    assert kinds == {"speaker_double_booked", "room_too_small", "speaker_night"}


def _pk(article):
    return Session(pk=int(article.get("data-session")))
