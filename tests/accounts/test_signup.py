import re

import pytest
from django.core import mail

from convoca.accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"
LOGIN = "/en/accounts/login/"


def sign_up(client, email="new.person@example.org", password="a long enough passphrase"):
    return client.post(SIGNUP, {"email": email, "password1": password, "password2": password})


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S*/confirm-email/\S+/)", message.body).group(1)


def test_sign_up_sends_a_verification_email_and_does_not_sign_in(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]
    assert "/confirm-email/" in mail.outbox[0].body
    assert client.get("/en/accounts/profile/").status_code == 302  # still anonymous


def test_an_unverified_account_cannot_sign_in(client):
    sign_up(client)
    client.logout()
    response = client.post(
        LOGIN, {"login": "new.person@example.org", "password": "a long enough passphrase"}
    )
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_following_the_link_verifies_and_signs_in(client):
    sign_up(client)
    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.has_verified_email
    profile = client.get("/en/accounts/profile/")
    assert profile.status_code == 200
    assert "new.person@example.org" in profile.text


def test_sign_up_in_french_keeps_french_and_explains_errors_in_french(client):
    response = client.post(
        "/fr/accounts/signup/",
        {"email": "pas-une-adresse", "password1": "x", "password2": "y"},
    )
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in response.text
    assert not User.objects.exists()

    sign_up_fr = client.post(
        "/fr/accounts/signup/",
        {
            "email": "marie@example.org",
            "password1": "une phrase assez longue",
            "password2": "une phrase assez longue",
        },
    )
    assert sign_up_fr.status_code == 302
    assert User.objects.get(email="marie@example.org").preferred_language == "fr"


def test_the_same_email_cannot_open_two_accounts(client):
    sign_up(client)
    client.logout()
    response = sign_up(client, email="NEW.person@example.org")
    assert User.objects.filter(email__iexact="new.person@example.org").count() == 1
    assert response.status_code in (200, 302)


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, participant, password):
    for _attempt in range(5):
        response = client.post(LOGIN, {"login": participant.email, "password": "wrong"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    blocked = client.post(LOGIN, {"login": participant.email, "password": password})
    assert "Too many failed login attempts" in blocked.text
    assert "_auth_user_id" not in client.session


def test_password_reset_mail_is_sent_for_a_known_address(client, participant):
    response = client.post("/en/accounts/password/reset/", {"email": participant.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/password/reset/key/" in mail.outbox[0].body
