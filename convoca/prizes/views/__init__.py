from .jury import board, score
from .nominate import my_nominations, nominate, revise
from .public import (
    ballot,
    certificate,
    cycle_detail,
    cycles,
    my_votes,
    project,
    results,
    vote,
    winners,
)
from .secretariat import champions, decide, manage, publish_ballot, void, winner

__all__ = [
    "ballot",
    "board",
    "certificate",
    "champions",
    "cycle_detail",
    "cycles",
    "decide",
    "manage",
    "my_nominations",
    "my_votes",
    "nominate",
    "project",
    "publish_ballot",
    "results",
    "revise",
    "score",
    "void",
    "vote",
    "winner",
    "winners",
]
