import pytest
from django.core.management import CommandError, call_command

from convoca.accounts.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_issue_token_command_prints_a_token_that_opens_the_api(client, participant, capsys):
    call_command("issue_token", participant.email)
    token = capsys.readouterr().out.strip()
    assert token.startswith("cvk_")
    response = client.get("/api/v1/me", **bearer(token))
    assert response.status_code == 200
    assert response.json()["email"] == participant.email


def test_only_a_digest_of_the_token_is_stored(participant, capsys):
    call_command("issue_token", participant.email)
    token = capsys.readouterr().out.strip()
    stored = ApiToken.objects.get(user=participant)
    assert token not in (stored.digest, stored.prefix)
    assert stored.prefix == token[:12]


def test_issue_token_refuses_unknown_and_unverified_accounts():
    with pytest.raises(CommandError, match="No account"):
        call_command("issue_token", "nobody@example.org")
    unverified = UserFactory(verified=False)
    with pytest.raises(CommandError, match="Verify"):
        call_command("issue_token", unverified.email)


@pytest.mark.parametrize(
    "header",
    [None, "Bearer cvk_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz", "cvk_missing_scheme"],
)
def test_a_missing_or_wrong_token_answers_401(client, header):
    extra = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = client.get("/api/v1/me", **extra)
    assert response.status_code == 401


def test_a_wrong_token_on_a_public_endpoint_answers_401_not_anonymous(client):
    assert client.get("/api/v1/sdgs").status_code == 200
    assert client.get("/api/v1/sdgs", **bearer("cvk_wrong")).status_code == 401


def test_a_revoked_token_stops_working(client, participant):
    client.force_login(participant)
    page = client.post("/en/accounts/tokens/", {"name": "reporting spreadsheet"}, follow=True)
    token = page.context["raw_token"]
    assert token in page.text
    assert page.redirect_chain == [("/en/accounts/tokens/", 302)]  # reloading makes no new token
    assert client.get("/api/v1/me", **bearer(token)).status_code == 200
    stored = ApiToken.objects.get(user=participant)
    client.post(f"/en/accounts/tokens/{stored.pk}/revoke/")
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401
    listing = client.get("/en/accounts/tokens/")
    assert token not in listing.text  # shown once, never again


def test_a_deactivated_account_token_answers_401(client, participant, capsys):
    call_command("issue_token", participant.email)
    token = capsys.readouterr().out.strip()
    participant.is_active = False
    participant.save()
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_tokens_of_others_cannot_be_revoked(client, participant):
    other = UserFactory()
    from convoca.accounts.services import issue_token

    token, _raw = issue_token(user=other, name="theirs")
    client.force_login(participant)
    assert client.post(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.is_active
