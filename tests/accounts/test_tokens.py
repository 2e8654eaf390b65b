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


def test_the_tokens_page_shows_when_a_token_was_last_used(client, participant, capsys):
    import time_machine

    call_command("issue_token", participant.email)
    token = capsys.readouterr().out.strip()
    stored = ApiToken.objects.get(user=participant)
    assert stored.last_used_at is None
    with time_machine.travel("2026-03-02 09:00:00 +0000", tick=False):
        assert client.get("/api/v1/me", **bearer(token)).status_code == 200
    stored.refresh_from_db()
    assert stored.last_used_at.isoformat() == "2026-03-02T09:00:00+00:00"
    # Within the minute the hint is not rewritten (one write per token per minute at most) ...
    with time_machine.travel("2026-03-02 09:00:40 +0000", tick=False):
        assert client.get("/api/v1/me", **bearer(token)).status_code == 200
    stored.refresh_from_db()
    assert stored.last_used_at.isoformat() == "2026-03-02T09:00:00+00:00"
    # ... and after it, it is.
    with time_machine.travel("2026-03-02 09:05:00 +0000", tick=False):
        assert client.get("/api/v1/me", **bearer(token)).status_code == 200
    stored.refresh_from_db()
    assert stored.last_used_at.isoformat() == "2026-03-02T09:05:00+00:00"
    client.force_login(participant)
    assert "March 2, 2026" in client.get("/en/accounts/tokens/").text


def test_a_token_costs_one_query_that_knows_whether_the_address_is_verified(
    client, participant, capsys, django_assert_max_num_queries
):
    from allauth.account.models import EmailAddress

    call_command("issue_token", participant.email)
    token = capsys.readouterr().out.strip()
    client.get("/api/v1/me", **bearer(token))  # the first use writes the last-used hint
    with django_assert_max_num_queries(2):  # the token with its account, then its organizations
        assert client.get("/api/v1/me", **bearer(token)).status_code == 200
    # An address that is no longer verified stops the account from voting, through the token.
    EmailAddress.objects.filter(user=participant).update(verified=False)
    from convoca.accounts.tokens import authenticate_token

    assert authenticate_token(token).has_verified_email is False
    EmailAddress.objects.filter(user=participant).update(verified=True)
    assert authenticate_token(token).has_verified_email is True
