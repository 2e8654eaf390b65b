"""Results: the champions counted from the valid votes, the jury's scores, the winners.

Tie-break rule (also printed on the results page): projects are ranked by valid votes, most
first; between equal counts, the project that reached its count first (whose latest counted
vote is earliest) ranks higher; if still equal, the earlier nomination ranks higher."""

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action
from convoca.stakeholders.rules import is_jury_member

from ..errors import PrizeError
from ..models import (
    CHAMPION_STATES,
    Criterion,
    JuryReview,
    Nomination,
    NominationState,
    PrizeCycle,
    Vote,
)

RANKED_STATES = (
    NominationState.ON_BALLOT,
    NominationState.CHAMPION,
    NominationState.NOT_SELECTED,
)


def count_votes(*, cycle: PrizeCycle) -> dict[int, tuple[int, datetime | None]]:
    """{nomination id: (valid votes, time of its latest valid vote)} in one grouped query."""
    rows = (
        Vote.objects.filter(cycle=cycle, is_void=False)
        .values("category_id", "nomination_id")
        .annotate(n=Count("*"), last=Max("changed_at"))
        .values_list("nomination_id", "n", "last")
        .order_by()
    )
    return {nomination: (n, last) for nomination, n, last in rows}


def rank_key(nomination_id: int, counts: dict) -> tuple:
    votes, last = counts.get(nomination_id, (0, None))
    return (-votes, last is None, last or timezone.now(), nomination_id)


def ranking(*, cycle: PrizeCycle, counts: dict | None = None) -> dict[int, list[tuple[int, int]]]:
    """{category id: [(nomination id, votes), …]} best first, by the documented tie-break."""
    counts = count_votes(cycle=cycle) if counts is None else counts
    by_category: dict[int, list[int]] = defaultdict(list)
    for pk, category_id in Nomination.objects.filter(
        cycle=cycle, state__in=(*RANKED_STATES, NominationState.WINNER)
    ).values_list("pk", "category_id"):
        by_category[category_id].append(pk)
    return {
        category_id: [
            (pk, counts.get(pk, (0, None))[0])
            for pk in sorted(ids, key=lambda pk: rank_key(pk, counts))
        ]
        for category_id, ids in by_category.items()
    }


@transaction.atomic
def compute_champions(*, cycle: PrizeCycle, by) -> dict[int, list[int]]:
    """After voting closes, the `champions_per_category` best projects of each category become
    champions and the others are not selected. It can run again (after votes were voided)
    until the champions are published or a winner is chosen."""
    cycle = PrizeCycle.objects.select_for_update().get(pk=cycle.pk)
    now = timezone.now()
    if now < cycle.voting_closes_at:
        raise PrizeError(
            _("Public voting is still open: the champions are counted after it closes.")
        )
    if (
        cycle.champions_public(now)
        or cycle.nominations.filter(state=NominationState.WINNER).exists()
    ):
        raise PrizeError(_("The champions are published: they can no longer be counted again."))
    ranked = ranking(cycle=cycle)
    champions: dict[int, list[int]] = {}
    updates = []
    for category_id, rows in ranked.items():
        for position, (pk, votes) in enumerate(rows, start=1):
            is_champion = position <= cycle.champions_per_category
            updates.append(
                Nomination(
                    pk=pk, votes=votes, rank=position, updated_at=now,
                    state=NominationState.CHAMPION if is_champion else NominationState.NOT_SELECTED,
                )
            )  # fmt: skip
            if is_champion:
                champions.setdefault(category_id, []).append(pk)
    Nomination.objects.bulk_update(
        updates, ["votes", "rank", "state", "updated_at"], batch_size=500
    )
    cycle.champions_computed_at = now
    cycle.save(update_fields=["champions_computed_at", "updated_at"])
    log_action(cycle, "prizes.champions.computed", by=by, data={"champions": champions})
    return champions


def _check_scores(cycle: PrizeCycle, scores: dict, *, complete: bool) -> dict[str, int]:
    clean: dict[str, int] = {}
    for criterion in cycle.criteria.all():
        raw = scores.get(criterion.pk, scores.get(str(criterion.pk)))
        if raw in (None, ""):
            if complete:
                raise PrizeError(
                    _("Score every criterion before you submit: %(name)s is missing.")
                    % {"name": criterion.name},
                    code="scores",
                )
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = -1
        if not 0 <= value <= criterion.max_score:
            raise PrizeError(
                _("%(name)s is scored from 0 to %(max)d.")
                % {"name": criterion.name, "max": criterion.max_score},
                code="scores",
            )
        clean[str(criterion.pk)] = value
    return clean


@transaction.atomic
def score_champion(
    *, nomination: Nomination, juror, scores: dict, comment: str = "", submit: bool = False
) -> JuryReview:
    """A jury member scores a champion on each criterion until the jury closes; once submitted,
    the scores are final (and the other jury members' become visible to them)."""
    cycle = nomination.cycle
    if not is_jury_member(juror, cycle):
        raise PrizeError(_("Only the jury scores champions."))
    if nomination.state not in CHAMPION_STATES:
        raise PrizeError(_("Only champions are scored by the jury."), code="not_champion")
    if timezone.now() >= cycle.jury_closes_at:
        raise PrizeError(_("The jury has closed: scores can no longer change."), code="jury_closed")
    clean = _check_scores(cycle, scores, complete=submit)
    review, _created = JuryReview.objects.select_for_update().get_or_create(
        nomination=nomination, juror=juror
    )
    if review.submitted_at is not None:
        raise PrizeError(
            _("You have already submitted your scores for this project."), code="submitted"
        )
    weights = {str(c.pk): c.weight for c in cycle.criteria.all()}
    review.scores = clean
    review.total = sum((Decimal(v) * weights[k] for k, v in clean.items()), Decimal(0))
    review.comment = comment.strip()
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    log_action(
        review, "prizes.jury.submitted" if submit else "prizes.jury.saved", by=juror,
        data={"nomination": nomination.pk},
    )  # fmt: skip
    return review


@transaction.atomic
def decide_winner(*, nomination: Nomination, by) -> Nomination:
    """The secretariat names one champion per category the winner, from the jury's scores,
    until the winners are announced; naming another champion replaces the first."""
    locked = Nomination.objects.select_for_update().select_related("cycle").get(pk=nomination.pk)
    if locked.cycle.winners_public():
        raise PrizeError(_("The winners are announced: they can no longer change."))
    if locked.state not in CHAMPION_STATES:
        raise PrizeError(_("Only a champion can win its category."), code="not_champion")
    previous = list(
        Nomination.objects.select_for_update()
        .filter(category_id=locked.category_id, state=NominationState.WINNER)
        .exclude(pk=locked.pk)
        .values_list("pk", flat=True)
    )
    Nomination.objects.filter(pk__in=previous).update(state=NominationState.CHAMPION)
    locked.state = NominationState.WINNER
    locked.save(update_fields=["state", "updated_at"])
    log_action(locked, "prizes.winner.decided", by=by, data={"replaced": previous})
    return locked


@transaction.atomic
def add_criterion(*, cycle: PrizeCycle, name: str, max_score: int = 10, weight=1, by) -> Criterion:
    criterion = Criterion.objects.create(
        cycle=cycle, name=name, max_score=max_score, weight=weight,
        position=cycle.criteria.count(),
    )  # fmt: skip
    log_action(cycle, "prizes.criterion.added", by=by, data={"name": name})
    return criterion
