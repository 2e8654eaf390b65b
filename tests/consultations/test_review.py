"""Reviewing and deciding through the services: conflicts of interest, balanced assignment,
scores in range and never lost, blind reviews, bulk decisions with their mails, and accepted
workshops becoming programme sessions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from convoca.consultations import review
from convoca.consultations.models import (
    CallKind,
    Review,
    ReviewAssignment,
    Score,
    SubmissionState,
)
from convoca.core.audit import history
from convoca.programme import services as programme
from convoca.taxonomy.models import SDG, ActionLine
from tests.factories import FocalPointFactory, OrganizationFactory, PersonFactory, UserFactory

from .conftest import GENEVA, make_call
from .review_builders import criteria, programme_edition, reviewer_account, sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored_call(call):
    criteria(call, ("Relevance to the WSIS Action Lines", 5, 2), ("Gender balance", 3, 1))
    return call


# --- Conflicts of interest ---------------------------------------------------------------------


def test_a_reviewer_is_never_assigned_to_their_own_organization(call, secretariat, reviewer):
    organization = OrganizationFactory(name="SheTech")
    PersonFactory(user=reviewer, organization=organization)
    submission = sent(call, organization=organization, title="Women in ICT")
    with pytest.raises(ValidationError) as refused:
        review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)
    assert "never reviews their own organization" in refused.value.messages[0]
    assert "Women in ICT" in refused.value.messages[0]
    assert not ReviewAssignment.objects.exists()
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED


def test_an_approved_focal_point_of_a_co_organizer_is_conflicted_too(call, secretariat, reviewer):
    co_organizer = OrganizationFactory()
    FocalPointFactory(user=reviewer, organization=co_organizer)
    submission = sent(call, organization=OrganizationFactory())
    submission.co_organizations.add(co_organizer)
    with pytest.raises(ValidationError, match="own organization"):
        review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)


def test_a_refused_focal_point_request_is_no_conflict(call, secretariat, reviewer):
    organization = OrganizationFactory()
    FocalPointFactory(user=reviewer, organization=organization, state="refused")
    submission = sent(call, organization=organization)
    review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)
    assert submission.assignments.filter(reviewer=reviewer).exists()


def test_assigning_puts_the_submission_under_review_and_twice_changes_nothing(
    call, secretariat, reviewer
):
    submission = sent(call)
    review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)
    review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.UNDER_REVIEW
    assert submission.assignments.count() == 1
    assert [e.action for e in history(submission)].count(
        "consultations.submission.reviewer_assigned"
    ) == 1


def test_only_reviewers_of_the_call_can_be_assigned(consultation, call, secretariat):
    other_call = make_call(consultation, slug="facilitators", kind=CallKind.FACILITATOR)
    scoped = reviewer_account("scoped@example.org", scope=other_call)
    with pytest.raises(ValidationError, match="not a reviewer of this call"):
        review.assign_reviewer(submission=sent(call), reviewer=scoped, by=secretariat)
    with pytest.raises(ValidationError, match="not a reviewer of this call"):
        review.assign_reviewer(submission=sent(call), reviewer=UserFactory(), by=secretariat)
    assert review.assign_reviewer(submission=sent(other_call), reviewer=scoped, by=secretariat)


def test_only_the_secretariat_assigns(call, reviewer):
    with pytest.raises(ValidationError, match="Only the secretariat"):
        review.assign_reviewer(submission=sent(call), reviewer=reviewer, by=reviewer)


def test_a_reviewer_who_joins_the_submitting_organization_later_cannot_score_it(
    scored_call, secretariat, reviewer
):
    organization = OrganizationFactory()
    submission = sent(scored_call, organization=organization)
    review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)
    FocalPointFactory(user=reviewer, organization=organization)
    relevance, balance = scored_call.criteria.all()
    with pytest.raises(ValidationError, match="never reviews their own organization"):
        review.save_review(
            submission=submission,
            reviewer=reviewer,
            scores={relevance.pk: 5, balance.pk: 3},
            comment="Excellent",
            final=True,
        )
    assert not Review.objects.exists()


# --- Automatic assignment ----------------------------------------------------------------------


def test_auto_assign_balances_load_and_skips_conflicts(call, secretariat):
    organization = OrganizationFactory()
    conflicted = reviewer_account("conflicted@example.org")
    PersonFactory(user=conflicted, organization=organization)
    others = [reviewer_account(f"r{i}@example.org") for i in range(3)]
    own = [sent(call, organization=organization) for _ in range(2)]
    rest = [sent(call) for _ in range(4)]
    result = review.auto_assign(call=call, per_submission=2, by=secretariat)
    assert result.created == 12
    assert result.short == []
    for submission in own:
        assert conflicted.pk not in set(submission.assignments.values_list("reviewer", flat=True))
    loads = [ReviewAssignment.objects.filter(reviewer=r).count() for r in [conflicted, *others]]
    assert max(loads) - min(loads) <= 1
    assert sum(loads) == 12
    assert {s.state for s in own + rest if not s.refresh_from_db()} == {"under_review"}


def test_auto_assign_tops_up_and_reports_what_it_could_not_fill(call, secretariat):
    first, second = reviewer_account("a@example.org"), reviewer_account("b@example.org")
    submission = sent(call)
    review.assign_reviewer(submission=submission, reviewer=first, by=secretariat)
    result = review.auto_assign(call=call, per_submission=3, by=secretariat)
    assert result.created == 1
    assert result.short == [submission]
    assert set(submission.assignments.values_list("reviewer", flat=True)) == {first.pk, second.pk}


def test_auto_assign_refuses_without_reviewers_or_with_an_absurd_number(call, secretariat):
    sent(call)
    with pytest.raises(ValidationError, match="no reviewers"):
        review.auto_assign(call=call, per_submission=2, by=secretariat)
    reviewer_account()
    with pytest.raises(ValidationError, match="1 to 20"):
        review.auto_assign(call=call, per_submission=0, by=secretariat)
    assert not ReviewAssignment.objects.exists()


# --- Scoring -----------------------------------------------------------------------------------


@pytest.fixture
def assigned(scored_call, secretariat, reviewer):
    submission = sent(scored_call, title="Digital skills for rural women")
    review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)
    return submission


def test_scores_out_of_range_are_refused_and_nothing_is_saved(assigned, reviewer):
    relevance, balance = assigned.call.criteria.all()
    with pytest.raises(ValidationError) as refused:
        review.save_review(
            submission=assigned,
            reviewer=reviewer,
            scores={relevance.pk: 6, balance.pk: -1},
            comment="Strong",
            final=True,
        )
    errors = refused.value.message_dict
    assert errors[f"criterion_{relevance.pk}"] == ["Give a score from 0 to 5."]
    assert errors[f"criterion_{balance.pk}"] == ["Give a score from 0 to 3."]
    assert not Review.objects.exists()
    assert not Score.objects.exists()


def test_a_draft_keeps_partial_scores_and_sending_needs_every_criterion(assigned, reviewer):
    relevance, balance = assigned.call.criteria.all()
    draft = review.save_review(
        submission=assigned,
        reviewer=reviewer,
        scores={relevance.pk: 4, balance.pk: None},
        comment="Half way",
        final=False,
    )
    assert draft.submitted_at is None
    with pytest.raises(ValidationError) as refused:
        review.save_review(
            submission=assigned,
            reviewer=reviewer,
            scores={relevance.pk: 4, balance.pk: None},
            comment="Half way",
            final=True,
        )
    assert refused.value.message_dict[f"criterion_{balance.pk}"] == [
        "Give a score for this criterion."
    ]
    draft.refresh_from_db()
    assert draft.comment == "Half way"
    assert list(draft.scores.values_list("value", flat=True)) == [4]


def test_a_sent_review_has_its_weighted_total(assigned, reviewer):
    relevance, balance = assigned.call.criteria.all()
    sent_review = review.save_review(
        submission=assigned,
        reviewer=reviewer,
        scores={relevance.pk: 4, balance.pk: 3},
        comment="Good",
        final=True,
    )
    assert sent_review.submitted_at is not None
    assert sent_review.total == Decimal("11.00")  # 2 × 4 + 1 × 3


def test_only_an_assigned_reviewer_scores(assigned):
    stranger = reviewer_account("stranger@example.org")
    relevance, balance = assigned.call.criteria.all()
    with pytest.raises(ValidationError, match="not assigned to you"):
        review.save_review(
            submission=assigned,
            reviewer=stranger,
            scores={relevance.pk: 1, balance.pk: 1},
            comment="",
            final=True,
        )


def test_a_scored_criterion_cannot_be_removed(assigned, reviewer, secretariat):
    relevance, balance = assigned.call.criteria.all()
    review.save_review(
        submission=assigned,
        reviewer=reviewer,
        scores={relevance.pk: 1, balance.pk: 1},
        comment="",
        final=True,
    )
    with pytest.raises(ValidationError, match="already scored"):
        review.remove_criterion(criterion=relevance, by=secretariat)
    assert assigned.call.criteria.count() == 2


# --- Decisions in bulk -------------------------------------------------------------------------


def test_bulk_decisions_mail_each_submitter_in_their_language(
    call, secretariat, django_capture_on_commit_callbacks
):
    spanish = UserFactory(email="ana@example.org", preferred_language="es")
    english = UserFactory(email="john@example.org", preferred_language="en")
    first = sent(call, title="Conectividad rural", submitter=spanish)
    second = sent(call, title="Rural connectivity", submitter=english)
    withdrawn = sent(call, title="Gone", state=SubmissionState.WITHDRAWN)
    with django_capture_on_commit_callbacks(execute=True):
        result = review.decide_many(
            call=call,
            submissions=[first.pk, second.pk, withdrawn.pk],
            to=SubmissionState.ACCEPTED,
            by=secretariat,
            note="Room K, 31 May",
        )
    assert [s.pk for s in result.decided] == [first.pk, second.pk]
    assert "“Gone” is withdrawn and cannot be accepted." in result.refused[0][1]
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"ana@example.org", "john@example.org"}
    assert "Room K, 31 May" in by_recipient["john@example.org"].body
    assert by_recipient["john@example.org"].subject == "Accepted: “Rural connectivity”"
    assert by_recipient["ana@example.org"].subject != by_recipient["john@example.org"].subject
    first.refresh_from_db()
    assert first.state == SubmissionState.ACCEPTED
    assert first.decided_at is not None


def test_deciding_again_mails_nobody_twice(call, secretariat, django_capture_on_commit_callbacks):
    submission = sent(call)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            review.decide_many(
                call=call, submissions=[submission.pk], to=SubmissionState.REJECTED, by=secretariat
            )
    assert len(mail.outbox) == 1


def test_bulk_decisions_refuse_a_submission_of_another_call(consultation, call, secretariat):
    other = sent(make_call(consultation, slug="other-call"))
    mine = sent(call)
    with pytest.raises(ValidationError, match="not in this call"):
        review.decide_many(
            call=call, submissions=[mine.pk, other.pk], to=SubmissionState.ACCEPTED, by=secretariat
        )
    mine.refresh_from_db()
    assert mine.state == SubmissionState.SUBMITTED


# --- Accepted workshops become sessions --------------------------------------------------------


def test_an_accepted_workshop_becomes_a_draft_session_then_scheduled_with_the_programme(
    consultation, call, secretariat
):
    edition, track, kind, room = programme_edition()
    consultation.edition = edition
    consultation.save()
    organization = OrganizationFactory(name="SheTech")
    submission = sent(
        call,
        title="Digital skills for rural women",
        organization=organization,
        state=SubmissionState.ACCEPTED,
        answers={"summary": "Hands-on training for women in rural areas."},
    )
    submission.action_lines.set(ActionLine.objects.filter(code__in=["C4", "C7.3"]))
    submission.sdgs.set(SDG.objects.filter(number=5))
    session = review.create_session(
        submission=submission, session_type=kind, track=track, by=secretariat
    )
    submission.refresh_from_db()
    assert submission.session == session
    assert session.is_public is False
    assert session.starts_at is None
    assert session.abstract == "Hands-on training for women in rural areas."
    assert list(session.organizers.all()) == [organization]
    assert sorted(line.code for line in session.action_lines.all()) == ["C4", "C7.3"]
    assert [goal.number for goal in session.sdgs.all()] == [5]
    assert submission.state == SubmissionState.ACCEPTED
    with pytest.raises(ValidationError, match="already has a programme session"):
        review.create_session(submission=submission, session_type=kind, track=track, by=secretariat)
    with pytest.raises(ValidationError, match="no time yet"):
        review.mark_scheduled(submission=submission, by=secretariat)

    programme.schedule_session(
        session=session,
        room=room,
        starts_at=dt.datetime(2022, 5, 31, 9, 0, tzinfo=GENEVA),
        by=secretariat,
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SCHEDULED


def test_only_an_accepted_proposal_becomes_a_session(consultation, call, secretariat):
    edition, track, kind, _room = programme_edition()
    consultation.edition = edition
    consultation.save()
    submission = sent(call)
    with pytest.raises(ValidationError, match="Only an accepted proposal"):
        review.create_session(submission=submission, session_type=kind, track=track, by=secretariat)
    assert not edition.sessions.exists()
