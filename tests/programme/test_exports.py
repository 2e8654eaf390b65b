"""Schedule exports: frab XML/JSON valid against the C3VOC schemas, iCalendar that calendar apps
read with the right times either side of the switch to summer time, one cached body per
published version, the personal agenda feed, and the secretariat's spreadsheets."""

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import jsonschema
import pytest
import xmlschema
from django.conf import settings
from django.core.cache import cache
from openpyxl import load_workbook

from convoca.programme import services
from convoca.programme.exports.agenda import agenda_feed_url, agenda_token
from convoca.programme.models import SpeakerRole
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

from .conftest import geneva

pytestmark = pytest.mark.django_db

STANDARDS = Path(__file__).resolve().parents[1] / "standards" / "frab-schedule"
BASE = "/en/editions/wsis-forum-2022"
FEEDS = ["schedule.xml", "schedule.json", "schedule.ics"]
UTC = dt.UTC


@pytest.fixture(scope="module")
def frab_xsd():
    return xmlschema.XMLSchema(str(STANDARDS / "schedule.xml.xsd"))


@pytest.fixture(scope="module")
def frab_json_schema():
    schema = json.loads((STANDARDS / "schema2.json").read_text())
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


@pytest.fixture
def programme(edition, make_session):
    """A small WSIS Forum 2022 programme: sessions in March (winter time) and in the final week
    (summer time), one after midnight, one without a room, one private, one unscheduled."""
    amina = PersonFactory(given_name="Amina", family_name="Diallo", gender="woman")
    juan = PersonFactory(given_name="Juan", family_name="Pérez", gender="man")
    final = make_session(
        "Bridging the digital divide & <gender> gaps\x0b",
        start=geneva(2022, 5, 31, 9, 0),
        minutes=90,
        room="popov",
        track="high-level",
        kind="policy-statements",
        speakers=[(amina, SpeakerRole.MODERATOR), (juan, SpeakerRole.SPEAKER)],
        abstract="Ministers on connectivity; affordability, skills.\nSecond line.",
        languages=["fr", "en"],
        slides_url="https://example.org/slides.pdf",
    )
    final.organizers.set([OrganizationFactory(name="ITU"), OrganizationFactory(name="UNESCO")])
    march = make_session("Opening of the virtual weeks", start=geneva(2022, 3, 15, 9, 0))
    night = make_session(
        "Late-night hackathon", start=geneva(2022, 6, 1, 1, 30), room="virtual-1", minutes=45
    )
    roomless = make_session("Informal café", start=geneva(2022, 6, 2, 12, 0), room=None)
    private = make_session("Closed bureau meeting", start=geneva(2022, 5, 31, 11), public=False)
    unscheduled = make_session("Not yet scheduled")
    return {
        "final": final,
        "march": march,
        "night": night,
        "roomless": roomless,
        "private": private,
        "unscheduled": unscheduled,
    }


def publish(edition, note=""):
    return services.publish_programme(edition=edition, by=None, note=note)


def events_by_title(root):
    return {event.findtext("title"): event for event in root.iter("event")}


def vevents(body: bytes):
    calendar = icalendar.Calendar.from_ical(body)
    return calendar, {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


# --- frab XML ----------------------------------------------------------------------------------


def test_frab_xml_is_valid_and_places_each_session_on_its_day_in_geneva_time(
    client, edition, programme, frab_xsd
):
    publish(edition)
    response = client.get(f"{BASE}/schedule.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    frab_xsd.validate(response.content.decode())

    root = ET.fromstring(response.content)
    assert root.findtext("version") == "v1"
    assert root.findtext("conference/acronym") == "wsis_forum_2022"
    assert root.findtext("conference/title") == "WSIS Forum 2022"
    assert root.findtext("conference/start") == "2022-03-15"
    assert root.findtext("conference/end") == "2022-06-03"
    assert root.findtext("conference/time_zone_name") == "Europe/Zurich"
    assert root.findtext("conference/days") == str(len(root.findall("day")))
    assert [t.get("name") for t in root.findall("conference/track")] == [
        "High-Level Track",
        "Forum Track",
    ]

    # frab days change at 04:00 local time, in winter and summer time alike
    days = {day.get("date"): day for day in root.findall("day")}
    assert days["2022-03-15"].get("start") == "2022-03-15T04:00:00+01:00"
    assert days["2022-05-31"].get("start") == "2022-05-31T04:00:00+02:00"
    assert days["2022-05-31"].get("end") == "2022-06-01T04:00:00+02:00"
    assert [day.get("index") for day in root.findall("day")][:2] == ["1", "2"]

    events = events_by_title(root)
    final = events["Bridging the digital divide & <gender> gaps"]  # control character dropped
    assert final.get("guid") == str(programme["final"].guid)
    assert final.get("id") == str(programme["final"].pk)
    assert final.findtext("date") == "2022-05-31T09:00:00+02:00"
    assert final.findtext("start") == "09:00"
    assert final.findtext("duration") == "01:30"
    assert final.findtext("room") == "Popov Room"
    assert final.findtext("track") == "High-Level Track"
    assert final.findtext("type") == "Policy statements"
    assert final.findtext("language") == "fr"
    assert final.findtext("slug") == f"wsis_forum_2022-{programme['final'].pk}-s1"
    assert final.findtext("abstract").startswith("Ministers on connectivity")
    assert "Organized by: ITU, UNESCO" in final.findtext("description")
    assert [p.text for p in final.iter("person")] == ["Amina Diallo", "Juan Pérez"]
    assert [link.get("href") for link in final.iter("link")] == ["https://example.org/slides.pdf"]
    assert final.findtext("url").startswith(settings.SITE_URL.rstrip("/") + "/en/")
    assert final in list(days["2022-05-31"].iter("event"))

    march = events["Opening of the virtual weeks"]
    assert march.findtext("date") == "2022-03-15T09:00:00+01:00"
    # 01:30 on 1 June is still the night of 31 May
    night = events["Late-night hackathon"]
    assert night in list(days["2022-05-31"].iter("event"))
    assert night.findtext("start") == "01:30"
    assert events["Informal café"].findtext("room") == "Room to be announced"

    assert "Closed bureau meeting" not in events
    assert "Not yet scheduled" not in events
    assert b"zoom.example.org" not in response.content  # join links stay private


# --- frab JSON ---------------------------------------------------------------------------------


def test_frab_json_is_valid_against_schema2_with_real_values(
    client, edition, programme, frab_json_schema
):
    publish(edition)
    response = client.get(f"{BASE}/schedule.json")
    assert response.status_code == 200
    document = response.json()
    frab_json_schema.validate(document)

    schedule = document["schedule"]
    conference = schedule["conference"]
    assert schedule["version"] == "v1"
    assert conference["acronym"] == "wsis_forum_2022"
    assert conference["start"] == "2022-03-15T04:00:00+01:00"
    assert conference["end"] == "2022-06-04T04:00:00+02:00"
    assert conference["time_zone_name"] == "Europe/Zurich"
    assert conference["timeslot_duration"] == "PT15M"
    assert {room["name"] for room in conference["rooms"]} >= {"Popov Room", "Room C"}
    assert [track["slug"] for track in conference["tracks"]] == ["high-level", "forum"]

    events = {event["title"]: event for event in schedule["events"]}
    assert set(events) == {
        "Bridging the digital divide & <gender> gaps",
        "Opening of the virtual weeks",
        "Late-night hackathon",
        "Informal café",
    }
    final = events["Bridging the digital divide & <gender> gaps"]
    assert final["guid"] == str(programme["final"].guid)
    assert final["start"] == "2022-05-31T09:00:00+02:00"
    assert final["end"] == "2022-05-31T10:30:00+02:00"
    assert final["duration"] == "PT1H30M"
    assert final["room"]["name"] == "Popov Room"
    assert final["track"]["slug"] == "high-level"
    assert final["type"] == "TALK"
    assert final["language"] == "fr"
    assert [(p["name"], p["role"]) for p in final["participants"]] == [
        ("Amina Diallo", "MODERATOR"),
        ("Juan Pérez", "SPEAKER"),
    ]
    assert final["links"] == [
        {"type": "SLIDES", "url": "https://example.org/slides.pdf", "title": "Slides"}
    ]
    assert events["Opening of the virtual weeks"]["start"] == "2022-03-15T09:00:00+01:00"
    assert events["Opening of the virtual weeks"]["type"] == "WORKSHOP"
    for event in schedule["events"]:
        assert dt.datetime.fromisoformat(event["start"]).utcoffset() is not None
    # the same room has the same guid in the room list and in its events
    rooms = {room["name"]: room["guid"] for room in conference["rooms"]}
    assert final["room"]["guid"] == rooms["Popov Room"]


# --- iCalendar ---------------------------------------------------------------------------------


def test_ical_feed_keeps_geneva_times_across_the_switch_to_summer_time(client, edition, programme):
    publish(edition)
    response = client.get(f"{BASE}/schedule.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))

    calendar, events = vevents(body)
    assert calendar["VERSION"] == "2.0"
    assert "convoca" in str(calendar["PRODID"])
    assert set(events) == {
        "Bridging the digital divide & <gender> gaps",
        "Opening of the virtual weeks",
        "Late-night hackathon",
        "Informal café",
    }
    final = events["Bridging the digital divide & <gender> gaps"]
    host = urlsplit(settings.SITE_URL).hostname
    assert str(final["UID"]) == f"{programme['final'].guid}@{host}"
    assert final["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert final["DTSTART"].dt.astimezone(UTC) == dt.datetime(2022, 5, 31, 7, 0, tzinfo=UTC)
    assert final["DTEND"].dt.astimezone(UTC) == dt.datetime(2022, 5, 31, 8, 30, tzinfo=UTC)
    march = events["Opening of the virtual weeks"]
    assert march["DTSTART"].dt.astimezone(UTC) == dt.datetime(2022, 3, 15, 8, 0, tzinfo=UTC)
    assert str(final["LOCATION"]) == "Popov Room, ITU Headquarters"
    assert "Ministers on connectivity; affordability, skills.\nSecond line." in str(
        final["DESCRIPTION"]
    )
    assert "Amina Diallo (Moderator), Juan Pérez (Speaker)" in str(final["DESCRIPTION"])
    assert str(final["URL"]).startswith(settings.SITE_URL.rstrip("/") + "/en/")
    assert "Closed bureau meeting" not in events

    # The VTIMEZONE itself, not only the zone name, gives the right offsets.
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Zurich"
    tz = zone.to_tz()
    assert dt.datetime(2022, 5, 31, 9, tzinfo=tz).astimezone(UTC).hour == 7
    assert dt.datetime(2022, 3, 15, 9, tzinfo=tz).astimezone(UTC).hour == 8
    transitions = [str(c["DTSTART"].to_ical().decode()) for c in zone.walk("DAYLIGHT")]
    assert "20220327T020000" in transitions  # 02:00 CET becomes 03:00 CEST


def test_one_session_downloads_as_its_own_ics(client, edition, programme):
    publish(edition)
    final = programme["final"]
    response = client.get(f"{BASE}/sessions/{final.guid}.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{final.code}.ics"'
    _calendar, events = vevents(response.content)
    assert list(events) == ["Bridging the digital divide & <gender> gaps"]
    event = events["Bridging the digital divide & <gender> gaps"]
    assert event["DTSTART"].dt.astimezone(UTC) == dt.datetime(2022, 5, 31, 7, tzinfo=UTC)

    for hidden in (programme["private"], programme["unscheduled"]):
        assert client.get(f"{BASE}/sessions/{hidden.guid}.ics").status_code == 404
    assert (
        client.get(f"{BASE}/sessions/{final.guid}.ics".replace("/en/", "/fr/")).status_code == 200
    )
    missing = "00000000-0000-4000-8000-000000000000"
    assert client.get(f"{BASE}/sessions/{missing}.ics").status_code == 404


# --- publication, preview and caching ----------------------------------------------------------


def test_exports_of_an_unpublished_programme_are_hidden_from_the_public(client, edition, programme):
    for feed in FEEDS:
        assert client.get(f"{BASE}/{feed}").status_code == 404
    assert client.get(f"{BASE}/sessions/{programme['final'].guid}.ics").status_code == 404
    assert client.get("/en/editions/no-such-edition/schedule.xml").status_code == 404


def test_the_secretariat_previews_the_unpublished_programme_uncached(
    client, edition, programme, secretariat, frab_xsd
):
    sign_in(client, secretariat)
    response = client.get(f"{BASE}/schedule.xml")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")
    frab_xsd.validate(response.content.decode())
    assert ET.fromstring(response.content).findtext("version") == "preview"
    assert client.get(f"{BASE}/schedule.json").json()["schedule"]["version"] == "preview"
    assert client.get(f"{BASE}/sessions/{programme['private'].guid}.ics").status_code == 200


def test_after_publication_preview_shows_edits_to_the_secretariat_only(
    client, edition, programme, secretariat
):
    publish(edition)
    session = programme["march"]
    session.title = "Renamed but not yet published"
    session.save()
    public = client.get(f"{BASE}/schedule.xml?preview=1")
    assert b"Renamed but not yet published" not in public.content
    sign_in(client, secretariat)
    preview = client.get(f"{BASE}/schedule.xml?preview=1")
    assert b"Renamed but not yet published" in preview.content
    assert ET.fromstring(preview.content).findtext("version") == "v1-preview"


@pytest.mark.parametrize("feed", FEEDS)
def test_an_unchanged_version_answers_not_modified(client, edition, programme, feed):
    version = publish(edition)
    first = client.get(f"{BASE}/{feed}")
    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')
    assert first["Last-Modified"]
    assert first["Access-Control-Allow-Origin"] == "*"
    assert "public" in first["Cache-Control"]
    assert client.get(f"{BASE}/{feed}", headers={"If-None-Match": first["ETag"]}).status_code == 304
    since = client.get(f"{BASE}/{feed}", headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    assert since["ETag"] == first["ETag"]
    assert str(version.number) in first["ETag"]


@pytest.mark.parametrize("feed", FEEDS)
def test_a_new_published_version_changes_the_etag_and_the_body(client, edition, programme, feed):
    publish(edition)
    first = client.get(f"{BASE}/{feed}")
    # edited but not published: the cached body of version 1 is still served
    session = programme["march"]
    session.title = "Opening of the WSIS Forum 2022 virtual weeks"
    session.save()
    again = client.get(f"{BASE}/{feed}")
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]

    publish(edition)
    after = client.get(f"{BASE}/{feed}", headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]
    assert after.content != first.content
    assert "Opening of the WSIS Forum 2022 virtual weeks" in after.content.decode()


def test_each_language_has_its_own_body_and_etag(client, edition, programme):
    publish(edition)
    session = programme["march"]
    session.title_fr = "Ouverture des semaines virtuelles"
    session.save()
    cache.clear()
    english = client.get(f"{BASE}/schedule.json")
    french = client.get(f"{BASE}/schedule.json".replace("/en/", "/fr/"))
    assert english["ETag"] != french["ETag"]
    titles = {e["title"] for e in french.json()["schedule"]["events"]}
    assert "Ouverture des semaines virtuelles" in titles
    # what has no French title falls back to English
    assert "Late-night hackathon" in titles
    assert "Ouverture des semaines virtuelles" not in english.content.decode()


@pytest.mark.parametrize("count", [1, 30])
@pytest.mark.parametrize("feed", FEEDS)
def test_building_an_export_takes_a_fixed_number_of_queries(
    client, edition, make_session, count, feed, django_assert_max_num_queries
):
    speakers = [(PersonFactory(), SpeakerRole.SPEAKER), (PersonFactory(), SpeakerRole.MODERATOR)]
    organizer = OrganizationFactory()
    for n in range(count):
        session = make_session(
            start=geneva(2022, 5, 30, 8) + dt.timedelta(hours=n), speakers=speakers
        )
        session.organizers.add(organizer)
    publish(edition)
    cache.clear()
    # edition, version, its snapshot, sessions, speakers, action lines, SDGs, organizers,
    # rooms, tracks, session types
    with django_assert_max_num_queries(11):
        assert client.get(f"{BASE}/{feed}").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(f"{BASE}/{feed}").status_code == 200


# --- personal agenda ---------------------------------------------------------------------------


@pytest.fixture
def starred(participant, programme):
    services.star(user=participant, session=programme["final"])
    services.star(user=participant, session=programme["march"])
    return participant


def test_the_agenda_feed_holds_the_sessions_one_starred(client, edition, programme, starred):
    publish(edition)
    client.force_login(starred)
    response = client.get(f"{BASE}/agenda.ics")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    calendar, events = vevents(response.content)
    assert set(events) == {
        "Bridging the digital divide & <gender> gaps",
        "Opening of the virtual weeks",
    }
    assert "My agenda" in str(calendar["X-WR-CALNAME"])
    revalidated = client.get(f"{BASE}/agenda.ics", headers={"If-None-Match": response["ETag"]})
    assert revalidated.status_code == 304


def test_a_calendar_app_subscribes_to_the_agenda_with_a_private_token(
    client, edition, programme, starred
):
    publish(edition)
    url = agenda_feed_url(user=starred, edition=edition)
    assert url.startswith(settings.SITE_URL.rstrip("/") + f"{BASE}/agenda.ics?token=")
    response = client.get(url.removeprefix(settings.SITE_URL.rstrip("/")))
    assert response.status_code == 200
    _calendar, events = vevents(response.content)
    assert len(events) == 2

    someone_else = UserFactory()
    assert client.get(f"{BASE}/agenda.ics?token=not-a-token").status_code == 404
    token = agenda_token(user=starred, edition=edition)
    assert client.get(f"{BASE}/agenda.ics?token={token[:-2]}xx").status_code == 404
    other = agenda_token(user=someone_else, edition=edition)
    _calendar, events = vevents(client.get(f"{BASE}/agenda.ics?token={other}").content)
    assert events == {}

    # a new password revokes the addresses given out before
    starred.set_password("a brand new passphrase")
    starred.save()
    assert client.get(f"{BASE}/agenda.ics?token={token}").status_code == 404


def test_the_agenda_asks_anonymous_visitors_to_sign_in(client, edition, programme):
    publish(edition)
    response = client.get(f"{BASE}/agenda.ics")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_an_agenda_token_is_bound_to_its_edition(client, edition, programme, starred):
    publish(edition)
    other = services.clone_edition(
        source=edition,
        slug="wsis-forum-2023",
        name="WSIS Forum 2023",
        opening_date=dt.date(2023, 3, 13),
        final_week_start=dt.date(2023, 3, 13),
        final_week_end=dt.date(2023, 3, 17),
        by=None,
    )
    publish(other)
    token = agenda_token(user=starred, edition=edition)
    assert client.get(f"/en/editions/{other.slug}/agenda.ics?token={token}").status_code == 404


# --- secretariat spreadsheets ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export.csv", "export.xlsx"])
def test_spreadsheets_are_for_the_secretariat_only(client, edition, programme, participant, name):
    publish(edition)
    assert client.get(f"{BASE}/{name}").status_code == 404
    client.force_login(participant)
    assert client.get(f"{BASE}/{name}").status_code == 404


def test_the_csv_has_one_row_per_session_in_geneva_time(client, edition, programme, secretariat):
    sign_in(client, secretariat)
    response = client.get(f"{BASE}/export.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="wsis-forum-2022-programme.csv"'
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 6  # private and unscheduled sessions included
    final = next(row for row in rows if row["Code"] == programme["final"].code)
    assert final["Title"] == "Bridging the digital divide & <gender> gaps"
    assert final["Public"] == "yes"
    assert final["Type"] == "Policy statements"
    assert final["Track"] == "High-Level Track"
    assert final["Room"] == "Popov Room"
    assert final["Date"] == "2022-05-31"
    assert final["Start (Europe/Zurich)"] == "09:00"
    assert final["End (Europe/Zurich)"] == "10:30"
    assert final["Languages"] == "French; English"
    assert final["Organizers"] == "ITU; UNESCO"
    assert final["Speakers"] == "Amina Diallo (Moderator); Juan Pérez (Speaker)"
    assert final["Women among speakers"] == "50%"
    march = next(row for row in rows if row["Code"] == programme["march"].code)
    assert march["Start (Europe/Zurich)"] == "09:00"
    unscheduled = next(row for row in rows if row["Code"] == programme["unscheduled"].code)
    assert unscheduled["Date"] == unscheduled["Start (Europe/Zurich)"] == ""
    private = next(row for row in rows if row["Code"] == programme["private"].code)
    assert private["Public"] == "no"


def test_a_title_that_looks_like_a_formula_stays_text(client, edition, make_session, secretariat):
    make_session('=HYPERLINK("https://evil.example","click")', start=geneva(2022, 5, 31, 9))
    sign_in(client, secretariat)
    text = client.get(f"{BASE}/export.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/export.xlsx").content))
    cell = workbook.active["B2"]
    assert cell.value == '=HYPERLINK("https://evil.example","click")'
    assert cell.data_type == "s"


def test_the_xlsx_holds_typed_dates_times_and_shares(client, edition, programme, secretariat):
    sign_in(client, secretariat)
    response = client.get(f"{BASE}/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Code", "Title", "Public"]
    rows = {
        row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)
    }
    final = rows[programme["final"].code]
    assert final["Date"].date() == dt.date(2022, 5, 31)
    assert final["Start (Europe/Zurich)"] == dt.time(9, 0)
    assert final["End (Europe/Zurich)"] == dt.time(10, 30)
    assert final["Women among speakers"] == 0.5
    assert final["Speakers"] == "Amina Diallo (Moderator); Juan Pérez (Speaker)"


def test_unpublished_moves_never_reach_the_public_even_when_the_cache_is_rebuilt(
    client, edition, programme, rooms, secretariat
):
    publish(edition)
    final = programme["final"]
    final.starts_at, final.ends_at = geneva(2022, 6, 2, 15), geneva(2022, 6, 2, 16)
    final.room = rooms["room-c"]
    final.title = "Moved and renamed"
    final.save()
    cache.clear()  # a restart, or an eviction: the body of version 1 is built again

    events = {
        e["guid"]: e for e in client.get(f"{BASE}/schedule.json").json()["schedule"]["events"]
    }
    published = events[str(final.guid)]
    assert published["start"] == "2022-05-31T09:00:00+02:00"
    assert published["room"]["name"] == "Popov Room"
    assert published["title"] == "Bridging the digital divide & <gender> gaps"

    sign_in(client, secretariat)
    preview = client.get(f"{BASE}/schedule.json?preview=1").json()["schedule"]["events"]
    moved = next(e for e in preview if e["guid"] == str(final.guid))
    assert (moved["start"], moved["room"]["name"]) == ("2022-06-02T15:00:00+02:00", "Room C")

    publish(edition)
    client.logout()
    events = {
        e["guid"]: e for e in client.get(f"{BASE}/schedule.json").json()["schedule"]["events"]
    }
    assert events[str(final.guid)]["start"] == "2022-06-02T15:00:00+02:00"
    assert events[str(final.guid)]["title"] == "Moved and renamed"


def test_an_empty_published_programme_still_exports_valid_documents(
    client, edition, frab_xsd, frab_json_schema
):
    publish(edition)
    frab_xsd.validate(client.get(f"{BASE}/schedule.xml").content.decode())
    document = client.get(f"{BASE}/schedule.json").json()
    frab_json_schema.validate(document)
    assert document["schedule"]["events"] == []
    calendar, events = vevents(client.get(f"{BASE}/schedule.ics").content)
    assert events == {}
    assert calendar.walk("VTIMEZONE")
