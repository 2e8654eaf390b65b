"""A reviewer's pages: my queue with the state of my reviews, the review form (scores within
range, nothing lost on a mistake), blindness until my own review is sent, and conflicts."""

import pytest
from django.utils import timezone

from convoca.consultations import review
from convoca.consultations.models import Review, ReviewAssignment, SubmissionState
from tests.conftest import sign_in
from tests.factories import FocalPointFactory, OrganizationFactory

from .review_builders import criteria, reviewer_account, sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(call):
    return criteria(call, ("Relevance", 5, 2), ("Gender balance", 3, 1))


@pytest.fixture
def proposal(call, scored, secretariat, reviewer):
    submission = sent(call, title="Digital skills for rural women")
    review.assign_reviewer(submission=submission, reviewer=reviewer, by=secretariat)
    return submission


@pytest.fixture
def colleague_reviewed(proposal, scored, secretariat):
    """Another reviewer has already sent scores 5 and 3 and a comment."""
    colleague = reviewer_account("colleague@example.org", first_name="Lin", last_name="Wei")
    review.assign_reviewer(submission=proposal, reviewer=colleague, by=secretariat)
    relevance, balance = scored
    review.save_review(
        submission=proposal,
        reviewer=colleague,
        scores={relevance.pk: 5, balance.pk: 3},
        comment="Outstanding speakers from three regions",
        final=True,
    )
    return colleague


def form_data(scored, relevance, balance, action="submit", comment="Clear goals"):
    first, second = scored
    return {
        f"criterion_{first.pk}": relevance,
        f"criterion_{second.pk}": balance,
        "comment": comment,
        "action": action,
    }


def text(response) -> str:
    return response.content.decode()


def test_my_queue_lists_what_is_assigned_to_me_with_my_review_state(
    client, call, reviewer, secretariat, proposal
):
    other = sent(call, title="Open data in Africa")
    review.assign_reviewer(submission=other, reviewer=reviewer, by=secretariat)
    Review.objects.create(submission=other, reviewer=reviewer, total=7, submitted_at=timezone.now())
    sent(call, title="Not mine")
    page = text(sign_in(client, reviewer).get("/en/reviews/"))
    assert "Digital skills for rural women" in page
    assert "Open data in Africa" in page
    assert "Not mine" not in page
    assert "1 review to send." in page
    assert "To do" in page
    assert "Sent" in page


def test_before_sending_i_do_not_see_the_other_reviewers_scores(
    client, reviewer, proposal, colleague_reviewed
):
    page = text(sign_in(client, reviewer).get(f"/en/reviews/{proposal.pk}/"))
    assert "Outstanding speakers from three regions" not in page
    assert "Lin Wei" not in page
    assert "appear here once you have sent your own review" in page


def test_after_sending_i_see_the_others_scores_and_the_average(
    client, reviewer, proposal, scored, colleague_reviewed
):
    sign_in(client, reviewer)
    response = client.post(f"/en/reviews/{proposal.pk}/", form_data(scored, 3, 1), follow=True)
    page = text(response)
    assert "Your review is sent." in page
    assert "Outstanding speakers from three regions" in page
    assert "Lin Wei" in page
    # Weighted: mine 2 × 3 + 1 = 7, the colleague's 2 × 5 + 3 = 13; average 10.
    assert 'data-testid="average">10.00<' in page


def test_a_score_out_of_range_is_refused_and_what_i_typed_stays(client, reviewer, proposal, scored):
    sign_in(client, reviewer)
    response = client.post(
        f"/en/reviews/{proposal.pk}/",
        form_data(scored, 9, 2, comment="A long comment I do not want to type again"),
    )
    assert response.status_code == 400
    page = text(response)
    assert "Give a score from 0 to 5." in page
    assert "Nothing was sent" in page
    assert "A long comment I do not want to type again" in page
    assert 'value="2"' in page
    assert not Review.objects.filter(reviewer=reviewer).exists()


def test_a_draft_keeps_a_partial_review(client, reviewer, proposal, scored):
    sign_in(client, reviewer)
    response = client.post(
        f"/en/reviews/{proposal.pk}/", form_data(scored, 4, "", action="draft"), follow=True
    )
    assert "saved as a draft" in text(response)
    draft = Review.objects.get(reviewer=reviewer)
    assert draft.submitted_at is None
    assert draft.comment == "Clear goals"
    assert 'value="4"' in text(response)


def test_a_submission_not_assigned_to_me_is_404(client, call, scored):
    stranger = reviewer_account("stranger@example.org")
    submission = sent(call)
    assert sign_in(client, stranger).get(f"/en/reviews/{submission.pk}/").status_code == 404
    client.post(f"/en/reviews/{submission.pk}/", form_data(scored, 1, 1))
    assert not Review.objects.exists()


def test_scoring_my_own_organization_is_refused_with_a_clear_message(
    client, reviewer, proposal, scored
):
    organization = OrganizationFactory(name="SheTech")
    proposal.organization = organization
    proposal.save()
    FocalPointFactory(user=reviewer, organization=organization)
    sign_in(client, reviewer)
    page = text(client.get(f"/en/reviews/{proposal.pk}/"))
    assert "never reviews their own organization" in page
    response = client.post(f"/en/reviews/{proposal.pk}/", form_data(scored, 5, 3))
    assert "never reviews their own organization" in text(response)
    assert not Review.objects.exists()


def test_a_decided_submission_closes_its_review(client, reviewer, proposal, secretariat, scored):
    review.decide_many(
        call=proposal.call, submissions=[proposal.pk], to=SubmissionState.REJECTED, by=secretariat
    )
    sign_in(client, reviewer)
    assert "reviews are closed" in text(client.get(f"/en/reviews/{proposal.pk}/"))
    response = client.post(f"/en/reviews/{proposal.pk}/", form_data(scored, 5, 3))
    assert "reviews are closed" in text(response)
    assert not Review.objects.exists()
    assert ReviewAssignment.objects.filter(reviewer=reviewer).exists()
