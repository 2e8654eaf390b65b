"""The demo open consultation for the WSIS Forum 2022: the phases at the exact times seed 001
gives, its calls and the 7 March 2022 deadline, a few hundred submissions in every state from
every stakeholder group and region, reviews, event inputs, one call open now, and nothing
duplicated on a second run."""

import datetime as dt
import time
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from convoca.accounts.models import User
from convoca.consultations import services
from convoca.consultations.models import (
    Call,
    CallKind,
    CallState,
    Consultation,
    EventInput,
    Phase,
    Review,
    ReviewAssignment,
    Score,
    Submission,
    SubmissionSpeaker,
    SubmissionState,
)
from convoca.core.models import AuditEntry, CountryRegion
from convoca.demo.accounts import build_accounts
from convoca.demo.consultations import build_consultations
from convoca.demo.programme import build_programme
from convoca.demo.stakeholders import build_organizations, build_people
from convoca.programme.models import Edition, Forum
from convoca.questionnaires import answers as answer_rules
from convoca.stakeholders.models import Role, StakeholderType
from convoca.stakeholders.selectors import holds_role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GENEVA = ZoneInfo("Europe/Zurich")
WARSAW = ZoneInfo("Europe/Warsaw")


def utc(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.UTC)


@pytest.fixture
def demo():
    organizations = build_organizations()
    build_people(organizations)
    build_accounts(password="demo-pass-2022", organizations=organizations)
    secretariat = User.objects.get(email="secretariat@demo.convoca.example")
    return secretariat, organizations


@pytest.fixture
def edition(db):
    """The 2022 edition as the programme demo makes it, without its programme."""
    forum = Forum.objects.create(name="WSIS Forum", slug="wsis-forum", acronym="WSIS")
    return Edition.objects.create(
        forum=forum, name="WSIS Forum 2022", slug="wsis-forum-2022", time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15), final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
    )  # fmt: skip


@pytest.fixture
def built(demo, edition):
    secretariat, organizations = demo
    return build_consultations(secretariat=secretariat, organizations=organizations)


@pytest.fixture
def with_programme(demo):
    """The whole chain as load_demo runs it: the programme first, then the consultation."""
    secretariat, organizations = demo
    build_programme(secretariat=secretariat, organizations=organizations)
    started = time.monotonic()
    summary = build_consultations(secretariat=secretariat, organizations=organizations)
    return summary, time.monotonic() - started


def consultation_2022() -> Consultation:
    return Consultation.objects.get(slug="wsis-forum-2022")


def test_the_five_phases_are_dated_exactly_as_seed_001(built, edition):
    consultation = consultation_2022()
    assert consultation.edition == edition
    assert consultation.time_zone == "Europe/Zurich"
    assert consultation.title_es.startswith("Proceso de consultas abiertas")
    assert "consulta popular" in consultation.description_es
    phases = list(consultation.phases.order_by("number"))
    # Seed 001: I 14.00–15.00 CEST, II 13.50–14.50 CET, III and IV 14.00–15.00 CET,
    # V 14.00–15.00 CEST; stored in UTC.
    assert [(p.number, p.starts_at, p.ends_at) for p in phases] == [
        (1, utc(2021, 8, 19, 12, 0), utc(2021, 8, 19, 13, 0)),
        (2, utc(2021, 12, 8, 12, 50), utc(2021, 12, 8, 13, 50)),
        (3, utc(2022, 1, 31, 13, 0), utc(2022, 1, 31, 14, 0)),
        (4, utc(2022, 3, 7, 13, 0), utc(2022, 3, 7, 14, 0)),
        (5, utc(2022, 5, 2, 12, 0), utc(2022, 5, 2, 13, 0)),
    ]
    katowice = phases[1]
    assert katowice.kind == "open_forum"
    assert katowice.zone_name == "Europe/Warsaw"
    assert katowice.starts_at.astimezone(WARSAW).strftime("%H:%M %Z") == "13:50 CET"
    assert "Katowice" in katowice.venue
    assert katowice.remote_participation
    assert "durante el FGI de 2021" in katowice.title_es
    assert phases[3].title_es == (
        "Fecha límite para la presentación de contribuciones oficiales y solicitudes "
        "vinculantes para talleres"
    )
    assert all(p.outcome_en and p.outcome_es for p in phases)  # every phase is past
    assert all(p.remote_participation for p in phases)


def test_the_calls_close_at_the_seed_deadline_with_bilingual_questions_and_criteria(built):
    calls = {call.kind: call for call in consultation_2022().calls.all()}
    assert set(calls) == {CallKind.CONTRIBUTION, CallKind.WORKSHOP, CallKind.FACILITATOR}
    workshops = calls[CallKind.WORKSHOP]
    deadline = dt.datetime(2022, 3, 7, 14, 0, tzinfo=GENEVA)
    assert workshops.closes_at == deadline
    assert workshops.closes_at.astimezone(GENEVA).strftime("%H:%M %Z") == "14:00 CET"
    assert calls[CallKind.CONTRIBUTION].closes_at == deadline
    assert workshops.binding
    assert workshops.requires_organization
    assert not workshops.gender_balance_blocks  # seed 002 encourages: the form warns
    assert calls[CallKind.FACILITATOR].opens_at == dt.datetime(2021, 8, 19, 14, tzinfo=GENEVA)
    assert all(call.state != CallState.OPEN and not call.is_open for call in calls.values())
    for call in calls.values():
        questions = list(call.questionnaire.questions.all())
        assert questions
        assert all(q.label_en and q.label_es for q in questions)
        assert any(q.required for q in questions)
        criteria = list(call.criteria.all())
        assert len(criteria) >= 2
        assert all(c.name_en and c.name_es for c in criteria)
    assert workshops.title_es == "Solicitudes vinculantes para talleres del Foro de la CMSI de 2022"


def test_submissions_span_every_state_stakeholder_group_and_region(with_programme):
    summary, seconds = with_programme
    assert seconds < 60
    assert "submissions" in summary
    assert "open now" in summary
    submissions = Submission.objects.filter(call__consultation__slug="wsis-forum-2022")
    assert 250 <= submissions.count() <= 500
    assert set(submissions.values_list("state", flat=True)) == set(SubmissionState.values)
    groups = set(submissions.values_list("organization__stakeholder_type", flat=True))
    assert set(StakeholderType.values) <= groups
    countries = submissions.values_list("organization__country", flat=True)
    regions = set(
        CountryRegion.objects.filter(country__in=countries).values_list(
            "itu_region__code", flat=True
        )
    )
    assert regions == {"AFR", "AMS", "ARB", "ASP", "CIS", "EUR"}
    for submission in submissions.filter(state=SubmissionState.UNDER_REVIEW):
        assert submission.reviews.filter(submitted_at__isnull=False).count() == 3
    decided = submissions.filter(state__in=["accepted", "rejected", "scheduled"])
    assert not decided.filter(decided_at__isnull=True).exists()
    assert not decided.filter(decided_at__lt=dt.datetime(2022, 1, 31, tzinfo=GENEVA)).exists()
    scheduled = list(submissions.filter(state=SubmissionState.SCHEDULED).select_related("session"))
    assert scheduled
    for submission in scheduled:
        assert submission.session.edition.slug == "wsis-forum-2022"
        assert submission.session.title == submission.title


def test_workshop_speakers_mix_genders_and_some_proposals_name_no_woman(built):
    workshops = Submission.objects.filter(call__slug="wsis-forum-2022-workshops")
    speakers = SubmissionSpeaker.objects.filter(submission__in=workshops)
    assert {"woman", "man"} <= set(speakers.values_list("gender", flat=True))
    lacking = services.lacks_woman_speaker
    without_woman = [s for s in workshops.prefetch_related("speakers") if lacking(s.speakers.all())]
    assert 0 < len(without_woman) < workshops.count() / 3
    assert all(s.speakers.count() >= 2 for s in workshops)


def test_every_stored_answer_passes_the_forms_rules(built):
    for submission in Submission.objects.select_related("call__questionnaire"):
        answer_rules.validate(
            submission.call.questionnaire,
            submission.answers,
            require=submission.state != SubmissionState.DRAFT,
        )


def test_reviews_carry_a_score_per_criterion_and_the_demo_reviewer_has_work_waiting(built):
    review = Review.objects.select_related("submission__call").first()
    assert review.scores.count() == review.submission.call.criteria.count()
    assert Score.objects.filter(value__lt=1).count() == 0
    reviewer = User.objects.get(email="reviewer@demo.convoca.example")
    workshops = Call.objects.get(slug="wsis-forum-2022-workshops")
    assert holds_role(user=reviewer, role=Role.REVIEWER, on=workshops)
    waiting = ReviewAssignment.objects.filter(reviewer=reviewer).exclude(
        submission__reviews__reviewer=reviewer
    )
    assert waiting.count() >= 8
    assert set(waiting.values_list("submission__state", flat=True)) <= {
        "submitted",
        "under_review",
    }


def test_event_inputs_are_tagged_by_action_line_and_itu_region(built):
    inputs = EventInput.objects.filter(consultation__slug="wsis-forum-2022")
    assert inputs.count() >= 6
    assert {"AFR", "AMS", "ARB", "ASP", "CIS", "EUR"} == set(
        inputs.values_list("region__code", flat=True)
    )
    assert all(event.action_lines.exists() for event in inputs)
    assert not inputs.filter(event_date__gt=dt.date(2022, 3, 7)).exists()


def test_one_call_is_open_now_and_refuses_a_proposal_without_a_woman_speaker(built):
    open_calls = [call for call in Call.objects.all() if call.is_open]
    workshops = next(call for call in open_calls if call.kind == CallKind.WORKSHOP)
    assert workshops.gender_balance_blocks
    visitor = UserFactory()
    organization = workshops.submissions.first().organization
    proposal = {
        "call": workshops,
        "user": visitor,
        "title": "Digital skills for rural women",
        "organization": organization,
        "answers": {
            "abstract": "Skills",
            "session_format": "panel",
            "language": "es",
            "binding": True,
        },
    }
    man = services.Speaker(name="Luis Pérez", country="PE", gender="man")
    with pytest.raises(ValidationError, match="woman speaker"):
        services.submit(**proposal, speakers=[man])
    woman = services.Speaker(name="Amina Diallo", country="SN", gender="woman")
    sent = services.submit(**proposal, speakers=[woman, man])
    assert sent.state == SubmissionState.SUBMITTED


def test_building_twice_changes_nothing(demo, edition):
    secretariat, organizations = demo
    build_consultations(secretariat=secretariat, organizations=organizations)
    models = (
        Consultation, Phase, Call, Submission, SubmissionSpeaker, Review, ReviewAssignment, Score,
        EventInput, User, AuditEntry, Submission.action_lines.through, Submission.sdgs.through,
    )  # fmt: skip
    first = {model.__name__: model.objects.count() for model in models}
    dates = list(Call.objects.order_by("pk").values_list("opens_at", "closes_at", "state"))
    states = Counter(Submission.objects.values_list("state", flat=True))

    build_consultations(secretariat=secretariat, organizations=organizations)

    assert {model.__name__: model.objects.count() for model in models} == first
    assert list(Call.objects.order_by("pk").values_list("opens_at", "closes_at", "state")) == dates
    assert Counter(Submission.objects.values_list("state", flat=True)) == states
