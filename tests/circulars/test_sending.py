import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection

from convoca.circulars import selectors, services
from convoca.circulars.models import Delivery, DeliveryState, Mailing, MailingState
from convoca.circulars.sending import run_mailing
from tests.support import mail_files

pytestmark = pytest.mark.django_db

ROOT = Path(django_settings.BASE_DIR)


@pytest.fixture
def queued_only(settings):
    """Deliveries are queued but no worker runs them (as when the worker is down)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def test_sending_reaches_each_addressee_once_in_their_language(
    draft, issue, governments, secretariat, django_capture_on_commit_callbacks
):
    chen = governments[1].people.get(user__isnull=False).user
    chen.preferred_language = "en"
    chen.save()
    issued = issue(draft)
    with django_capture_on_commit_callbacks(execute=True):
        mailing = services.start_mailing(circular=issued, by=secretariat)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana@gov-a.example.org",
        "ben@gov-b.example.org",
        "chen@gov-b.example.org",
    ]
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[
        "chen@gov-b.example.org"
    ].subject == "CL-26/001 — Invitation to the WSIS Forum 2022" or (
        by_address["chen@gov-b.example.org"].subject.endswith("Invitation to the WSIS Forum 2022")
    )
    assert "Invitación" in by_address["ana@gov-a.example.org"].subject
    assert "List-Unsubscribe" in by_address["ana@gov-a.example.org"].extra_headers
    mailing.refresh_from_db()
    assert mailing.state == MailingState.DONE
    assert selectors.mailing_progress(mailing).sent == 3


def test_a_letter_is_never_sent_twice(draft, issue, secretariat, governments, queued_only):
    issued = issue(draft)
    services.start_mailing(circular=issued, by=secretariat)
    with pytest.raises(services.CircularError, match="already been sent"):
        services.start_mailing(circular=issued, by=secretariat)
    assert Mailing.objects.count() == 1
    assert Delivery.objects.count() == 3


def test_only_issued_letters_are_sent(draft, secretariat):
    with pytest.raises(services.CircularError, match="issued"):
        services.start_mailing(circular=draft, by=secretariat)


def test_pause_stops_and_resume_continues_without_doubles(
    draft, issue, secretariat, mailing_list, queued_only, django_capture_on_commit_callbacks
):
    services.set_addressees(
        circular=draft,
        groups=[{"kind": "mailing_list", "mailing_list": mailing_list(450)}],
        by=secretariat,
    )
    issued = issue(draft)
    mailing = services.start_mailing(circular=issued, by=secretariat)
    services.pause_mailing(mailing=mailing, by=secretariat)
    assert run_mailing(mailing.pk) == MailingState.PAUSED
    assert len(mail.outbox) == 0
    services.resume_mailing(mailing=mailing, by=secretariat)
    assert (
        run_mailing(mailing.pk, budget_seconds=0) == MailingState.SENDING
    )  # one batch, then yields
    assert len(mail.outbox) == 200
    assert run_mailing(mailing.pk) == MailingState.DONE
    assert len(mail.outbox) == 450
    assert len({m.to[0] for m in mail.outbox}) == 450


def test_failed_sends_are_retried_with_backoff_then_given_up(
    draft, issue, secretariat, governments, queued_only, settings
):
    from tests.support import failing_mail

    settings.MAILERS = {"default": {"BACKEND": "tests.support.failing_mail.EmailBackend"}}
    issued = issue(draft)
    mailing = services.start_mailing(circular=issued, by=secretariat)
    assert run_mailing(mailing.pk) == MailingState.SENDING  # retries wait for their time
    delivery = Delivery.objects.filter(mailing=mailing).first()
    assert delivery.attempts == 1
    assert "SMTPServerDisconnected" in delivery.last_error
    first_wait = delivery.next_attempt_at
    Delivery.objects.update(next_attempt_at=None)  # time passes
    run_mailing(mailing.pk)
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert (delivery.next_attempt_at - first_wait).total_seconds() > 25  # backs off further
    for _attempt in range(3):
        Delivery.objects.update(next_attempt_at=None)
        run_mailing(mailing.pk)
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.FAILED}
    assert failing_mail.ATTEMPTS["count"] >= 15
    assert Mailing.objects.get().state == MailingState.DONE


def test_unsubscribed_addresses_skip_non_statutory_letters_only(
    draft, issue, secretariat, governments
):
    services.unsubscribe(email="Ben@gov-b.example.org")
    emails = {r.email for r in selectors.resolve_recipients(draft)}
    assert "ben@gov-b.example.org" not in emails
    draft.statutory = True
    draft.save()
    assert "ben@gov-b.example.org" in {r.email for r in selectors.resolve_recipients(draft)}


def test_a_bounce_is_recorded_against_the_delivery(
    draft, issue, secretariat, governments, queued_only
):
    mailing = services.start_mailing(circular=issue(draft), by=secretariat)
    assert (
        services.mark_bounced(
            email="BEN@gov-b.example.org", mailing=mailing, reason="550 no such user"
        )
        == 1
    )
    assert selectors.mailing_progress(mailing).bounced == 1


def _subprocess_env(tmp_path: Path, die_after: int = 0) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL"}}
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}/{db['NAME']}"
    else:
        env["SQLITE_PATH"] = str(db["NAME"])
    env.update(
        CONVOCA_TESTING="1",
        EMAIL_BACKEND="tests.support.mail_files.EmailBackend",
        **{mail_files.DIRECTORY: str(tmp_path)},
    )
    if die_after:
        env[mail_files.DIE_AFTER] = str(die_after)
    return env


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_run_and_started_again_sends_each_recipient_exactly_once(
    draft, issue, secretariat, mailing_list, tmp_path, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    services.set_addressees(
        circular=draft,
        groups=[{"kind": "mailing_list", "mailing_list": mailing_list(60)}],
        by=secretariat,
    )
    mailing = services.start_mailing(circular=issue(draft), by=secretariat)
    command = [sys.executable, "manage.py", "send_mailing", str(mailing.pk)]

    killed = subprocess.run(
        command,
        cwd=ROOT,
        env=_subprocess_env(tmp_path, die_after=23),
        capture_output=True,
        check=False,
    )
    assert killed.returncode == 137, killed.stderr.decode()
    assert len(list(tmp_path.glob("*.eml"))) == 23
    assert Delivery.objects.filter(state=DeliveryState.SENT).count() == 23  # the 24th rolled back

    restarted = subprocess.run(
        command, cwd=ROOT, env=_subprocess_env(tmp_path), capture_output=True, check=False
    )
    assert restarted.returncode == 0, restarted.stderr.decode()
    recipients = [
        line.split(b":", 1)[1].strip().decode()
        for path in tmp_path.glob("*.eml")
        for line in path.read_bytes().splitlines()
        if line.startswith(b"To:")
    ]
    assert len(recipients) == 60
    assert len(set(recipients)) == 60
    assert Mailing.objects.get().state == MailingState.DONE
