import pytest

from convoca.accounts.models import Gender
from convoca.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def edit(client, **changes):
    data = {
        "first_name": "Amina",
        "last_name": "Diallo",
        "preferred_language": "en",
        "time_zone": "UTC",
        "gender": "",
    } | changes
    return client.post("/en/accounts/profile/edit/", data)


def test_choosing_a_language_moves_the_profile_into_it(client, participant):
    client.force_login(participant)
    response = edit(client, preferred_language="fr", time_zone="Asia/Tokyo")
    assert response.status_code == 302
    assert response.url == "/fr/accounts/profile/"
    assert response.cookies["django_language"].value == "fr"
    page = client.get(response.url)
    assert '<html lang="fr" dir="ltr">' in page.text
    assert "Asia/Tokyo" in page.text
    assert "Votre profil" in page.text


def test_arabic_profile_is_right_to_left(client, participant):
    client.force_login(participant)
    response = edit(client, preferred_language="ar")
    page = client.get(response.url)
    assert '<html lang="ar" dir="rtl">' in page.text


def test_times_are_shown_in_the_user_time_zone(client, participant):
    from django.utils import timezone

    client.force_login(participant)
    edit(client, time_zone="America/Bogota")
    response = client.get("/en/accounts/profile/")
    assert str(timezone.get_current_timezone()) == "UTC"  # the test thread is untouched
    assert response.context["TIME_ZONE"] == "America/Bogota"


def test_an_unknown_time_zone_is_refused_with_a_message(client, participant):
    client.force_login(participant)
    response = edit(client, time_zone="Mars/Olympus_Mons")
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    participant.refresh_from_db()
    assert participant.time_zone == "UTC"


def test_gender_is_private_to_the_person(client, participant, organization):
    client.force_login(participant)
    edit(client, gender=Gender.NON_BINARY)
    participant.refresh_from_db()
    assert participant.gender == Gender.NON_BINARY
    assert "Non-binary" in client.get("/en/accounts/profile/").text
    entry = AuditEntry.objects.get(action="accounts.profile.updated")
    assert "non_binary" not in str(entry.data)
    client.logout()
    api = client.get("/api/v1/organizations")
    assert "non_binary" not in api.text


def test_profile_needs_an_account(client):
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
