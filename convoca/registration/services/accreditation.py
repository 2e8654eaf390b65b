"""Accreditation of in-person participants: the secretariat (or accreditation staff) approves or
refuses, one by one or in bulk. A refusal gives the seat to the waiting list at once."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action

from .. import notifications
from ..models import Accreditation, Registration, RegistrationState
from .errors import RegistrationError
from .registering import locked, release_seat

DECIDABLE = (RegistrationState.PENDING, RegistrationState.WAITLISTED)


@transaction.atomic
def decide_accreditation(
    *,
    registration: Registration,
    approve: bool,
    by,
    reason: str = "",
    now: dt.datetime | None = None,
) -> Registration:
    """Approve (a seat held: confirmed) or refuse with a reason (cancelled, seat freed for the
    next person waiting). Deciding again the same way changes nothing."""
    now = now or timezone.now()
    form, registration = locked(registration)
    target = Accreditation.APPROVED if approve else Accreditation.REFUSED
    if registration.accreditation == target:
        return registration
    if registration.accreditation == Accreditation.NOT_REQUIRED:
        raise RegistrationError(
            _("%(name)s needs no accreditation.") % {"name": registration.full_name},
            registration=registration,
        )
    if registration.state not in DECIDABLE:
        raise RegistrationError(
            _("The accreditation of %(name)s (%(state)s) can no longer be decided.")
            % {"name": registration.full_name, "state": registration.get_state_display()},
            registration=registration,
        )
    reason = reason.strip()
    if not approve and not reason:
        raise RegistrationError(
            _("Give the reason for refusing %(name)s: they will read it.")
            % {"name": registration.full_name},
            registration=registration,
        )
    held_seat = registration.holds_seat
    registration.accreditation = target
    registration.accreditation_reason = reason
    registration.accredited_by = by
    registration.accredited_at = now
    fields = ["accreditation", "accreditation_reason", "accredited_by", "accredited_at"]
    if approve and registration.state == RegistrationState.PENDING:
        registration.state = RegistrationState.CONFIRMED
        registration.confirmed_at = now
        fields += ["state", "confirmed_at"]
    elif not approve:
        registration.state = RegistrationState.CANCELLED
        registration.cancelled_at = now
        fields += ["state", "cancelled_at"]
    registration.save(update_fields=[*fields, "updated_at"])
    log_action(
        registration,
        f"registration.accreditation.{target}",
        by=by,
        data={"reason": reason} if reason else None,
    )
    if not approve and held_seat:
        release_seat(form, now=now, by=by)
    if not approve:
        from .sessions import release_session_seats

        release_session_seats(registration=registration, now=now, by=by)
    notifications.queue(registration, "accredited" if approve else "refused")
    return registration


@transaction.atomic
def decide_accreditations(
    *, registrations: Iterable[Registration], approve: bool, by, reason: str = ""
) -> list[Registration]:
    """The same decision for many at once: all of them, or none if one cannot be decided."""
    return [
        decide_accreditation(registration=registration, approve=approve, by=by, reason=reason)
        for registration in sorted(registrations, key=lambda r: r.pk)
    ]
