"""The programme API: editions, and the sessions and speakers of a published programme."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from convoca.accounts.models import Gender
from convoca.accounts.services import issue_token
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
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from convoca.taxonomy.models import SDG, ActionLine
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

GENEVA = ZoneInfo("Europe/Zurich")


def geneva(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=GENEVA)


def bearer(user) -> dict:
    _token, raw = issue_token(user=user, name="cli")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def forum(db):
    return Forum.objects.create(name="WSIS Forum", slug="wsis-forum", acronym="WSIS")


@pytest.fixture
def edition(forum):
    edition = Edition.objects.create(
        forum=forum,
        name_en="WSIS Forum 2022",
        name_es="Foro de la CMSI 2022",
        slug="wsis-forum-2022",
        theme="ICTs for well-being, inclusion and resilience",
        format=EditionFormat.HYBRID,
        venue="ITU Headquarters",
        city="Geneva",
        time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15),
        final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
        virtual_weeks=11,
    )
    edition.co_organizers.set([OrganizationFactory(slug="itu", name="ITU")])
    return edition


@pytest.fixture
def programme(edition):
    """Tracks, types and rooms of the 2022 edition, and a helper that adds sessions."""
    tracks = {
        "high-level": Track.objects.create(
            edition=edition, name="High-Level Track", slug="high-level", is_high_level=True
        ),
        "forum": Track.objects.create(edition=edition, name="Forum Track", slug="forum"),
    }
    types = {
        "policy-statements": SessionType.objects.create(
            edition=edition, name="Policy statements", slug="policy-statements", is_high_level=True
        ),
        "thematic-workshop": SessionType.objects.create(
            edition=edition, name="Thematic workshop", slug="thematic-workshop"
        ),
    }
    rooms = {
        "popov": Room.objects.create(
            edition=edition,
            name="Popov Room",
            slug="popov",
            kind=RoomKind.HYBRID,
            capacity=200,
            join_url="https://zoom.example.org/j/secret-1",
        ),
        "room-c": Room.objects.create(
            edition=edition, name="Room C", slug="room-c", kind=RoomKind.PHYSICAL, capacity=40
        ),
        "zoom-1": Room.objects.create(
            edition=edition, name="Zoom room 1", slug="zoom-1", kind=RoomKind.VIRTUAL
        ),
    }
    counter = iter(range(1, 10_000))

    def add(title="", *, start=None, room="popov", track="forum", kind="thematic-workshop",
            speakers=(), public=True, lines=(), goals=(), languages=("en",), **extra):  # fmt: skip
        n = next(counter)
        session = Session.objects.create(
            edition=edition,
            code=f"s{n:03d}",
            title=title or f"Session {n}",
            abstract=f"About session {n}.",
            session_type=types[kind],
            track=tracks[track],
            room=rooms[room] if room else None,
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=60) if start else None,
            is_public=public,
            languages=list(languages),
            **extra,
        )
        session.action_lines.set(ActionLine.objects.filter(code__in=lines))
        session.sdgs.set(SDG.objects.filter(number__in=goals))
        for order, (person, role) in enumerate(speakers):
            SessionSpeaker.objects.create(session=session, person=person, role=role, order=order)
        return session

    return add


@pytest.fixture
def published(edition, programme, secretariat):
    """A small published programme: two public sessions, one draft."""
    amina = PersonFactory(
        given_name="Amina",
        family_name="Diallo",
        gender=Gender.WOMAN,
        country="SN",
        organization=OrganizationFactory(name="Sahel Fibre Networks"),
    )
    ravi = PersonFactory(given_name="Ravi", family_name="Sharma", gender=Gender.MAN, country="IN")
    opening = programme(
        "Opening policy statements",
        start=geneva(2022, 5, 30, 9),
        track="high-level",
        kind="policy-statements",
        speakers=[(amina, SpeakerRole.MODERATOR), (ravi, SpeakerRole.HIGH_LEVEL_SPEAKER)],
        lines=["C1"],
        goals=[9],
        languages=["ar", "zh-hans", "en", "fr", "ru", "es"],
    )
    workshop = programme(
        "Telemedicine in rural primary care",
        start=geneva(2022, 5, 31, 0, 30),  # 30 May in UTC, 31 May in Geneva
        room="zoom-1",
        speakers=[(amina, SpeakerRole.SPEAKER)],
        lines=["C7.4"],
        goals=[3],
        languages=["es"],
    )
    draft = programme(
        "Secret draft", start=geneva(2022, 6, 1, 10), room="room-c", public=False,
        speakers=[(ravi, SpeakerRole.SPEAKER)],
    )  # fmt: skip
    services.publish_programme(edition=edition, by=secretariat)
    return {"opening": opening, "workshop": workshop, "draft": draft, "amina": amina}


# --- Editions --------------------------------------------------------------------------------


def test_editions_list_their_dates_as_iso_and_whether_a_programme_is_out(client, edition):
    body = client.get("/api/v1/editions").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["slug"] == "wsis-forum-2022"
    assert item["name"] == "WSIS Forum 2022"
    assert item["names"]["es"] == "Foro de la CMSI 2022"
    assert item["format"] == "hybrid"
    assert item["status"] == "planning"
    assert item["time_zone"] == "Europe/Zurich"
    assert (item["opening_date"], item["final_week_start"], item["final_week_end"]) == (
        "2022-03-15",
        "2022-05-30",
        "2022-06-03",
    )
    assert item["co_organizers"] == ["itu"]
    assert item["programme_version"] is None


def test_an_edition_names_its_tracks_types_and_rooms_but_no_join_links(client, published, edition):
    response = client.get("/api/v1/editions/wsis-forum-2022", HTTP_ACCEPT_LANGUAGE="es")
    body = response.json()
    assert body["name"] == "Foro de la CMSI 2022"
    assert body["status"] == "programme_published"
    assert body["programme_version"] == 1
    assert [t["slug"] for t in body["tracks"]] == ["high-level", "forum"]
    assert {t["slug"] for t in body["session_types"]} == {"policy-statements", "thematic-workshop"}
    assert {r["slug"]: r["kind"] for r in body["rooms"]} == {
        "popov": "hybrid",
        "room-c": "physical",
        "zoom-1": "virtual",
    }
    assert "zoom.example.org" not in response.text
    assert client.get("/api/v1/editions/nowhere").status_code == 404


# --- Who may read a programme ----------------------------------------------------------------


def test_an_unpublished_programme_answers_404_to_the_public(client, edition, programme):
    programme("Draft workshop", start=geneva(2022, 5, 31, 10))
    assert client.get("/api/v1/editions/wsis-forum-2022/sessions").status_code == 404
    assert client.get("/api/v1/editions/wsis-forum-2022/speakers").status_code == 404
    someone = bearer(UserFactory())
    assert client.get("/api/v1/editions/wsis-forum-2022/sessions", **someone).status_code == 404
    assert client.get("/api/v1/editions/nowhere/sessions").status_code == 404


def test_the_secretariat_of_the_edition_previews_an_unpublished_programme(
    client, edition, programme, forum
):
    programme("Draft workshop", start=geneva(2022, 5, 31, 10))
    programme("Not public yet", start=geneva(2022, 5, 31, 12), public=False)
    scoped = UserFactory()
    grant_role(user=scoped, role=Role.SECRETARIAT, scope=edition)
    body = client.get("/api/v1/editions/wsis-forum-2022/sessions", **bearer(scoped)).json()
    assert [s["title"] for s in body["items"]] == ["Draft workshop"]

    other = Edition.objects.create(
        forum=forum,
        name="WSIS Forum 2023",
        slug="wsis-forum-2023",
        opening_date=dt.date(2023, 3, 13),
        final_week_start=dt.date(2023, 3, 13),
        final_week_end=dt.date(2023, 3, 17),
    )
    elsewhere = UserFactory()
    grant_role(user=elsewhere, role=Role.SECRETARIAT, scope=other)
    response = client.get("/api/v1/editions/wsis-forum-2022/sessions", **bearer(elsewhere))
    assert response.status_code == 404


def test_a_wrong_token_answers_401(client, published):
    response = client.get(
        "/api/v1/editions/wsis-forum-2022/sessions", HTTP_AUTHORIZATION="Bearer cvk_nonsense"
    )
    assert response.status_code == 401


# --- Sessions --------------------------------------------------------------------------------


def test_public_sessions_come_with_times_in_geneva_and_their_speakers(client, published):
    body = client.get("/api/v1/editions/wsis-forum-2022/sessions").json()
    assert body["count"] == 2
    opening, workshop = body["items"]
    assert opening["guid"] == str(published["opening"].guid)
    assert opening["code"] == published["opening"].code
    assert opening["title"] == "Opening policy statements"
    assert opening["abstract"].startswith("About session")
    assert opening["type"] == {"slug": "policy-statements", "name": "Policy statements"}
    assert opening["track"] == {"slug": "high-level", "name": "High-Level Track"}
    assert opening["room"] == {"slug": "popov", "name": "Popov Room", "kind": "hybrid"}
    assert opening["start"] == "2022-05-30T09:00:00+02:00"
    assert opening["end"] == "2022-05-30T10:00:00+02:00"
    assert opening["languages"] == ["ar", "zh-hans", "en", "fr", "ru", "es"]
    assert opening["action_lines"] == [
        {"code": "C1", "name": ActionLine.objects.get(code="C1").name}
    ]
    assert [goal["number"] for goal in opening["sdgs"]] == [9]
    assert opening["speakers"] == [
        {"name": "Amina Diallo", "role": "moderator", "organization": "Sahel Fibre Networks"},
        {"name": "Ravi Sharma", "role": "high_level_speaker", "organization": ravi_org(published)},
    ]
    assert workshop["start"] == "2022-05-31T00:30:00+02:00"
    assert "Secret draft" not in str(body)
    assert "gender" not in str(body)
    assert "woman" not in str(body)


def ravi_org(published):
    row = published["opening"].speakers.get(role="high_level_speaker")
    return row.person.organization.name


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("day=2022-05-31", ["Telemedicine in rural primary care"]),
        ("day=2022-05-30", ["Opening policy statements"]),
        ("track=high-level", ["Opening policy statements"]),
        ("type=thematic-workshop", ["Telemedicine in rural primary care"]),
        ("room=popov", ["Opening policy statements"]),
        ("action_line=c7.4", ["Telemedicine in rural primary care"]),
        ("sdg=9", ["Opening policy statements"]),
        ("language=es", ["Opening policy statements", "Telemedicine in rural primary care"]),
        ("language=ar", ["Opening policy statements"]),
        ("format=in_person", ["Opening policy statements"]),
        ("format=virtual", ["Opening policy statements", "Telemedicine in rural primary care"]),
        ("q=telemedicine", ["Telemedicine in rural primary care"]),
        ("q=diallo", ["Opening policy statements", "Telemedicine in rural primary care"]),
        ("q=secret", []),
        ("room=room-c", []),
    ],
)
def test_sessions_filter_like_the_public_programme(client, published, query, titles):
    body = client.get(f"/api/v1/editions/wsis-forum-2022/sessions?{query}").json()
    assert [s["title"] for s in body["items"]] == titles
    assert body["count"] == len(titles)


@pytest.mark.parametrize(
    "query",
    ["day=31-05-2022", "sdg=18", "sdg=x", "language=xx", "format=online", "action_line=C99",
     "page=0", "page_size=0"],
)  # fmt: skip
def test_malformed_filters_answer_422(client, published, query):
    response = client.get(f"/api/v1/editions/wsis-forum-2022/sessions?{query}")
    assert response.status_code == 422
    assert response.json()["detail"]


def test_sessions_paginate(client, published, programme):
    for hour in range(10, 17):
        programme(start=geneva(2022, 6, 2, hour))
    first = client.get("/api/v1/editions/wsis-forum-2022/sessions?page_size=5").json()
    second = client.get("/api/v1/editions/wsis-forum-2022/sessions?page=2&page_size=5").json()
    assert first["count"] == second["count"] == 9
    assert len(first["items"]) == 5
    assert len(second["items"]) == 4
    starts = [s["start"] for s in first["items"] + second["items"]]
    assert starts == sorted(starts)


# --- Speakers --------------------------------------------------------------------------------


def test_speakers_list_their_public_sessions_and_never_their_gender(client, published):
    body = client.get("/api/v1/editions/wsis-forum-2022/speakers").json()
    assert body["count"] == 2
    amina, ravi = body["items"]
    assert amina == {
        "name": "Amina Diallo",
        "title": "",
        "organization": "Sahel Fibre Networks",
        "country": {"code": "SN", "name": "Senegal"},
        "sessions": [published["opening"].code, published["workshop"].code],
    }
    assert ravi["name"] == "Ravi Sharma"
    assert ravi["sessions"] == [published["opening"].code]  # not the draft
    assert "gender" not in str(body)
    assert "woman" not in str(body)


def test_a_speaker_of_draft_sessions_only_is_not_listed(client, published, programme):
    loner = PersonFactory(given_name="Only", family_name="Draft")
    programme("Another draft", start=geneva(2022, 6, 2, 9), public=False,
              speakers=[(loner, SpeakerRole.SPEAKER)])  # fmt: skip
    body = client.get("/api/v1/editions/wsis-forum-2022/speakers").json()
    assert "Only Draft" not in [s["name"] for s in body["items"]]


# --- Cost and documentation ------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 30])
def test_sessions_cost_the_same_queries_for_1_or_30(
    client, edition, programme, secretariat, count, django_assert_num_queries
):
    """Edition, published?, count, page, then speakers, action lines, SDGs and organizers."""
    organization = OrganizationFactory()
    for n in range(count):
        session = programme(
            start=geneva(2022, 5, 30, 9) + dt.timedelta(hours=n),
            lines=["C1", "C7.4"],
            goals=[3, 9],
            speakers=[
                (PersonFactory(organization=organization), SpeakerRole.MODERATOR),
                (PersonFactory(organization=None), SpeakerRole.SPEAKER),
            ],
        )
        session.organizers.set([organization])
    services.publish_programme(edition=edition, by=secretariat)
    with django_assert_num_queries(8):
        body = client.get("/api/v1/editions/wsis-forum-2022/sessions?page_size=50").json()
    assert body["count"] == count
    with django_assert_num_queries(5):
        body = client.get("/api/v1/editions/wsis-forum-2022/speakers?page_size=100").json()
    assert body["count"] == count * 2
    with django_assert_num_queries(3):
        client.get("/api/v1/editions")


def test_the_schema_documents_401_422_and_404(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/editions/{slug}",
        "/api/v1/editions/{slug}/sessions",
        "/api/v1/editions/{slug}/speakers",
    ):
        assert {"200", "401", "404", "422"} <= set(paths[path]["get"]["responses"]), path
        assert paths[path]["get"]["tags"] == ["programme"]
    assert {"200", "401", "422"} <= set(paths["/api/v1/editions"]["get"]["responses"])
