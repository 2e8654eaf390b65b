"""The registration API: register once (201, then 200 with the same id), read one's own
registration, and check in at the venue as staff."""

import pytest

from convoca.accounts.services import issue_token
from convoca.registration import badges
from convoca.registration.models import CheckIn, Registration

API = "/api/v1/editions/wsis-forum-2022"


def bearer(user) -> dict:
    _token, raw = issue_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, url, body, headers):
    return client.post(url, body, content_type="application/json", **headers)


def test_registering_twice_answers_the_same_registration(client, participant, form):
    headers = bearer(participant)
    body = {"attendance": "remote", "country": "BR", "stakeholder_type": "academia"}
    first = post(client, f"{API}/registrations", body, headers)
    assert first.status_code == 201
    assert first.json()["state"] == "confirmed"
    assert first.json()["attendance"] == "remote"
    again = post(client, f"{API}/registrations", {**body, "attendance": "in_person"}, headers)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["attendance"] == "remote"
    me = client.get(f"{API}/registrations/me", **headers)
    assert me.status_code == 200
    assert me.json()["id"] == first.json()["id"]
    assert Registration.objects.count() == 1


def test_a_full_edition_waitlists_with_a_message(client, participant, form, register, people):
    for user in people(3):
        register(user)
    response = post(
        client,
        f"{API}/registrations",
        {"attendance": "in_person", "country": "KE", "stakeholder_type": "government"},
        bearer(participant),
    )
    assert response.status_code == 201
    assert response.json()["state"] == "waitlisted"
    assert "waiting list" in response.json()["message"]


def test_bad_input_is_a_422_naming_the_field_and_changes_nothing(client, participant, form):
    response = post(
        client,
        f"{API}/registrations",
        {"attendance": "in_person", "country": "XX", "organization": "nowhere"},
        bearer(participant),
    )
    assert response.status_code == 422
    fields = {error["loc"][-1] for error in response.json()["detail"]}
    assert fields == {"country", "organization", "stakeholder_type"}
    bad_mode = post(
        client,
        f"{API}/registrations",
        {"attendance": "by_post", "country": "KE"},
        bearer(participant),
    )
    assert bad_mode.status_code == 422
    assert Registration.objects.count() == 0


def test_a_closed_registration_is_a_409_with_the_reason(client, participant, form):
    from convoca.registration.models import RegistrationForm

    RegistrationForm.objects.filter(pk=form.pk).update(closes_at="2020-01-01T00:00Z")
    response = post(
        client,
        f"{API}/registrations",
        {"attendance": "remote", "country": "KE", "stakeholder_type": "government"},
        bearer(participant),
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "Registration for this edition is closed."


def test_registration_needs_a_token_and_an_edition_with_registration(client, participant, edition):
    body = {"attendance": "remote", "country": "KE", "stakeholder_type": "government"}
    assert post(client, f"{API}/registrations", body, {}).status_code == 401
    assert post(client, f"{API}/registrations", body, bearer(participant)).status_code == 404
    assert client.get(f"{API}/registrations/me", **bearer(participant)).status_code == 404


def test_staff_check_in_through_the_api_once(
    client, secretariat, participant, form, register, people
):
    registration = register(people(1)[0]).registration
    headers = bearer(secretariat)
    url = f"{API}/check-ins"
    first = post(client, url, {"code": badges.qr_payload(registration)}, headers)
    assert first.status_code == 200
    assert first.json()["already"] is False
    second = post(client, url, {"code": registration.code}, headers)
    assert second.json()["already"] is True
    assert "already checked in at" in second.json()["message"]
    forged = post(client, url, {"code": f"{registration.code}:bad"}, headers)
    assert forged.status_code == 409
    assert "not issued by us" in forged.json()["detail"]
    assert CheckIn.objects.count() == 1


@pytest.mark.parametrize("who", ["participant", "focal_point"])
def test_check_in_is_hidden_from_everyone_but_staff(client, request, who, form):
    user = request.getfixturevalue(who)
    response = post(client, f"{API}/check-ins", {"code": "ABCDE"}, bearer(user))
    assert response.status_code == 404
