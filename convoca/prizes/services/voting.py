"""Public voting: one vote per verified account per category, changeable while voting is open,
voidable by the secretariat with a logged reason."""

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action

from .. import abuse
from ..errors import NotOnBallot, NotVerified, PrizeError, RateLimited, VoteVoided, VotingClosed
from ..models import Category, Nomination, NominationState, PrizeCycle, Vote

# Casting, changing or repeating a vote, per account and minute: far above what a person
# clicks through 18 categories, far below a script.
VOTES_PER_MINUTE = 120


def _throttle(voter, now) -> None:
    key = f"prizes:votes:{voter.pk}:{int(now.timestamp()) // 60}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > VOTES_PER_MINUTE:
        raise RateLimited()


def _insert_if_absent(*, cycle, category, nomination, voter, now, network, flag) -> int | None:
    """INSERT … ON CONFLICT DO NOTHING: the new vote's id, or None if the voter already has
    one in this category. One statement, so parallel requests cannot make two rows."""
    table = Vote._meta.db_table
    stamp = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (cycle_id, category_id, voter_id, nomination_id, cast_at, "  # noqa: S608
            "changed_at, network, flag, is_void, void_reason) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (category_id, voter_id) DO NOTHING RETURNING id",
            [cycle.pk, category.pk, voter.pk, nomination.pk, stamp, stamp, network, flag,
             False, ""],
        )  # fmt: skip
        row = cursor.fetchone()
    return row[0] if row else None


def cast_vote(
    *,
    cycle: PrizeCycle,
    category: Category,
    nomination: Nomination,
    voter,
    network: str = "",
    voter_verified: bool | None = None,
) -> Vote:
    """One vote per verified account per category while voting is open, for a project on that
    category's ballot; casting again changes the vote (a replay changes nothing).
    `voter_verified` is whether the voter's address is verified, when the caller already knows
    (the API's token query answers it); otherwise it is looked up."""
    now = timezone.now()
    if not cycle.voting_open_at(now):
        raise VotingClosed(cycle)
    if not getattr(voter, "is_authenticated", False):
        raise NotVerified()
    if not (voter.has_verified_email if voter_verified is None else voter_verified):
        raise NotVerified()
    if (
        category.cycle_id != cycle.pk
        or nomination.category_id != category.pk
        or nomination.state != NominationState.ON_BALLOT
    ):
        raise NotOnBallot()
    _throttle(voter, now)
    flag = abuse.flag_for(voter, at=now)
    # The first vote, the common case, is one statement, atomic by itself: no transaction
    # (BEGIN, COMMIT) around it. It is not written to the audit log: the row itself records who
    # voted when, and a million audit rows would double the work.
    vote_id = _insert_if_absent(
        cycle=cycle, category=category, nomination=nomination, voter=voter, now=now,
        network=network, flag=flag,
    )  # fmt: skip
    if vote_id is not None:
        return Vote(
            pk=vote_id, cycle=cycle, category=category, voter=voter, nomination=nomination,
            cast_at=now, changed_at=now, network=network, flag=flag,
        )  # fmt: skip
    return _change_vote(category=category, nomination=nomination, voter=voter, now=now,
                        network=network)  # fmt: skip


@transaction.atomic
def _change_vote(*, category: Category, nomination: Nomination, voter, now, network: str) -> Vote:
    """The voter already has a vote in the category: point it at `nomination`, logged."""
    vote = Vote.objects.select_for_update().get(category=category, voter=voter)
    if vote.is_void:
        raise VoteVoided()
    if vote.nomination_id == nomination.pk:
        return vote  # the same vote again: a replay or a double click
    previous = vote.nomination_id
    vote.nomination = nomination
    vote.changed_at = now
    vote.network = network or vote.network
    vote.save(update_fields=["nomination", "changed_at", "network"])
    log_action(
        vote, "prizes.vote.changed", by=voter,
        data={"category": category.pk, "from": previous, "to": nomination.pk},
    )  # fmt: skip
    return vote


@transaction.atomic
def void_votes(
    *,
    cycle: PrizeCycle,
    by,
    reason: str,
    vote_ids: list[int] | None = None,
    network: str = "",
    flag: str = "",
) -> int:
    """Void the chosen votes (by id, by network, or by abuse signal) with a reason that is
    logged; voided votes no longer count and their voters cannot vote again in the category."""
    reason = reason.strip()
    if not reason:
        raise PrizeError(_("Give the reason for voiding these votes."), code="reason")
    if not (vote_ids or network or flag):
        raise PrizeError(_("Choose which votes to void."), code="selection")
    if cycle.champions_public():
        raise PrizeError(_("The champions are published: their votes can no longer change."))
    votes = Vote.objects.filter(cycle=cycle, is_void=False)
    if vote_ids:
        votes = votes.filter(pk__in=vote_ids)
    if network:
        votes = votes.filter(network=network)
    if flag:
        votes = votes.filter(flag=flag)
    ids = list(votes.select_for_update().values_list("pk", flat=True))
    if ids:
        Vote.objects.filter(pk__in=ids).update(
            is_void=True, void_reason=reason[:300], voided_at=timezone.now(), voided_by=by
        )
    log_action(
        cycle, "prizes.votes.voided", by=by,
        data={"reason": reason, "votes": ids, "network": network, "flag": flag},
    )  # fmt: skip
    return len(ids)
