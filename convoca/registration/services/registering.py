"""Registering for an edition, cancelling, and the in-person seats with their waiting list.

A seat is taken by one conditional UPDATE of the form's counter (`seats_taken < capacity`), which
the database serialises per edition; a freed seat goes to the first person on the waiting list in
the same transaction, under the form's row lock, so no seat is ever sold twice or left empty
while someone waits. Locks are always taken form first, then registration.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action

from .. import identity, notifications
from ..models import (
    LIVE,
    Accreditation,
    AttendanceMode,
    Invitation,
    Registration,
    RegistrationForm,
    RegistrationState,
)
from .errors import RegistrationError

FORM_SETTINGS = (
    "opens_at",
    "closes_at",
    "in_person",
    "remote",
    "requires_accreditation",
    "collects_identity",
    "identity_retention_days",
    "consent_text",
    "questionnaire",
)


@dataclass(frozen=True)
class Outcome:
    registration: Registration
    created: bool

    @property
    def message(self) -> str:
        """What the participant reads after registering."""
        registration = self.registration
        if not self.created:
            return _("You are already registered for this edition.")
        if registration.state == RegistrationState.WAITLISTED:
            return _(
                "The venue is full: you are on the waiting list. We will write to you as soon "
                "as a seat frees up."
            )
        if registration.state == RegistrationState.PENDING:
            return _(
                "You are registered; your accreditation is being reviewed. We will write to "
                "you when it is decided."
            )
        return _("You are registered. Your confirmation is on its way by email.")


def live_registration(*, edition, user=None, email: str = "") -> Registration | None:
    """The registration of an account or address that is not cancelled, if any."""
    condition = Q()
    if user is not None:
        condition |= Q(user=user)
    if email:
        condition |= Q(email__iexact=email)
    if not condition:
        return None
    return (
        Registration.objects.filter(condition, edition=edition, state__in=LIVE)
        .order_by("pk")
        .first()
    )


def _check_open(form: RegistrationForm, now: dt.datetime) -> None:
    if form.opens_at and now < form.opens_at:
        raise RegistrationError(_("Registration for this edition is not open yet."))
    if form.closes_at and now >= form.closes_at:
        raise RegistrationError(_("Registration for this edition is closed."))


def _seats_visibly_left(form: RegistrationForm) -> bool:
    """A read without a lock: when the edition is visibly full, a newcomer goes straight to the
    waiting list instead of queueing behind the seat-takers for the form's row lock (a rush of
    200 for 50 seats would otherwise run one transaction at a time). A seat freed meanwhile is
    not lost: see `_hand_over_free_seats`."""
    if form.capacity is None:
        return True
    taken, capacity = (
        RegistrationForm.objects.filter(pk=form.pk).values_list("seats_taken", "capacity").get()
    )
    return capacity is None or taken < capacity


def _hand_over_free_seats(form: RegistrationForm, now: dt.datetime) -> bool:
    """After a waitlisted registration is saved: if a seat was freed while it was being written
    (the releasing transaction found no one waiting yet), hand it over now, under the lock."""
    if not _seats_visibly_left(form):
        return False
    with transaction.atomic():
        locked_form = RegistrationForm.objects.select_for_update().get(pk=form.pk)
        return bool(promote_waitlist(locked_form, now=now))


def _take_edition_seat(form: RegistrationForm) -> bool:
    """Take one in-person seat if one is left; True when taken. The UPDATE locks the form's row
    until the transaction ends, so concurrent takers queue here and never oversell."""
    seats = RegistrationForm.objects.filter(pk=form.pk)
    if form.capacity is not None:
        seats = seats.filter(seats_taken__lt=F("capacity"))
    return seats.update(seats_taken=F("seats_taken") + 1) == 1


def _usable_invitation(*, edition, code: str, now: dt.datetime, session=None) -> Invitation:
    code = "".join(code.split()).upper()
    invitation = (
        Invitation.objects.select_for_update()
        .filter(edition=edition, code=code, session=session)
        .first()
    )
    if invitation is None:
        raise RegistrationError(_("This invitation code is not valid."))
    if invitation.used_at is not None:
        raise RegistrationError(_("This invitation code has already been used."))
    if invitation.expires_at <= now:
        raise RegistrationError(
            _("This invitation code expired on %(date)s.")
            % {"date": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d %H:%M")}
        )
    return invitation


def _use_invitation(invitation: Invitation, registration: Registration, now: dt.datetime) -> None:
    used = Invitation.objects.filter(pk=invitation.pk, used_at=None).update(
        used_at=now, used_by=registration
    )
    if not used:  # pragma: no cover - the row is locked by _usable_invitation
        raise RegistrationError(_("This invitation code has already been used."))


def register(
    *,
    form: RegistrationForm,
    by,
    given_name: str,
    family_name: str,
    email: str,
    stakeholder_type: str,
    country: str,
    attendance: str,
    user=None,
    organization=None,
    organization_name: str = "",
    gender: str = "",
    answers: dict | None = None,
    consent: bool = False,
    identity_number: str = "",
    invitation_code: str = "",
    now: dt.datetime | None = None,
) -> Outcome:
    """Register one person once per edition: the live registration comes back when it exists.
    In person takes a seat if one is left (awaiting accreditation where the edition needs it),
    else a place on the waiting list; remote is confirmed at once."""
    now = now or timezone.now()
    email = email.strip().lower()
    edition = form.edition
    existing = live_registration(edition=edition, user=user, email=email)
    if existing is not None:
        if (
            user is not None
            and existing.user_id is None
            and existing.email == email
            and not Registration.objects.filter(edition=edition, user=user, state__in=LIVE).exists()
        ):
            # A focal point registered this person before they had an account: it is theirs.
            Registration.objects.filter(pk=existing.pk, user=None).update(user=user)
            existing.user = user
        return Outcome(existing, created=False)
    _check_open(form, now)
    if attendance not in AttendanceMode.values:
        raise RegistrationError(_("Choose to attend in person or remotely."))
    if attendance == AttendanceMode.IN_PERSON and not form.in_person:
        raise RegistrationError(_("This edition offers remote participation only."))
    if attendance == AttendanceMode.REMOTE and not form.remote:
        raise RegistrationError(_("This edition offers in-person attendance only."))
    if not given_name.strip():
        raise RegistrationError(_("Give the participant's given name."))
    if form.consent_text.strip() and not consent:
        raise RegistrationError(_("Registering needs your consent to the terms above."))
    in_person = attendance == AttendanceMode.IN_PERSON
    needs_identity = in_person and form.collects_identity
    if needs_identity and not identity_number.strip():
        raise RegistrationError(
            _("Give the number of your passport or identity document: accreditation needs it.")
        )
    registration = Registration(
        form=form,
        edition=edition,
        user=user,
        registered_by=by if getattr(by, "is_authenticated", False) else None,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        email=email,
        organization=organization,
        organization_name="" if organization else organization_name.strip(),
        stakeholder_type=stakeholder_type,
        country=country,
        gender=gender,
        attendance=attendance,
        answers=answers or {},
        consented_at=now if consent else None,
        identity_token=identity.seal(identity_number) if needs_identity else "",
    )
    try:
        registration.full_clean(
            exclude=["form", "edition", "user", "registered_by", "code", "organization", "state"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        raise RegistrationError(
            " ".join(str(m) for messages in error.message_dict.values() for m in messages)
        ) from error
    try:
        with transaction.atomic():
            invitation = None
            if invitation_code.strip():
                invitation = _usable_invitation(edition=edition, code=invitation_code, now=now)
            if in_person and form.requires_accreditation:
                # An invitation stands for the accreditation: the secretariat invited them.
                registration.accreditation = (
                    Accreditation.APPROVED if invitation else Accreditation.PENDING
                )
            if not in_person:
                registration.state = RegistrationState.CONFIRMED
            elif _seats_visibly_left(form) and _take_edition_seat(form):
                registration.state = (
                    RegistrationState.PENDING
                    if registration.accreditation == Accreditation.PENDING
                    else RegistrationState.CONFIRMED
                )
            else:
                registration.state = RegistrationState.WAITLISTED
                registration.waitlisted_at = now
            if registration.state == RegistrationState.CONFIRMED:
                registration.confirmed_at = now
            registration.save()
            if invitation is not None:
                _use_invitation(invitation, registration, now)
            log_action(
                registration,
                "registration.registered",
                by=by,
                data={"attendance": attendance, "state": registration.state},
            )
            notifications.queue(registration, "registered")
    except IntegrityError:
        # The same person registered at the same instant in another request: theirs stands.
        existing = live_registration(edition=edition, user=user, email=email)
        if existing is None:
            raise
        return Outcome(existing, created=False)
    if registration.state == RegistrationState.WAITLISTED and _hand_over_free_seats(form, now):
        registration.refresh_from_db()
    return Outcome(registration, created=True)


def promote_waitlist(form: RegistrationForm, *, now: dt.datetime, by=None) -> list[Registration]:
    """Give free seats to the waiting list, first come first served. The caller holds the form's
    row lock (it came from select_for_update), so seats and waiting list move together."""
    promoted = []
    while True:
        form.refresh_from_db(fields=["seats_taken", "capacity"])
        if form.capacity is not None and form.seats_taken >= form.capacity:
            break
        waiting = (
            Registration.objects.select_for_update()
            .filter(form=form, state=RegistrationState.WAITLISTED)
            .order_by("waitlisted_at", "pk")
            .first()
        )
        if waiting is None:
            break
        if not _take_edition_seat(form):  # pragma: no cover - the form row is locked
            break
        if waiting.accreditation == Accreditation.PENDING:
            waiting.state = RegistrationState.PENDING
        else:
            waiting.state = RegistrationState.CONFIRMED
            waiting.confirmed_at = now
        waiting.save(update_fields=["state", "confirmed_at", "updated_at"])
        log_action(waiting, "registration.promoted", by=by, data={"state": waiting.state})
        notifications.queue(waiting, "promoted")
        promoted.append(waiting)
    return promoted


def release_seat(form: RegistrationForm, *, now: dt.datetime, by=None) -> list[Registration]:
    """Give back one in-person seat and hand it to the waiting list; the form row is locked."""
    RegistrationForm.objects.filter(pk=form.pk, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )
    return promote_waitlist(form, now=now, by=by)


def locked(registration: Registration) -> tuple[RegistrationForm, Registration]:
    """The form then the registration, both locked, in the order every service takes them."""
    form = RegistrationForm.objects.select_for_update().get(pk=registration.form_id)
    registration = (
        Registration.objects.select_for_update().select_related("edition").get(pk=registration.pk)
    )
    return form, registration


@transaction.atomic
def cancel_registration(
    *, registration: Registration, by, now: dt.datetime | None = None
) -> Registration:
    """Cancel a registration that is not yet used at the venue; its seat, and its session
    seats, go at once to the next people waiting."""
    from .sessions import release_session_seats

    now = now or timezone.now()
    form, registration = locked(registration)
    if registration.state == RegistrationState.CANCELLED:
        return registration
    if registration.state == RegistrationState.CHECKED_IN:
        raise RegistrationError(_("A participant who has arrived at the venue cannot cancel."))
    held_seat = registration.holds_seat
    registration.state = RegistrationState.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["state", "cancelled_at", "updated_at"])
    log_action(registration, "registration.cancelled", by=by)
    if held_seat:
        release_seat(form, now=now, by=by)
    release_session_seats(registration=registration, now=now, by=by)
    notifications.queue(registration, "cancelled")
    return registration


@transaction.atomic
def set_capacity(
    *, form: RegistrationForm, capacity: int | None, by, now: dt.datetime | None = None
) -> RegistrationForm:
    """Change the in-person cap; never below the seats already taken. New seats go to the
    waiting list at once."""
    now = now or timezone.now()
    form = RegistrationForm.objects.select_for_update().get(pk=form.pk)
    if capacity is not None and capacity < form.seats_taken:
        raise RegistrationError(
            _("%(taken)s seats are already taken: the cap cannot be lower.")
            % {"taken": form.seats_taken}
        )
    before = form.capacity
    form.capacity = capacity
    form.save(update_fields=["capacity", "updated_at"])
    log_action(form, "registration.capacity.changed", by=by, data={"from": before, "to": capacity})
    promote_waitlist(form, now=now, by=by)
    return form


@transaction.atomic
def configure_form(*, edition, by, capacity: int | None = None, **settings) -> RegistrationForm:
    """Open (or change) the registration form of an edition; the cap goes through
    `set_capacity`, so raising it promotes people waiting."""
    form, created = RegistrationForm.objects.get_or_create(
        edition=edition, defaults={"capacity": capacity}
    )
    form = RegistrationForm.objects.select_for_update().get(pk=form.pk)
    changed = {k: v for k, v in settings.items() if k in FORM_SETTINGS and getattr(form, k) != v}
    for field, value in changed.items():
        setattr(form, field, value)
    if not form.in_person and not form.remote:
        raise RegistrationError(_("Offer in-person attendance, remote participation, or both."))
    if changed:
        form.save(update_fields=[*changed, "updated_at"])
    log_action(
        form,
        "registration.form.opened" if created else "registration.form.changed",
        by=by,
        data={"fields": sorted(changed)},
    )
    if not created and capacity != form.capacity:
        form = set_capacity(form=form, capacity=capacity, by=by)
    return form
