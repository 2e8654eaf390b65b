"""Browser tests: Playwright's sync API drives Debian's Chromium against the live server.

The live server runs in a thread of this process, so the locmem mail outbox and the test
database are shared with the test. Playwright's sync API keeps an event loop running in the test
thread, which would make Django refuse ORM calls from the test; hence DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import importlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from allauth.mfa import app_settings as mfa_settings
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tests.conftest import current_totp_code

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
# Playwright waits this long (ms) for an element or a navigation before it gives up.
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("install Debian's chromium: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    """A fresh browser profile (no cookies) and tab per test, pointed at the live server."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    expect.set_options(timeout=TIMEOUT_MS)
    yield page
    context.close()


def sign_in(page: Page, email: str, password: str) -> None:
    """Fill allauth's sign-in form at /en/accounts/login/ and submit it."""
    page.goto("/en/accounts/login/")
    page.get_by_placeholder("Email address").fill(email)
    page.get_by_placeholder("Password", exact=True).fill(password)
    # The form's button; the header's "Sign in" is a link.
    page.get_by_role("button", name="Sign In", exact=True).click()


def sign_out(page: Page) -> None:
    """The "Sign out" button in the header posts to allauth's logout view."""
    page.get_by_role("button", name="Sign out").click()
    header = page.get_by_role("banner")
    expect(header.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    expect(header.get_by_role("button", name="Sign out")).to_have_count(0)


@pytest.fixture
def reference_data(transactional_db):
    """Taxonomy and regions, loaded by the same code as their data migrations.

    Each live-server test empties the database when it ends, data migrations' rows included;
    running the migrations' loaders again (on the historical models it was written for) brings
    the reference data back without serialized_rollback, which would leave the database
    without its Site and content types for the transactional tests that follow.
    """
    loader = MigrationLoader(connection)
    for app, name in (("taxonomy", "0002_reference_data"), ("core", "0002_regions")):
        state = loader.project_state((app, name))
        importlib.import_module(f"convoca.{app}.migrations.{name}").load(state.apps, None)


def totp_window() -> int:
    return int(time.time()) // mfa_settings.TOTP_PERIOD


def enter_current_code(page: Page, field: Locator, button: Locator, secret: str) -> None:
    """Type the code an authenticator app shows now and submit it.

    A code is only good for its 30-second window. Should the window roll over between reading
    the code and the server checking it, the code is refused through no fault of the app; a
    person would then type the app's next code, and so does this helper (once, and only then).
    """
    for _attempt in range(2):
        window = totp_window()
        field.fill(current_totp_code(secret))
        with page.expect_response(lambda response: response.request.method == "POST") as posted:
            button.click()
        refused = posted.value.status == 200  # the form came back instead of a redirect
        if not refused or totp_window() == window:
            return


def sign_in_with_code(page: Page, user) -> None:
    """Sign in a user who has an authenticator: password, then the code it shows now."""
    from tests.factories import PASSWORD

    sign_in(page, user.email, PASSWORD)
    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    enter_current_code(
        page,
        page.get_by_label("Code"),
        page.get_by_role("button", name="Sign In"),
        user.totp_secret,
    )
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
