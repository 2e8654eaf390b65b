"""The WSIS Prizes demo: the 2021 cycle with its champions and winners (the ceremony is the
High-Level Track's "WSIS Prizes ceremony" session of the 2021 Forum), and a current cycle in
public voting (its dates computed from today) with invented projects in all 18 categories and
tens of thousands of votes.

Seed 002 names the ceremony among the High-Level Track's items; every project, organization
name, vote and voter is invented. The voters are bulk-created accounts that cannot sign in
(unusable password), each verified, voting in one to three categories; a handful of accounts
with a disposable mail domain voting from one network show the secretariat's abuse signals.
Running the demo again changes nothing: each cycle is looked up by its slug first."""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from convoca.accounts.models import User
from convoca.core.audit import log_action
from convoca.prizes import services
from convoca.prizes.models import Nomination, NominationState, PrizeCycle, Vote, VoteFlag
from convoca.programme.models import Edition, Session

PAST_SLUG = "wsis-prizes-2021"
VOTERS = 24_000
VOTER_DOMAIN = "voters.demo.example.org"
FLAGGED = 14
PROJECTS_PER_CATEGORY = 6

WORDS = [
    ("Digital", "Connected", "Open", "Smart", "Inclusive", "Rural", "Mobile", "Green"),
    ("villages", "schools", "clinics", "markets", "archives", "farms", "libraries", "courts"),
    ("for all", "network", "platform", "initiative", "programme", "lab", "academy", "hub"),
]
COUNTRIES = ["KE", "BR", "IN", "GH", "PH", "CO", "EG", "PL", "SN", "ID", "MX", "RW", "NP", "TN"]


def _title(rng: random.Random, category_number: int, n: int) -> str:
    words = " ".join(rng.choice(group) for group in WORDS)
    return f"{words} ({category_number}.{n})"


def _projects(cycle, organizations, rng, *, state=NominationState.ON_BALLOT) -> list[Nomination]:
    made = []
    for category in cycle.categories.order_by("number"):
        for n in range(1, PROJECTS_PER_CATEGORY + 1):
            organization = organizations[(category.number * 7 + n) % len(organizations)]
            made.append(
                Nomination(
                    cycle=cycle,
                    category=category,
                    organization=organization,
                    title=_title(rng, category.number, n),
                    description=(
                        f"An invented project by {organization.name}, nominated in "
                        f"“{category.name}”. It serves people in the places listed below."
                    ),
                    countries=rng.sample(COUNTRIES, 2),
                    links=[f"https://example.org/projects/{cycle.slug}/{category.number}-{n}"],
                    contact_name="Demo contact",
                    contact_email="prizes.contact@example.org",
                    state=state,
                )
            )
    Nomination.objects.bulk_create(made, batch_size=500)
    return list(cycle.nominations.order_by("category__number", "pk"))


def _voters(count: int, *, prefix: str, joined, domain: str = VOTER_DOMAIN) -> list[User]:
    """Accounts that can never sign in, each with a verified address; created once."""
    emails = [f"{prefix}{n}@{domain}" for n in range(count)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(email=e, password=unusable, first_name="Voter", date_joined=joined)
            for e in emails
            if e not in existing
        ],
        batch_size=2000,
    )
    users = list(User.objects.filter(email__in=emails).order_by("pk"))
    have = set(EmailAddress.objects.filter(user__in=users).values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=u, email=u.email, verified=True, primary=True)
            for u in users
            if u.pk not in have
        ],
        batch_size=2000,
    )
    return users


def _votes(cycle, projects, voters, rng, *, start, end, flag="", network="") -> int:
    """Each voter votes in one to three categories, favouring the first projects of each."""
    by_category: dict[int, list[Nomination]] = {}
    for project in projects:
        by_category.setdefault(project.category_id, []).append(project)
    categories = list(by_category)
    weights = [2**i for i in range(PROJECTS_PER_CATEGORY, 0, -1)]
    span = (end - start).total_seconds()
    rows = []
    for voter in voters:
        count = min(len(categories), rng.choice((1, 1, 2, 3)))
        for category_id in rng.sample(categories, count):
            choices = by_category[category_id]
            chosen = rng.choices(choices, weights=weights[: len(choices)])[0]
            at = start + timedelta(seconds=rng.random() * span)
            rows.append(
                Vote(
                    cycle=cycle, category_id=category_id, voter=voter, nomination=chosen,
                    cast_at=at, changed_at=at, flag=flag, network=network,
                )
            )  # fmt: skip
    Vote.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)


def _past_cycle(*, secretariat, organizations, rng) -> PrizeCycle:
    found = PrizeCycle.objects.filter(slug=PAST_SLUG).first()
    if found is not None:
        return found
    edition = Edition.objects.filter(slug="wsis-forum-2021").first()
    zone = timezone.get_fixed_timezone(60)
    cycle = services.create_cycle(
        name="WSIS Prizes 2021",
        slug=PAST_SLUG,
        year=2021,
        edition=edition,
        by=secretariat,
        description="Projects nominated in 18 categories aligned to the WSIS Action Lines.",
        nominations_open_at=timezone.datetime(2020, 10, 12, 12, tzinfo=zone),
        nominations_close_at=timezone.datetime(2021, 1, 8, 12, tzinfo=zone),
        voting_opens_at=timezone.datetime(2021, 1, 25, 12, tzinfo=zone),
        voting_closes_at=timezone.datetime(2021, 3, 7, 23, tzinfo=zone),
        champions_published_at=timezone.datetime(2021, 3, 15, 12, tzinfo=zone),
        jury_closes_at=timezone.datetime(2021, 4, 15, 12, tzinfo=zone),
        announced_at=timezone.datetime(2021, 5, 20, 14, tzinfo=zone),
    )
    ceremony = (
        Session.objects.filter(edition=edition, session_type__slug="wsis-prizes").first()
        if edition
        else None
    )
    if ceremony is not None:
        services.link_ceremony(cycle=cycle, session=ceremony, by=secretariat)
    projects = _projects(cycle, organizations, rng)
    voters = _voters(3000, prefix="past", joined=cycle.voting_opens_at - timedelta(days=30))
    _votes(cycle, projects, voters, rng, start=cycle.voting_opens_at, end=cycle.voting_closes_at)
    services.compute_champions(cycle=cycle, by=secretariat)
    # The 2021 winners were announced long ago: recorded as they were decided then.
    winners = Nomination.objects.filter(cycle=cycle, rank=1)
    for winner in winners:
        log_action(winner, "prizes.winner.decided", by=secretariat, data={"demo": True})
    winners.update(state=NominationState.WINNER)
    return cycle


def _current_cycle(*, secretariat, organizations, rng) -> PrizeCycle:
    now = timezone.now()
    slug = f"wsis-prizes-{now.year + 1}"
    found = PrizeCycle.objects.filter(slug=slug).first()
    if found is not None:
        return found
    cycle = services.create_cycle(
        name=f"WSIS Prizes {now.year + 1}",
        slug=slug,
        year=now.year + 1,
        by=secretariat,
        description="Public voting is open: one vote per category for each verified account.",
        nominations_open_at=now - timedelta(days=60),
        nominations_close_at=now - timedelta(days=25),
        voting_opens_at=now - timedelta(days=10),
        voting_closes_at=now + timedelta(days=20),
        champions_published_at=now + timedelta(days=27),
        jury_closes_at=now + timedelta(days=50),
        announced_at=now + timedelta(days=70),
    )
    services.open_nominations(cycle=cycle, by=secretariat)
    for name, weight in (("Impact", 2), ("Sustainability", 1), ("Replicability", 1)):
        services.add_criterion(cycle=cycle, name=name, weight=weight, by=secretariat)
    projects = _projects(cycle, organizations, rng)
    voters = _voters(VOTERS, prefix="voter", joined=now - timedelta(days=90))
    _votes(cycle, projects, voters, rng, start=cycle.voting_opens_at, end=now)
    burst = _voters(
        FLAGGED, prefix="burst", joined=now - timedelta(hours=3), domain="mailinator.com"
    )
    _votes(
        cycle, projects[:1], burst, rng, start=now - timedelta(hours=2), end=now,
        flag=VoteFlag.DISPOSABLE_EMAIL, network="203.0.113.0/24",
    )  # fmt: skip
    return cycle


def build_prizes(*, secretariat, organizations) -> str:
    """Builds the prizes demo data idempotently; answers one summary line for load_demo."""
    rng = random.Random(2021)  # noqa: S311 - invented demo data, not secrets
    organizations = (
        list(organizations.values()) if isinstance(organizations, dict) else list(organizations)
    )
    past = _past_cycle(secretariat=secretariat, organizations=organizations, rng=rng)
    current = _current_cycle(secretariat=secretariat, organizations=organizations, rng=rng)
    votes = Vote.objects.filter(cycle=current).count()
    return (
        f"WSIS Prizes: {past.name} with {past.nominations.filter(state='winner').count()} winners "
        f"and {past.nominations.filter(state__in=['champion', 'winner']).count()} champions; "
        f"{current.name} in public voting until {current.voting_closes_at:%Y-%m-%d} with "
        f"{current.nominations.count()} projects in {current.categories.count()} categories "
        f"and {votes} votes."
    )
