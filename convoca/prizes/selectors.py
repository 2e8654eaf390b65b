"""Reads for the prizes pages and API, each with the joins its page needs."""

from collections import defaultdict

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from . import abuse
from .models import (
    CHAMPION_STATES,
    PUBLIC_STATES,
    Category,
    JuryReview,
    Nomination,
    NominationState,
    PrizeCycle,
    Vote,
    VoteFlag,
)


def cycles() -> QuerySet[PrizeCycle]:
    return PrizeCycle.objects.select_related("edition", "ceremony").order_by("-year", "-pk")


def categories(*, cycle: PrizeCycle) -> QuerySet[Category]:
    return cycle.categories.prefetch_related("action_lines").order_by("number")


def _projects() -> QuerySet[Nomination]:
    return Nomination.objects.select_related("organization", "category", "cycle").prefetch_related(
        "action_lines", "sdgs"
    )


def ballot(*, cycle: PrizeCycle, category: Category | None = None, q: str = "") -> QuerySet:
    """The projects the public sees: on the ballot (and, later, champions and the rest)."""
    found = _projects().filter(cycle=cycle, state__in=list(PUBLIC_STATES))
    if category is not None:
        found = found.filter(category=category)
    if q.strip():
        term = q.strip()
        found = found.filter(
            Q(title__icontains=term)
            | Q(description__icontains=term)
            | Q(organization__name__icontains=term)
        )
    return found.order_by("category__number", "title", "pk")


def project(*, cycle: PrizeCycle, pk: int) -> Nomination | None:
    return ballot(cycle=cycle).filter(pk=pk).first()


def my_votes(*, cycle: PrizeCycle, voter) -> dict[int, Vote]:
    """{category id: vote} for one voter, with the project each vote is for."""
    if not getattr(voter, "is_authenticated", False):
        return {}
    return {
        vote.category_id: vote
        for vote in Vote.objects.filter(cycle=cycle, voter=voter).select_related(
            "nomination", "category"
        )
    }


def ballot_sizes(*, cycle: PrizeCycle) -> dict[int, int]:
    rows = (
        Nomination.objects.filter(cycle=cycle, state__in=list(PUBLIC_STATES))
        .values("category_id")
        .annotate(n=Count("pk"))
        .values_list("category_id", "n")
        .order_by()
    )
    return dict(rows)


def live_counts(*, cycle: PrizeCycle) -> list[dict]:
    """For the secretariat only: each category's projects with their valid votes, best first."""
    from .services import count_votes, rank_key

    counts = count_votes(cycle=cycle)
    nominations = defaultdict(list)
    for nomination in Nomination.objects.filter(
        cycle=cycle, state__in=list(PUBLIC_STATES)
    ).select_related("organization"):
        nominations[nomination.category_id].append(nomination)
    result = []
    for category in cycle.categories.order_by("number"):
        rows = sorted(nominations[category.pk], key=lambda n: rank_key(n.pk, counts))
        result.append(
            {
                "category": category,
                "rows": [(n, counts.get(n.pk, (0, None))[0]) for n in rows],
                "total": sum(counts.get(n.pk, (0, None))[0] for n in rows),
            }
        )
    return result


def abuse_signals(*, cycle: PrizeCycle) -> dict:
    """Flagged votes by signal, and the networks where many new accounts voted."""
    valid = Vote.objects.filter(cycle=cycle, is_void=False)
    flags = dict(
        valid.exclude(flag="")
        .values("flag")
        .annotate(n=Count("pk"))
        .values_list("flag", "n")
        .order_by()
    )
    networks = list(
        valid.exclude(flag="")
        .exclude(network="")
        .values("network")
        .annotate(n=Count("pk"), accounts=Count("voter", distinct=True))
        .filter(accounts__gte=abuse.BURST_THRESHOLD)
        .order_by("-accounts", "network")
    )
    return {
        "flags": [(VoteFlag(flag).label, flag, n) for flag, n in sorted(flags.items())],
        "networks": networks,
        "voided": Vote.objects.filter(cycle=cycle, is_void=True).count(),
        "threshold": abuse.BURST_THRESHOLD,
    }


def nominations_to_decide(*, cycle: PrizeCycle) -> QuerySet[Nomination]:
    return (
        Nomination.objects.filter(cycle=cycle)
        .exclude(state__in=list(PUBLIC_STATES))
        .select_related("organization", "category", "submitter")
        .order_by("state", "category__number", "created_at")
    )


def results(*, cycle: PrizeCycle) -> list[dict]:
    """Each category with its champions (by rank) and its winner, for the public pages; call
    only where the cycle's results are public (see PrizeCycle.champions_public)."""
    champions = defaultdict(list)
    for nomination in (
        Nomination.objects.filter(cycle=cycle, state__in=list(CHAMPION_STATES))
        .select_related("organization")
        .order_by("rank", "pk")
    ):
        champions[nomination.category_id].append(nomination)
    show_winners = cycle.winners_public()
    return [
        {
            "category": category,
            "champions": champions[category.pk],
            "winner": next(
                (n for n in champions[category.pk] if n.state == NominationState.WINNER), None
            )
            if show_winners
            else None,
        }
        for category in cycle.categories.order_by("number")
    ]


def published_cycles(*, at=None) -> list[PrizeCycle]:
    """Cycles whose champions are public, newest first, for the every-year winners page."""
    at = at or timezone.now()
    return list(
        cycles().filter(champions_computed_at__isnull=False, champions_published_at__lte=at)
    )


def jury_board(*, cycle: PrizeCycle, juror) -> list[dict]:
    """The champions a jury member scores, by category, each with their own review."""
    mine = {
        r.nomination_id: r for r in JuryReview.objects.filter(juror=juror, nomination__cycle=cycle)
    }
    board = defaultdict(list)
    for nomination in (
        Nomination.objects.filter(cycle=cycle, state__in=list(CHAMPION_STATES))
        .select_related("organization", "category")
        .order_by("category__number", "rank", "pk")
    ):
        board[nomination.category].append((nomination, mine.get(nomination.pk)))
    return [{"category": category, "rows": rows} for category, rows in board.items()]


def reviews_visible_to(*, nomination: Nomination, juror) -> list[JuryReview]:
    """A jury member sees their own review, and the others' only once theirs is submitted
    (and then only submitted ones)."""
    own = JuryReview.objects.filter(nomination=nomination, juror=juror).first()
    if own is None or own.submitted_at is None:
        return [own] if own else []
    return list(
        JuryReview.objects.filter(nomination=nomination, submitted_at__isnull=False)
        .select_related("juror")
        .order_by("juror__email")
    )


def jury_summary(*, cycle: PrizeCycle) -> list[dict]:
    """For the secretariat: each category's champions with the jury's submitted scores."""
    rows = defaultdict(list)
    for nomination in (
        Nomination.objects.filter(cycle=cycle, state__in=list(CHAMPION_STATES))
        .select_related("organization", "category")
        .annotate(
            average=Avg("jury_reviews__total", filter=Q(jury_reviews__submitted_at__isnull=False)),
            reviews=Count("jury_reviews", filter=Q(jury_reviews__submitted_at__isnull=False)),
        )
        .order_by("category__number", "rank", "pk")
    ):
        rows[nomination.category].append(nomination)
    return [
        {
            "category": category,
            "rows": sorted(items, key=lambda n: (-(n.average or 0), n.rank or 0, n.pk)),
        }
        for category, items in rows.items()
    ]


def certificate_nominations(*, cycle: PrizeCycle) -> QuerySet[Nomination]:
    return Nomination.objects.filter(cycle=cycle, state__in=list(CHAMPION_STATES)).select_related(
        "organization", "category", "cycle"
    )
