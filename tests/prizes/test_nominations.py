"""Nominating through the cycle's call, the secretariat's decisions with email, the ballot."""

import pytest
from django.core.exceptions import ValidationError

from convoca.prizes import services
from convoca.prizes.models import Nomination, NominationState
from tests.conftest import sign_in

from .conftest import make_cycle

C = "/en/prizes/wsis-prizes-2022"


@pytest.fixture
def open_cycle(db, secretariat):
    cycle = make_cycle("nominations", nominations_per_organization=1)
    services.open_nominations(cycle=cycle, by=secretariat)
    return cycle


def form(title="Digital villages", **extra):
    return {
        "organization": "mama-tech",
        "title": title,
        "q-category": "c7-e-agriculture",
        "q-description": "Farmers get market prices by SMS.",
        "q-countries": ["KE", "UG"],
        "q-action_lines": ["C7.7"],
        "q-sdgs": ["2"],
        "q-website": "https://villages.example.org",
        "q-contact_name": "Amina",
        "q-contact_email": "amina@example.org",
    } | extra


def test_a_focal_point_nominates_a_project_through_the_call(client, open_cycle, focal_point):
    sign_in(client, focal_point)
    response = client.post(f"{C}/nominate/", form())
    assert response.status_code == 302, response.content.decode()
    nomination = Nomination.objects.get()
    assert nomination.category.slug == "c7-e-agriculture"
    assert nomination.organization.slug == "mama-tech"
    assert [c.code for c in nomination.countries] == ["KE", "UG"]
    assert [line.code for line in nomination.action_lines.all()] == ["C7.7"]
    assert nomination.links == ["https://villages.example.org"]
    assert nomination.submission.call == open_cycle.nomination_call
    assert "Digital villages" in client.get(f"{C}/my-nominations/").content.decode()


def test_the_organization_limit_refuses_a_second_nomination(client, open_cycle, focal_point):
    sign_in(client, focal_point)
    client.post(f"{C}/nominate/", form())
    response = client.post(f"{C}/nominate/", form(title="Second"))
    assert "already made 1 submission" in response.content.decode()
    assert Nomination.objects.count() == 1


def test_a_missing_answer_is_shown_and_nothing_saved(client, open_cycle, focal_point):
    sign_in(client, focal_point)
    response = client.post(f"{C}/nominate/", form(**{"q-description": ""}))
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_participant_without_an_organization_is_told_how_to_nominate(
    client, open_cycle, participant
):
    page = sign_in(client, participant).get(f"{C}/nominate/").content.decode()
    assert "focal point" in page


@pytest.fixture
def nomination(client, open_cycle, focal_point):
    sign_in(client, focal_point)
    client.post(f"{C}/nominate/", form())
    client.logout()
    return Nomination.objects.get()


def test_validation_is_mailed_and_validated_projects_go_on_the_ballot(
    nomination, secretariat, mailoutbox, open_cycle, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(nomination, to=NominationState.VALIDATED, by=secretariat)
    assert "validated" in mailoutbox[-1].subject
    assert set(mailoutbox[-1].to) == {"focal@example.org", "amina@example.org"}
    assert services.put_on_ballot(cycle=open_cycle, by=secretariat) == 1
    nomination.refresh_from_db()
    assert nomination.state == NominationState.ON_BALLOT


def test_asking_for_changes_needs_a_note_and_the_nominator_revises(
    client, nomination, secretariat, focal_point, mailoutbox, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError, match="Say what should change"):
        services.transition(nomination, to=NominationState.CHANGES_REQUESTED, by=secretariat)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(
            nomination, to=NominationState.CHANGES_REQUESTED, by=secretariat, note="Add a video."
        )
    assert "Add a video." in mailoutbox[-1].body
    sign_in(client, focal_point)
    url = f"{C}/my-nominations/{nomination.pk}/revise/"
    client.post(
        url,
        {
            "title": "Digital villages",
            "description": "Now with a video.",
            "website": "",
            "video": "https://video.example.org/1",
            "contact_name": "Amina",
            "contact_email": "amina@example.org",
        },
    )
    nomination.refresh_from_db()
    assert nomination.state == NominationState.SUBMITTED
    assert nomination.links == ["https://video.example.org/1"]


def test_a_rejection_is_mailed_and_final(
    nomination, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(
            nomination, to=NominationState.REJECTED, by=secretariat, note="Out of scope"
        )
    assert "not accepted" in mailoutbox[-1].subject
    with pytest.raises(ValidationError, match="cannot go from"):
        services.transition(nomination, to=NominationState.VALIDATED, by=secretariat)


def test_the_secretariat_decides_from_its_page(client, nomination, secretariat, mailoutbox):
    sign_in(client, secretariat)
    client.post(f"{C}/manage/nominations/{nomination.pk}/", {"to": "validated", "note": ""})
    nomination.refresh_from_db()
    assert nomination.state == NominationState.VALIDATED


def test_phases_are_on_the_core_timeline(open_cycle):
    from convoca.core import timeline

    titles = [e.title for e in timeline.events() if e.source == "prizes"]
    assert titles == [
        f"WSIS Prizes 2022: {label}"
        for label in ("Nominations", "Validation", "Public voting", "Jury", "Announcement")
    ]
