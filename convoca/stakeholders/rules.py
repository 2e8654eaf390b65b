"""Object-level permissions. A denied object answers 404 in views, never 403."""

import rules

always = rules.always_allow


@rules.predicate
def is_secretariat(user, obj=None) -> bool:
    from .selectors import holds_role

    return holds_role(user=user, role="secretariat", on=obj)


@rules.predicate
def is_reviewer(user, obj=None) -> bool:
    from .selectors import holds_role

    return holds_role(user=user, role="reviewer", on=obj)


@rules.predicate
def is_jury_member(user, obj=None) -> bool:
    from .selectors import holds_role

    return holds_role(user=user, role="jury", on=obj)


@rules.predicate
def is_focal_point_of(user, organization=None) -> bool:
    from .selectors import approved_focal_point

    if organization is None:
        return False
    return approved_focal_point(user=user, organization=organization)


@rules.predicate
def is_verified(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_verified_email)


can_manage_organization = is_focal_point_of | is_secretariat

rules.add_perm("core.view_history", is_secretariat)
rules.add_perm("stakeholders.request_focal_point", is_verified)
rules.add_perm("stakeholders.decide_focal_points", is_secretariat)
