"""Prize cycles placed in each phase relative to now, and projects on their ballots."""

from datetime import timedelta

import pytest
from django.utils import timezone

from convoca.prizes import services
from convoca.prizes.models import Nomination, NominationState
from tests.factories import OrganizationFactory, UserFactory

DAY = timedelta(days=1)
# Days from now at which each phase starts, so that `phase` is the one running now.
OFFSETS = {
    "upcoming": 1,
    "nominations": -1,
    "validation": -31,
    "voting": -41,
    "jury": -71,
    "announcement": -101,
}


def cycle_dates(phase: str) -> dict:
    start = timezone.now() + OFFSETS[phase] * DAY
    return {
        "nominations_open_at": start,
        "nominations_close_at": start + 30 * DAY,
        "voting_opens_at": start + 40 * DAY,
        "voting_closes_at": start + 70 * DAY,
        "champions_published_at": start + 75 * DAY,
        "jury_closes_at": start + 90 * DAY,
        "announced_at": start + 100 * DAY,
    }


def make_cycle(phase: str = "voting", *, slug: str = "wsis-prizes-2022", year: int = 2022, **kw):
    fields = cycle_dates(phase) | kw
    return services.create_cycle(
        name=f"WSIS Prizes {year}", slug=slug, year=year, by=None, **fields
    )


def move_to(cycle, phase: str):
    """Shift a cycle's dates so that `phase` runs now (as time passing would)."""
    for name, value in cycle_dates(phase).items():
        setattr(cycle, name, value)
    cycle.save()
    return cycle


def make_project(cycle, category, *, title="Project", state=NominationState.ON_BALLOT, **kw):
    return Nomination.objects.create(
        cycle=cycle,
        category=category,
        organization=kw.pop("organization", None) or OrganizationFactory(),
        title=title,
        description=kw.pop("description", f"{title}: what it does."),
        state=state,
        **kw,
    )


@pytest.fixture
def cycle(db):
    return make_cycle("voting")


@pytest.fixture
def category(cycle):
    return cycle.categories.get(number=1)


@pytest.fixture
def other_category(cycle):
    return cycle.categories.get(number=2)


@pytest.fixture
def projects(cycle, category):
    return [make_project(cycle, category, title=f"Project {n}") for n in range(1, 4)]


@pytest.fixture
def voter(db):
    return UserFactory(email="voter@example.org")


def voters(n: int, prefix: str = "v"):
    return [UserFactory(email=f"{prefix}{i}@example.org") for i in range(n)]
