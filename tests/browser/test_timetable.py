"""The secretariat arranges the timetable in the browser: a drag onto an occupied room is refused
in place, then the "Move" form puts the session in a free slot."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from convoca.programme.models import Edition, Forum, Room, RoomKind, Session, SessionType, Track
from tests.browser.conftest import sign_in_with_code

pytestmark = pytest.mark.browser

GENEVA = ZoneInfo("Europe/Zurich")


def geneva(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=GENEVA)


@pytest.fixture
def programme(transactional_db):
    """An edition with two rooms and two sessions on Tuesday 31 May 2022."""
    forum = Forum.objects.create(name="WSIS Forum", slug="wsis-forum")
    edition = Edition.objects.create(
        forum=forum,
        name="WSIS Forum 2022",
        slug="wsis-forum-2022",
        time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15),
        final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
    )
    track = Track.objects.create(edition=edition, name="Forum Track", slug="forum")
    workshop = SessionType.objects.create(
        edition=edition, name="Thematic workshop", slug="thematic-workshop"
    )
    popov = Room.objects.create(
        edition=edition, name="Popov Room", slug="popov", kind=RoomKind.HYBRID, capacity=120
    )
    room_c = Room.objects.create(
        edition=edition, name="Room C", slug="room-c", kind=RoomKind.PHYSICAL, capacity=40
    )

    def session(code, title, room, start):
        return Session.objects.create(
            edition=edition,
            code=code,
            title=title,
            session_type=workshop,
            track=track,
            room=room,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )

    return {
        "edition": edition,
        "popov": popov,
        "room-c": room_c,
        "inclusion": session("inclusion", "Digital inclusion", popov, geneva(2022, 5, 31, 9, 0)),
        "cyber": session("cyber", "Cybersecurity dialogue", room_c, geneva(2022, 5, 31, 11, 0)),
    }


def test_secretariat_drags_a_session_onto_an_occupied_room_then_moves_it_with_the_form(
    page: Page, live_server, secretariat, programme
):
    edition, popov, room_c = programme["edition"], programme["popov"], programme["room-c"]
    cyber = programme["cyber"]

    problems = []  # a script refused by the CSP, or failing, would show here

    def console(message):
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            problems.append(f"{message.text} ({message.location['url']})")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))

    # The secretariat signs in: password, then the authenticator's code.
    sign_in_with_code(page, secretariat)

    # The timetable of the edition, on Tuesday of the final week, on a screen tall enough for
    # the whole day (a drag starts where the mouse is pressed: both ends must be on screen).
    page.set_viewport_size({"width": 1400, "height": 1600})
    page.goto(f"/en/secretariat/editions/{edition.slug}/timetable/?day=2022-05-31")
    expect(page.get_by_role("heading", name="Timetable of WSIS Forum 2022")).to_be_visible()
    expect(page.get_by_role("heading", name="Tuesday 31 May 2022")).to_be_visible()
    card = page.locator(f"#session-{cyber.pk}")
    in_place = page.locator(
        f'tr[data-time="11:00"] td[data-room="{room_c.pk}"] #session-{cyber.pk}'
    )
    expect(in_place).to_be_visible()
    occupied = page.locator(f'tr[data-time="09:00"] td[data-room="{popov.pk}"]')
    expect(occupied).to_contain_text("Digital inclusion")
    serious = [
        f"{v['id']}: {v['help']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []

    # They drag "Cybersecurity dialogue" onto the Popov Room at 09:00, which is taken.
    card.locator("h3").drag_to(occupied, target_position={"x": 20, "y": 5})

    # The refusal shows next to the session, which stays where it was.
    refusal = page.locator(f"#session-{cyber.pk} [role=alert]")
    expect(refusal).to_contain_text("Not moved to Popov Room, Tuesday 31 May 2022, 09:00:")
    expect(refusal).to_contain_text("Popov Room also holds “Digital inclusion” at the same time.")
    expect(refusal.get_by_role("button", name="Move anyway")).to_be_visible()
    expect(in_place).to_be_visible()
    cyber.refresh_from_db()
    assert (cyber.room_id, cyber.starts_at) == (room_c.pk, geneva(2022, 5, 31, 11, 0))

    # Without dragging: the session's "Move" form, to the Popov Room at 14:00, which is free.
    card = page.locator(f"#session-{cyber.pk}")
    card.locator("summary").click()
    form = card.get_by_role("form", name="Move “Cybersecurity dialogue”")
    form.get_by_label("Room").select_option(label="Popov Room")
    form.get_by_label("Date").fill("2022-05-31")
    form.get_by_label("Start").fill("14:00")
    form.get_by_role("button", name="Move", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text(
        "“Cybersecurity dialogue” moved to Popov Room, Tuesday 31 May 2022, 14:00."
    )
    moved = page.locator(f'tr[data-time="14:00"] td[data-room="{popov.pk}"] #session-{cyber.pk}')
    expect(moved).to_be_visible()
    expect(moved).to_contain_text("14:00–15:00")
    expect(page.locator(f"#session-{cyber.pk} [role=alert]")).to_have_count(0)
    cyber.refresh_from_db()
    assert (cyber.room_id, cyber.starts_at) == (popov.pk, geneva(2022, 5, 31, 14, 0))

    # A drag onto a free cell moves it: Room C at 10:00.
    free = page.locator(f'tr[data-time="10:00"] td[data-room="{room_c.pk}"]')
    page.locator(f"#session-{cyber.pk} h3").drag_to(free)
    expect(page.get_by_role("status")).to_contain_text(
        "moved to Room C, Tuesday 31 May 2022, 10:00"
    )
    expect(
        page.locator(f'tr[data-time="10:00"] td[data-room="{room_c.pk}"] #session-{cyber.pk}')
    ).to_be_visible()
    cyber.refresh_from_db()
    assert (cyber.room_id, cyber.starts_at) == (room_c.pk, geneva(2022, 5, 31, 10, 0))
    assert problems == []
