"""The rules of registration: seats and the waiting list, invitations, accreditation and the
erasure of identity data, session seats, check-in once, and the join link's timing."""

import datetime as dt

import pytest
from django.core import mail

from convoca.core.models import AuditEntry
from convoca.registration import badges, identity, services
from convoca.registration.models import (
    Accreditation,
    CheckIn,
    Invitation,
    Registration,
    RegistrationForm,
    RegistrationState,
    SeatState,
    SessionJoin,
)
from convoca.registration.services import JoinRefused, RegistrationError
from tests.factories import UserFactory

from .conftest import GENEVA, details, geneva


def seats(form) -> int:
    return RegistrationForm.objects.get(pk=form.pk).seats_taken


# --- Seats and the waiting list ----------------------------------------------------------------


def test_in_person_registrations_past_the_cap_join_the_waiting_list(
    form, register, people, django_capture_on_commit_callbacks
):
    users = people(5)
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = [register(user) for user in users]
    states = [o.registration.state for o in outcomes]
    assert states == ["confirmed"] * 3 + ["waitlisted"] * 2
    assert seats(form) == 3
    assert "waiting list" in outcomes[3].message
    assert [m.subject for m in mail.outbox].count("On the waiting list: WSIS Forum 2022") == 2
    confirmed = next(m for m in mail.outbox if m.to == [users[0].email])
    assert confirmed.subject == "Registration confirmed: WSIS Forum 2022"
    assert confirmed.attachments[0][2] == "image/png"  # the QR code to show at the entrance


def test_remote_participants_are_confirmed_whatever_the_cap(form, register, people):
    for user in people(3):
        register(user)
    outcome = register(people(1)[0], attendance="remote")
    assert outcome.registration.state == RegistrationState.CONFIRMED
    assert seats(form) == 3


def test_registering_twice_answers_the_existing_registration(form, register, people):
    (user,) = people(1)
    first = register(user)
    again = register(user, attendance="remote")
    assert again.created is False
    assert again.registration.pk == first.registration.pk
    assert again.registration.attendance == "in_person"
    assert again.message == "You are already registered for this edition."
    assert Registration.objects.count() == 1
    assert seats(form) == 1


def test_a_cancelled_seat_goes_to_the_first_person_waiting_who_is_told(
    form, register, people, django_capture_on_commit_callbacks
):
    users = people(5)
    outcomes = [register(user) for user in users]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=outcomes[1].registration, by=users[1])
    states = {r.email: r.state for r in Registration.objects.all()}
    assert states[users[1].email] == "cancelled"
    assert states[users[3].email] == "confirmed"  # first on the list
    assert states[users[4].email] == "waitlisted"
    assert seats(form) == 3
    promoted = next(m for m in mail.outbox if m.to == [users[3].email])
    assert "a seat freed up" in promoted.body


def test_raising_the_cap_promotes_people_waiting(form, register, people, secretariat):
    outcomes = [register(user) for user in people(5)]
    services.set_capacity(form=form, capacity=4, by=secretariat)
    outcomes[3].registration.refresh_from_db()
    outcomes[4].registration.refresh_from_db()
    assert outcomes[3].registration.state == "confirmed"
    assert outcomes[4].registration.state == "waitlisted"


def test_the_cap_cannot_go_below_the_seats_taken(form, register, people, secretariat):
    for user in people(3):
        register(user)
    with pytest.raises(RegistrationError, match="3 seats are already taken"):
        services.set_capacity(form=form, capacity=2, by=secretariat)
    assert RegistrationForm.objects.get(pk=form.pk).capacity == 3


def test_registration_outside_its_dates_is_refused(form, register, people):
    form.opens_at = geneva(2030, 1, 1, 9, 0)
    form.save()
    with pytest.raises(RegistrationError, match="not open yet"):
        register(people(1)[0])
    form.opens_at, form.closes_at = None, geneva(2020, 1, 1, 9, 0)
    form.save()
    with pytest.raises(RegistrationError, match="closed"):
        register(people(1)[0])
    assert Registration.objects.count() == 0


def test_consent_is_needed_when_the_form_asks_for_it(form, register, people):
    form.consent_text = "I agree that my name appears on the list of participants."
    form.save()
    (user,) = people(1)
    with pytest.raises(RegistrationError, match="consent"):
        register(user)
    outcome = register(user, consent=True)
    assert outcome.registration.consented_at is not None


def test_a_mode_the_edition_does_not_offer_is_refused(form, register, people):
    form.in_person = False
    form.save()
    with pytest.raises(RegistrationError, match="remote participation only"):
        register(people(1)[0])
    assert seats(form) == 0


def test_an_unknown_country_is_a_clear_error_and_changes_nothing(form, register, people):
    with pytest.raises(RegistrationError, match="valid choice"):
        register(people(1)[0], country="XX")
    assert Registration.objects.count() == 0
    assert seats(form) == 0


# --- Invitations -------------------------------------------------------------------------------


def test_an_invitation_code_is_single_use_and_accredits(
    accredited_form, register, people, later, secretariat
):
    invitation = services.create_invitation(
        edition=accredited_form.edition, by=secretariat, expires_at=later(days=3)
    )
    first, second = people(2)
    outcome = register(
        first,
        form=accredited_form,
        identity_number="X1234567",
        invitation_code=invitation.code.lower(),
    )
    assert outcome.registration.accreditation == Accreditation.APPROVED
    assert outcome.registration.state == RegistrationState.CONFIRMED
    with pytest.raises(RegistrationError, match="already been used"):
        register(
            second, form=accredited_form, identity_number="Y7", invitation_code=invitation.code
        )
    assert Registration.objects.filter(email=second.email).count() == 0
    assert seats(accredited_form) == 1


def test_an_expired_invitation_code_is_refused_and_changes_nothing(
    form, register, people, secretariat
):
    invitation = services.create_invitation(
        edition=form.edition,
        by=secretariat,
        expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1),
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    )
    with pytest.raises(RegistrationError, match="expired"):
        register(people(1)[0], invitation_code=invitation.code)
    assert Registration.objects.count() == 0
    assert seats(form) == 0
    assert Invitation.objects.get(pk=invitation.pk).used_at is None


def test_an_unknown_invitation_code_is_refused(form, register, people):
    with pytest.raises(RegistrationError, match="not valid"):
        register(people(1)[0], invitation_code="NOPE")


# --- Accreditation and identity data -----------------------------------------------------------


def test_in_person_registration_awaits_accreditation_and_approval_confirms_it(
    accredited_form, register, people, secretariat, django_capture_on_commit_callbacks
):
    outcome = register(people(1)[0], form=accredited_form, identity_number=" P0012345 ")
    registration = outcome.registration
    assert registration.state == RegistrationState.PENDING
    assert "accreditation is being reviewed" in outcome.message
    assert "P0012345" not in registration.identity_token  # encrypted at rest
    assert identity.reveal(registration.identity_token) == "P0012345"
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(registration=registration, approve=True, by=secretariat)
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    assert registration.accreditation == "approved"
    assert mail.outbox[-1].subject == "Registration confirmed: WSIS Forum 2022"


def test_identity_number_is_required_when_the_edition_collects_it(
    accredited_form, register, people
):
    with pytest.raises(RegistrationError, match="passport"):
        register(people(1)[0], form=accredited_form)
    assert Registration.objects.count() == 0


def test_remote_participants_give_no_identity_data_and_need_no_accreditation(
    accredited_form, register, people
):
    outcome = register(people(1)[0], form=accredited_form, attendance="remote")
    assert outcome.registration.accreditation == Accreditation.NOT_REQUIRED
    assert outcome.registration.identity_token == ""


def test_a_refusal_needs_a_reason_frees_the_seat_and_tells_the_person(
    accredited_form, register, people, secretariat, django_capture_on_commit_callbacks
):
    outcomes = [register(u, form=accredited_form, identity_number="N1") for u in people(4)]
    refused = outcomes[0].registration
    with pytest.raises(RegistrationError, match="reason"):
        services.decide_accreditation(registration=refused, approve=False, by=secretariat)
    refused.refresh_from_db()
    assert refused.state == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(
            registration=refused, approve=False, by=secretariat, reason="Incomplete documents"
        )
    refused.refresh_from_db()
    waiting = outcomes[3].registration
    waiting.refresh_from_db()
    assert refused.state == "cancelled"
    assert refused.accreditation == "refused"
    assert waiting.state == "pending"  # promoted to a seat, still to be accredited
    assert seats(accredited_form) == 3
    letter = next(m for m in mail.outbox if m.to == [refused.email])
    assert "Incomplete documents" in letter.body


def test_bulk_approval_decides_all_or_none(accredited_form, register, people, secretariat):
    registrations = [
        register(u, form=accredited_form, identity_number="N").registration for u in people(3)
    ]
    remote = register(people(1)[0], form=accredited_form, attendance="remote").registration
    with pytest.raises(RegistrationError, match="needs no accreditation"):
        services.decide_accreditations(
            registrations=[*registrations, remote], approve=True, by=secretariat
        )
    assert Registration.objects.filter(state="pending").count() == 3
    services.decide_accreditations(registrations=registrations, approve=True, by=secretariat)
    assert Registration.objects.filter(state="confirmed", accreditation="approved").count() == 3


def test_identity_data_is_erased_after_the_retention_period(
    accredited_form, register, people, secretariat
):
    registration = register(people(1)[0], form=accredited_form, identity_number="P9").registration
    last_day = accredited_form.edition.final_week_end
    assert services.erase_identity_data(today=last_day + dt.timedelta(days=30)) == 0
    registration.refresh_from_db()
    assert identity.reveal(registration.identity_token) == "P9"
    assert services.erase_identity_data(today=last_day + dt.timedelta(days=31)) == 1
    registration.refresh_from_db()
    assert registration.identity_token == ""
    assert registration.identity_erased_at is not None
    assert services.erase_identity_data(today=last_day + dt.timedelta(days=60)) == 0
    assert AuditEntry.objects.filter(action="registration.identity.erased").count() == 1


def test_the_erasure_command_reports_what_it_erased(accredited_form, register, people):
    from io import StringIO

    from django.core.management import call_command

    register(people(1)[0], form=accredited_form, identity_number="P9")
    out = StringIO()
    call_command("erase_identity_data", "--today", "2022-07-10", stdout=out)
    assert "1 registration" in out.getvalue()
    assert Registration.objects.get().identity_token == ""


# --- Check-in ----------------------------------------------------------------------------------


def test_check_in_marks_arrival_once_and_a_second_scan_says_when(
    form, register, people, secretariat
):
    registration = register(people(1)[0]).registration
    payload = badges.qr_payload(registration)
    first = services.check_in(
        form=form, scanned=payload, by=secretariat, now=geneva(2022, 5, 30, 9, 12)
    )
    assert first.already is False
    second = services.check_in(
        form=form, scanned=payload, by=secretariat, now=geneva(2022, 5, 30, 9, 40)
    )
    assert second.already is True
    assert second.message(GENEVA) == f"{registration.full_name} is already checked in at 09:12."
    assert CheckIn.objects.count() == 1
    registration.refresh_from_db()
    assert registration.state == "checked_in"


def test_typing_the_code_checks_in_without_a_camera(form, register, people, secretariat):
    registration = register(people(1)[0]).registration
    typed = badges.display_code(registration.code).lower()  # "abcde-fghjk"
    result = services.check_in(form=form, scanned=typed, by=secretariat)
    assert result.registration.pk == registration.pk
    assert not result.already


def test_a_forged_qr_code_is_refused(form, register, people, secretariat):
    registration = register(people(1)[0]).registration
    with pytest.raises(RegistrationError, match="not issued by us"):
        services.check_in(form=form, scanned=f"{registration.code}:forged", by=secretariat)
    assert CheckIn.objects.count() == 0


def test_a_refused_accreditation_cannot_check_in(accredited_form, register, people, secretariat):
    registration = register(people(1)[0], form=accredited_form, identity_number="N").registration
    with pytest.raises(RegistrationError, match="still pending"):
        services.check_in(form=accredited_form, scanned=registration.code, by=secretariat)
    services.decide_accreditation(
        registration=registration, approve=False, by=secretariat, reason="No visa"
    )
    with pytest.raises(RegistrationError, match="Accreditation refused") as refused:
        services.check_in(form=accredited_form, scanned=registration.code, by=secretariat)
    assert refused.value.registration.pk == registration.pk  # staff see whom they refuse
    assert CheckIn.objects.count() == 0


def test_remote_and_waitlisted_participants_have_no_seat_at_the_door(
    form, register, people, secretariat
):
    remote = register(people(1)[0], attendance="remote").registration
    with pytest.raises(RegistrationError, match="remotely"):
        services.check_in(form=form, scanned=remote.code, by=secretariat)
    for user in people(3):
        register(user)
    waiting = register(people(1)[0]).registration
    with pytest.raises(RegistrationError, match="waiting list"):
        services.check_in(form=form, scanned=waiting.code, by=secretariat)
    assert CheckIn.objects.count() == 0


def test_an_unknown_code_is_refused(form, secretariat):
    with pytest.raises(RegistrationError, match="No registration has the code"):
        services.check_in(form=form, scanned="ZZZZZ-ZZZZZ", by=secretariat)


def test_a_checked_in_participant_cannot_cancel(form, register, people, secretariat):
    (user,) = people(1)
    registration = register(user).registration
    services.check_in(form=form, scanned=registration.code, by=secretariat)
    with pytest.raises(RegistrationError, match="arrived"):
        services.cancel_registration(registration=registration, by=user)


# --- Sessions: seats, invitations, joins ------------------------------------------------------


@pytest.fixture
def training(make_session):
    return make_session("Training: cybersecurity", start=geneva(2022, 5, 31, 9, 0), room="room-c")


def test_a_session_with_seats_waitlists_and_promotes(form, register, people, training, secretariat):
    services.set_session_quota(session=training, capacity=1, by=secretariat)
    first, second = (register(u, attendance="remote").registration for u in people(2))
    seat = services.take_session_seat(registration=first, session=training, by=first.user)
    other = services.take_session_seat(registration=second, session=training, by=second.user)
    assert (seat.state, other.state) == (SeatState.CONFIRMED, SeatState.WAITLISTED)
    services.cancel_session_seat(seat=seat, by=first.user)
    other.refresh_from_db()
    assert other.state == SeatState.CONFIRMED


def test_an_invitation_only_session_needs_a_valid_code(
    form, register, people, training, secretariat, later
):
    services.set_session_quota(session=training, capacity=10, invitation_only=True, by=secretariat)
    registration = register(people(1)[0]).registration
    with pytest.raises(RegistrationError, match="by invitation only"):
        services.take_session_seat(registration=registration, session=training, by=None)
    edition_wide = services.create_invitation(
        edition=form.edition, by=secretariat, expires_at=later(days=1)
    )
    with pytest.raises(RegistrationError, match="not valid"):
        services.take_session_seat(
            registration=registration, session=training, by=None, invitation_code=edition_wide.code
        )
    invitation = services.create_invitation(
        edition=form.edition, session=training, by=secretariat, expires_at=later(days=1)
    )
    seat = services.take_session_seat(
        registration=registration, session=training, by=None, invitation_code=invitation.code
    )
    assert seat.state == SeatState.CONFIRMED


def test_cancelling_a_registration_gives_its_session_seats_back(
    form, register, people, training, secretariat
):
    services.set_session_quota(session=training, capacity=1, by=secretariat)
    first, second = (register(u).registration for u in people(2))
    services.take_session_seat(registration=first, session=training, by=None)
    waiting = services.take_session_seat(registration=second, session=training, by=None)
    services.cancel_registration(registration=first, by=first.user)
    waiting.refresh_from_db()
    assert waiting.state == SeatState.CONFIRMED


@pytest.fixture
def hybrid(make_session):
    return make_session("Hybrid workshop", start=geneva(2022, 5, 31, 14, 0), room="popov")


def test_the_join_link_appears_15_minutes_before_the_start(form, register, people, hybrid):
    registration = register(people(1)[0], attendance="remote").registration
    with pytest.raises(JoinRefused, match="15 minutes before"):
        services.join_session(
            registration=registration, session=hybrid, now=geneva(2022, 5, 31, 13, 44)
        )
    assert SessionJoin.objects.count() == 0
    url = services.join_session(
        registration=registration, session=hybrid, now=geneva(2022, 5, 31, 13, 45)
    )
    assert url == "https://zoom.example.org/j/1"
    with pytest.raises(JoinRefused, match="ended"):
        services.join_session(
            registration=registration, session=hybrid, now=geneva(2022, 5, 31, 15, 0)
        )


def test_every_join_is_counted_once_per_participant_and_session(form, register, people, hybrid):
    first, second = (register(u, attendance="remote").registration for u in people(2))
    for registration in (first, first, first, second):
        services.join_session(
            registration=registration, session=hybrid, now=geneva(2022, 5, 31, 14, 5)
        )
    assert SessionJoin.objects.count() == 2
    assert SessionJoin.objects.get(registration=first).times == 3


def test_the_join_link_is_only_for_confirmed_participants(
    form, register, people, hybrid, make_session
):
    with pytest.raises(JoinRefused, match="Register for the edition"):
        services.join_session(registration=None, session=hybrid, now=geneva(2022, 5, 31, 14, 0))
    for user in people(3):
        register(user)
    waiting = register(people(1)[0]).registration
    with pytest.raises(JoinRefused, match="not confirmed"):
        services.join_session(registration=waiting, session=hybrid, now=geneva(2022, 5, 31, 14, 0))
    in_room = make_session("In the room only", start=geneva(2022, 5, 31, 14, 0), room="room-c")
    remote = register(people(1)[0], attendance="remote").registration
    with pytest.raises(JoinRefused, match="no remote participation"):
        services.join_session(registration=remote, session=in_room, now=geneva(2022, 5, 31, 14, 0))


def test_a_focal_point_registers_a_delegate_without_an_account(form, focal_point, organization):
    outcome = services.register(
        form=form,
        by=focal_point,
        given_name="Wanjiru",
        family_name="Mwangi",
        email="Wanjiru@Example.org",
        organization=organization,
        stakeholder_type=organization.stakeholder_type,
        country="KE",
        attendance="in_person",
    )
    registration = outcome.registration
    assert registration.user is None
    assert registration.registered_by == focal_point
    assert registration.email == "wanjiru@example.org"
    again = services.register(
        form=form,
        by=focal_point,
        given_name="Wanjiru",
        family_name="Mwangi",
        email="WANJIRU@example.org",
        stakeholder_type="civil_society",
        country="KE",
        attendance="in_person",
    )
    assert again.registration.pk == registration.pk
    assert not again.created


def test_registering_with_an_account_after_a_focal_point_did_finds_that_registration(
    form, focal_point, organization
):
    delegate = UserFactory(email="delegate@example.org")
    services.register(form=form, **{**details(delegate), "user": None, "by": focal_point})
    outcome = services.register(form=form, **details(delegate))
    assert outcome.created is False
