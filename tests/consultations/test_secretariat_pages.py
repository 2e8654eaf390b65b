"""The secretariat's pages of a call: who may open them, the review queue (its filters, sorting
and a fixed number of queries), bulk decisions with their mails, assignment refusals, criteria,
extensions, the call's state and the draft session of an accepted workshop."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from convoca.consultations.models import (
    Extension,
    Review,
    ReviewAssignment,
    SubmissionState,
)
from convoca.stakeholders.models import Role, StakeholderType
from convoca.stakeholders.services import grant_role
from tests.conftest import enrol_totp, sign_in
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

from .conftest import make_call
from .review_builders import criteria, programme_edition, reviewer_account, sent

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "participant", "focal_point", "reviewer", "jury", "secretariat"]
CALL_PAGE = "/en/secretariat/calls/workshops-2022/"


def page_text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_opens_the_call_pages_and_decides(as_role, role, call):
    submission = sent(call, title="Rural connectivity")
    client = as_role(role)
    expected = {"secretariat": 200, "anonymous": 302}.get(role, 404)
    for page in [
        CALL_PAGE,
        f"{CALL_PAGE}submissions/{submission.pk}/",
        f"{CALL_PAGE}submissions.csv",
        f"{CALL_PAGE}submissions.xlsx",
        "/en/secretariat/consultations/wsis-forum-2022/",
        "/en/secretariat/consultations/wsis-forum-2022/submissions.csv",
    ]:
        assert client.get(page).status_code == expected, page
    client.post(f"{CALL_PAGE}decisions/", {"submission": submission.pk, "decision": "accepted"})
    submission.refresh_from_db()
    assert submission.state == (
        SubmissionState.ACCEPTED if role == "secretariat" else SubmissionState.SUBMITTED
    )


def test_the_secretariat_of_another_consultation_gets_404(client, consultation, call):
    from convoca.consultations.models import Consultation

    other = Consultation.objects.create(slug="wsis-2023", title="Open consultation 2023")
    user = UserFactory(email="other.secretariat@example.org")
    grant_role(user=user, role=Role.SECRETARIAT, scope=other)
    user.totp_secret = enrol_totp(user)
    sign_in(client, user)
    assert client.get("/en/secretariat/consultations/wsis-2023/").status_code == 200
    assert client.get("/en/secretariat/consultations/wsis-forum-2022/").status_code == 404
    assert client.get(CALL_PAGE).status_code == 404


# --- The queue ---------------------------------------------------------------------------------


def reviewed_submissions(call, count: int, reviewers: list) -> list:
    """`count` sent submissions, each reviewed by every reviewer (setup data)."""
    submissions = [
        sent(call, organization=OrganizationFactory(country="KE"), title=f"Proposal {i:03d}")
        for i in range(count)
    ]
    ReviewAssignment.objects.bulk_create(
        ReviewAssignment(submission=s, reviewer=r, assigned_by=r)
        for s in submissions
        for r in reviewers
    )
    Review.objects.bulk_create(
        Review(submission=s, reviewer=r, total=Decimal(i % 7), submitted_at=timezone.now())
        for i, s in enumerate(submissions)
        for r in reviewers
    )
    return submissions


@pytest.mark.parametrize("count", [1, 30])
def test_the_queue_costs_the_same_queries_for_1_or_30_submissions(
    as_role, call, count, django_assert_max_num_queries
):
    reviewers = [reviewer_account(f"reviewer{i}@example.org") for i in range(3)]
    reviewed_submissions(call, count, reviewers)
    client = as_role("secretariat")
    with django_assert_max_num_queries(24):
        response = client.get(CALL_PAGE)
    assert response.status_code == 200
    assert page_text(response).count('name="submission" value=') == count
    assert f"{count} submission" in page_text(response)


def test_the_queue_filters_by_stakeholder_type_region_and_reviews(as_role, call):
    government = OrganizationFactory(
        name="Ministry of ICT of Kenya", country="KE", stakeholder_type=StakeholderType.GOVERNMENT
    )
    civil = OrganizationFactory(name="Mama Tech", country="CH")
    sent(call, title="Kenya broadband", organization=government)
    swiss = sent(call, title="Geneva workshop", organization=civil)
    ReviewAssignment.objects.create(
        submission=swiss, reviewer=reviewer_account(), assigned_by=UserFactory()
    )
    client = as_role("secretariat")
    only_government = page_text(client.get(CALL_PAGE, {"stakeholder_type": "government"}))
    assert "Kenya broadband" in only_government
    assert "Geneva workshop" not in only_government
    # Kenya is in ITU Region 1 (Africa, code "AFR"); Switzerland in Europe.
    from convoca.core.models import CountryRegion

    africa = CountryRegion.objects.get(country="KE").itu_region.code
    in_africa = page_text(client.get(CALL_PAGE, {"region": africa}))
    assert "Kenya broadband" in in_africa
    assert "Geneva workshop" not in in_africa
    unassigned = page_text(client.get(CALL_PAGE, {"reviewed": "unassigned"}))
    assert "Kenya broadband" in unassigned
    assert "Geneva workshop" not in unassigned
    nonsense = client.get(CALL_PAGE, {"sort": "DROP TABLE", "state": "nope"})
    assert nonsense.status_code == 200
    assert "Kenya broadband" in page_text(nonsense)
    assert "Geneva workshop" in page_text(nonsense)


def test_the_queue_sorts_by_average_score(as_role, call):
    reviewer = reviewer_account()
    low, high = sent(call, title="Low scorer"), sent(call, title="High scorer")
    for submission, total in ((low, 3), (high, 9)):
        ReviewAssignment.objects.create(
            submission=submission, reviewer=reviewer, assigned_by=reviewer
        )
        Review.objects.create(
            submission=submission, reviewer=reviewer, total=total, submitted_at=timezone.now()
        )
    client = as_role("secretariat")
    best_first = page_text(client.get(CALL_PAGE, {"sort": "-score"}))
    assert best_first.index("High scorer") < best_first.index("Low scorer")
    worst_first = page_text(client.get(CALL_PAGE, {"sort": "score"}))
    assert worst_first.index("Low scorer") < worst_first.index("High scorer")


# --- Decisions ---------------------------------------------------------------------------------


def test_ticking_submissions_and_accepting_mails_each_submitter(
    as_role, call, django_capture_on_commit_callbacks
):
    chosen = [sent(call, title=f"Chosen {i}") for i in range(2)]
    untouched = sent(call, title="Not ticked")
    client = as_role("secretariat")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{CALL_PAGE}decisions/",
            {
                "submission": [s.pk for s in chosen],
                "decision": "accepted",
                "note": "Your workshop will be on 31 May.",
                "query": "state=submitted",
            },
            follow=True,
        )
    assert "2 submissions accepted; their submitters will be mailed." in page_text(response)
    assert response.redirect_chain[-1][0].endswith("?state=submitted#queue")
    assert sorted(m.subject for m in mail.outbox) == [
        "Accepted: “Chosen 0”",
        "Accepted: “Chosen 1”",
    ]
    assert all("31 May" in m.body for m in mail.outbox)
    untouched.refresh_from_db()
    assert untouched.state == SubmissionState.SUBMITTED


def test_deciding_with_nothing_ticked_says_so_and_changes_nothing(as_role, call):
    submission = sent(call)
    response = as_role("secretariat").post(f"{CALL_PAGE}decisions/", {"decision": "rejected"})
    assert response.status_code == 400
    assert "Tick at least one submission." in page_text(response)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED


def test_a_refused_decision_is_explained(as_role, call):
    gone = sent(call, title="Withdrawn idea", state=SubmissionState.WITHDRAWN)
    response = as_role("secretariat").post(
        f"{CALL_PAGE}decisions/", {"submission": gone.pk, "decision": "accepted"}, follow=True
    )
    assert "“Withdrawn idea” is withdrawn and cannot be accepted." in page_text(response)


# --- Assignment, criteria, extensions, state ---------------------------------------------------


def test_assigning_a_reviewer_to_their_own_organization_is_refused_on_the_page(as_role, call):
    organization = OrganizationFactory(name="SheTech")
    reviewer = reviewer_account("amina@example.org", first_name="Amina", last_name="Diallo")
    PersonFactory(user=reviewer, organization=organization)
    submission = sent(call, title="Women in ICT", organization=organization)
    response = as_role("secretariat").post(
        f"{CALL_PAGE}submissions/{submission.pk}/assign/", {"reviewer": reviewer.pk}
    )
    assert response.status_code == 400
    assert "never reviews their own organization" in page_text(response)
    assert not ReviewAssignment.objects.exists()


def test_auto_assign_from_the_page(as_role, call):
    for i in range(3):
        reviewer_account(f"r{i}@example.org")
    submissions = [sent(call) for _ in range(4)]
    response = as_role("secretariat").post(
        f"{CALL_PAGE}auto-assign/", {"per_submission": 2}, follow=True
    )
    assert "8 assignments made." in page_text(response)
    assert all(s.assignments.count() == 2 for s in submissions)


def test_a_criterion_with_no_highest_score_is_refused(as_role, call):
    client = as_role("secretariat")
    response = client.post(
        f"{CALL_PAGE}criteria/",
        {"criterion-name": "Relevance", "criterion-max_score": 0, "criterion-weight": "1"},
    )
    assert response.status_code == 400
    assert "at least 1" in page_text(response)
    assert not call.criteria.exists()
    client.post(
        f"{CALL_PAGE}criteria/",
        {"criterion-name": "Relevance", "criterion-max_score": 5, "criterion-weight": "2"},
    )
    assert list(call.criteria.values_list("name", "max_score")) == [("Relevance", 5)]


def test_an_extension_for_an_unknown_address_is_refused(as_role, call, participant):
    client = as_role("secretariat")
    response = client.post(
        f"{CALL_PAGE}extensions/",
        {"email": "nobody@example.org", "closes_at": "2022-03-09T14:00", "reason": "Ill"},
    )
    assert response.status_code == 400
    assert "Nobody has an account with this email address." in page_text(response)
    client.post(
        f"{CALL_PAGE}extensions/",
        {"email": participant.email, "closes_at": "2022-03-09T14:00", "reason": "Ill"},
    )
    extension = Extension.objects.get()
    assert extension.user == participant
    assert timezone.localtime(extension.closes_at, call.zone).hour == 14  # Geneva time


def test_closing_the_call_from_its_page(as_role, call):
    response = as_role("secretariat").post(f"{CALL_PAGE}state/", {"to": "closed"}, follow=True)
    assert "The call is now “Closed”." in page_text(response)
    call.refresh_from_db()
    assert call.state == "closed"


def test_an_accepted_workshop_gets_its_draft_session_from_the_page(as_role, consultation, call):
    edition, track, kind, _room = programme_edition()
    consultation.edition = edition
    consultation.save()
    submission = sent(call, title="Digital skills", state=SubmissionState.ACCEPTED)
    client = as_role("secretariat")
    assert "Create the draft session" in page_text(
        client.get(f"{CALL_PAGE}submissions/{submission.pk}/")
    )
    response = client.post(
        f"{CALL_PAGE}submissions/{submission.pk}/session/",
        {"session_type": kind.pk, "track": track.pk},
        follow=True,
    )
    assert "Draft session “Digital skills” created" in page_text(response)
    submission.refresh_from_db()
    assert submission.session.edition == edition


def test_the_submission_page_shows_every_review(as_role, call):
    relevance, _balance = criteria(call, ("Relevance", 5, 1), ("Balance", 5, 1))
    reviewer = reviewer_account(first_name="Amina", last_name="Diallo")
    submission = sent(call)
    ReviewAssignment.objects.create(submission=submission, reviewer=reviewer, assigned_by=reviewer)
    done = Review.objects.create(
        submission=submission,
        reviewer=reviewer,
        total=4,
        comment="Strong partners",
        submitted_at=timezone.now(),
    )
    done.scores.create(criterion=relevance, value=4)
    text = page_text(as_role("secretariat").get(f"{CALL_PAGE}submissions/{submission.pk}/"))
    assert "Amina Diallo" in text
    assert "Strong partners" in text


def test_another_calls_submission_is_404_on_this_calls_page(as_role, consultation, call):
    other = sent(make_call(consultation, slug="other"))
    assert as_role("secretariat").get(f"{CALL_PAGE}submissions/{other.pk}/").status_code == 404
