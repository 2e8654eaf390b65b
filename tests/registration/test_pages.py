"""The registration pages: participants, focal points, accreditation and check-in staff, the
secretariat; who sees what (a denied page is a 404)."""

import datetime as dt
import html
import io

import pypdf
import pytest
from django.core import mail
from django.utils import timezone

from convoca.registration import badges, services
from convoca.registration.models import CheckIn, Registration, RegistrationForm
from convoca.registration.rules import CHECK_IN_ROLE
from convoca.stakeholders.services import grant_role
from tests.conftest import sign_in
from tests.factories import UserFactory

from .conftest import EDITION, STAFF, details, geneva


def text(response) -> str:
    return html.unescape(response.content.decode())


REGISTER = f"{EDITION}/register/"
MINE = f"{EDITION}/registration/"
FORM = {
    "given_name": "Amina",
    "family_name": "Diallo",
    "organization_name": "Sahel Digital",
    "stakeholder_type": "civil_society",
    "country": "SN",
    "gender": "woman",
    "attendance": "in_person",
    "invitation_code": "",
}


def test_a_participant_registers_and_sees_the_qr_code(
    client, participant, form, django_capture_on_commit_callbacks
):
    sign_in(client, participant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, FORM)
    assert response.status_code == 302
    assert response.url == MINE
    registration = Registration.objects.get()
    assert registration.email == participant.email
    assert registration.country.code == "SN"
    page = text(client.get(MINE))
    assert "Confirmed" in page
    assert badges.display_code(registration.code) in page
    assert "<svg" in page  # the QR code, drawn on the server
    assert mail.outbox
    assert mail.outbox[0].to == [participant.email]


def test_registering_again_shows_the_existing_registration(client, participant, form):
    sign_in(client, participant)
    client.post(REGISTER, FORM)
    response = client.get(REGISTER, follow=True)
    assert "You are already registered" in text(response)
    assert Registration.objects.count() == 1


def test_a_full_venue_waitlists_with_a_clear_message(client, participant, form, register, people):
    for user in people(3):
        register(user)
    sign_in(client, participant)
    response = client.post(REGISTER, FORM, follow=True)
    page = text(response)
    assert "you are on the waiting list" in page
    assert "number 1 on the waiting list" in page


def test_an_expired_invitation_code_is_a_form_error(client, participant, form, secretariat, later):
    invitation = services.create_invitation(
        edition=form.edition, by=secretariat, expires_at=later(days=1)
    )
    from convoca.registration.models import Invitation

    Invitation.objects.filter(pk=invitation.pk).update(expires_at=geneva(2020, 1, 1, 0, 0))
    sign_in(client, participant)
    response = client.post(REGISTER, {**FORM, "invitation_code": invitation.code})
    assert response.status_code == 200
    assert "This invitation code expired on" in text(response)
    assert Registration.objects.count() == 0


def test_a_missing_country_is_a_form_error_and_changes_nothing(client, participant, form):
    sign_in(client, participant)
    response = client.post(REGISTER, {**FORM, "country": ""})
    assert response.status_code == 200
    assert "This field is required" in text(response)
    assert Registration.objects.count() == 0


def test_registration_needs_an_account(client, form):
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_an_edition_without_registration_answers_404(client, participant, edition):
    sign_in(client, participant)
    assert client.get(REGISTER).status_code == 404


def test_cancelling_frees_the_seat_for_the_next_person(client, participant, form, register, people):
    sign_in(client, participant)
    client.post(REGISTER, FORM)
    for user in people(3):
        register(user)
    client.post(f"{MINE}cancel/")
    assert Registration.objects.get(email=participant.email).state == "cancelled"
    assert Registration.objects.filter(state="confirmed").count() == 3
    assert RegistrationForm.objects.get().seats_taken == 3


def test_a_participant_downloads_their_badge(client, participant, form):
    sign_in(client, participant)
    client.post(REGISTER, FORM)
    response = client.get(f"{MINE}badge.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


# --- Remote participation ----------------------------------------------------------------------


def test_the_join_button_appears_only_from_15_minutes_before(
    client, participant, form, make_session
):
    now = timezone.now().replace(second=0, microsecond=0)
    later = make_session("Later workshop", start=now + dt.timedelta(minutes=20), room="popov")
    soon = make_session("Soon workshop", start=now + dt.timedelta(minutes=10), room="virtual-1")
    sign_in(client, participant)
    client.post(REGISTER, {**FORM, "attendance": "remote"})
    page = client.get(f"{EDITION}/remote/")
    opens = timezone.localtime(later.starts_at - dt.timedelta(minutes=15), form.edition.zone)
    later_row = text(page).split(f'data-testid="session-{later.code}"')[1].split("</tr>")[0]
    soon_row = text(page).split(f'data-testid="session-{soon.code}"')[1].split("</tr>")[0]
    assert f"From {opens:%H:%M}" in later_row
    assert "Join now" not in later_row
    assert "Join now" in soon_row
    refused = client.post(f"{EDITION}/remote/{later.code}/join/", follow=True)
    assert "15 minutes before the session starts" in text(refused)
    response = client.post(f"{EDITION}/remote/{soon.code}/join/")
    assert response.status_code == 200
    assert 'content="0; url=https://zoom.example.org/j/2"' in text(response)
    client.post(f"{EDITION}/remote/{soon.code}/join/")
    assert Registration.objects.get().joins.get().times == 2


# --- Delegations -------------------------------------------------------------------------------


def test_a_focal_point_registers_a_delegation_of_three(client, focal_point, organization, form):
    sign_in(client, focal_point)
    url = f"{EDITION}/delegations/{organization.slug}/"
    for n, name in enumerate(["Wanjiru", "Kofi", "Lina"]):
        response = client.post(
            url,
            {
                **FORM,
                "given_name": name,
                "email": f"{name.lower()}@mama-tech.org",
                "attendance": "in_person" if n < 2 else "remote",
            },
        )
        assert response.status_code == 302
    page = text(client.get(url))
    assert "3 people registered" in page
    assert all(name in page for name in ["Wanjiru", "Kofi", "Lina"])
    assert set(Registration.objects.values_list("organization__slug", flat=True)) == {"mama-tech"}


@pytest.mark.parametrize("role", ["anonymous", "participant", "secretariat"])
def test_only_the_organizations_focal_points_and_the_secretariat_see_its_delegation(
    as_role, role, organization, form
):
    client = as_role(role)
    response = client.get(f"{EDITION}/delegations/{organization.slug}/")
    expected = {"anonymous": 302, "participant": 404, "secretariat": 200}[role]
    assert response.status_code == expected


# --- Staff ------------------------------------------------------------------------------------


STAFF_PAGES = [
    "registrations/",
    "registration-settings/",
    "invitations/",
    "check-in/",
    "attendance/",
    "attendance.csv",
    "registrations.csv",
]


@pytest.mark.parametrize("role", ["participant", "focal_point", "reviewer"])
@pytest.mark.parametrize("page", STAFF_PAGES)
def test_staff_pages_answer_404_to_everyone_else(as_role, role, page, form):
    assert as_role(role).get(f"{STAFF}/{page}").status_code == 404


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_the_secretariat_reaches_every_staff_page(as_role, page, form):
    assert as_role("secretariat").get(f"{STAFF}/{page}").status_code == 200


def test_check_in_staff_check_people_in_but_see_no_registrations(client, form, register, people):
    staff = UserFactory(email="door@example.org")
    grant_role(user=staff, role=CHECK_IN_ROLE, scope=form.edition)
    registration = register(people(1)[0]).registration
    sign_in(client, staff)
    assert client.get(f"{STAFF}/registrations/").status_code == 404
    assert client.get(f"{STAFF}/check-in/").status_code == 200
    response = client.post(f"{STAFF}/check-in/", {"code": badges.display_code(registration.code)})
    assert "checked in at" in text(response)
    assert CheckIn.objects.count() == 1


def test_checking_in_twice_says_when_they_arrived(as_role, form, register, people):
    registration = register(people(1)[0]).registration
    client = as_role("secretariat")
    client.post(f"{STAFF}/check-in/", {"code": badges.qr_payload(registration)})
    arrived = timezone.localtime(CheckIn.objects.get().at, form.edition.zone)
    response = client.post(
        f"{STAFF}/check-in/", {"code": badges.qr_payload(registration)}, HTTP_HX_REQUEST="true"
    )
    page = text(response)
    assert f"{registration.full_name} is already checked in at {arrived:%H:%M}." in page
    assert "<html" not in page  # htmx gets only the answer
    assert CheckIn.objects.count() == 1


def test_a_forged_qr_is_refused_at_the_door_with_a_clear_message(as_role, form, register, people):
    registration = register(people(1)[0]).registration
    response = as_role("secretariat").post(
        f"{STAFF}/check-in/", {"code": f"{registration.code}:AAAA"}
    )
    assert response.status_code == 422
    assert "not issued by us" in text(response)
    assert CheckIn.objects.count() == 0


def test_accreditation_staff_see_identity_data_and_decide(
    as_role, accredited_form, register, people
):
    registration = register(
        people(1)[0], form=accredited_form, identity_number="PA-778899"
    ).registration
    client = as_role("secretariat")
    page = text(client.get(f"{STAFF}/registrations/{registration.pk}/"))
    assert "PA-778899" in page
    response = client.post(
        f"{STAFF}/registrations/{registration.pk}/", {"decision": "refuse", "reason": ""}
    )
    assert "Give the reason" in text(response)
    client.post(
        f"{STAFF}/registrations/{registration.pk}/",
        {"decision": "refuse", "reason": "Missing visa"},
    )
    registration.refresh_from_db()
    assert registration.accreditation == "refused"
    assert registration.state == "cancelled"


def test_bulk_approval_from_the_list(as_role, accredited_form, register, people):
    ids = [
        register(u, form=accredited_form, identity_number="N").registration.pk for u in people(3)
    ]
    client = as_role("secretariat")
    response = client.post(
        f"{STAFF}/registrations/decide/",
        {"registration": ids[:2], "decision": "approve", "reason": "", "back": "state=pending"},
    )
    assert response.url == f"{STAFF}/registrations/?state=pending"
    assert Registration.objects.filter(accreditation="approved").count() == 2


def test_the_export_never_carries_identity_data(as_role, accredited_form, register, people):
    register(people(1)[0], form=accredited_form, identity_number="PA-778899")
    client = as_role("secretariat")
    csv = client.get(f"{STAFF}/registrations.csv").content.decode("utf-8-sig")
    assert "PA-778899" not in csv
    assert "delegate" in csv
    xlsx = client.get(f"{STAFF}/registrations.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(row=2, column=4).value.startswith("delegate")


def test_badges_print_on_a4_sheets_of_four(as_role, form, register, people):
    for user in people(3):
        register(user)
    client = as_role("secretariat")
    response = client.get(f"{STAFF}/badges.pdf?sheet=1")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    single = client.get(f"{STAFF}/badges.pdf")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert len(pypdf.PdfReader(io.BytesIO(single.content)).pages) == 3


def test_settings_raise_the_cap_and_promote(as_role, form, register, people):
    for user in people(4):
        register(user)
    client = as_role("secretariat")
    response = client.post(
        f"{STAFF}/registration-settings/",
        {"in_person": "on", "remote": "on", "capacity": "4", "identity_retention_days": "30"},
    )
    assert response.status_code == 302
    assert Registration.objects.filter(state="confirmed").count() == 4


def test_the_list_pins_its_queries(as_role, form, register, people, django_assert_max_num_queries):
    client = as_role("secretariat")
    register(people(1)[0])
    with django_assert_max_num_queries(18):
        client.get(f"{STAFF}/registrations/")
    for user in people(29):
        services.register(form=form, **details(user, attendance="remote"))
    with django_assert_max_num_queries(18):
        assert client.get(f"{STAFF}/registrations/").status_code == 200
