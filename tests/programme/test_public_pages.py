"""The public pages around the programme: editions, sessions, speakers, and a participant's
starred agenda."""

import pytest

from convoca.programme import services
from convoca.programme.models import AgendaItem, SpeakerRole
from convoca.taxonomy.models import SDG
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

from .conftest import EDITION, PROGRAMME, STAR, geneva, html, speakers_of, text

pytestmark = pytest.mark.django_db


# --- Editions --------------------------------------------------------------------------------


def test_the_editions_list_shows_each_edition_with_dates_format_and_status(client, edition):
    page = html(client.get("/en/editions/"))
    assert "WSIS Forum 2022" in page
    assert f'href="{EDITION}/"' in page
    assert '<time datetime="2022-03-15">' in page
    assert "2022-05-30/2022-06-03" in page  # the final week, as ISO
    assert "June 3, 2022" in page or "3 June 2022" in page  # and in words
    assert "Hybrid" in page
    assert "Planning" in page


def test_the_edition_page_shows_theme_venue_time_zone_co_organizers_and_tracks(
    client, edition, tracks, published
):
    edition.theme = "ICTs for well-being, inclusion and resilience"
    edition.save()
    edition.co_organizers.add(OrganizationFactory(name="UNESCO"), OrganizationFactory(name="UNDP"))
    page = text(client.get(f"{EDITION}/"))
    assert "ICTs for well-being, inclusion and resilience" in page
    assert "ITU Headquarters, Geneva" in page
    assert "Europe/Zurich (CEST, UTC+02:00 in the final week)" in page
    assert "UNESCO" in page
    assert "UNDP" in page
    assert "High-Level Track" in page
    assert "Forum Track" in page


def test_the_edition_page_gives_the_share_of_women_among_speakers_who_declared_a_gender(
    client, make_session, published
):
    # 9 women and 11 men declared; 2 said they prefer not to, 1 never said
    make_session(start=geneva(2022, 5, 31, 9, 0), speakers=speakers_of(*["woman"] * 9))
    make_session(
        start=geneva(2022, 5, 31, 11, 0),
        speakers=speakers_of(*["man"] * 11, "undisclosed", "undisclosed", ""),
    )
    page = text(client.get(f"{EDITION}/"))
    assert "45 % women among 20 speakers" in page
    assert "of 23 speakers of public sessions" in page


def test_the_edition_page_links_to_programme_speakers_and_exports(client, edition, published):
    page = html(client.get(f"{EDITION}/"))
    for href in (
        PROGRAMME,
        f"{EDITION}/speakers/",
        f"{EDITION}/schedule.xml",
        f"{EDITION}/schedule.json",
        f"{EDITION}/schedule.ics",
    ):
        assert f'href="{href}"' in page, href


# --- Session and speaker pages ---------------------------------------------------------------


def test_the_session_page_tells_the_whole_session(client, make_session, published, organization):
    moderator = PersonFactory(given_name="Doreen", family_name="Bogdan", title="Director")
    session = make_session(
        "Connecting the unconnected",
        start=geneva(2022, 5, 31, 9, 0),
        speakers=[(moderator, SpeakerRole.MODERATOR)],
        abstract="How to bring the next billion online.",
        languages=["en", "ar"],
    )
    session.organizers.add(organization)
    session.sdgs.add(SDG.objects.get(number=9))
    page = text(client.get(f"{EDITION}/sessions/{session.code}/"))
    for fact in (
        "Connecting the unconnected",
        "Tuesday 31 May 2022",
        "09:00 – 10:00 CEST",
        "Thematic workshop",
        "Forum Track",
        "Popov Room",
        "English, Arabic",
        "Mama Tech Collective",
        "How to bring the next billion online.",
        "Doreen Bogdan · Moderator · Director",
    ):
        assert fact in page, fact


def test_a_session_that_is_not_public_is_not_found(client, make_session, published):
    hidden = make_session("Closed meeting", start=geneva(2022, 5, 31, 9, 0), public=False)
    assert client.get(f"{EDITION}/sessions/{hidden.code}/").status_code == 404
    assert "Closed meeting" not in html(client.get(PROGRAMME, {"day": "all"}))
    assert client.get(f"{EDITION}/sessions/no-such-session/").status_code == 404


def test_the_speakers_list_shows_each_speaker_with_their_sessions(client, make_session, published):
    ana = PersonFactory(given_name="Ana", family_name="Alvarez")
    make_session("Opening", start=geneva(2022, 5, 31, 9, 0), speakers=[(ana, "")])
    make_session("Closing", start=geneva(2022, 6, 3, 17, 0), speakers=[(ana, "")])
    make_session("Secret", public=False, speakers=speakers_of("woman"))
    page = text(client.get(f"{EDITION}/speakers/"))
    assert "1 speaker" in page
    assert "Ana Alvarez" in page
    assert page.index("Opening") < page.index("Closing")
    assert "Secret" not in page
    assert "Alvarez" in text(client.get(f"{EDITION}/speakers/", {"q": "alva"}))
    assert "No speaker matches." in text(client.get(f"{EDITION}/speakers/", {"q": "zzz"}))


def test_the_speaker_page_lists_their_public_sessions(client, make_session, published):
    ana = PersonFactory(given_name="Ana", family_name="Alvarez", title="Minister")
    make_session("Opening", start=geneva(2022, 5, 31, 9, 0), speakers=[(ana, "moderator")])
    make_session("Secret", public=False, speakers=[(ana, "")])
    page = text(client.get(f"{EDITION}/speakers/{ana.pk}/"))
    assert "Ana Alvarez" in page
    assert "Minister" in page
    assert "Opening" in page
    assert "Moderator" in page
    assert "Secret" not in page
    assert ana.email not in page or not ana.email


def test_someone_who_speaks_only_in_non_public_sessions_has_no_page(
    client, make_session, published
):
    hidden = PersonFactory()
    make_session("Secret", public=False, speakers=[(hidden, "")])
    assert client.get(f"{EDITION}/speakers/{hidden.pk}/").status_code == 404


# --- Personal agenda -------------------------------------------------------------------------


def test_a_signed_in_participant_stars_a_session_without_javascript(
    client, make_session, published, participant
):
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, participant)
    page = html(client.get(PROGRAMME))
    # one form around the day's sessions, one button each; htmx posts the button alone
    assert f'<form method="post" action="{STAR}"' in page
    assert f'<button name="star" value="{session.code}" hx-post="{STAR}"' in page
    response = client.post(STAR, {"star": session.code, "next": PROGRAMME})
    assert response.status_code == 302
    assert response.url == f"{PROGRAMME}#s-{session.code}"
    assert AgendaItem.objects.filter(user=participant, session=session).exists()
    page = text(client.get(PROGRAMME))
    assert "“Opening” is in your agenda." in page
    assert "Remove from my agenda" in page


def test_with_htmx_starring_swaps_only_the_button(client, make_session, published, participant):
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, participant)
    response = client.post(
        STAR, {"star": session.code, "next": PROGRAMME}, headers={"HX-Request": "true"}
    )
    fragment = html(response)
    assert fragment.startswith("<button")
    assert "<html" not in fragment
    assert "Remove from my agenda" in fragment
    assert f'name="unstar" value="{session.code}" hx-post="{STAR}"' in fragment
    response = client.post(
        STAR, {"unstar": session.code, "next": PROGRAMME}, headers={"HX-Request": "true"}
    )
    assert "Add to my agenda" in html(response)
    assert not AgendaItem.objects.filter(user=participant).exists()
    # htmx answers leave no message waiting for the next page
    assert "in your agenda" not in text(client.get(PROGRAMME))


def test_starring_twice_keeps_one_star_and_unstarring_removes_it(
    client, make_session, published, participant
):
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, participant)
    client.post(STAR, {"star": session.code})
    client.post(STAR, {"star": session.code})
    assert AgendaItem.objects.filter(user=participant).count() == 1
    response = client.post(STAR, {"unstar": session.code})
    assert response.url == f"{EDITION}/sessions/{session.code}/"
    assert not AgendaItem.objects.filter(user=participant).exists()


def test_a_star_button_that_names_no_session_is_refused(
    client, make_session, published, participant
):
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, participant)
    assert client.post(STAR, {}).status_code == 400
    assert client.post(STAR, {"star": session.code, "unstar": session.code}).status_code == 400
    assert client.get(STAR).status_code == 405


def test_starring_a_session_that_is_not_public_is_not_found(
    client, make_session, published, participant
):
    hidden = make_session("Closed meeting", start=geneva(2022, 5, 31, 9, 0), public=False)
    sign_in(client, participant)
    assert client.post(STAR, {"star": hidden.code}).status_code == 404
    assert client.post(STAR, {"star": "no-such-session"}).status_code == 404
    assert not AgendaItem.objects.exists()


def test_starring_before_publication_is_not_found(client, edition, make_session, participant):
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, participant)
    assert client.post(STAR, {"star": session.code}).status_code == 404


def test_only_verified_signed_in_people_keep_an_agenda(client, make_session, published):
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    assert "Add to my agenda" not in html(client.get(PROGRAMME))
    response = client.post(STAR, {"star": session.code})
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    unverified = UserFactory(verified=False)
    client.force_login(unverified)
    assert "Add to my agenda" not in html(client.get(PROGRAMME))
    assert client.post(STAR, {"star": session.code}).status_code == 404
    assert not AgendaItem.objects.exists()


def test_starring_never_sends_you_to_another_site(client, make_session, published, participant):
    session = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    sign_in(client, participant)
    response = client.post(STAR, {"star": session.code, "next": "https://evil.example.com/"})
    assert response.url == f"{EDITION}/sessions/{session.code}/"


def test_the_agenda_lists_the_starred_sessions_and_links_to_a_calendar(
    client, make_session, published, participant
):
    opening = make_session("Opening", start=geneva(2022, 5, 31, 9, 0))
    make_session("Not for me", start=geneva(2022, 5, 31, 11, 0))
    closing = make_session("Closing", start=geneva(2022, 6, 3, 17, 0))
    services.star(user=participant, session=opening)
    services.star(user=participant, session=closing)
    sign_in(client, participant)
    response = client.get(f"{EDITION}/agenda/")
    page = html(response)
    assert f'href="{EDITION}/agenda.ics"' in page
    assert page.index("Opening") < page.index("Closing")
    assert "Not for me" not in page
    assert "2 sessions starred" in text(response)
    assert "Remove from my agenda" in page


def test_the_agenda_asks_anonymous_visitors_to_sign_in(client, published):
    response = client.get(f"{EDITION}/agenda/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
