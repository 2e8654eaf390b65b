import pytest

from convoca.core.audit import history
from convoca.stakeholders.models import FocalPoint, FocalPointState
from convoca.stakeholders.services import (
    StakeholderError,
    request_focal_point,
    transition_focal_point,
)
from tests.conftest import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_verified_participant_asks_and_the_secretariat_approves(
    client, participant, organization, secretariat
):
    client.force_login(participant)
    response = client.post(
        "/en/organizations/mama-tech/focal-point/", {"reason": "I run their digital programme."}
    )
    assert response.status_code == 302
    request = FocalPoint.objects.get(user=participant)
    assert request.state == FocalPointState.REQUESTED
    assert client.get("/en/organizations/mama-tech/edit/").status_code == 404

    client.logout()
    sign_in(client, secretariat)
    queue = client.get("/en/secretariat/focal-points/")
    assert participant.email in queue.text
    client.post(f"/en/secretariat/focal-points/{request.pk}/", {"decision": "approved"})
    request.refresh_from_db()
    assert request.state == FocalPointState.APPROVED
    assert request.decided_by == secretariat

    client.logout()
    client.force_login(participant)
    edit = client.post(
        "/en/organizations/mama-tech/edit/",
        {
            "name": "Mama Tech Collective",
            "acronym": "MTC",
            "country": "GH",
            "stakeholder_type": "civil_society",
            "itu_status": "none",
            "website": "https://mamatech.example.org/",
        },
    )
    assert edit.status_code == 302
    organization.refresh_from_db()
    assert organization.acronym == "MTC"
    assert [e.action for e in history(organization)] == ["stakeholders.organization.updated"]


def test_asking_twice_is_refused_with_a_message(participant, organization):
    request_focal_point(user=participant, organization=organization, reason="first")
    with pytest.raises(StakeholderError, match="already"):
        request_focal_point(user=participant, organization=organization, reason="second")
    assert FocalPoint.objects.filter(user=participant).count() == 1


def test_an_unverified_account_cannot_ask(client, organization):
    user = UserFactory(verified=False)
    with pytest.raises(StakeholderError):
        request_focal_point(user=user, organization=organization)
    client.force_login(user)
    response = client.post("/en/organizations/mama-tech/focal-point/", {"reason": "let me in"})
    assert response.status_code == 404
    assert not FocalPoint.objects.exists()


def test_a_refused_request_cannot_be_approved_later(participant, organization, secretariat):
    request = request_focal_point(user=participant, organization=organization)
    transition_focal_point(focal_point=request, to=FocalPointState.REFUSED, by=secretariat)
    with pytest.raises(StakeholderError, match="cannot become"):
        transition_focal_point(focal_point=request, to=FocalPointState.APPROVED, by=secretariat)
    request.refresh_from_db()
    assert request.state == FocalPointState.REFUSED
    # a refusal may be followed by a new request
    assert request_focal_point(user=participant, organization=organization).pk != request.pk


def test_invalid_organization_edits_are_explained_and_change_nothing(
    client, focal_point, organization
):
    client.force_login(focal_point)
    response = client.post(
        "/en/organizations/mama-tech/edit/",
        {"name": "", "stakeholder_type": "mystery", "itu_status": "none", "website": "not a url"},
    )
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert "Enter a valid URL." in response.text
    organization.refresh_from_db()
    assert organization.name == "Mama Tech Collective"
