"""Who may do what in a coalition. A denied object answers 404 in views, never 403.

The secretariat of a coalition holds the secretariat role on it (or platform-wide); a pledge
belongs to its organization, whose approved focal points write and report on it."""

import rules

from convoca.stakeholders.rules import always, is_focal_point_of, is_secretariat

__all__ = ["always", "is_secretariat"]


@rules.predicate
def acts_for_pledging_organization(user, pledge) -> bool:
    return pledge is not None and is_focal_point_of(user, pledge.organization)


@rules.predicate
def is_secretariat_of_pledge(user, pledge) -> bool:
    return pledge is not None and is_secretariat(user, pledge.coalition)


@rules.predicate
def is_public_pledge(user, pledge) -> bool:
    return pledge is not None and pledge.state != "draft"


can_change_pledge = acts_for_pledging_organization | is_secretariat_of_pledge
can_view_pledge = is_public_pledge | can_change_pledge

rules.add_perm("coalitions.pledge_for", is_focal_point_of)
