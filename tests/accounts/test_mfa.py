import pytest

from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.conftest import current_totp_code, enrol_totp
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def sign_in(client, user):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD})


def test_secretariat_staff_without_a_second_factor_are_sent_to_enrol(client):
    user = UserFactory()
    grant_role(user=user, role=Role.SECRETARIAT)
    sign_in(client, user)
    for page in ("/en/", "/en/accounts/profile/", "/en/organizations/"):
        response = client.get(page)
        assert response.status_code == 302
        assert response.url == "/en/accounts/2fa/totp/activate/"
    # Enrolling is a sensitive change: allauth asks for the password once more, then shows it.
    activate = client.get("/en/accounts/2fa/totp/activate/")
    assert activate.url.startswith("/en/accounts/reauthenticate/")
    reauthenticate(client)
    assert client.get("/en/accounts/2fa/totp/activate/").status_code == 200


def reauthenticate(client):
    response = client.post(
        "/en/accounts/reauthenticate/?next=/en/accounts/2fa/totp/activate/",
        {"password": PASSWORD},
    )
    assert response.status_code == 302


def test_django_staff_must_enrol_too(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/en/").url == "/en/accounts/2fa/totp/activate/"


def test_participants_are_not_forced_to_use_a_second_factor(client, participant):
    client.force_login(participant)
    assert client.get("/en/accounts/profile/").status_code == 200


def test_enrolled_staff_are_asked_for_their_code_at_sign_in(client):
    user = UserFactory()
    grant_role(user=user, role=Role.SECRETARIAT)
    secret = enrol_totp(user)
    response = sign_in(client, user)
    assert response.status_code == 302
    assert response.url == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    wrong = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    right = client.post("/en/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert right.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_enrolling_through_the_page_unlocks_the_site(client):
    user = UserFactory()
    grant_role(user=user, role=Role.SECRETARIAT)
    sign_in(client, user)
    reauthenticate(client)
    page = client.get("/en/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/en/organizations/").status_code == 200


def test_a_secretariat_scoped_to_one_object_must_enrol_too(client, organization):
    user = UserFactory()
    grant_role(user=user, role=Role.SECRETARIAT, scope=organization)
    client.force_login(user)
    assert client.get("/en/").url == "/en/accounts/2fa/totp/activate/"


def test_accreditation_staff_who_read_passport_numbers_must_enrol(client):
    user = UserFactory()
    grant_role(user=user, role=Role.ACCREDITATION)
    client.force_login(user)
    assert client.get("/en/").url == "/en/accounts/2fa/totp/activate/"
    check_in_only = UserFactory()
    grant_role(user=check_in_only, role=Role.CHECK_IN)
    client.force_login(check_in_only)
    assert client.get("/en/").status_code == 200
