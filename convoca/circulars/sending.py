"""The mail-out worker: each delivery is claimed, sent and marked in one short transaction.

A worker killed at any point leaves every delivery either committed as sent or still queued
(its transaction rolls back), so running the mailing again sends each recipient once. The one
window left is between the mail server accepting a message and our commit, a few
milliseconds per message; no SMTP client can close it.
"""

import datetime as dt
import time
from dataclasses import dataclass
from email.utils import make_msgid

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from convoca.core.audit import log_action

from .models import Circular, Delivery, DeliveryState, Mailing, MailingState

BATCH_SIZE = 200
MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 30  # 30 s, 1 min, 2 min, 4 min between attempts
UNSUBSCRIBE_SALT = "convoca.circulars.unsubscribe"


@dataclass(frozen=True)
class Composed:
    subject: str
    text: str
    html: str


def unsubscribe_url(email: str) -> str:
    token = signing.dumps(email, salt=UNSUBSCRIBE_SALT)
    return settings.SITE_URL + reverse("circulars:unsubscribe", kwargs={"token": token})


def compose(circular: Circular, language: str) -> Composed:
    """The letter as an email in one language (subject, plain text and HTML)."""
    with translation.override(language):
        url = settings.SITE_URL + reverse("circulars:detail", kwargs={"pk": circular.pk})
        context = {"circular": circular, "url": url, "language": language}
        subject = f"{circular.reference} — {circular.subject}"
        text = render_to_string("circulars/email/letter.txt", context)
        html = render_to_string("circulars/email/letter.html", context)
    return Composed(subject=" ".join(subject.split()), text=text, html=html)


def _message(delivery: Delivery, composed: Composed, circular: Circular):
    message = EmailMultiAlternatives(
        subject=composed.subject,
        body=composed.text,
        to=[delivery.email],
        headers={"Message-ID": delivery.message_id},
    )
    message.attach_alternative(composed.html, "text/html")
    if not circular.statutory:
        link = unsubscribe_url(delivery.email)
        message.extra_headers["List-Unsubscribe"] = f"<{link}>"
        message.body += f"\n\n{link}\n"
    return message


def _due(mailing: Mailing, now: dt.datetime):
    return (
        Delivery.objects.filter(mailing=mailing, state=DeliveryState.QUEUED)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("pk")
    )


def send_one(delivery_id: int, *, circular: Circular, composed: dict, connection) -> str | None:
    """Claim, send and mark one delivery atomically; returns its new state, None if taken."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(pk=delivery_id, state=DeliveryState.QUEUED)
            .first()
        )
        if delivery is None:
            return None  # another worker has it, or it was sent already
        if delivery.language not in composed:
            composed[delivery.language] = compose(circular, delivery.language)
        delivery.attempts += 1
        if not delivery.message_id:
            delivery.message_id = make_msgid(domain=settings.MAIL_MESSAGE_ID_DOMAIN)
        try:
            connection.send_messages([_message(delivery, composed[delivery.language], circular)])
        except Exception as error:  # any transport error is recorded and retried later
            delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.state = DeliveryState.FAILED
            else:
                delay = BACKOFF_SECONDS * 2 ** (delivery.attempts - 1)
                delivery.next_attempt_at = timezone.now() + dt.timedelta(seconds=delay)
        else:
            delivery.state = DeliveryState.SENT
            delivery.sent_at = timezone.now()
            delivery.last_error = ""
        delivery.save(
            update_fields=[
                "state",
                "attempts",
                "last_error",
                "next_attempt_at",
                "sent_at",
                "message_id",
            ]
        )
        return delivery.state


def run_mailing(mailing_id: int, *, budget_seconds: float | None = None) -> str:
    """Send what is due, batch by batch, until done, paused or out of time.

    Returns the mailing's state; "sending" means more remains (retries not yet due, or the
    time budget ran out) and the caller should run it again later.
    """
    started = time.monotonic()
    mailing = Mailing.objects.select_related("circular").get(pk=mailing_id)
    circular = mailing.circular
    composed: dict[str, Composed] = {}
    with mailers.default as connection:
        while True:
            state = Mailing.objects.values_list("state", flat=True).get(pk=mailing_id)
            if state != MailingState.SENDING:
                return state
            batch = list(_due(mailing, timezone.now()).values_list("pk", flat=True)[:BATCH_SIZE])
            if not batch:
                break
            for delivery_id in batch:
                send_one(delivery_id, circular=circular, composed=composed, connection=connection)
            if budget_seconds is not None and time.monotonic() - started > budget_seconds:
                return MailingState.SENDING
    return _finish_if_done(mailing_id)


@transaction.atomic
def _finish_if_done(mailing_id: int) -> str:
    mailing = Mailing.objects.select_for_update().get(pk=mailing_id)
    if mailing.state != MailingState.SENDING:
        return mailing.state
    if Delivery.objects.filter(mailing=mailing, state=DeliveryState.QUEUED).exists():
        return MailingState.SENDING  # retries are waiting for their time
    mailing.state = MailingState.DONE
    mailing.finished_at = timezone.now()
    mailing.save(update_fields=["state", "finished_at", "updated_at"])
    log_action(mailing, "circulars.mailing.done", data={"total": mailing.total})
    return mailing.state


def next_retry_at(mailing_id: int) -> dt.datetime | None:
    return (
        Delivery.objects.filter(mailing_id=mailing_id, state=DeliveryState.QUEUED)
        .exclude(next_attempt_at=None)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
