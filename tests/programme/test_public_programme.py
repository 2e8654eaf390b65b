"""The published programme page: before publication, the programme by day with its
filters, times in the event's and the viewer's zones, its weight and queries, and languages."""

import datetime as dt

import pytest
from django.utils import translation
from django.utils.functional import Promise

from convoca.programme.forms import ProgrammeFilterForm
from convoca.programme.models import SpeakerRole
from convoca.taxonomy.models import SDG, ActionLine
from tests.conftest import sign_in
from tests.factories import PersonFactory, UserFactory

from .conftest import EDITION, PROGRAMME, geneva, html, speakers_of, text

pytestmark = pytest.mark.django_db


# --- Before publication ----------------------------------------------------------------------


def test_before_publication_the_public_finds_no_programme(client, edition, make_session):
    session = make_session(start=geneva(2022, 5, 31, 9, 0), speakers=speakers_of("woman"))
    person = session.speakers.get().person
    for page in (
        PROGRAMME,
        f"{EDITION}/sessions/{session.code}/",
        f"{EDITION}/speakers/",
        f"{EDITION}/speakers/{person.pk}/",
    ):
        assert client.get(page).status_code == 404, page
    edition_page = html(client.get(f"{EDITION}/"))
    assert "The programme is not published yet." in edition_page
    assert f'href="{PROGRAMME}"' not in edition_page
    assert f'href="{EDITION}/schedule.ics"' not in edition_page


def test_the_secretariat_previews_the_unpublished_programme_under_a_banner(
    client, secretariat, edition, make_session
):
    make_session("Opening of the WSIS Forum", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, secretariat)
    page = text(client.get(PROGRAMME))
    assert "Not published." in page
    assert "Opening of the WSIS Forum" in page


def test_once_published_the_programme_has_no_preview_banner(client, make_session, published):
    make_session("Opening of the WSIS Forum", start=geneva(2022, 5, 31, 9, 0))
    page = text(client.get(PROGRAMME))
    assert "Opening of the WSIS Forum" in page
    assert "Not published." not in page
    assert "Version 1, published" in page


# --- The programme ---------------------------------------------------------------------------


def test_the_programme_opens_on_the_first_day_and_offers_the_others(
    client, make_session, published
):
    make_session("Day two workshop", start=geneva(2022, 6, 1, 14, 0))
    make_session("Opening ceremony", start=geneva(2022, 5, 31, 9, 0))
    make_session("Unscheduled idea")  # not in the programme until it has a time
    response = client.get(PROGRAMME)
    page = html(response)
    assert "Opening ceremony" in page
    assert "Day two workshop" not in page
    assert "Unscheduled idea" not in page
    assert 'href="?day=2022-06-01"' in page  # the day selector, without JavaScript
    assert '<option value="2022-06-01">' in page
    assert "Day two workshop" in html(client.get(PROGRAMME, {"day": "2022-06-01"}))
    every_day = html(client.get(PROGRAMME, {"day": "all"}))
    assert "Opening ceremony" in every_day
    assert "Day two workshop" in every_day


def test_sessions_are_grouped_by_day_then_by_start_time(client, make_session, published):
    make_session("Afternoon B", start=geneva(2022, 5, 31, 14, 0), room="room-c")
    make_session("Morning", start=geneva(2022, 5, 31, 9, 0))
    make_session("Afternoon A", start=geneva(2022, 5, 31, 14, 0))
    page = html(client.get(PROGRAMME, {"day": "all"}))
    day = page.index('<time datetime="2022-05-31">')
    nine = page.index('<h3><time datetime="2022-05-31T09:00:00+02:00">09:00</time></h3>')
    two = page.index('<h3><time datetime="2022-05-31T14:00:00+02:00">14:00</time></h3>')
    assert day < nine < page.index("Morning") < two < page.index("Afternoon B")
    assert page.count("<h3>") == 2


@pytest.fixture
def varied(make_session, rooms, published):
    """Five sessions on one day, each found by one filter."""
    c5, c7 = ActionLine.objects.get(code="C5"), ActionLine.objects.get(code="C7")
    sdg4, sdg9 = SDG.objects.get(number=4), SDG.objects.get(number=9)
    at = geneva(2022, 5, 31, 9, 0)
    cyber = make_session("Cybersecurity for all", start=at, room="room-c", languages=["en", "fr"])
    cyber.action_lines.set([c5])
    cyber.sdgs.set([sdg9])
    school = make_session(
        "Connecting schools",
        start=at,
        room="virtual-1",
        track="high-level",
        kind="policy-statements",
        languages=["es"],
    )
    school.action_lines.set([c7])
    school.sdgs.set([sdg4])
    make_session("Hybrid café", start=at, room="popov", languages=["en"])
    return cyber, school


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"track": "high-level"}, ["Connecting schools"], ["Cybersecurity for all"]),
        ({"type": "policy-statements"}, ["Connecting schools"], ["Hybrid café"]),
        ({"room": "room-c"}, ["Cybersecurity for all"], ["Hybrid café"]),
        ({"action_line": "C5"}, ["Cybersecurity for all"], ["Connecting schools"]),
        ({"action_line": "c7"}, ["Connecting schools"], ["Cybersecurity for all"]),
        ({"sdg": "4"}, ["Connecting schools"], ["Cybersecurity for all"]),
        ({"language": "fr"}, ["Cybersecurity for all"], ["Hybrid café", "Connecting schools"]),
        ({"format": "in_person"}, ["Cybersecurity for all", "Hybrid café"], ["Connecting schools"]),
        ({"format": "virtual"}, ["Connecting schools", "Hybrid café"], ["Cybersecurity for all"]),
        ({"q": "schools"}, ["Connecting schools"], ["Hybrid café"]),
    ],
)
def test_each_filter_narrows_the_programme(client, varied, query, shown, hidden):
    page = html(client.get(PROGRAMME, query))
    for title in shown:
        assert title in page, (query, title)
    for title in hidden:
        assert title not in page, (query, title)


def test_the_search_finds_a_session_by_a_speakers_family_name(client, make_session, published):
    make_session(
        "Closing",
        start=geneva(2022, 5, 31, 17, 0),
        speakers=[(PersonFactory(family_name="Sah"), "")],
    )
    make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    page = html(client.get(PROGRAMME, {"q": "sah"}))
    assert "Closing" in page
    assert "Opening" not in page


def test_the_filters_are_labelled_fields_of_a_search_form(client, varied):
    page = html(client.get(PROGRAMME))
    assert 'role="search"' in page
    for name, label in [
        ("day", "Day"),
        ("track", "Track"),
        ("type", "Type"),
        ("room", "Room"),
        ("action_line", "Action Line"),
        ("sdg", "SDG"),
        ("language", "Language"),
        ("format", "Format"),
        ("q", "Search"),
    ]:
        assert f'<label for="id_{name}">{label}' in page, name
        assert f'name="{name}"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"sdg": "99"}, "There is no SDG “99”: the goals are numbered 1 to 17."),
        ({"sdg": "four"}, "There is no SDG “four”"),
        ({"day": "notadate"}, "“notadate” is not a day: use a date like 2022-05-31."),
        ({"action_line": "C99"}, "There is no action line “C99”."),
        ({"track": "nope"}, "“nope” is not one of the choices."),
        ({"format": "telepathy"}, "“telepathy” is not one of the choices."),
    ],
)
def test_a_malformed_filter_is_explained_in_the_form_and_the_rest_still_applies(
    client, varied, query, message
):
    response = client.get(PROGRAMME, {**query, "room": "room-c"})
    page = text(response)
    assert message in page
    assert "Some filters could not be read" in page
    assert "Cybersecurity for all" in page  # the room filter still applies
    assert "Hybrid café" not in page


def test_a_well_formed_day_without_sessions_says_so(client, varied):
    page = text(client.get(PROGRAMME, {"day": "2022-06-02"}))
    assert "No session matches on Thursday 2 June 2022." in page
    assert "Cybersecurity for all" not in page


def test_a_session_in_the_programme_shows_what_a_participant_needs(client, varied):
    cyber, _school = varied
    speaker = PersonFactory(given_name="Gitanjali", family_name="Sah")
    cyber.speakers.create(person=speaker, role=SpeakerRole.MODERATOR)
    page = html(client.get(PROGRAMME))
    card = page[page.index('id="s-' + cyber.code) :]
    card = card[: card.index("</li>")]
    assert f'href="{EDITION}/sessions/{cyber.code}/"' in card
    assert "Cybersecurity for all" in card
    assert "Thematic workshop" in card
    assert "Forum Track" in card
    assert "Room C" in card
    assert "09:00</time>–<time" in card
    assert f'href="{EDITION}/speakers/{speaker.pk}/">Gitanjali Sah</a>' in card
    assert ">C5</a>" in card
    assert 'class="sdg-chip sdg-9"' in card


def test_an_all_male_panel_carries_a_warning(client, make_session, published):
    make_session(
        "Men only", start=geneva(2022, 5, 31, 9, 0), speakers=speakers_of("man", "man", "")
    )
    make_session("Mixed", start=geneva(2022, 5, 31, 11, 0), speakers=speakers_of("man", "woman"))
    page = html(client.get(PROGRAMME))
    men_only = page[page.index("Men only") : page.index("Mixed")]
    assert "All-male panel" in men_only
    assert "All-male panel" not in page[page.index("Mixed") :]


# --- Times -----------------------------------------------------------------------------------


def test_anonymous_visitors_see_event_time_with_a_machine_readable_time(
    client, make_session, published
):
    make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    page = html(client.get(PROGRAMME))
    assert '<time datetime="2022-05-31T09:00:00+02:00">09:00</time>' in page
    assert "CEST" in page
    assert "your time" not in page


def test_a_signed_in_viewer_also_sees_their_own_time_across_summer_time(
    client, make_session, published, new_yorker
):
    # Geneva is on CEST (UTC+2) and New York on EDT (UTC-4) on 31 May 2022
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, new_yorker)
    page = text(client.get(PROGRAMME))
    assert "09:00 – 10:00 CEST · 03:00–04:00 EDT your time" in page
    session_page = text(client.get(f"{EDITION}/sessions/{session.code}/"))
    assert "09:00 – 10:00 CEST" in session_page
    assert "03:00–04:00 EDT your time" in session_page


@pytest.mark.parametrize(
    ("start", "event", "viewer"),
    [
        # winter: CET (UTC+1) and EST (UTC-5), six hours apart
        (geneva(2022, 1, 18, 9, 0), "09:00 – 10:00 CET", "03:00–04:00 EST"),
        # 22 March: New York is already on summer time, Geneva not yet: five hours apart
        (geneva(2022, 3, 22, 9, 0), "09:00 – 10:00 CET", "04:00–05:00 EDT"),
        # 27 March, the day Europe changes: 09:00 is already CEST
        (geneva(2022, 3, 27, 9, 0), "09:00 – 10:00 CEST", "03:00–04:00 EDT"),
    ],
)
def test_the_viewers_time_follows_each_zones_summer_time(
    client, make_session, published, new_yorker, start, event, viewer
):
    make_session("Virtual session", start=start)
    sign_in(client, new_yorker)
    page = text(client.get(PROGRAMME, {"day": start.date().isoformat()}))
    assert f"{event} · {viewer} your time" in page


def test_the_viewers_time_names_the_other_day_when_the_date_differs(
    client, make_session, published, new_yorker
):
    new_yorker.time_zone = "Pacific/Auckland"  # UTC+12 in May: 18:00 Geneva is 04:00 next day
    new_yorker.save()
    make_session("Evening", start=geneva(2022, 5, 31, 18, 0))
    sign_in(client, new_yorker)
    assert "04:00–05:00 NZST your time (Wed 1 Jun)" in text(client.get(PROGRAMME))


def test_a_viewer_in_the_event_zone_sees_each_time_once(client, make_session, published):
    local = UserFactory(email="geneva@example.org")
    local.time_zone = "Europe/Zurich"
    local.save()
    make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, local)
    assert "your time" not in html(client.get(PROGRAMME))


# --- Weight and queries ----------------------------------------------------------------------


def full_day(make_session, n, *, on=dt.date(2022, 5, 31)):
    """`n` sessions on one day as the WSIS Forum runs them: titles, three or four speakers,
    action lines, goals, languages, in eight parallel rooms."""
    lines = list(ActionLine.objects.filter(parent=None))
    goals = list(SDG.objects.all())
    people = [PersonFactory(gender=("woman", "man", "")[i % 3]) for i in range(40)]
    rooms = ["popov", "room-c", "virtual-1"]
    for i in range(n):
        start = geneva(on.year, on.month, on.day, 9 + (i // 8) % 9, 0)
        session = make_session(
            f"WSIS Action Line facilitation meeting {i}: building confidence and security "
            f"in the use of ICTs for sustainable development",
            start=start,
            minutes=45,
            room=rooms[i % 3],
            track=("forum", "high-level")[i % 2],
            languages=["en", "fr", "es"],
            speakers=[(people[(i + k) % 40], "") for k in range(3 + i % 2)],
        )
        session.action_lines.set(lines[i % 11 : i % 11 + 2])
        session.sdgs.set(goals[i % 17 : i % 17 + 3])


def test_a_realistic_day_weighs_less_than_100_kb(client, make_session, published, participant):
    full_day(make_session, 60)
    make_session("Next day", start=geneva(2022, 6, 1, 9, 0))
    response = client.get(PROGRAMME)
    assert html(response).count('class="card"') == 60
    assert len(response.content) < 100_000, len(response.content)
    sign_in(client, participant)  # every card now has a star button
    response = client.get(PROGRAMME)
    assert html(response).count("Add to my agenda") == 60
    assert len(response.content) < 100_000, len(response.content)


@pytest.mark.parametrize(("n"), [1, 30])
@pytest.mark.parametrize(("viewer", "budget"), [("anonymous", 13), ("participant", 22)])
def test_the_programme_costs_the_same_queries_for_1_or_30_sessions(
    client, make_session, published, participant, django_assert_max_num_queries, n, viewer, budget
):
    # the edition, its version, the form's choices, the days, the sessions and what they
    # show; a participant adds their account, agenda and permissions
    full_day(make_session, n)
    if viewer == "participant":
        sign_in(client, participant)
    with django_assert_max_num_queries(budget):
        assert html(client.get(PROGRAMME)).count('class="card"') == n


# --- Languages -------------------------------------------------------------------------------


def test_the_arabic_programme_reads_right_to_left(client, make_session, published):
    make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    page = html(client.get("/ar/editions/wsis-forum-2022/programme/"))
    assert 'dir="rtl"' in page
    assert 'lang="ar"' in page


def test_the_filter_labels_are_translatable(edition):
    form = ProgrammeFilterForm({}, edition=edition)
    for name, field in form.fields.items():
        assert isinstance(field.label, Promise), name
    with translation.override("fr"):
        assert str(form.fields["day"].label) == translation.gettext("Day")
