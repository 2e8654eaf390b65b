"""Reminders of unpaid pledges, sent once to the contributor's approved focal points.

A pledge with nothing received `fund.reminder_days` after its date (services.unpaid_pledges_due)
is claimed, mailed and marked (Contribution.reminded_at) in one short transaction, as the
circulars' mail-out does: a run that fails halfway leaves each pledge either reminded and marked
or neither, and a second run, or one running beside it, sends nothing twice. Each focal point
reads the reminder in their preferred language; the wording is one template per language,
`partnerships/letters/reminder_<language>.txt`, whose first line is the subject.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.template.loader import select_template
from django.utils import timezone, translation

from convoca.circulars.pdf import long_date
from convoca.core.audit import log_action
from convoca.stakeholders.models import FocalPoint, FocalPointState

from . import services
from .models import Contribution, ContributionState, TrustFund

logger = logging.getLogger(__name__)

TEMPLATE = "partnerships/letters/reminder_{language}.txt"
FALLBACK_LANGUAGE = "en"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _language(user) -> str:
    language = user.preferred_language
    return language if language in LANGUAGE_CODES else FALLBACK_LANGUAGE


def compose(contribution: Contribution, focal_point: FocalPoint) -> EmailMessage:
    """The reminder to one focal point, in their language."""
    user = focal_point.user
    language = _language(user)
    fund = contribution.fund
    with translation.override(language):
        context = {
            "name": user.get_full_name() or user.email,
            "contributor": str(contribution.contributor),
            "fund": fund.name,
            "amount": contribution.pledged.format(language),
            "pledged_on": long_date(contribution.pledged_on, language),
            "earmark": contribution.earmark,
            "payment_instructions": fund.payment_instructions,
            "reference": f"{fund.slug}/{contribution.pk}",
        }
        template = select_template(
            [TEMPLATE.format(language=language), TEMPLATE.format(language=FALLBACK_LANGUAGE)]
        )
        subject, _blank, body = template.render(context).strip().partition("\n")
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
        to=[user.email],
        headers={"Content-Language": language},
    )


def _focal_points(contribution: Contribution) -> list[FocalPoint]:
    return list(
        FocalPoint.objects.filter(
            organization_id=contribution.contributor_id,
            state=FocalPointState.APPROVED,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("decided_at", "pk")
    )


def remind_one(contribution_id: int, *, connection, now: dt.datetime) -> int:
    """Claim, mail and mark one pledge atomically; returns the messages sent (0: already
    reminded, paid meanwhile, taken by another run, or no focal point to write to)."""
    with transaction.atomic():
        contribution = (
            Contribution.objects.select_for_update(skip_locked=True)
            .select_related("fund", "contributor")
            .filter(pk=contribution_id, state=ContributionState.PLEDGED, reminded_at=None)
            .first()
        )
        if contribution is None:
            return 0
        focal_points = _focal_points(contribution)
        if not focal_points:
            # Nobody to write to yet: left unmarked, so a focal point approved later is reminded.
            logger.info("Pledge %s has no approved focal point to remind", contribution.pk)
            return 0
        messages = [compose(contribution, focal_point) for focal_point in focal_points]
        connection.send_messages(messages)
        contribution.reminded_at = now
        contribution.save(update_fields=["reminded_at", "updated_at"])
        log_action(
            contribution,
            "partnerships.contribution.reminded",
            data={"to": [message.to[0] for message in messages]},
        )
        return len(messages)


def send_pledge_reminders(*, fund: TrustFund | None = None, today: dt.date | None = None) -> int:
    """Remind the focal points of every pledge due (in `fund`, or in every fund); returns the
    number of messages sent. Running it again sends nothing more."""
    today = today or timezone.localdate()
    funds = [fund] if fund is not None else list(TrustFund.objects.all())
    due = [
        contribution.pk
        for each in funds
        for contribution in services.unpaid_pledges_due(fund=each, today=today)
    ]
    if not due:
        return 0
    sent = 0
    with mailers.default as connection:
        for contribution_id in due:
            try:
                sent += remind_one(contribution_id, connection=connection, now=timezone.now())
            except Exception:  # a transport error leaves the pledge unmarked, for the next run
                logger.exception("Could not remind the focal points of pledge %s", contribution_id)
    return sent
