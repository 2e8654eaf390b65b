"""Reminders of progress reports due, sent once per due date to the pledging organization's
approved focal points, each in their language.

A pledge is claimed, mailed and marked (Pledge.reminded_for = the due date) in one short
transaction with a skip-locked row lock: a second run, or one beside it, sends nothing twice,
and a transport error leaves the pledge unmarked for the next run."""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from convoca.core.audit import log_action
from convoca.stakeholders.models import FocalPoint, FocalPointState

from .models import Pledge, PledgeState

logger = logging.getLogger(__name__)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def reports_due(*, today: dt.date):
    """Pledges under way whose report is due and whose focal points were not yet reminded."""
    return Pledge.objects.filter(
        state__in=[PledgeState.PUBLISHED, PledgeState.IN_PROGRESS],
        next_report_due__lte=today,
    ).filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("next_report_due")))


def compose(pledge: Pledge, user) -> EmailMessage:
    language = user.preferred_language if user.preferred_language in LANGUAGE_CODES else "en"
    with translation.override(language):
        context = {
            "pledge": pledge,
            "name": user.get_full_name() or user.email,
            "url": settings.SITE_URL + pledge.get_absolute_url(),
        }
        subject = render_to_string("coalitions/mail/report_due_subject.txt", context)
        body = render_to_string("coalitions/mail/report_due.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
        to=[user.email],
        reply_to=[pledge.coalition.contact_email],
        headers={"Content-Language": language},
    )


def remind_one(pledge_id: int, *, connection, today: dt.date) -> int:
    with transaction.atomic():
        pledge = (
            reports_due(today=today)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("coalition", "organization")
            .filter(pk=pledge_id)
            .first()
        )
        if pledge is None:
            return 0
        focal_points = list(
            FocalPoint.objects.filter(
                organization_id=pledge.organization_id,
                state=FocalPointState.APPROVED,
                user__is_active=True,
            ).select_related("user")
        )
        if not focal_points:
            logger.info("Pledge %s has no approved focal point to remind", pledge.pk)
            return 0
        messages = [compose(pledge, focal_point.user) for focal_point in focal_points]
        connection.send_messages(messages)
        pledge.reminded_for = pledge.next_report_due
        pledge.save(update_fields=["reminded_for", "updated_at"])
        log_action(
            pledge,
            "coalitions.pledge.reminded",
            data={"due": pledge.next_report_due, "to": [m.to[0] for m in messages]},
        )
        return len(messages)


def send_progress_reminders(*, today: dt.date | None = None) -> int:
    """Remind every pledge whose progress report is due; returns the messages sent."""
    today = today or timezone.localdate()
    due = list(reports_due(today=today).values_list("pk", flat=True))
    sent = 0
    if not due:
        return 0
    with mailers.default as connection:
        for pledge_id in due:
            try:
                sent += remind_one(pledge_id, connection=connection, today=today)
            except Exception:  # a transport error leaves the pledge unmarked, for the next run
                logger.exception("Could not remind the focal points of pledge %s", pledge_id)
    return sent
