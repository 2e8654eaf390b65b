"""A participant reads the published programme in Arabic, narrows it to Action Line C5, stars two
sessions and finds exactly those in their agenda and in its calendar feed."""

import pytest
from playwright.sync_api import Page, expect

from convoca.programme import services
from convoca.programme.models import SpeakerRole
from convoca.taxonomy.models import ActionLine
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, PersonFactory, UserFactory

# The programme's fixtures (a WSIS Forum 2022-like edition in Geneva time), used here as they are.
from tests.programme.conftest import (  # noqa: F401
    edition,
    forum,
    geneva,
    make_session,
    rooms,
    session_types,
    tracks,
)

pytestmark = pytest.mark.browser

# Action Line C5 (building confidence and security in the use of ICTs), over two days.
CYBER = "Cybersecurity for all"
TRUST = "Trust in digital identity"
CHILDREN = "Protecting children online"
# Everything else the public sees on those days: other action lines, or none.
OTHERS = [
    "Connecting rural schools",
    "Digital inclusion dialogue",
    "Policy statements of ministers",
    "E-government in practice",
    "Media literacy lab",
]
# A C5 session that is not public: it never shows.
DRAFT = "Closed bureau meeting"


@pytest.fixture
def published(reference_data, edition, make_session):  # noqa: F811
    """Eight public sessions on Tuesday 31 May and Wednesday 1 June 2022, three of them (and a
    draft) tagged C5, with speakers; then version 1 of the programme is published."""
    c5 = ActionLine.objects.get(code="C5")
    c7 = ActionLine.objects.get(code="C7")
    people = PersonFactory.create_batch(6)

    def session(title, start, *, lines=(), speakers=(), **extra):
        made = make_session(
            title,
            start=start,
            speakers=[(people[i], role) for i, role in speakers],
            **extra,
        )
        made.action_lines.add(*lines)
        return made

    sessions = {
        CYBER: session(
            CYBER,
            geneva(2022, 5, 31, 9, 0),
            lines=[c5],
            speakers=[(0, SpeakerRole.MODERATOR), (1, SpeakerRole.SPEAKER)],
        ),
        "Connecting rural schools": session(
            "Connecting rural schools",
            geneva(2022, 5, 31, 9, 0),
            room="room-c",
            lines=[c7],
            speakers=[(2, SpeakerRole.SPEAKER)],
        ),
        TRUST: session(
            TRUST,
            geneva(2022, 5, 31, 11, 0),
            room="room-c",
            lines=[c5, c7],
            speakers=[(3, SpeakerRole.SPEAKER), (4, SpeakerRole.RAPPORTEUR)],
        ),
        "Digital inclusion dialogue": session(
            "Digital inclusion dialogue",
            geneva(2022, 5, 31, 14, 0),
            speakers=[(5, SpeakerRole.SPEAKER)],
        ),
        "Policy statements of ministers": session(
            "Policy statements of ministers",
            geneva(2022, 5, 31, 16, 0),
            minutes=90,
            track="high-level",
            kind="policy-statements",
            speakers=[(0, SpeakerRole.HIGH_LEVEL_SPEAKER)],
        ),
        CHILDREN: session(
            CHILDREN,
            geneva(2022, 6, 1, 9, 0),
            lines=[c5],
            speakers=[(1, SpeakerRole.MODERATOR), (2, SpeakerRole.SPEAKER)],
        ),
        "E-government in practice": session(
            "E-government in practice",
            geneva(2022, 6, 1, 11, 0),
            room="room-c",
            lines=[c7],
            speakers=[(3, SpeakerRole.SPEAKER)],
        ),
        "Media literacy lab": session(
            "Media literacy lab",
            geneva(2022, 6, 1, 14, 0),
            room="virtual-1",
            speakers=[(4, SpeakerRole.SPEAKER), (5, SpeakerRole.MODERATOR)],
        ),
        DRAFT: session(DRAFT, geneva(2022, 6, 1, 16, 0), lines=[c5], public=False),
    }
    services.publish_programme(edition=edition, by=None)
    return sessions


def test_participant_filters_the_arabic_programme_by_c5_and_finds_two_starred_sessions_in_agenda(
    page: Page,
    edition,  # noqa: F811
    published,
):
    participant = UserFactory(email="participant@example.org")
    base = f"/ar/editions/{edition.slug}"

    problems = []  # a script refused by the CSP, or failing, would show here

    def console(message):
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            problems.append(f"{message.text} ({message.location['url']})")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))

    # The participant signs in, then opens the programme in Arabic: right to left.
    sign_in(page, participant.email, PASSWORD)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto(f"{base}/programme/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    cards = page.locator("li.card h4")
    # Unfiltered, the first day: Tuesday's five sessions, in order of time.
    expect(cards).to_have_text([CYBER, OTHERS[0], TRUST, OTHERS[1], OTHERS[2]])

    # They choose Action Line C5 in the filter form and submit it: the first day's C5 sessions.
    filters = page.locator("form[role=search]")
    filters.locator("select[name=action_line]").select_option("C5")
    filters.locator("button[type=submit]").click()
    expect(page).to_have_url(f"{base}/programme/?" + _query_with("action_line=C5"))
    expect(filters.locator("select[name=action_line]")).to_have_value("C5")
    expect(cards).to_have_text([CYBER, TRUST])

    # "All days" keeps the filter: every C5 session over both days, and nothing else.
    all_days = page.locator("a[href^='?day=all&']")
    expect(all_days).to_have_attribute("href", "?" + _query_with("day=all", "action_line=C5"))
    all_days.click()
    filtered = f"{base}/programme/?" + _query_with("day=all", "action_line=C5")
    expect(page).to_have_url(filtered)
    expect(cards).to_have_text([CYBER, TRUST, CHILDREN])
    for title in [*OTHERS, DRAFT]:
        expect(page.get_by_text(title, exact=True)).to_have_count(0)
    for title in (CYBER, TRUST, CHILDREN):
        card = page.locator(f"#s-{published[title].code}")
        expect(card.locator("a.badge", has_text="C5")).to_be_visible()

    # They star two of them; each button turns into "remove" in place.
    for title in (TRUST, CHILDREN):
        code = published[title].code
        page.locator(f"#s-{code} button[name=star][value='{code}']").click()
        expect(page.locator(f"#s-{code} button[name=unstar][value='{code}']")).to_be_visible()
        expect(page.locator(f"#s-{code} button[name=star]")).to_have_count(0)
    cyber = published[CYBER].code
    expect(page.locator(f"#s-{cyber} button[name=star][value='{cyber}']")).to_be_visible()
    # Still the filtered programme: the stars did not take the participant elsewhere.
    expect(page).to_have_url(filtered)

    # Their agenda, from the edition's navigation, holds exactly those two sessions.
    page.locator(f"nav.toolbar a[href='{base}/agenda/']").click()
    expect(page).to_have_url(f"{base}/agenda/")
    expect(html).to_have_attribute("dir", "rtl")
    expect(cards).to_have_text([TRUST, CHILDREN])
    for title in (TRUST, CHILDREN):
        code = published[title].code
        expect(page.locator(f"#s-{code} button[name=unstar][value='{code}']")).to_be_visible()

    # The calendar link answers the same two sessions as iCalendar, with the browser's cookies.
    feed = page.locator("a[href$='agenda.ics']")
    expect(feed).to_have_attribute("href", f"{base}/agenda.ics")
    response = page.request.get(feed.get_attribute("href"))
    assert response.status == 200, response.text()
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = response.text().replace("\r\n ", "")  # unfold long lines (RFC 5545, 3.1)
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert calendar.count("BEGIN:VEVENT") == 2
    assert f"SUMMARY:{TRUST}" in calendar
    assert f"SUMMARY:{CHILDREN}" in calendar
    assert CYBER not in calendar
    assert problems == []


def _query_with(*pairs: str) -> str:
    """The query string the filter form submits: every field, empty but for `pairs`."""
    chosen = dict(pair.split("=", 1) for pair in pairs)
    fields = ["day", "track", "type", "room", "action_line", "sdg", "language", "format", "q"]
    return "&".join(f"{name}={chosen.get(name, '')}" for name in fields)
