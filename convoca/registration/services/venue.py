"""Check-in at the venue: staff scan the badge's QR code (or type its code) and the participant
is marked as arrived, once. Anything else (a forged code, a refused accreditation, a remote
participant) is refused with a message and changes nothing."""

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action

from .. import badges
from ..models import (
    Accreditation,
    AttendanceMode,
    CheckIn,
    Registration,
    RegistrationForm,
    RegistrationState,
)
from .errors import RegistrationError


@dataclass(frozen=True)
class CheckInResult:
    registration: Registration
    at: dt.datetime
    already: bool
    scanned_at: dt.datetime

    def message(self, zone) -> str:
        when = timezone.localtime(self.at, zone).strftime("%H:%M")
        if self.already:
            day = timezone.localtime(self.at, zone).date()
            if day != timezone.localtime(self.scanned_at, zone).date():
                when = timezone.localtime(self.at, zone).strftime("%Y-%m-%d %H:%M")
            return _("%(name)s is already checked in at %(time)s.") % {
                "name": self.registration.full_name,
                "time": when,
            }
        return _("%(name)s checked in at %(time)s.") % {
            "name": self.registration.full_name,
            "time": when,
        }


def find_by_code(*, form: RegistrationForm, scanned: str) -> Registration:
    """The registration a scanned QR payload or a typed code names, in this edition."""
    scanned = scanned.strip()
    if not scanned:
        raise RegistrationError(_("Scan a badge or type its code."))
    if ":" in scanned:
        try:
            code = badges.unsign(scanned)
        except signing.BadSignature as error:
            raise RegistrationError(
                _("This QR code was not issued by us: do not admit; check the person's papers.")
            ) from error
    else:
        code = badges.normalize(scanned)
    registration = (
        Registration.objects.select_related("organization", "edition", "check_in")
        .filter(code=code)
        .first()
    )
    if registration is None:
        raise RegistrationError(_("No registration has the code %(code)s.") % {"code": code})
    if registration.form_id != form.pk:
        raise RegistrationError(
            _("This badge is for %(edition)s, not this edition.")
            % {"edition": registration.edition},
            registration=registration,
        )
    return registration


def _refusal(registration: Registration) -> str | None:
    if registration.accreditation == Accreditation.REFUSED:
        return _("Accreditation refused: do not admit %(name)s.")
    if registration.state == RegistrationState.CANCELLED:
        return _("The registration of %(name)s was cancelled.")
    if registration.attendance == AttendanceMode.REMOTE:
        return _("%(name)s registered to attend remotely and has no seat at the venue.")
    if registration.state == RegistrationState.WAITLISTED:
        return _("%(name)s is on the waiting list and has no seat yet.")
    if registration.state == RegistrationState.PENDING:
        return _("The accreditation of %(name)s is still pending: do not admit yet.")
    return None


@transaction.atomic
def check_in(
    *, form: RegistrationForm, scanned: str, by, now: dt.datetime | None = None
) -> CheckInResult:
    """Mark the arrival of a confirmed in-person participant, once; a second scan answers when
    they arrived. The OneToOne CheckIn makes two scanners at once record one arrival."""
    now = now or timezone.now()
    found = find_by_code(form=form, scanned=scanned)
    registration = Registration.objects.select_for_update().get(pk=found.pk)
    existing = CheckIn.objects.filter(registration=registration).first()
    if existing is not None:
        return CheckInResult(registration, existing.at, already=True, scanned_at=now)
    refusal = _refusal(registration)
    if refusal is not None:
        raise RegistrationError(
            refusal % {"name": registration.full_name}, registration=registration
        )
    try:
        with transaction.atomic():
            CheckIn.objects.create(registration=registration, at=now, by=by)
    except IntegrityError:  # pragma: no cover - the registration row is locked
        existing = CheckIn.objects.get(registration=registration)
        return CheckInResult(registration, existing.at, already=True, scanned_at=now)
    registration.state = RegistrationState.CHECKED_IN
    registration.save(update_fields=["state", "updated_at"])
    log_action(registration, "registration.checked_in", by=by)
    return CheckInResult(registration, now, already=False, scanned_at=now)
