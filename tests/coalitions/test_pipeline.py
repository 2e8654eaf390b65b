import pytest
from django.core.exceptions import ValidationError

from convoca.coalitions import pipeline
from convoca.coalitions.models import EoiState, ExpressionOfInterest, Member, PipelineEmail
from convoca.core.audit import history
from convoca.stakeholders.models import Organization
from tests.factories import OrganizationFactory, UserFactory

from .conftest import AFTER_DEADLINE, BEFORE_DEADLINE, approved


def test_an_expression_of_interest_before_the_deadline_enters_the_pipeline(
    coalition, eoi_call, participant, answers, andes, time_machine
):
    time_machine.move_to(BEFORE_DEADLINE)
    outcome = pipeline.express_interest(
        coalition=coalition, user=participant, applicant=andes, answers=answers
    )
    expression = outcome.expression
    assert expression.state == EoiState.RECEIVED
    assert expression.organization.name == "Andes SatCom S.A."
    assert expression.contact == participant
    assert sorted(a.slug for a in expression.focus_areas.all()) == [
        "connect-people",
        "incentivise-investment",
    ]
    assert list(expression.submissions.all()) == [outcome.submission]
    assert not outcome.joined
    assert not outcome.matched


def test_an_expression_of_interest_after_the_deadline_is_refused_and_creates_nothing(
    coalition, eoi_call, participant, answers, andes, time_machine
):
    time_machine.move_to(AFTER_DEADLINE)
    with pytest.raises(ValidationError) as refused:
        pipeline.express_interest(
            coalition=coalition, user=participant, applicant=andes, answers=answers
        )
    assert "The deadline has passed" in refused.value.messages[0]
    assert "Oct. 31, 2021, 23:59 CET" in refused.value.messages[0]
    assert not Organization.objects.filter(name__icontains="Andes").exists()
    assert not ExpressionOfInterest.objects.exists()


def test_a_second_expression_for_the_same_organization_joins_the_first(
    coalition, eoi_call, participant, answers, andes, time_machine
):
    time_machine.move_to(BEFORE_DEADLINE)
    first = pipeline.express_interest(
        coalition=coalition, user=participant, applicant=andes, answers=answers
    )
    colleague = UserFactory(email="colleague@andes-satcom.example")
    # Same organization, typed differently: no legal form, capitals, no website.
    second = pipeline.express_interest(
        coalition=coalition,
        user=colleague,
        applicant=pipeline.Applicant(name="ANDES SATCOM", stakeholder_type="private_sector"),
        answers=answers | {"focus_areas": ["empower-communities"]},
    )
    assert second.joined
    assert second.matched
    assert second.expression.pk == first.expression.pk
    assert Organization.objects.filter(name__icontains="andes").count() == 1
    assert second.expression.submissions.count() == 2
    assert second.expression.focus_areas.count() == 3
    assert [e.action for e in history(second.expression)][:2] == [
        "coalitions.eoi.joined",
        "coalitions.eoi.received",
    ]


def test_an_organization_is_found_again_by_its_website(
    coalition, eoi_call, participant, answers, time_machine
):
    time_machine.move_to(BEFORE_DEADLINE)
    known = OrganizationFactory(name="Fundación Conecta", website="https://conecta.example/")
    outcome = pipeline.express_interest(
        coalition=coalition,
        user=participant,
        applicant=pipeline.Applicant(
            name="Conecta Foundation",
            stakeholder_type="civil_society",
            website="http://www.conecta.example/about",
        ),
        answers=answers,
    )
    assert outcome.expression.organization == known
    assert outcome.matched


def test_a_missing_required_answer_is_refused_and_nothing_is_kept(
    coalition, eoi_call, participant, answers, andes, time_machine
):
    time_machine.move_to(BEFORE_DEADLINE)
    with pytest.raises(ValidationError) as refused:
        pipeline.express_interest(
            coalition=coalition,
            user=participant,
            applicant=andes,
            answers={k: v for k, v in answers.items() if k != "contribution"},
        )
    assert "contribution" in refused.value.message_dict
    assert not ExpressionOfInterest.objects.exists()
    assert not Organization.objects.filter(name__icontains="Andes").exists()


@pytest.fixture
def received(coalition, eoi_call, participant, answers, andes, time_machine):
    time_machine.move_to(BEFORE_DEADLINE)
    expression = pipeline.express_interest(
        coalition=coalition, user=participant, applicant=andes, answers=answers
    ).expression
    time_machine.move_to("2021-11-15 10:00+01:00")
    return expression


def test_the_pipeline_moves_step_by_step_and_logs_each_step(received, secretariat, participant):
    for state in ("triaged", "contacted", "member"):
        received = pipeline.transition(
            expression=received, to=state, by=secretariat, note=f"now {state}"
        )
    assert received.state == EoiState.MEMBER
    assert received.decided_at is not None
    moves = [
        (entry.data["from"], entry.data["to"], entry.actor)
        for entry in history(received)
        if entry.action == "coalitions.eoi.transitioned"
    ]
    assert moves == [
        ("contacted", "member", secretariat),
        ("triaged", "contacted", secretariat),
        ("received", "triaged", secretariat),
    ]
    member = Member.objects.get(coalition=received.coalition, organization=received.organization)
    assert member.expression == received
    assert approved(participant, received.organization)


def test_skipping_a_step_is_refused(received, secretariat):
    with pytest.raises(ValidationError) as refused:
        pipeline.transition(expression=received, to="member", by=secretariat)
    assert "cannot go from “Received” to “Member”" in refused.value.messages[0]
    received.refresh_from_db()
    assert received.state == EoiState.RECEIVED
    assert not Member.objects.exists()


def test_a_declined_expression_can_be_triaged_again(received, secretariat):
    pipeline.transition(expression=received, to="declined", by=secretariat)
    again = pipeline.transition(expression=received, to="triaged", by=secretariat)
    assert again.state == "triaged"
    assert again.decided_at is None


def test_the_owner_must_belong_to_the_secretariat(received, secretariat, participant):
    with pytest.raises(ValidationError):
        pipeline.follow_up(expression=received, by=secretariat, owner=participant)
    followed = pipeline.follow_up(
        expression=received,
        by=secretariat,
        owner=secretariat,
        due_on="2021-11-30",
        next_step="Call about the connectivity working group",
    )
    assert followed.owner == secretariat
    assert history(followed)[0].action == "coalitions.eoi.followed_up"


def test_a_pipeline_email_goes_out_in_the_applicants_language(
    received, secretariat, participant, mailoutbox, django_capture_on_commit_callbacks
):
    participant.preferred_language = "fr"
    participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        email = pipeline.send_email(
            expression=received,
            template="next_steps",
            by=secretariat,
            note="Réunion le 3 décembre.",
        )
    assert email.language == "fr"
    assert PipelineEmail.objects.get() == email
    [sent] = mailoutbox
    assert sent.to == [participant.email]
    assert sent.extra_headers["Content-Language"] == "fr"
    assert sent.reply_to == ["partner2connect@itu.int"]
    assert "Réunion le 3 décembre." in sent.body
    assert "Andes SatCom S.A." in sent.body


def test_an_unknown_email_template_is_refused(received, secretariat, mailoutbox):
    with pytest.raises(ValidationError):
        pipeline.send_email(expression=received, template="invoice", by=secretariat)
    assert mailoutbox == []
    assert not PipelineEmail.objects.exists()


def test_two_records_of_one_organization_are_merged(
    coalition, eoi_call, participant, answers, secretariat, time_machine
):
    time_machine.move_to(BEFORE_DEADLINE)
    first = pipeline.express_interest(
        coalition=coalition,
        user=participant,
        applicant=pipeline.Applicant(name="Internet Society", stakeholder_type="civil_society"),
        answers=answers,
    ).expression
    other_user = UserFactory()
    # Made before the dedup could see it (e.g. by an import): same website, another name.
    twin = OrganizationFactory(name="ISOC", website="https://internetsociety.example")
    first.organization.website = "https://www.internetsociety.example"
    first.organization.save()
    second = pipeline.express_interest(
        coalition=coalition, user=other_user, organization=twin, answers=answers
    ).expression
    kept = pipeline.merge(keep=first, duplicate=second, by=secretariat)
    assert kept.submissions.count() == 2
    assert not Organization.objects.filter(pk=twin.pk).exists()
    assert ExpressionOfInterest.objects.count() == 1
    assert history(kept.organization)[0].action == "stakeholders.organization.merged"
