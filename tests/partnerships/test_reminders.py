"""Reminders of unpaid pledges: once, to the approved focal points, in their own language."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction

from convoca.core.models import AuditEntry
from convoca.partnerships import reminders, services, tasks
from convoca.partnerships.models import Contribution, TrustFund
from convoca.stakeholders.models import FocalPointState
from tests.factories import FocalPointFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

PLEDGED_ON = dt.date(2022, 1, 10)
DUE = PLEDGED_ON + dt.timedelta(days=60)  # the fund's reminder_days


@pytest.fixture
def pledged(fund, partner, secretariat):
    fund.payment_instructions_en = "IBAN CH00 0000 0000 0000 0000 0 (demo)"
    fund.name_es = "Fondo Fiduciario de la CMSI 2022"
    fund.save()
    return services.pledge(
        fund=fund,
        contributor=partner,
        amount="50000.00",
        currency="CHF",
        pledged_on=PLEDGED_ON,
        by=secretariat,
        earmark="Hackathon",
    )


@pytest.fixture
def focal(partner):
    return FocalPointFactory(
        organization=partner,
        user__email="lucia@andes.example.org",
        user__first_name="Lucía",
        user__last_name="Quispe",
        user__preferred_language="es",
    ).user


def test_a_pledge_unpaid_after_the_period_is_reminded_once(pledged, focal):
    assert reminders.send_pledge_reminders(today=DUE) == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lucia@andes.example.org"]
    pledged.refresh_from_db()
    assert pledged.reminded_at is not None
    assert AuditEntry.objects.filter(action="partnerships.contribution.reminded").count() == 1

    assert reminders.send_pledge_reminders(today=DUE + dt.timedelta(days=30)) == 0
    assert len(mail.outbox) == 1


def test_the_reminder_is_in_the_focal_points_language(pledged, focal):
    reminders.send_pledge_reminders(today=DUE)

    message = mail.outbox[0]
    assert message.subject == (
        "Recordatorio: su contribución prometida al Fondo Fiduciario de la CMSI 2022"
    )
    assert "Estimado/a Lucía Quispe:" in message.body
    assert "50.000,00\xa0CHF" in message.body
    assert "10 de enero de 2022" in message.body
    assert "Hackathon" in message.body
    assert f"wsis-trust-fund-2022/{pledged.pk}" in message.body
    assert message.extra_headers["Content-Language"] == "es"


def test_each_focal_point_reads_it_in_their_own_language(pledged, focal, partner):
    FocalPointFactory(
        organization=partner, user__email="omar@andes.example.org", user__preferred_language="ar"
    )
    FocalPointFactory(
        organization=partner, user__email="jean@andes.example.org", user__preferred_language="fr"
    )

    assert reminders.send_pledge_reminders(today=DUE) == 3

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["omar@andes.example.org"].startswith("تذكير")
    assert subjects["jean@andes.example.org"].startswith("Rappel")
    assert subjects["lucia@andes.example.org"].startswith("Recordatorio")
    # English is what the fund's payment instructions are written in: they fall back to it.
    assert all("IBAN CH00" in message.body for message in mail.outbox)


def test_not_before_the_reminder_period(pledged, focal):
    assert reminders.send_pledge_reminders(today=DUE - dt.timedelta(days=1)) == 0
    assert mail.outbox == []
    pledged.refresh_from_db()
    assert pledged.reminded_at is None


def test_a_pledge_with_money_received_is_not_reminded(pledged, focal, secretariat):
    services.record_receipt(
        contribution=pledged, amount="1000", received_on=dt.date(2022, 2, 1), by=secretariat
    )
    assert reminders.send_pledge_reminders(today=DUE) == 0
    assert mail.outbox == []


@pytest.mark.parametrize("state", [FocalPointState.REQUESTED, FocalPointState.REVOKED])
def test_only_approved_focal_points_are_written_to(pledged, partner, state):
    FocalPointFactory(organization=partner, state=state, user__email="not-yet@example.org")
    OrganizationFactory()  # and nobody from another organization
    FocalPointFactory(user__email="elsewhere@example.org")

    assert reminders.send_pledge_reminders(today=DUE) == 0

    assert mail.outbox == []
    pledged.refresh_from_db()
    assert pledged.reminded_at is None  # reminded once somebody may read it


def test_a_failed_send_leaves_the_pledge_to_the_next_run(pledged, focal, monkeypatch):
    def refuse(self, messages):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    assert reminders.send_pledge_reminders(today=DUE) == 0
    pledged.refresh_from_db()
    assert pledged.reminded_at is None

    monkeypatch.undo()
    assert reminders.send_pledge_reminders(today=DUE) == 1
    assert len(mail.outbox) == 1


def test_the_mark_is_saved_with_the_send(pledged, focal, monkeypatch):
    """A failure after the send, before the commit, rolls the mark back (with the audit entry):
    the next run sends again rather than never."""

    def broken_log(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(reminders, "log_action", broken_log)
    assert reminders.send_pledge_reminders(today=DUE) == 0
    pledged.refresh_from_db()
    assert pledged.reminded_at is None


def test_one_fund_only(pledged, focal, partner, secretariat):
    other = TrustFund.objects.create(name="Other fund", slug="other", year=2022, currency="CHF")
    services.pledge(
        fund=other,
        contributor=partner,
        amount="10",
        currency="CHF",
        pledged_on=PLEDGED_ON,
        by=secretariat,
    )

    assert reminders.send_pledge_reminders(fund=other, today=DUE) == 1
    assert Contribution.objects.filter(reminded_at__isnull=False).get().fund == other
    assert reminders.send_pledge_reminders(today=DUE) == 1  # then the first fund's
    assert len(mail.outbox) == 2


def test_the_fund_decides_the_period(pledged, focal, fund):
    fund.reminder_days = 10
    fund.save()
    assert reminders.send_pledge_reminders(today=PLEDGED_ON + dt.timedelta(days=10)) == 1


def test_the_command(pledged, focal, monkeypatch):
    out = StringIO()
    call_command("send_pledge_reminders", "--fund", "wsis-trust-fund-2022", "--today",
                 DUE.isoformat(), stdout=out)  # fmt: skip
    assert "1 reminder(s) sent." in out.getvalue()
    call_command("send_pledge_reminders", "--today", DUE.isoformat(), stdout=out)
    assert "0 reminder(s) sent." in out.getvalue()
    with pytest.raises(CommandError):
        call_command("send_pledge_reminders", "--fund", "nope")
    assert len(mail.outbox) == 1


def test_the_task(pledged, focal, fund):
    Contribution.objects.filter(pk=pledged.pk).update(pledged_on=dt.date(2000, 1, 1))
    with transaction.atomic():
        result = tasks.send_pledge_reminders.enqueue(fund_id=fund.pk)
    assert result.return_value == 1
    assert tasks.send_pledge_reminders.enqueue().return_value == 0
    assert tasks.send_pledge_reminders.enqueue(fund_id=999999).return_value == 0
    assert len(mail.outbox) == 1
