"""Registration journeys in a real browser: a remote participant registers and joins a hybrid
session; a focal point registers a delegation of three; staff check one of them in by typing
the code printed on the badge."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from convoca.programme.models import Edition, Forum, Room, RoomKind, Session, SessionType, Track
from convoca.registration import badges
from convoca.registration.models import Registration, RegistrationForm, SessionJoin
from tests.browser.conftest import sign_in, sign_in_with_code
from tests.factories import PASSWORD, FocalPointFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.browser

EDITION = "/en/editions/wsis-forum-2022"


@pytest.fixture
def edition(transactional_db):
    forum = Forum.objects.create(name="WSIS Forum", slug="wsis-forum")
    today = timezone.localdate()
    edition = Edition.objects.create(
        forum=forum,
        name="WSIS Forum 2022",
        slug="wsis-forum-2022",
        city="Geneva",
        opening_date=today,
        final_week_start=today,
        final_week_end=today + dt.timedelta(days=4),
    )
    RegistrationForm.objects.create(edition=edition, capacity=100)
    return edition


@pytest.fixture
def hybrid_session(edition):
    room = Room.objects.create(
        edition=edition,
        name="Popov Room",
        slug="popov",
        kind=RoomKind.HYBRID,
        capacity=120,
        platform="Zoom",
        join_url="https://zoom.example.org/j/1",
    )
    start = timezone.now() + dt.timedelta(minutes=5)
    return Session.objects.create(
        edition=edition,
        code="hybrid-1",
        title="Digital inclusion of older persons",
        session_type=SessionType.objects.create(edition=edition, name="Workshop", slug="workshop"),
        track=Track.objects.create(edition=edition, name="Forum Track", slug="forum"),
        room=room,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )


def test_a_remote_participant_registers_and_joins_a_hybrid_session(
    page: Page, edition, hybrid_session
):
    user = UserFactory(email="remote@example.org", first_name="Lina", last_name="Haddad")
    sign_in(page, user.email, PASSWORD)
    page.goto(f"{EDITION}/register/")
    page.get_by_label("Stakeholder type").select_option("academia")
    page.get_by_label("Country").select_option("LB")
    page.get_by_label("Remote").check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered.")).to_be_visible()
    expect(page.get_by_test_id("state")).to_have_text("Confirmed")
    page.get_by_role("link", name="Sessions to join remotely").click()
    row = page.get_by_test_id("session-hybrid-1")
    expect(row).to_contain_text("Digital inclusion of older persons")
    # The room's own page is elsewhere: stop the browser there and check it was reached.
    page.route("https://zoom.example.org/**", lambda route: route.fulfill(body="Zoom", status=200))
    row.get_by_role("button", name="Join now").click()
    page.wait_for_url("https://zoom.example.org/j/1")
    assert SessionJoin.objects.get(session=hybrid_session).registration.email == user.email


def test_a_focal_point_registers_a_delegation_of_three(page: Page, edition):
    organization = OrganizationFactory(name="Andes SatCom", slug="andes-satcom", country="PE")
    focal = FocalPointFactory(organization=organization, user__email="focal@andes.example").user
    sign_in(page, focal.email, PASSWORD)
    page.goto(f"{EDITION}/delegations/andes-satcom/")
    for given, email, mode in [
        ("Mateo", "mateo@andes.example", "In person"),
        ("Sofía", "sofia@andes.example", "In person"),
        ("Tomás", "tomas@andes.example", "Remote"),
    ]:
        page.get_by_label("Given name").fill(given)
        page.get_by_label("Family name").fill("Quispe")
        page.get_by_label("Email").fill(email)
        page.get_by_label(mode, exact=True).check()
        page.get_by_role("button", name="Register this delegate").click()
        expect(page.get_by_text(f"{given} Quispe is registered")).to_be_visible()
    table = page.get_by_test_id("delegation")
    expect(table).to_contain_text("3 people registered")
    for name in ("Mateo", "Sofía", "Tomás"):
        expect(table).to_contain_text(f"{name} Quispe")


def test_staff_check_a_delegate_in_by_typing_the_code(page: Page, edition, secretariat_user):
    from convoca.registration import services

    organization = OrganizationFactory(name="Andes SatCom", slug="andes-satcom", country="PE")
    registration = services.register(
        form=edition.registration_form,
        by=None,
        given_name="Mateo",
        family_name="Quispe",
        email="mateo@andes.example",
        organization=organization,
        stakeholder_type="private_sector",
        country="PE",
        attendance="in_person",
    ).registration
    sign_in_with_code(page, secretariat_user)
    page.goto("/en/secretariat/editions/wsis-forum-2022/check-in/")
    page.get_by_label("Badge code").fill(badges.display_code(registration.code).lower())
    page.get_by_role("button", name="Check in", exact=True).click()
    result = page.get_by_test_id("check-in-result")
    expect(result).to_contain_text("Mateo Quispe checked in at")
    expect(result).to_contain_text("Andes SatCom")
    page.get_by_label("Badge code").fill(registration.code)
    page.get_by_role("button", name="Check in", exact=True).click()
    expect(result).to_contain_text("Mateo Quispe is already checked in at")
    assert Registration.objects.get(pk=registration.pk).state == "checked_in"


@pytest.fixture
def secretariat_user(transactional_db):
    from convoca.stakeholders.models import Role
    from convoca.stakeholders.services import grant_role
    from tests.conftest import enrol_totp

    user = UserFactory(email="secretariat@example.org")
    grant_role(user=user, role=Role.SECRETARIAT)
    user.totp_secret = enrol_totp(user)
    return user
