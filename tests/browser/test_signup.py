"""Signing up, verifying the email address, and what an unverified account can (not) do."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser

VERIFY_HEADING = "Verify Your Email Address"


def confirmation_link(message) -> str:
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    assert match, f"no confirmation link in the email:\n{message.body}"
    return match.group(0)


def test_new_participant_signs_up_verifies_and_sets_language_and_time_zone(page: Page, mailoutbox):
    email = "new.delegate@example.org"

    page.goto("/en/accounts/signup/")
    page.get_by_placeholder("Email address").fill(email)
    page.get_by_placeholder("Password", exact=True).fill(PASSWORD)
    page.get_by_placeholder("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()

    # The page says a verification email went out, and it did.
    expect(page.get_by_role("heading", name=VERIFY_HEADING)).to_be_visible()
    expect(page.get_by_text("We have sent an email to you for verification")).to_be_visible()
    assert [message.to for message in mailoutbox] == [[email]]
    link = confirmation_link(mailoutbox[0])

    # Signing in before verifying only repeats the request to verify; the profile stays shut.
    sign_in(page, email, PASSWORD)
    expect(page.get_by_role("heading", name=VERIFY_HEADING)).to_be_visible()
    page.goto("/en/accounts/profile/")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next="))
    expect(page.get_by_text(email)).to_have_count(0)

    # The link from the email asks to confirm; confirming signs the person in.
    page.goto(link)
    expect(page.get_by_role("heading", name="Confirm Email Address")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/profile/$"))
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_role("main").get_by_text(email, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    # French and Tokyo time: the profile now speaks French and shows the chosen zone.
    page.goto("/en/accounts/profile/edit/")
    page.get_by_label("Preferred language").select_option("fr")
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/fr/accounts/profile/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_test_id("language")).to_have_text("Français")
    expect(page.get_by_test_id("time-zone")).to_have_text("Asia/Tokyo")

    # Arabic: the whole page turns right-to-left.
    # (The form is in French now, so its fields are found by name, not by English label.)
    page.goto("/fr/accounts/profile/edit/")
    form = page.get_by_role("main").locator("form")
    expect(form.locator("select[name=time_zone]")).to_have_value("Asia/Tokyo")
    form.locator("select[name=preferred_language]").select_option("ar")
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/ar/accounts/profile/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_test_id("language")).to_have_text("العربية")
    expect(page.get_by_test_id("time-zone")).to_have_text("Asia/Tokyo")


def test_unverified_account_is_told_to_verify_and_cannot_reach_api_tokens(page: Page, mailoutbox):
    user = UserFactory(email="unverified@example.org", verified=False)

    page.goto("/en/accounts/tokens/")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next="))
    sign_in(page, user.email, PASSWORD)

    # Told to verify (allauth's "verification sent" page), and a fresh link is in the inbox.
    expect(page).to_have_url(re.compile(r"/en/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", name=VERIFY_HEADING)).to_be_visible()
    assert [message.to for message in mailoutbox] == [[user.email]]

    # Still signed out: the token page sends them back to sign in.
    page.goto("/en/accounts/tokens/")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next="))
    expect(page.get_by_role("heading", name="API tokens")).to_have_count(0)
