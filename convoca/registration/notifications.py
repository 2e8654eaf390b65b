"""What participants are told by email, after the transaction that changed their registration
commits (never for a change that rolled back): confirmation with the QR code, waiting list,
promotion, accreditation decisions, cancellation, session seats.

Each message is written in the participant's preferred language (the language of the page they
registered from when they have no account)."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import badges
from .models import RegistrationState, SeatState

logger = logging.getLogger(__name__)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _language(registration) -> str:
    user = registration.user
    language = user.preferred_language if user is not None else translation.get_language()
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _page(registration, language: str) -> str:
    with translation.override(language):
        path = reverse("registration:mine", kwargs={"slug": registration.edition.slug})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def compose(registration, event: str) -> EmailMessage:
    """The message for `event` (registered, promoted, accredited, refused, cancelled)."""
    language = _language(registration)
    with translation.override(language):
        edition = str(registration.edition)
        name = registration.full_name
        state = registration.state
        attach_qr = False
        if event == "cancelled":
            subject = _("Registration cancelled: %(edition)s") % {"edition": edition}
            lead = _("The registration of %(name)s for %(edition)s is cancelled.")
        elif event == "refused":
            subject = _("Accreditation refused: %(edition)s") % {"edition": edition}
            lead = (
                _("We are sorry: the accreditation of %(name)s for %(edition)s was refused.")
                + "\n\n"
                + _("Reason: %(reason)s") % {"reason": registration.accreditation_reason}
            )
        elif state == RegistrationState.WAITLISTED:
            subject = _("On the waiting list: %(edition)s") % {"edition": edition}
            lead = _(
                "The venue of %(edition)s is full, so %(name)s is on the waiting list. We will "
                "write again as soon as a seat frees up: the first on the list get it first."
            )
        elif state == RegistrationState.PENDING:
            subject = _("Registration received: %(edition)s") % {"edition": edition}
            lead = _(
                "%(name)s is registered for %(edition)s; the accreditation is being reviewed "
                "and we will write when it is decided."
            )
        else:
            subject = _("Registration confirmed: %(edition)s") % {"edition": edition}
            if event == "promoted":
                lead = _("Good news: a seat freed up and %(name)s now has it at %(edition)s.")
            else:
                lead = _("%(name)s is registered for %(edition)s (%(attendance)s).")
            attach_qr = registration.attendance == "in_person"
        body = [
            lead
            % {
                "name": name,
                "edition": edition,
                "attendance": registration.get_attendance_display(),
            },
            "",
            _("Your code: %(code)s") % {"code": badges.display_code(registration.code)},
            _("Your registration: %(url)s") % {"url": _page(registration, language)},
        ]
        if attach_qr:
            body += ["", _("Show the attached QR code, or your badge, at the entrance.")]
    message = EmailMessage(
        subject=subject,
        body="\n".join(body) + "\n",
        to=[registration.email],
        headers={"Content-Language": language},
    )
    if attach_qr:
        message.attach(f"{registration.code}.png", badges.qr_png(registration), "image/png")
    return message


def send(registration_id: int, event: str) -> None:
    from .models import Registration

    registration = (
        Registration.objects.select_related("edition", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return
    try:
        compose(registration, event).send()
    except OSError:  # the mail server is down: the page and the registration stay right
        logger.exception("Could not mail registration %s (%s)", registration_id, event)


def queue(registration, event: str) -> None:
    """Mail the participant once the current transaction commits, from a background task: a
    slow mail server never holds up registering."""
    from .tasks import notify

    pk = registration.pk
    transaction.on_commit(lambda: notify.enqueue(pk, event))


def send_seat(seat_id: int) -> None:
    from .models import SessionSeat

    seat = (
        SessionSeat.objects.select_related(
            "registration__edition", "registration__user", "quota__session"
        )
        .filter(pk=seat_id)
        .first()
    )
    if seat is None:
        return
    registration = seat.registration
    language = _language(registration)
    with translation.override(language):
        session = seat.quota.session.title
        if seat.state == SeatState.CONFIRMED:
            subject = _("Seat confirmed: %(session)s") % {"session": session}
        elif seat.state == SeatState.WAITLISTED:
            subject = _("On the waiting list: %(session)s") % {"session": session}
        else:
            subject = _("Seat cancelled: %(session)s") % {"session": session}
        body = _("Your registration: %(url)s") % {"url": _page(registration, language)}
    try:
        EmailMessage(subject=subject, body=body + "\n", to=[registration.email]).send()
    except OSError:
        logger.exception("Could not mail session seat %s", seat_id)


def queue_seat(seat) -> None:
    from .tasks import notify_seat

    pk = seat.pk
    transaction.on_commit(lambda: notify_seat.enqueue(pk))
