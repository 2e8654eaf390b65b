"""Sessions that need registration (seats, a waiting list, invitation codes) and joins to virtual
and hybrid sessions, counted once per participant and session.

As for the edition, a session seat is taken by a conditional UPDATE of the quota's counter and a
freed seat goes to the first person waiting in the same transaction, under the quota's row lock.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action

from .. import notifications
from ..models import (
    Invitation,
    Registration,
    SeatState,
    SessionJoin,
    SessionQuota,
    SessionSeat,
)
from .errors import RegistrationError
from .registering import _usable_invitation, _use_invitation

JOIN_OPENS_BEFORE = dt.timedelta(minutes=15)


class JoinRefused(RegistrationError):
    """The join link is not available (yet, any more, or to this person)."""


@transaction.atomic
def set_session_quota(*, session, capacity: int, by, invitation_only: bool = False) -> SessionQuota:
    """Make a session need registration, with `capacity` seats; never below the seats taken."""
    quota, _created = SessionQuota.objects.get_or_create(
        session=session, defaults={"capacity": capacity, "invitation_only": invitation_only}
    )
    quota = SessionQuota.objects.select_for_update().get(pk=quota.pk)
    if capacity < quota.seats_taken:
        raise RegistrationError(
            _("%(taken)s seats are already taken: the cap cannot be lower.")
            % {"taken": quota.seats_taken}
        )
    quota.capacity = capacity
    quota.invitation_only = invitation_only
    quota.save(update_fields=["capacity", "invitation_only"])
    log_action(
        session,
        "registration.session_quota.set",
        by=by,
        data={"capacity": capacity, "invitation_only": invitation_only},
    )
    _promote(quota, now=timezone.now(), by=by)
    return quota


@transaction.atomic
def create_invitation(
    *,
    edition,
    by,
    expires_at: dt.datetime,
    session=None,
    email: str = "",
    note: str = "",
) -> Invitation:
    """A single-use code, for an invitation-only session or to be accredited on registering."""
    if expires_at <= timezone.now():
        raise RegistrationError(_("An invitation must expire in the future."))
    if session is not None and session.edition_id != edition.pk:
        raise RegistrationError(_("That session belongs to another edition."))
    invitation = Invitation.objects.create(
        edition=edition,
        session=session,
        email=email.strip().lower(),
        note=note.strip(),
        expires_at=expires_at,
        created_by=by,
    )
    log_action(invitation, "registration.invitation.created", by=by)
    return invitation


def _take(quota: SessionQuota) -> bool:
    return (
        SessionQuota.objects.filter(pk=quota.pk, seats_taken__lt=F("capacity")).update(
            seats_taken=F("seats_taken") + 1
        )
        == 1
    )


def take_session_seat(
    *,
    registration: Registration,
    session,
    by,
    invitation_code: str = "",
    now: dt.datetime | None = None,
) -> SessionSeat:
    """A seat in a session that needs registration, for a confirmed participant of its edition;
    when full, a place on its waiting list. Asking twice gives back the same seat."""
    now = now or timezone.now()
    quota = SessionQuota.objects.filter(session=session).first()
    if quota is None:
        raise RegistrationError(_("This session needs no registration: just come."))
    if session.edition_id != registration.edition_id:
        raise RegistrationError(_("That session belongs to another edition."))
    if not registration.is_active:
        raise RegistrationError(
            _("Your registration for the edition is not confirmed yet."), registration=registration
        )
    existing = SessionSeat.objects.filter(quota=quota, registration=registration).exclude(
        state=SeatState.CANCELLED
    )
    if found := existing.first():
        return found
    try:
        with transaction.atomic():
            invitation = None
            if quota.invitation_only:
                if not invitation_code.strip():
                    raise RegistrationError(
                        _("This session is by invitation only: give your invitation code.")
                    )
                invitation = _usable_invitation(
                    edition=registration.edition, code=invitation_code, now=now, session=session
                )
            seat = SessionSeat(quota=quota, registration=registration)
            if _take(quota):
                seat.state = SeatState.CONFIRMED
            else:
                seat.state, seat.waitlisted_at = SeatState.WAITLISTED, now
            seat.save()
            if invitation is not None:
                _use_invitation(invitation, registration, now)
            log_action(seat, f"registration.session_seat.{seat.state}", by=by)
            notifications.queue_seat(seat)
    except IntegrityError:
        if found := existing.first():
            return found
        raise
    return seat


def _promote(quota: SessionQuota, *, now: dt.datetime, by=None) -> None:
    """Free seats to the session's waiting list; the caller holds the quota's row lock."""
    while True:
        waiting = (
            SessionSeat.objects.select_for_update()
            .filter(quota=quota, state=SeatState.WAITLISTED)
            .order_by("waitlisted_at", "pk")
            .first()
        )
        if waiting is None or not _take(quota):
            return
        waiting.state = SeatState.CONFIRMED
        waiting.save(update_fields=["state", "updated_at"])
        log_action(waiting, "registration.session_seat.promoted", by=by)
        notifications.queue_seat(waiting)


def _cancel(seat: SessionSeat, *, now: dt.datetime, by) -> None:
    quota = SessionQuota.objects.select_for_update().get(pk=seat.quota_id)
    seat = SessionSeat.objects.select_for_update().get(pk=seat.pk)
    if seat.state == SeatState.CANCELLED:
        return
    held = seat.state == SeatState.CONFIRMED
    seat.state = SeatState.CANCELLED
    seat.save(update_fields=["state", "updated_at"])
    log_action(seat, "registration.session_seat.cancelled", by=by)
    if held:
        SessionQuota.objects.filter(pk=quota.pk, seats_taken__gt=0).update(
            seats_taken=F("seats_taken") - 1
        )
        _promote(quota, now=now, by=by)


@transaction.atomic
def cancel_session_seat(*, seat: SessionSeat, by, now: dt.datetime | None = None) -> None:
    """Give up a session seat (or a place on its waiting list); the next person gets it."""
    _cancel(seat, now=now or timezone.now(), by=by)


def release_session_seats(*, registration: Registration, now: dt.datetime, by) -> None:
    """Every session seat of a cancelled registration goes back to its session."""
    for seat in SessionSeat.objects.filter(registration=registration).exclude(
        state=SeatState.CANCELLED
    ):
        _cancel(seat, now=now, by=by)


def join_link_opens(session) -> dt.datetime | None:
    return session.starts_at - JOIN_OPENS_BEFORE if session.starts_at else None


def check_join(*, registration: Registration | None, session, now: dt.datetime) -> str:
    """The join link, if `registration` may use it now; JoinRefused says why not."""
    room = session.room
    if room is None or not room.is_virtual or not room.join_url:
        raise JoinRefused(_("This session has no remote participation."))
    if registration is None or registration.edition_id != session.edition_id:
        raise JoinRefused(_("Register for the edition to receive the join link."))
    if not registration.is_active:
        raise JoinRefused(
            _("Your registration is not confirmed: the join link is for confirmed participants."),
            registration=registration,
        )
    if session.starts_at is None or session.ends_at is None:
        raise JoinRefused(_("This session is not scheduled yet."))
    if now < session.starts_at - JOIN_OPENS_BEFORE:
        raise JoinRefused(
            _("The join link appears 15 minutes before the session starts."),
            registration=registration,
        )
    if now >= session.ends_at:
        raise JoinRefused(_("This session has ended."), registration=registration)
    quota = getattr(session, "quota", None)  # reverse one-to-one: None when absent
    if (
        quota is not None
        and not SessionSeat.objects.filter(
            quota=quota, registration=registration, state=SeatState.CONFIRMED
        ).exists()
    ):
        raise JoinRefused(
            _("This session needs registration: take a seat first."), registration=registration
        )
    return room.join_url


def join_session(*, registration: Registration | None, session, now: dt.datetime | None = None):
    """Count the join (once per participant and session, however many clicks) and answer the
    link of the session's room."""
    now = now or timezone.now()
    url = check_join(registration=registration, session=session, now=now)
    joins = SessionJoin.objects.filter(session=session, registration=registration)
    if not joins.update(times=F("times") + 1, last_at=now):
        try:
            with transaction.atomic():
                SessionJoin.objects.create(
                    session=session, registration=registration, first_at=now, last_at=now
                )
        except IntegrityError:  # a second click raced the first one: count it, once
            joins.update(times=F("times") + 1, last_at=now)
    return url
