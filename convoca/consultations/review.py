"""Writes for reviewing and deciding: criteria, assignments, reviews, decisions in bulk, and the
one step by which an accepted workshop becomes a draft programme session.

A reviewer never reviews their own organization: the organizations where they are a
stakeholders.Person or an approved focal point, checked when assigning and again when scoring.
Decisions go through `services.transition`, which dates them and queues the translated mail."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action
from convoca.stakeholders.models import FocalPoint, FocalPointState, Person
from convoca.stakeholders.rules import is_reviewer

from . import services
from .errors import NotAllowed
from .models import (
    TRANSITIONS,
    Call,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    Score,
    Submission,
    SubmissionState,
)
from .rules import is_secretariat_of_call

REVIEWABLE_STATES = {SubmissionState.SUBMITTED, SubmissionState.UNDER_REVIEW}
DECISIONS = {SubmissionState.ACCEPTED, SubmissionState.REJECTED}


# --- Conflicts ---------------------------------------------------------------------------------


def organizations_of(user) -> set[int]:
    """The organizations a person belongs to: as a stakeholders.Person or approved focal point."""
    if not getattr(user, "is_authenticated", False):
        return set()
    people = Person.objects.filter(user=user, organization__isnull=False).values_list(
        "organization_id", flat=True
    )
    focal = FocalPoint.objects.filter(user=user, state=FocalPointState.APPROVED).values_list(
        "organization_id", flat=True
    )
    return set(people) | set(focal)


def submission_organizations(submission: Submission) -> set[int]:
    ids = {o.pk for o in submission.co_organizations.all()}
    if submission.organization_id:
        ids.add(submission.organization_id)
    return ids


def conflict(reviewer, submission: Submission, *, own: set[int] | None = None) -> str:
    """Why `reviewer` may not review `submission` (a translated sentence), or ""."""
    if submission.submitter_id == reviewer.pk:
        return _("%(name)s submitted “%(title)s” and cannot review it.") % {
            "name": reviewer,
            "title": submission.title,
        }
    own = organizations_of(reviewer) if own is None else own
    if own & submission_organizations(submission):
        return _(
            "%(name)s belongs to an organization that submitted “%(title)s”: a reviewer never "
            "reviews their own organization."
        ) % {"name": reviewer, "title": submission.title}
    return ""


def _ensure_secretariat(call: Call, by) -> None:
    if not is_secretariat_of_call(by, call):
        raise NotAllowed(_("Only the secretariat of this call can do this."))


# --- Criteria ----------------------------------------------------------------------------------


@transaction.atomic
def add_criterion(
    *, call: Call, name: str, max_score: int = 5, weight: Decimal = Decimal(1), by
) -> ReviewCriterion:
    """A criterion every reviewer of the call scores from 0 to `max_score`."""
    _ensure_secretariat(call, by)
    if not name.strip():
        raise NotAllowed(_("Name the criterion."), code="criterion")
    if max_score < 1:
        raise NotAllowed(_("The highest score must be at least 1."), code="criterion")
    if weight <= 0:
        raise NotAllowed(_("The weight must be more than 0."), code="criterion")
    position = call.criteria.count()
    criterion = ReviewCriterion.objects.create(
        call=call, name=name.strip(), max_score=max_score, weight=weight, position=position
    )
    log_action(
        call,
        "consultations.call.criterion_added",
        by=by,
        data={"criterion": criterion.name, "max_score": max_score, "weight": weight},
    )
    return criterion


@transaction.atomic
def remove_criterion(*, criterion: ReviewCriterion, by) -> None:
    """Only a criterion nobody has scored yet can go: scores already given are never lost."""
    _ensure_secretariat(criterion.call, by)
    if Score.objects.filter(criterion=criterion).exists():
        raise NotAllowed(
            _("Reviewers have already scored “%(name)s”; it cannot be removed.")
            % {"name": criterion.name},
            code="criterion",
        )
    log_action(
        criterion.call,
        "consultations.call.criterion_removed",
        by=by,
        data={"criterion": criterion.name},
    )
    criterion.delete()


# --- Assignments -------------------------------------------------------------------------------


def _start_review(submission: Submission, by) -> None:
    if submission.state == SubmissionState.SUBMITTED:
        services.transition(submission, to=SubmissionState.UNDER_REVIEW, by=by)


@transaction.atomic
def assign_reviewer(*, submission: Submission, reviewer, by) -> ReviewAssignment:
    """Give a submission to a reviewer of its call, never one of its own organization; the
    submission goes under review. Assigning twice changes nothing."""
    call = submission.call
    _ensure_secretariat(call, by)
    if not is_reviewer(reviewer, call):
        raise NotAllowed(
            _("%(name)s is not a reviewer of this call.") % {"name": reviewer}, code="reviewer"
        )
    if submission.state not in REVIEWABLE_STATES:
        raise NotAllowed(
            _("“%(title)s” is %(state)s and can no longer be assigned.")
            % {"title": submission.title, "state": submission.get_state_display().lower()},
            code="state",
        )
    reason = conflict(reviewer, submission)
    if reason:
        raise NotAllowed(reason, code="conflict")
    assignment, created = ReviewAssignment.objects.get_or_create(
        submission=submission, reviewer=reviewer, defaults={"assigned_by": by}
    )
    if created:
        log_action(
            submission,
            "consultations.submission.reviewer_assigned",
            by=by,
            data={"reviewer": reviewer.email},
        )
        _start_review(submission, by)
    return assignment


@transaction.atomic
def unassign_reviewer(*, assignment: ReviewAssignment, by) -> None:
    """Take a submission back from a reviewer who has not sent a review of it yet."""
    submission = assignment.submission
    _ensure_secretariat(submission.call, by)
    if Review.objects.filter(
        submission=submission, reviewer=assignment.reviewer, submitted_at__isnull=False
    ).exists():
        raise NotAllowed(
            _("%(name)s has already reviewed “%(title)s”.")
            % {"name": assignment.reviewer, "title": submission.title},
            code="reviewed",
        )
    Review.objects.filter(submission=submission, reviewer=assignment.reviewer).delete()
    log_action(
        submission,
        "consultations.submission.reviewer_unassigned",
        by=by,
        data={"reviewer": assignment.reviewer.email},
    )
    assignment.delete()


@dataclass
class AutoAssignment:
    created: int = 0
    short: list[Submission] = field(default_factory=list)  # fewer reviewers than asked


@transaction.atomic
def auto_assign(*, call: Call, per_submission: int, by, reviewers: Iterable | None = None):
    """Give every submission under review up to `per_submission` reviewers, always the least
    loaded eligible one first (load = assignments in this call), never a conflicted one."""
    from .selectors import reviewers_for

    _ensure_secretariat(call, by)
    if not 1 <= per_submission <= 20:
        raise NotAllowed(_("Ask for 1 to 20 reviewers per submission."), code="per_submission")
    pool = list(reviewers if reviewers is not None else reviewers_for(call=call))
    if not pool:
        raise NotAllowed(_("This call has no reviewers yet."), code="reviewers")
    Call.objects.select_for_update().get(pk=call.pk)  # two auto-assigns never interleave
    submissions = list(
        Submission.objects.filter(call=call, state__in=REVIEWABLE_STATES)
        .prefetch_related("co_organizations")
        .order_by("submitted_at", "pk")
    )
    assigned: dict[int, set[int]] = defaultdict(set)
    load: dict[int, int] = dict.fromkeys((r.pk for r in pool), 0)
    for submission_id, reviewer_id in ReviewAssignment.objects.filter(
        submission__call=call
    ).values_list("submission_id", "reviewer_id"):
        assigned[submission_id].add(reviewer_id)
        if reviewer_id in load:
            load[reviewer_id] += 1
    own = {reviewer.pk: organizations_of(reviewer) for reviewer in pool}
    eligible = {s.pk: [r for r in pool if not conflict(r, s, own=own[r.pk])] for s in submissions}
    result, new = AutoAssignment(), []
    # The most constrained submissions (fewest eligible reviewers, then fewest assigned) are
    # served first, so the reviewers they cannot have are kept for the others.
    for submission in sorted(submissions, key=lambda s: (len(eligible[s.pk]), len(assigned[s.pk]))):
        needed = per_submission - len(assigned[submission.pk])
        candidates = sorted(
            (r for r in eligible[submission.pk] if r.pk not in assigned[submission.pk]),
            key=lambda r: (load[r.pk], r.pk),
        )
        for reviewer in candidates[: max(needed, 0)]:
            new.append(ReviewAssignment(submission=submission, reviewer=reviewer, assigned_by=by))
            assigned[submission.pk].add(reviewer.pk)
            load[reviewer.pk] += 1
        if len(assigned[submission.pk]) < per_submission:
            result.short.append(submission)
    ReviewAssignment.objects.bulk_create(new)
    result.created = len(new)
    for submission in {a.submission.pk: a.submission for a in new}.values():
        _start_review(submission, by)
    log_action(
        call,
        "consultations.call.auto_assigned",
        by=by,
        data={"per_submission": per_submission, "created": result.created},
    )
    return result


# --- Reviews -----------------------------------------------------------------------------------


def score_key(criterion: ReviewCriterion) -> str:
    """The key under which a score, and its error, travels between the form and this module."""
    return f"criterion_{criterion.pk}"


def weighted_total(criteria: Iterable[ReviewCriterion], values: Mapping[int, int]) -> Decimal:
    """Σ weight × score over the criteria scored."""
    return sum(
        (c.weight * values[c.pk] for c in criteria if values.get(c.pk) is not None),
        Decimal("0"),
    ).quantize(Decimal("0.01"))


@transaction.atomic
def save_review(
    *, submission: Submission, reviewer, scores: Mapping[int, int | None], comment: str, final: bool
) -> Review:
    """Keep an assigned reviewer's scores (each from 0 to its criterion's highest score) and
    comment; `final` sends the review, which then needs every criterion scored. A reviewer of
    the submitting organization is refused, and nothing is saved when anything is wrong."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not ReviewAssignment.objects.filter(submission=locked, reviewer=reviewer).exists():
        raise NotAllowed(_("This submission is not assigned to you."))
    reason = conflict(reviewer, locked)
    if reason:
        raise NotAllowed(reason, code="conflict")
    if locked.state not in REVIEWABLE_STATES:
        raise NotAllowed(
            _("“%(title)s” has been decided; reviews are closed.") % {"title": locked.title},
            code="state",
        )
    criteria = list(locked.call.criteria.all())
    if final and not criteria:
        raise NotAllowed(_("The secretariat has not set the review criteria yet."))
    errors: dict[str, list[str]] = {}
    values: dict[int, int] = {}
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None:
            if final:
                errors[score_key(criterion)] = [_("Give a score for this criterion.")]
            continue
        if not isinstance(value, int) or not 0 <= value <= criterion.max_score:
            errors[score_key(criterion)] = [
                _("Give a score from 0 to %(max)d.") % {"max": criterion.max_score}
            ]
            continue
        values[criterion.pk] = value
    unknown = set(scores) - {c.pk for c in criteria}
    if unknown:
        errors["__all__"] = [_("A score was given for a criterion this call does not have.")]
    if errors:
        raise ValidationError(errors)
    review, created = Review.objects.select_for_update().get_or_create(
        submission=locked, reviewer=reviewer
    )
    sent_before = review.submitted_at is not None
    review.comment = comment.strip()
    review.total = weighted_total(criteria, values)
    if final and not sent_before:
        review.submitted_at = timezone.now()
    review.save()
    Score.objects.filter(review=review).exclude(criterion_id__in=values).delete()
    for criterion_id, value in values.items():
        Score.objects.update_or_create(
            review=review, criterion_id=criterion_id, defaults={"value": value}
        )
    if final:
        action = "revised" if sent_before else "submitted"
        log_action(
            review,
            f"consultations.review.{action}",
            by=reviewer,
            data={"scores": {str(k): v for k, v in values.items()}, "total": review.total},
        )
    elif created:
        log_action(review, "consultations.review.drafted", by=reviewer)
    return review


# --- Decisions ---------------------------------------------------------------------------------


@dataclass
class Decisions:
    decided: list[Submission] = field(default_factory=list)
    refused: list[tuple[Submission, str]] = field(default_factory=list)


@transaction.atomic
def decide_many(
    *, call: Call, submissions: Iterable[int], to: str, by, note: str = ""
) -> Decisions:
    """Accept or reject many submissions of one call at once, each through
    `services.transition` (dated, logged, its translated mail queued after commit). One that
    cannot take the decision is listed with the reason; the others are decided."""
    _ensure_secretariat(call, by)
    if to not in DECISIONS:
        raise NotAllowed(_("Choose to accept or to reject."), code="decision")
    ids = sorted({int(pk) for pk in submissions})
    if not ids:
        raise NotAllowed(_("Tick at least one submission."), code="submissions")
    found = list(Submission.objects.filter(call=call, pk__in=ids).order_by("pk"))
    if len(found) != len(ids):
        raise NotAllowed(_("Some of the ticked submissions are not in this call."))
    result = Decisions()
    for submission in found:
        if submission.state == to:
            continue  # decided already, by an earlier click: nobody is mailed twice
        if to not in TRANSITIONS[submission.state]:
            result.refused.append(
                (
                    submission,
                    _("“%(title)s” is %(state)s and cannot be %(decision)s.")
                    % {
                        "title": submission.title,
                        "state": submission.get_state_display().lower(),
                        "decision": SubmissionState(to).label.lower(),
                    },
                )
            )
            continue
        result.decided.append(services.transition(submission, to=to, by=by, note=note.strip()))
    log_action(
        call,
        "consultations.call.decided_many",
        by=by,
        data={"to": to, "decided": [s.pk for s in result.decided], "note": note.strip()},
    )
    return result


# --- Accepted workshops become sessions ----------------------------------------------------------


def _abstract(submission: Submission) -> str:
    """The first long answer (summary, description…), which is what a programme shows."""
    questions = submission.call.questionnaire.questions.all()
    for question in questions:
        value = submission.answers.get(question.key)
        if question.kind == "long_text" and isinstance(value, str) and value.strip():
            return value.strip()
    return ""


@transaction.atomic
def create_session(*, submission: Submission, session_type, track, by):
    """An accepted workshop proposal becomes a draft (unscheduled, not public) session of the
    consultation's edition, through programme.services.session_from_proposal, the one seam;
    the submission keeps a link to it. Once the programme gives the session a time, the
    submission moves to “scheduled” (see `mark_scheduled`)."""
    from convoca.programme.services import ProgrammeError, session_from_proposal

    locked = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__consultation__edition", "call__questionnaire")
        .get(pk=submission.pk)
    )
    call = locked.call
    _ensure_secretariat(call, by)
    if not call.is_workshop:
        raise NotAllowed(_("Only workshop proposals become programme sessions."))
    if locked.state != SubmissionState.ACCEPTED:
        raise NotAllowed(_("Only an accepted proposal becomes a programme session."))
    if locked.session_id:
        raise NotAllowed(_("This proposal already has a programme session."))
    edition = call.consultation.edition if call.consultation_id else None
    if edition is None:
        raise NotAllowed(_("This consultation belongs to no edition, so it has no programme."))
    try:
        session = session_from_proposal(
            edition=edition,
            title=locked.title,
            abstract=_abstract(locked),
            session_type=session_type,
            track=track,
            organizers=[o for o in [locked.organization] if o]
            + list(locked.co_organizations.all()),
            action_lines=list(locked.action_lines.all()),
            sdgs=list(locked.sdgs.all()),
            by=by,
        )
    except ProgrammeError as error:
        raise NotAllowed(str(error.args[0] if error.args else error)) from error
    locked.session = session
    locked.save(update_fields=["session", "updated_at"])
    log_action(
        locked, "consultations.submission.session_created", by=by, data={"session": session.pk}
    )
    return session


@transaction.atomic
def mark_scheduled(*, submission: Submission, by) -> Submission:
    """An accepted proposal whose session has a time in the programme is “scheduled”."""
    locked = Submission.objects.select_related("session").get(pk=submission.pk)
    if locked.state == SubmissionState.SCHEDULED:
        return locked
    if locked.session is None or locked.session.starts_at is None:
        raise NotAllowed(_("Its programme session has no time yet."), code="not_scheduled")
    return services.transition(locked, to=SubmissionState.SCHEDULED, by=by)


def on_session_saved(sender, instance, **kwargs) -> None:
    """When the programme gives a proposal's session a time, the proposal becomes scheduled,
    in the same transaction as the scheduling (a refused move rolls both back)."""
    if instance.starts_at is None or kwargs.get("raw"):
        return
    waiting = Submission.objects.filter(session=instance, state=SubmissionState.ACCEPTED).first()
    if waiting is not None:
        services.transition(waiting, to=SubmissionState.SCHEDULED, by=None)


post_save.connect(
    on_session_saved, sender="programme.Session", dispatch_uid="consultations.session_scheduled"
)
