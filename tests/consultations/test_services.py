import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.dispatch import receiver

from convoca.consultations import services, signals
from convoca.consultations.models import SubmissionState
from convoca.consultations.services import Speaker
from convoca.core.audit import history
from tests.factories import OrganizationFactory, UserFactory

from .conftest import GENEVA, WORKSHOP_DEADLINE, make_call

pytestmark = pytest.mark.django_db
ANSWERS = {"summary": "Digital skills for rural women"}
WOMAN = Speaker(name="Amina Diallo", organization_name="SheTech", country="SN", gender="woman")
MAN = Speaker(name="Luis Pérez", country="PE", gender="man")


def submit(call, user, **extra):
    values = {"call": call, "user": user, "title": "Rural connectivity", "answers": ANSWERS}
    values.update(extra)
    return services.submit(**values)


def test_submission_one_minute_before_the_cet_deadline_is_accepted(call, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 3, 7, 13, 59, tzinfo=GENEVA))
    submission = submit(call, participant)
    assert submission.state == SubmissionState.SUBMITTED
    assert submission.submitted_at < WORKSHOP_DEADLINE


def test_submission_one_minute_after_the_deadline_is_refused_with_the_deadline_in_my_zone(
    call, participant, time_machine
):
    participant.time_zone = "America/Lima"
    participant.save()
    time_machine.move_to(dt.datetime(2022, 3, 7, 14, 1, tzinfo=GENEVA))
    with pytest.raises(ValidationError) as refused:
        submit(call, participant)
    message = refused.value.messages[0]
    assert "deadline has passed" in message
    assert "14:00 CET" in message
    assert "08:00" in message  # the same moment in Lima
    assert not call.submissions.exists()


def test_an_extension_lets_one_person_submit_late(call, participant, secretariat, time_machine):
    time_machine.move_to(dt.datetime(2022, 3, 8, 10, 0, tzinfo=GENEVA))
    services.grant_extension(
        call=call,
        user=participant,
        closes_at=WORKSHOP_DEADLINE + dt.timedelta(days=2),
        by=secretariat,
    )
    assert submit(call, participant).state == SubmissionState.SUBMITTED
    with pytest.raises(ValidationError):
        submit(call, UserFactory())


def test_a_call_not_yet_open_refuses(consultation, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 1, 1, tzinfo=GENEVA))
    call = make_call(consultation)
    with pytest.raises(ValidationError, match="not open yet"):
        submit(call, participant)


def test_missing_answers_refuse_the_submission_but_keep_the_draft(call, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    draft = services.save_draft(call=call, user=participant, title="Half done", answers={})
    with pytest.raises(ValidationError) as refused:
        submit(call, participant, answers={}, submission=draft)
    assert "summary" in refused.value.message_dict
    draft.refresh_from_db()
    assert draft.state == SubmissionState.DRAFT
    assert draft.title == "Half done"


def test_limit_per_submitter_refuses_the_second(consultation, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    call = make_call(consultation, limit_per_submitter=1)
    submit(call, participant)
    with pytest.raises(ValidationError, match="already made 1"):
        submit(call, participant)
    assert call.submissions.count() == 1


def test_limit_per_organization_counts_every_member(consultation, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    call = make_call(consultation, limit_per_organization=1)
    organization = OrganizationFactory()
    submit(call, UserFactory(), organization=organization)
    with pytest.raises(ValidationError, match="organization has already"):
        submit(call, UserFactory(), organization=organization)


def test_sending_the_same_draft_twice_sends_it_once(
    call, participant, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    draft = services.save_draft(
        call=call, user=participant, title="T", answers=ANSWERS, speakers=[WOMAN]
    )
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(call, participant, submission=draft)
        second = submit(call, participant, submission=draft)
    assert first.pk == second.pk
    assert call.submissions.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_click_from_two_requests_submits_once(call, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    draft = services.save_draft(
        call=call, user=participant, title="T", answers=ANSWERS, speakers=[WOMAN]
    )
    errors = []

    def click():
        try:
            submit(call, participant, submission=draft)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not [e for e in errors if "locked" not in str(e)]
    assert call.submissions.filter(state=SubmissionState.SUBMITTED).count() == 1


def test_gender_balance_warns_unless_the_call_blocks(consultation, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    assert services.lacks_woman_speaker([MAN])
    assert not services.lacks_woman_speaker([MAN, WOMAN])
    lenient = make_call(consultation)
    assert submit(lenient, participant, speakers=[MAN]).speakers.count() == 1
    strict = make_call(consultation, slug="strict", gender_balance_blocks=True)
    with pytest.raises(ValidationError, match="woman speaker"):
        submit(strict, participant, speakers=[MAN])
    assert submit(strict, participant, speakers=[MAN, WOMAN]).speakers.count() == 2


def test_decisions_follow_the_state_machine_and_are_mailed_and_logged(
    call, participant, secretariat, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    submission = submit(call, participant)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(submission, to=SubmissionState.UNDER_REVIEW, by=secretariat)
        decided = services.transition(
            submission, to=SubmissionState.ACCEPTED, by=secretariat, note="Room K"
        )
    assert decided.decided_at is not None
    assert [m.subject for m in mail.outbox] == ["Accepted: “Rural connectivity”"]
    assert "Room K" in mail.outbox[0].body
    with pytest.raises(ValidationError, match="cannot go from"):
        services.transition(decided, to=SubmissionState.REJECTED, by=secretariat)
    actions = [entry.data.get("to") for entry in history(decided) if entry.data]
    assert SubmissionState.ACCEPTED in actions


def test_only_the_submitter_or_secretariat_withdraws(call, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))
    submission = submit(call, participant)
    with pytest.raises(ValidationError, match="Only the submitter"):
        services.transition(submission, to=SubmissionState.WITHDRAWN, by=UserFactory())
    assert (
        services.transition(submission, to=SubmissionState.WITHDRAWN, by=participant).state
        == "withdrawn"
    )


def test_an_owning_app_can_refuse_a_submission_through_the_signal(call, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, tzinfo=GENEVA))

    @receiver(signals.submission_submitted)
    def refuse(sender, submission, **kwargs):
        raise ValidationError("This organization is already in the pipeline.")

    try:
        with pytest.raises(ValidationError, match="already in the pipeline"):
            submit(call, participant)
    finally:
        signals.submission_submitted.disconnect(refuse)
    assert not call.submissions.exists()
