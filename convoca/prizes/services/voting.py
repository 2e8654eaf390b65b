"""Public voting: one vote per verified account per category, changeable while voting is open,
voidable by the secretariat with a logged reason."""

from functools import cache

from django.core.cache import cache as shared_cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action
from convoca.core.sql import column, columns, table

from .. import abuse
from ..errors import NotOnBallot, NotVerified, PrizeError, RateLimited, VoteVoided, VotingClosed
from ..models import Category, Nomination, NominationState, PrizeCycle, Vote

# Casting, changing or repeating a vote, per account and minute: far above what a person
# clicks through 18 categories, far below a script.
VOTES_PER_MINUTE = 120


def _throttle(voter, now) -> None:
    key = f"prizes:votes:{voter.pk}:{int(now.timestamp()) // 60}"
    shared_cache.add(key, 0, timeout=120)
    try:
        count = shared_cache.incr(key)
    except ValueError:  # the key expired between add and incr
        shared_cache.set(key, 1, timeout=120)
        count = 1
    if count > VOTES_PER_MINUTE:
        raise RateLimited()


VOTE_COLUMNS = ("cycle", "category", "voter", "nomination", "cast_at", "changed_at", "network",
                "flag", "is_void", "void_reason")  # fmt: skip


@cache
def _first_vote_sql() -> str:
    """INSERT … SELECT … ON CONFLICT DO NOTHING of one vote named by the ballot's keys (cycle
    slug, category slug, project id). One statement, so parallel requests cannot make two rows;
    its SELECT holds every rule of a valid first vote (the cycle is in public voting, the
    category is the cycle's, the project is on that category's ballot), so a vote that breaks
    one inserts nothing, like a second vote."""

    def n(field):
        return column(Nomination, field, "n")

    def c(field):
        return column(Category, field, "c")

    def y(field):
        return column(PrizeCycle, field, "y")

    return (
        f"INSERT INTO {table(Vote)} ({columns(Vote, *VOTE_COLUMNS)}) "  # noqa: S608 -- names from _meta
        f"SELECT {n('cycle')}, {n('category')}, %s, {n('pk')}, %s, %s, %s, %s, %s, %s "
        f"FROM {table(Nomination)} n "
        f"JOIN {table(Category)} c ON {c('pk')} = {n('category')} "
        f"JOIN {table(PrizeCycle)} y ON {y('pk')} = {n('cycle')} AND {y('pk')} = {c('cycle')} "
        f"WHERE {n('pk')} = %s AND {c('slug')} = %s AND {y('slug')} = %s AND {n('state')} = %s "
        f"AND {y('voting_opens_at')} <= %s AND %s < {y('voting_closes_at')} "
        f"ON CONFLICT ({columns(Vote, 'category', 'voter')}) DO NOTHING "
        f"RETURNING {columns(Vote, 'pk', 'category')}"
    )


def _insert_vote(*, cycle_slug, category_slug, nomination_id, voter, now, network, flag):
    """Insert the voter's first vote in the category if every rule holds: (vote id, category
    id), or None when it inserted nothing (a vote already there, or a rule broken)."""
    stamp = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(
            _first_vote_sql(),
            [voter.pk, stamp, stamp, network, flag, False, "",
             nomination_id, category_slug, cycle_slug, NominationState.ON_BALLOT, stamp, stamp],
        )  # fmt: skip
        return cursor.fetchone()


def cast_first_vote(
    *, cycle_slug: str, category_slug: str, nomination_id: int, voter, network: str = ""
) -> Vote | None:
    """The API's common case in one statement: a verified account's first vote in a category,
    named by the ballot's keys. None when it is anything else (a changed or repeated vote, a
    refusal): `cast_vote` then decides, and says why.

    Not throttled: an account has at most one first vote per category, so this path cannot be
    driven faster than the ballot has categories; changes and replays go through `cast_vote`,
    which is."""
    if not getattr(voter, "is_authenticated", False) or not voter.has_verified_email:
        return None
    now = timezone.now()
    flag = abuse.flag_for(voter, at=now)
    row = _insert_vote(
        cycle_slug=cycle_slug, category_slug=category_slug, nomination_id=nomination_id,
        voter=voter, now=now, network=network, flag=flag,
    )  # fmt: skip
    if row is None:
        return None
    vote_id, category_id = row
    return Vote(
        pk=vote_id, category=Category(pk=category_id, slug=category_slug), voter=voter,
        nomination_id=nomination_id, cast_at=now, changed_at=now, network=network, flag=flag,
    )  # fmt: skip


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
    row = _insert_vote(
        cycle_slug=cycle.slug, category_slug=category.slug, nomination_id=nomination.pk,
        voter=voter, now=now, network=network, flag=flag,
    )  # fmt: skip
    if row is not None:
        return Vote(
            pk=row[0], cycle=cycle, category=category, voter=voter, nomination=nomination,
            cast_at=now, changed_at=now, network=network, flag=flag,
        )  # fmt: skip
    return _change_vote(category=category, nomination=nomination, voter=voter, now=now,
                        network=network)  # fmt: skip


@transaction.atomic
def _change_vote(*, category: Category, nomination: Nomination, voter, now, network: str) -> Vote:
    """The voter already has a vote in the category: point it at `nomination`, logged."""
    vote = Vote.objects.select_for_update().filter(category=category, voter=voter).first()
    if vote is None:  # nothing was inserted for another reason: the ballot changed meanwhile
        raise NotOnBallot()
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
