"""Public voting: the rules a voter meets, one vote per category, changes, replays, voiding."""

import pytest
from django.core.exceptions import ValidationError

from convoca.core.models import AuditEntry
from convoca.prizes import services
from convoca.prizes.models import NominationState, Vote, VoteFlag
from tests.factories import UserFactory
from tests.support.threads import in_threads

from .conftest import make_cycle, make_project, move_to


def cast(cycle, project, voter, **kw):
    return services.cast_vote(
        cycle=cycle, category=project.category, nomination=project, voter=voter, **kw
    )


def test_a_verified_account_votes_once_in_a_category(cycle, projects, voter):
    vote = cast(cycle, projects[0], voter)
    assert Vote.objects.get().pk == vote.pk
    assert vote.nomination == projects[0]
    assert not vote.is_void


@pytest.mark.parametrize("phase", ["upcoming", "nominations", "validation", "jury", "announcement"])
def test_voting_outside_the_voting_phase_is_refused_with_the_dates(db, phase, voter):
    cycle = make_cycle(phase)
    project = make_project(cycle, cycle.categories.get(number=1))
    with pytest.raises(ValidationError) as refused:
        cast(cycle, project, voter)
    assert refused.value.code == "voting_closed"
    assert "Public voting is not open: it runs from" in refused.value.messages[0]
    assert not Vote.objects.exists()


def test_an_unverified_account_cannot_vote(cycle, projects):
    unverified = UserFactory(email="new@example.org", verified=False)
    with pytest.raises(ValidationError, match="Confirm your email address"):
        cast(cycle, projects[0], unverified)
    assert not Vote.objects.exists()


def test_a_project_from_another_category_is_not_on_this_ballot(
    cycle, projects, other_category, voter
):
    with pytest.raises(ValidationError, match="not on the ballot of this category"):
        services.cast_vote(
            cycle=cycle, category=other_category, nomination=projects[0], voter=voter
        )
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    "state", [NominationState.SUBMITTED, NominationState.VALIDATED, NominationState.REJECTED]
)
def test_a_project_not_yet_on_the_ballot_cannot_get_votes(cycle, category, voter, state):
    project = make_project(cycle, category, state=state)
    with pytest.raises(ValidationError, match="not on the ballot"):
        cast(cycle, project, voter)
    assert not Vote.objects.exists()


def test_a_project_of_another_cycle_is_refused(cycle, voter):
    other = make_cycle("voting", slug="wsis-prizes-2023", year=2023)
    project = make_project(other, other.categories.get(number=1))
    with pytest.raises(ValidationError, match="not on the ballot"):
        services.cast_vote(
            cycle=cycle, category=cycle.categories.get(number=1), nomination=project, voter=voter
        )


def test_a_project_taken_off_the_ballot_while_the_page_was_open_gets_no_vote(
    cycle, projects, voter
):
    stale = projects[0]  # as the ballot page loaded it: on the ballot
    type(stale).objects.filter(pk=stale.pk).update(state=NominationState.REJECTED)
    with pytest.raises(ValidationError) as refused:
        cast(cycle, stale, voter)
    assert refused.value.code == "not_on_ballot"
    assert not Vote.objects.exists()


def test_voting_again_changes_the_vote_and_never_adds_one(cycle, projects, voter):
    first = cast(cycle, projects[0], voter)
    second = cast(cycle, projects[1], voter)
    assert second.pk == first.pk
    assert Vote.objects.count() == 1
    assert Vote.objects.get().nomination == projects[1]
    change = AuditEntry.objects.get(action="prizes.vote.changed")
    assert change.data["from"] == projects[0].pk
    assert change.data["to"] == projects[1].pk


def test_a_replayed_vote_answers_the_same_vote(cycle, projects, voter):
    first = cast(cycle, projects[0], voter)
    again = cast(cycle, projects[0], voter)
    assert again.pk == first.pk
    assert Vote.objects.count() == 1
    assert not AuditEntry.objects.filter(action="prizes.vote.changed").exists()


def test_one_vote_in_each_category(cycle, projects, other_category, voter):
    elsewhere = make_project(cycle, other_category, title="Elsewhere")
    cast(cycle, projects[0], voter)
    cast(cycle, elsewhere, voter)
    assert Vote.objects.filter(voter=voter).count() == 2


def test_a_vote_cannot_change_after_voting_closes(cycle, projects, voter):
    cast(cycle, projects[0], voter)
    move_to(cycle, "jury")
    with pytest.raises(ValidationError, match="not open"):
        cast(cycle, projects[1], voter)
    assert Vote.objects.get().nomination == projects[0]


def test_too_many_votes_in_a_minute_are_refused(cycle, projects, voter, monkeypatch):
    monkeypatch.setattr(services.voting, "VOTES_PER_MINUTE", 3)
    for project in (projects[0], projects[1], projects[2]):
        cast(cycle, project, voter)
    with pytest.raises(ValidationError, match="Too many votes"):
        cast(cycle, projects[0], voter)
    assert Vote.objects.get().nomination == projects[2]


def test_disposable_email_and_new_accounts_are_flagged(cycle, projects):
    throwaway = UserFactory(email="someone@mailinator.com")
    newcomer = UserFactory(email="new.voter@example.org")
    assert cast(cycle, projects[0], throwaway).flag == VoteFlag.DISPOSABLE_EMAIL
    assert cast(cycle, projects[0], newcomer).flag == VoteFlag.NEW_ACCOUNT


def test_the_network_is_kept_for_abuse_signals(cycle, projects, voter):
    from convoca.prizes.abuse import network_of

    vote = cast(cycle, projects[0], voter, network=network_of("203.0.113.77"))
    assert vote.network == "203.0.113.0/24"
    assert network_of("2001:db8:1:2::5") == "2001:db8:1::/48"
    assert network_of("not an address") == ""


def test_voided_votes_stop_counting_and_the_reason_is_logged(cycle, projects, secretariat):
    people = [UserFactory(email=f"bot{n}@example.org") for n in range(3)]
    for person in people:
        cast(cycle, projects[0], person, network="198.51.100.0/24")
    honest = UserFactory(email="honest@example.org")
    cast(cycle, projects[1], honest, network="192.0.2.0/24")

    voided = services.void_votes(
        cycle=cycle, by=secretariat, reason="Burst of new accounts", network="198.51.100.0/24"
    )
    assert voided == 3
    counts = services.count_votes(cycle=cycle)
    assert projects[0].pk not in counts
    assert counts[projects[1].pk][0] == 1
    entry = AuditEntry.objects.get(action="prizes.votes.voided")
    assert entry.actor == secretariat
    assert entry.data["reason"] == "Burst of new accounts"
    assert sorted(entry.data["votes"]) == sorted(
        Vote.objects.filter(is_void=True).values_list("pk", flat=True)
    )


def test_a_voided_voter_cannot_vote_again_in_that_category(cycle, projects, voter, secretariat):
    vote = cast(cycle, projects[0], voter)
    services.void_votes(cycle=cycle, by=secretariat, reason="Duplicate person", vote_ids=[vote.pk])
    with pytest.raises(ValidationError, match="voided by the secretariat"):
        cast(cycle, projects[1], voter)
    assert Vote.objects.get().nomination == projects[0]


@pytest.mark.parametrize("reason", ["", "   "])
def test_voiding_needs_a_reason_and_changes_nothing_without(
    cycle, projects, voter, secretariat, reason
):
    vote = cast(cycle, projects[0], voter)
    with pytest.raises(ValidationError, match="reason"):
        services.void_votes(cycle=cycle, by=secretariat, reason=reason, vote_ids=[vote.pk])
    assert not Vote.objects.get().is_void


@pytest.mark.django_db(transaction=True)
def test_parallel_votes_of_one_account_in_one_category_make_one_vote():
    cycle = make_cycle("voting")
    category = cycle.categories.get(number=1)
    projects = [make_project(cycle, category, title=f"P{n}") for n in range(4)]
    voter = UserFactory(email="eager@example.org")
    votes = in_threads(
        lambda i: services.cast_vote(
            cycle=cycle, category=category, nomination=projects[i % 4], voter=voter
        ),
        range(12),
    )
    assert len({vote.pk for vote in votes}) == 1
    assert Vote.objects.filter(voter=voter, category=category).count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_voters_are_each_counted_once():
    cycle = make_cycle("voting")
    category = cycle.categories.get(number=1)
    project = make_project(cycle, category)
    people = [UserFactory(email=f"crowd{n}@example.org") for n in range(10)]
    in_threads(
        lambda i: services.cast_vote(
            cycle=cycle, category=category, nomination=project, voter=people[i]
        ),
        range(10),
    )
    assert services.count_votes(cycle=cycle)[project.pk][0] == 10
