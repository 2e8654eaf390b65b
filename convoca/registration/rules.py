"""Who may do what with registrations. Accreditation and check-in staff are roles scoped to an
edition ("accreditation", "check_in"); the secretariat holds both. A denied object is a 404."""

import rules

from convoca.stakeholders.rules import is_secretariat

always = rules.always_allow

ACCREDITATION_ROLE = "accreditation"
CHECK_IN_ROLE = "check_in"


@rules.predicate
def holds_accreditation_role(user, obj=None) -> bool:
    from convoca.stakeholders.selectors import holds_role

    return holds_role(user=user, role=ACCREDITATION_ROLE, on=obj)


@rules.predicate
def holds_check_in_role(user, obj=None) -> bool:
    from convoca.stakeholders.selectors import holds_role

    return holds_role(user=user, role=CHECK_IN_ROLE, on=obj)


is_accreditation_staff = is_secretariat | holds_accreditation_role
# Accreditation staff may also admit people at the venue; check-in staff see no identity data.
is_check_in_staff = is_accreditation_staff | holds_check_in_role

rules.add_perm("registration.register", rules.is_authenticated)
