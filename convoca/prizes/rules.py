"""Who may do what with the WSIS Prizes. A denied object answers 404."""

import rules

from convoca.stakeholders.rules import is_jury_member, is_secretariat, is_verified


@rules.predicate
def is_secretariat_of_cycle(user, cycle=None) -> bool:
    return is_secretariat(user, cycle)


@rules.predicate
def is_jury_of_cycle(user, cycle=None) -> bool:
    return is_jury_member(user, cycle)


@rules.predicate
def is_nominator(user, nomination=None) -> bool:
    return (
        nomination is not None
        and getattr(user, "is_authenticated", False)
        and nomination.submitter_id == user.pk
    )


rules.add_perm("prizes.vote", is_verified)
rules.add_perm("prizes.nominate", is_verified)
rules.add_perm("prizes.revise_nomination", is_nominator)
