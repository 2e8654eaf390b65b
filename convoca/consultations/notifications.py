"""Mails to submitters, rendered in each recipient's language, queued after commit."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import Submission

TEMPLATES = {"received", "decision_accepted", "decision_rejected"}


def send(submission_id: int, template: str) -> None:
    submission = Submission.objects.select_related("call", "submitter").get(pk=submission_id)
    user = submission.submitter
    context = {
        "submission": submission,
        "call": submission.call,
        "user": user,
        "site_url": settings.SITE_URL,
    }
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"consultations/mail/{template}_subject.txt", context)
        body = render_to_string(f"consultations/mail/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def queue(submission: Submission, template: str) -> None:
    """Enqueue the mail once the write it announces has committed."""
    if template not in TEMPLATES:
        raise ValueError(f"unknown submission mail {template!r}")
    from .tasks import mail_submitter

    submission_id = submission.pk
    transaction.on_commit(lambda: mail_submitter.enqueue(submission_id, template))


def submission_received(submission: Submission) -> None:
    queue(submission, "received")


def decision(submission: Submission) -> None:
    queue(submission, f"decision_{submission.state}")
