"""Who may do what with consultations, calls and submissions. A denied object answers 404."""

import rules

from convoca.stakeholders.rules import is_focal_point_of, is_reviewer, is_secretariat, is_verified


@rules.predicate
def is_secretariat_of_call(user, call) -> bool:
    return is_secretariat(user, call)


@rules.predicate
def is_submitter(user, submission) -> bool:
    return getattr(user, "is_authenticated", False) and submission.submitter_id == user.pk


@rules.predicate
def acts_for_submitting_organization(user, submission) -> bool:
    return submission.organization_id is not None and is_focal_point_of(
        user, submission.organization
    )


@rules.predicate
def is_assigned_reviewer(user, submission) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and submission.assignments.filter(reviewer=user).exists()
    )


@rules.predicate
def is_reviewer_of_call(user, call) -> bool:
    return is_reviewer(user, call)


can_view_submission = (
    is_submitter
    | acts_for_submitting_organization
    | is_assigned_reviewer
    | (rules.predicate(lambda user, submission: is_secretariat(user, submission.call)))
)
can_manage_call = is_secretariat_of_call

rules.add_perm("consultations.submit", is_verified)
rules.add_perm("consultations.set_up", is_secretariat)

rules.add_perm("consultations.view_submission", can_view_submission)
rules.add_perm("consultations.manage_call", can_manage_call)
rules.add_perm("consultations.review_submission", is_assigned_reviewer)
