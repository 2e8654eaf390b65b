"""Every write of the prizes app, one function each (see the submodules)."""

from .cycles import DEFAULT_CATEGORIES, create_cycle, link_ceremony, open_nominations
from .nominations import nomination_from_submission, put_on_ballot, revise_nomination, transition
from .results import (
    add_criterion,
    compute_champions,
    count_votes,
    decide_winner,
    rank_key,
    ranking,
    score_champion,
)
from .voting import VOTES_PER_MINUTE, cast_first_vote, cast_vote, void_votes

__all__ = [
    "DEFAULT_CATEGORIES",
    "VOTES_PER_MINUTE",
    "add_criterion",
    "cast_first_vote",
    "cast_vote",
    "compute_champions",
    "count_votes",
    "create_cycle",
    "decide_winner",
    "link_ceremony",
    "nomination_from_submission",
    "open_nominations",
    "put_on_ballot",
    "rank_key",
    "ranking",
    "revise_nomination",
    "score_champion",
    "transition",
    "void_votes",
]
