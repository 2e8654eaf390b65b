"""Personal API tokens: created on the tokens page, shown once, refused by the API once revoked."""

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def call_me(base_url: str, token: str) -> tuple[int, dict]:
    """GET /api/v1/me as a program would: no browser cookies, only the bearer token."""
    request = urllib.request.Request(
        base_url + "/api/v1/me",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.load(error)


def test_participant_creates_api_token_that_opens_the_api_until_revoked(
    page: Page, live_server, participant
):
    sign_in(page, participant.email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/en/accounts/profile/$"))

    page.goto("/en/accounts/tokens/")
    expect(page.get_by_role("heading", name="API tokens")).to_be_visible()
    expect(page.get_by_text("No token yet.")).to_be_visible()
    page.get_by_label("Token name").fill("reporting spreadsheet")
    page.get_by_role("button", name="Create token").click()

    # The new token is shown once, with a warning to copy it now.
    expect(page.get_by_text("Copy your new token now: it will not be shown again.")).to_be_visible()
    new_token = page.get_by_test_id("new-token")
    expect(new_token).to_have_text(re.compile(r"^\s*cvk_\S{20,}\s*$"))
    token = new_token.inner_text().strip()
    row = page.get_by_role("row").filter(has_text="reporting spreadsheet")
    expect(row).to_contain_text(token[:12])

    page.goto("/en/accounts/tokens/")
    expect(page.get_by_test_id("new-token")).to_have_count(0)
    expect(page.get_by_text(token)).to_have_count(0)
    expect(row).to_be_visible()

    # The API knows who is behind the token.
    status, body = call_me(live_server.url, token)
    assert status == 200, body
    assert body["email"] == participant.email

    # Revoked on the page, the same token is refused.
    row.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("The token was revoked; it no longer opens the API.")).to_be_visible()
    expect(row).to_contain_text("Revoked")
    expect(row.get_by_role("button", name="Revoke")).to_have_count(0)

    status, body = call_me(live_server.url, token)
    assert status == 401, body
