"""Mails to nominators, in their language, queued once the decision has committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Nomination, NominationState


def _subject(nomination: Nomination) -> str:
    subjects = {
        NominationState.VALIDATED: _("Your WSIS Prizes nomination is validated: %(title)s"),
        NominationState.CHANGES_REQUESTED: _("Changes requested to your nomination: %(title)s"),
        NominationState.REJECTED: _("Your WSIS Prizes nomination was not accepted: %(title)s"),
    }
    return subjects[nomination.state] % {"title": nomination.title}


def send(nomination_id: int) -> None:
    nomination = Nomination.objects.select_related("cycle", "submitter", "category").get(
        pk=nomination_id
    )
    user = nomination.submitter
    recipients = [user.email] if user else []
    if nomination.contact_email and nomination.contact_email not in recipients:
        recipients.append(nomination.contact_email)
    if not recipients:
        return
    language = (user.preferred_language if user else "") or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _subject(nomination)
        body = render_to_string(
            "prizes/mail/decision.txt",
            {"nomination": nomination, "site_url": settings.SITE_URL, "user": user},
        )
    send_mail(subject, body, None, recipients)


def nomination_decided(nomination: Nomination) -> None:
    from .tasks import mail_nominator

    nomination_id = nomination.pk
    transaction.on_commit(lambda: mail_nominator.enqueue(nomination_id))
