"""Champions from the valid votes (with the tie-break), the blind jury, winners, publication."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from convoca.prizes import selectors, services
from convoca.prizes.models import NominationState, Vote
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.factories import UserFactory

from .conftest import make_cycle, make_project, move_to


def vote_rows(cycle, category, project, n, *, at, prefix):
    people = [UserFactory(email=f"{prefix}{i}@example.org") for i in range(n)]
    Vote.objects.bulk_create(
        Vote(cycle=cycle, category=category, voter=p, nomination=project, cast_at=at,
             changed_at=at)
        for p in people
    )  # fmt: skip


@pytest.fixture
def counted(db, secretariat):
    """Seven projects in category 1, voting closed: 7 projects with 6,5,4,4,3,1,0 votes, the
    first of the two with 4 having reached its count later."""
    cycle = make_cycle("voting")
    category = cycle.categories.get(number=1)
    projects = [make_project(cycle, category, title=f"P{n}") for n in range(7)]
    base = timezone.now() - timedelta(days=1)
    for index, n in enumerate([6, 5, 4, 4, 3, 1, 0]):
        later = timedelta(hours=2) if index == 2 else timedelta(0)
        vote_rows(cycle, category, projects[index], n, at=base + later, prefix=f"p{index}-")
    move_to(cycle, "jury")
    cycle.champions_published_at = timezone.now() + timedelta(days=1)
    cycle.save()
    return cycle, category, projects


def test_the_five_most_voted_become_champions_and_the_rest_are_not_selected(counted, secretariat):
    cycle, category, projects = counted
    champions = services.compute_champions(cycle=cycle, by=secretariat)
    for project in projects:
        project.refresh_from_db()
    assert [p.state for p in projects] == ["champion"] * 5 + ["not_selected"] * 2
    assert len(champions[category.pk]) == 5


def test_a_tie_goes_to_the_project_that_reached_its_count_first(counted, secretariat):
    cycle, _category, projects = counted
    services.compute_champions(cycle=cycle, by=secretariat)
    for project in projects:
        project.refresh_from_db()
    # P2 and P3 both have 4 votes; P3's last vote came two hours before P2's.
    assert (projects[3].rank, projects[2].rank) == (3, 4)
    assert [p.votes for p in projects] == [6, 5, 4, 4, 3, 1, 0]


def test_a_tie_at_the_same_moment_goes_to_the_earlier_nomination(db, secretariat):
    cycle = make_cycle("voting")
    category = cycle.categories.get(number=1)
    first, second = (
        make_project(cycle, category, title="A"),
        make_project(cycle, category, title="B"),
    )
    at = timezone.now() - timedelta(hours=1)
    vote_rows(cycle, category, second, 2, at=at, prefix="b")
    vote_rows(cycle, category, first, 2, at=at, prefix="a")
    ranking = services.ranking(cycle=cycle)[category.pk]
    assert [pk for pk, _votes in ranking] == [first.pk, second.pk]


def test_voided_votes_do_not_make_champions(counted, secretariat):
    cycle, _category, projects = counted
    Vote.objects.filter(nomination=projects[0]).update(is_void=True, void_reason="bots")
    services.compute_champions(cycle=cycle, by=secretariat)
    projects[0].refresh_from_db()
    assert projects[0].votes == 0
    assert projects[0].state == NominationState.NOT_SELECTED


def test_champions_are_not_counted_while_voting_is_open(db, secretariat):
    cycle = make_cycle("voting")
    with pytest.raises(ValidationError, match="still open"):
        services.compute_champions(cycle=cycle, by=secretariat)
    assert cycle.champions_computed_at is None


def test_champions_are_public_only_from_their_publication_date(counted, secretariat):
    cycle, _category, _projects = counted
    services.compute_champions(cycle=cycle, by=secretariat)
    cycle.refresh_from_db()
    assert not cycle.champions_public()
    assert cycle not in selectors.published_cycles()
    cycle.champions_published_at = timezone.now() - timedelta(minutes=1)
    cycle.save()
    assert cycle.champions_public()
    assert cycle in selectors.published_cycles()
    # Once published, the count is final.
    with pytest.raises(ValidationError, match="published"):
        services.compute_champions(cycle=cycle, by=secretariat)


@pytest.fixture
def jury_cycle(counted, secretariat):
    cycle, _category, projects = counted
    services.add_criterion(cycle=cycle, name="Impact", max_score=10, weight=2, by=secretariat)
    services.add_criterion(cycle=cycle, name="Sustainability", max_score=10, by=secretariat)
    services.compute_champions(cycle=cycle, by=secretariat)
    jurors = []
    for name in ("ana", "ben"):
        juror = UserFactory(email=f"{name}@jury.example.org")
        grant_role(user=juror, role=Role.JURY, scope=cycle)
        jurors.append(juror)
    for project in projects:
        project.refresh_from_db()
    return cycle, projects, jurors


def scores(cycle, *values):
    return {c.pk: v for c, v in zip(cycle.criteria.order_by("position"), values, strict=True)}


def test_a_jury_member_sees_no_other_scores_until_submitting_their_own(jury_cycle):
    cycle, projects, (ana, ben) = jury_cycle
    champion = projects[0]
    services.score_champion(nomination=champion, juror=ben, scores=scores(cycle, 9, 8), submit=True)
    draft = services.score_champion(nomination=champion, juror=ana, scores=scores(cycle, 5, 5))
    assert selectors.reviews_visible_to(nomination=champion, juror=ana) == [draft]
    services.score_champion(nomination=champion, juror=ana, scores=scores(cycle, 6, 7), submit=True)
    seen = selectors.reviews_visible_to(nomination=champion, juror=ana)
    assert {r.juror.email for r in seen} == {"ana@jury.example.org", "ben@jury.example.org"}
    assert {r.total for r in seen} == {19, 26}  # weighted: 2 x impact + sustainability


def test_submitted_scores_are_final(jury_cycle):
    cycle, projects, (ana, _ben) = jury_cycle
    services.score_champion(
        nomination=projects[0], juror=ana, scores=scores(cycle, 6, 7), submit=True
    )
    with pytest.raises(ValidationError, match="already submitted"):
        services.score_champion(nomination=projects[0], juror=ana, scores=scores(cycle, 10, 10))


@pytest.mark.parametrize("values", [(11, 5), (-1, 5), ("many", 5)])
def test_scores_outside_the_scale_are_refused(jury_cycle, values):
    cycle, projects, (ana, _ben) = jury_cycle
    with pytest.raises(ValidationError, match="scored from 0 to 10"):
        services.score_champion(nomination=projects[0], juror=ana, scores=scores(cycle, *values))
    assert not projects[0].jury_reviews.exists()


def test_submitting_needs_every_criterion(jury_cycle):
    cycle, projects, (ana, _ben) = jury_cycle
    first = cycle.criteria.order_by("position").first()
    with pytest.raises(ValidationError, match="Score every criterion"):
        services.score_champion(
            nomination=projects[0], juror=ana, scores={first.pk: 5}, submit=True
        )


def test_only_the_jury_scores_and_only_champions(jury_cycle, participant):
    _cycle, projects, (ana, _ben) = jury_cycle
    with pytest.raises(ValidationError, match="Only the jury"):
        services.score_champion(nomination=projects[0], juror=participant, scores={})
    with pytest.raises(ValidationError, match="Only champions"):
        services.score_champion(nomination=projects[6], juror=ana, scores={})


def test_one_winner_per_category_decided_by_the_secretariat(jury_cycle, secretariat):
    _cycle, projects, _jurors = jury_cycle
    services.decide_winner(nomination=projects[1], by=secretariat)
    services.decide_winner(nomination=projects[0], by=secretariat)
    states = {p.pk: p.state for p in projects[:2]}
    for project in projects[:2]:
        project.refresh_from_db()
        states[project.pk] = project.state
    assert states == {projects[0].pk: "winner", projects[1].pk: "champion"}
    with pytest.raises(ValidationError, match="Only a champion"):
        services.decide_winner(nomination=projects[6], by=secretariat)


def test_winners_are_public_only_from_the_announcement(jury_cycle, secretariat):
    cycle, projects, _jurors = jury_cycle
    services.decide_winner(nomination=projects[0], by=secretariat)
    cycle.champions_published_at = timezone.now() - timedelta(days=1)
    cycle.save()
    row = selectors.results(cycle=cycle)[0]
    assert len(row["champions"]) == 5
    assert row["winner"] is None
    move_to(cycle, "announcement")
    row = selectors.results(cycle=cycle)[0]
    assert row["winner"] == projects[0]
    with pytest.raises(ValidationError, match="announced"):
        services.decide_winner(nomination=projects[1], by=secretariat)
