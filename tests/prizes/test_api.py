"""The prizes API: cycles and their phase, the ballot, and one vote per category by token."""

import pytest

from convoca.accounts.services import issue_token
from convoca.prizes.models import Vote
from tests.factories import UserFactory

from .conftest import make_cycle, make_project

BASE = "/api/v1/prizes"


def bearer(user):
    _token, raw = issue_token(user=user, name="cli")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post_vote(client, auth, category, nomination, cycle="wsis-prizes-2022"):
    return client.post(
        f"{BASE}/{cycle}/votes",
        {"category": category, "nomination": nomination},
        content_type="application/json",
        **auth,
    )


def test_cycles_are_listed_with_slug_and_current_phase(client, cycle):
    make_cycle("announcement", slug="wsis-prizes-2021", year=2021)
    items = client.get(BASE).json()["items"]
    assert [(c["slug"], c["phase"]) for c in items] == [
        ("wsis-prizes-2022", "voting"),
        ("wsis-prizes-2021", "announcement"),
    ]


def test_the_ballot_lists_projects_with_id_and_category(client, cycle, projects, other_category):
    make_project(cycle, other_category, title="Elsewhere", state="submitted")
    items = client.get(f"{BASE}/wsis-prizes-2022/nominations").json()["items"]
    assert {(i["id"], i["category"]) for i in items} == {
        (p.pk, "c1-role-of-stakeholders") for p in projects
    }
    one = client.get(f"{BASE}/wsis-prizes-2022/nominations?q=Project 2").json()["items"]
    assert [i["title"] for i in one] == ["Project 2"]


def test_casting_again_changes_the_one_vote(client, cycle, projects, voter):
    auth = bearer(voter)
    first = post_vote(client, auth, "c1-role-of-stakeholders", projects[0].pk)
    assert first.status_code == 200, first.content
    again = post_vote(client, auth, "c1-role-of-stakeholders", projects[0].pk)
    changed = post_vote(client, auth, "c1-role-of-stakeholders", projects[1].pk)
    assert first.json()["id"] == again.json()["id"] == changed.json()["id"]
    assert changed.json()["nomination"] == projects[1].pk
    assert Vote.objects.count() == 1


def test_a_vote_needs_a_token(client, cycle, projects):
    assert post_vote(client, {}, "c1-role-of-stakeholders", projects[0].pk).status_code == 401


def test_an_account_no_longer_verified_is_refused_with_a_message(client, cycle, projects):
    from allauth.account.models import EmailAddress

    user = UserFactory(email="late@example.org")
    auth = bearer(user)
    EmailAddress.objects.filter(user=user).update(verified=False)  # e.g. a new, unconfirmed address
    response = post_vote(client, auth, "c1-role-of-stakeholders", projects[0].pk)
    assert response.status_code == 403
    assert "Confirm your email address" in response.json()["detail"]
    assert not Vote.objects.exists()


@pytest.mark.parametrize("slug", ["c2-infrastructure", "no-such-category"])
def test_a_project_not_on_that_ballot_is_refused(client, cycle, projects, voter, slug):
    response = post_vote(client, bearer(voter), slug, projects[0].pk)
    assert response.status_code == 422
    assert "not on the ballot" in response.json()["detail"]
    assert not Vote.objects.exists()


def test_voting_outside_the_phase_is_a_conflict_in_the_callers_language(client, db, voter):
    cycle = make_cycle("jury", slug="wsis-prizes-2019", year=2019)
    project = make_project(cycle, cycle.categories.get(number=1))
    response = post_vote(
        client, bearer(voter) | {"HTTP_ACCEPT_LANGUAGE": "en"}, "c1-role-of-stakeholders",
        project.pk, cycle="wsis-prizes-2019",
    )  # fmt: skip
    assert response.status_code == 409
    assert response.json()["detail"].startswith("Public voting is not open")


def test_an_unknown_cycle_is_not_found(client, voter):
    assert post_vote(client, bearer(voter), "x", 1, cycle="nope").status_code == 404


def test_a_vote_by_token_costs_few_queries(
    client, cycle, projects, voter, django_assert_max_num_queries
):
    auth = bearer(voter)
    # The token with its account and verified address, its last use, then the vote: one
    # statement that checks the phase and the ballot as it inserts.
    with django_assert_max_num_queries(3):
        response = post_vote(client, auth, "c1-role-of-stakeholders", projects[0].pk)
    assert response.status_code == 200
    other = make_project(cycle, cycle.categories.get(number=2), title="Elsewhere")
    # Within the minute the token's last use is not written again.
    with django_assert_max_num_queries(2):
        response = post_vote(client, auth, "c2-infrastructure", other.pk)
    assert response.json()["nomination"] == other.pk
    assert Vote.objects.filter(voter=voter).count() == 2


def test_a_first_vote_by_token_carries_its_abuse_signal_and_network(client, cycle, projects):
    newcomer = UserFactory(email="newcomer@example.org")  # joined just now
    response = post_vote(client, bearer(newcomer), "c1-role-of-stakeholders", projects[0].pk)
    assert response.status_code == 200
    vote = Vote.objects.get(voter=newcomer)
    assert (vote.flag, vote.network, vote.cycle_id) == ("new_account", "127.0.0.0/24", cycle.pk)
    assert vote.cast_at == vote.changed_at


def test_a_project_of_another_cycle_is_not_on_this_ballot(client, cycle, projects, voter):
    older = make_cycle("voting", slug="wsis-prizes-2021", year=2021)
    elsewhere = make_project(older, older.categories.get(number=1), title="Last year")
    response = post_vote(client, bearer(voter), "c1-role-of-stakeholders", elsewhere.pk)
    assert response.status_code == 422
    assert not Vote.objects.exists()


def test_a_wrong_token_cannot_vote(client, cycle, projects, voter):
    bearer(voter)
    response = post_vote(
        client, {"HTTP_AUTHORIZATION": "Bearer cvk_not-a-token"}, "c1-role-of-stakeholders",
        projects[0].pk,
    )  # fmt: skip
    assert response.status_code == 401
    assert not Vote.objects.exists()
