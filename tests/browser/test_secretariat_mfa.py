"""Secretariat staff cannot use the site until they have enrolled an authenticator app."""

import re

import pytest
from playwright.sync_api import Page, expect

from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.browser.conftest import enter_current_code, sign_in, sign_out
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser

ACTIVATE_URL = re.compile(r"/en/accounts/2fa/totp/activate/$")
PROFILE_URL = re.compile(r"/en/accounts/profile/$")
REAUTHENTICATE_FOR_ACTIVATION_URL = re.compile(
    r"/en/accounts/reauthenticate/\?next=%2Fen%2Faccounts%2F2fa%2Ftotp%2Factivate%2F$"
)


def test_secretariat_member_must_enrol_an_authenticator_then_signs_in_with_a_code(page: Page):
    user = UserFactory(email="new.secretariat@example.org")
    grant_role(user=user, role=Role.SECRETARIAT)

    sign_in(page, user.email, PASSWORD)
    # Instead of the profile, enrolment: allauth first has them confirm their password
    # ("Confirm Access"), as it does before any change to the second factor, then the
    # activation page follows.
    expect(page).to_have_url(REAUTHENTICATE_FOR_ACTIVATION_URL)
    expect(page.get_by_role("heading", name="Confirm Access")).to_be_visible()
    page.get_by_placeholder("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(ACTIVATE_URL)
    expect(page.get_by_role("heading", name="Activate Authenticator App")).to_be_visible()

    # Whatever page they ask for, they are sent back to enrolment.
    for path in ("/en/accounts/profile/", "/en/accounts/tokens/", "/en/sdgs/", "/en/"):
        page.goto(path)
        expect(page).to_have_url(ACTIVATE_URL)

    # They copy the secret into their app and type the code it shows.
    secret = page.get_by_label("Authenticator secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}=*", secret), secret
    enter_current_code(
        page,
        page.get_by_label("Authenticator code"),
        page.get_by_role("button", name="Activate"),
        secret,
    )
    expect(page).not_to_have_url(ACTIVATE_URL)

    # Enrolled: the profile opens.
    page.goto("/en/accounts/profile/")
    expect(page).to_have_url(PROFILE_URL)
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_role("main").get_by_text(user.email, exact=True)).to_be_visible()

    # Next time, the password alone is not enough: the app's code comes before the profile.
    sign_out(page)
    sign_in(page, user.email, PASSWORD)
    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    expect(page).not_to_have_url(PROFILE_URL)
    enter_current_code(
        page,
        page.get_by_label("Code"),
        page.get_by_role("button", name="Sign In"),
        secret,
    )
    expect(page).to_have_url(PROFILE_URL)
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_role("main").get_by_text(user.email, exact=True)).to_be_visible()
