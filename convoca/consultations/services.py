"""Writes for consultations and calls: drafts, submissions, deadlines and state changes.

Every rule a submitter meets is checked here, on the server, in one transaction with a row
lock on the call, so the web form, the API and a double click all get the same answer."""

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.accounts.models import Gender
from convoca.core.audit import log_action
from convoca.core.models import CountryRegion
from convoca.questionnaires import answers as answer_rules
from convoca.questionnaires.models import Questionnaire
from convoca.stakeholders.models import Organization
from convoca.taxonomy.models import SDG, ActionLine

from . import notifications, signals
from .errors import CallNotOpen, LimitReached, NotAllowed
from .models import (
    CALL_TRANSITIONS,
    COUNTED_STATES,
    DECIDED_STATES,
    TRANSITIONS,
    Call,
    CallState,
    Consultation,
    EventInput,
    Extension,
    Submission,
    SubmissionSpeaker,
    SubmissionState,
)
from .rules import is_secretariat_of_call


@dataclass(frozen=True)
class Speaker:
    name: str
    organization_name: str = ""
    country: str = ""
    gender: str = ""
    email: str = ""


def deadline_for(call: Call, user) -> "timezone.datetime":
    """The call's deadline, or the later one the secretariat granted this person."""
    extension = (
        Extension.objects.filter(call=call, user=user).values_list("closes_at", flat=True).first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    return max(call.closes_at, extension) if extension else call.closes_at


def accepts(call: Call, user, *, at=None) -> bool:
    at = at or timezone.now()
    return call.state == CallState.OPEN and call.opens_at <= at < deadline_for(call, user)


def lacks_woman_speaker(speakers: Iterable) -> bool:
    """Seed 002 asks every session to name at least one woman speaker."""
    return not any(getattr(s, "gender", None) == Gender.WOMAN for s in speakers)


def _viewer_zone(user) -> zoneinfo.ZoneInfo:
    return getattr(user, "zone", None) or zoneinfo.ZoneInfo("UTC")


def _ensure_open(call: Call, user) -> None:
    deadline = deadline_for(call, user)
    if not accepts(call, user):
        raise CallNotOpen(call, deadline=deadline, viewer_zone=_viewer_zone(user))


def _ensure_organization(call: Call, user, organization: Organization | None) -> None:
    if call.requires_organization and organization is None:
        raise NotAllowed(_("Choose the organization you submit for."), code="organization")


def _ensure_within_limits(call: Call, user, organization, *, excluding: int | None) -> None:
    counted = call.submissions.filter(state__in=COUNTED_STATES).exclude(pk=excluding)
    if call.limit_per_submitter and counted.filter(submitter=user).count() >= (
        call.limit_per_submitter
    ):
        raise LimitReached(call.limit_per_submitter)
    if (
        organization is not None
        and call.limit_per_organization
        and counted.filter(organization=organization).count() >= call.limit_per_organization
    ):
        raise LimitReached(call.limit_per_organization, per_organization=True)


def _fill(
    submission: Submission,
    *,
    title: str,
    answers: dict,
    organization,
    format: str,
    speakers: Sequence[Speaker] | None,
    action_lines: Iterable[ActionLine] | None,
    sdgs: Iterable[SDG] | None,
    co_organizations: Iterable[Organization] | None,
) -> None:
    submission.title = title.strip() or _("Untitled")
    submission.answers = answers
    submission.organization = organization
    submission.format = format
    submission.save()
    if speakers is not None:
        submission.speakers.all().delete()
        SubmissionSpeaker.objects.bulk_create(
            SubmissionSpeaker(submission=submission, position=i, **vars(s))
            for i, s in enumerate(speakers)
        )
    if action_lines is not None:
        submission.action_lines.set(action_lines)
    if sdgs is not None:
        submission.sdgs.set(sdgs)
    if co_organizations is not None:
        submission.co_organizations.set(
            [o for o in co_organizations if organization is None or o.pk != organization.pk]
        )


def _own_draft(
    submission: Submission | None, *, call: Call, user, form_key: str = ""
) -> Submission | None:
    """The caller's submission, locked; only a draft can still change. A form sent twice
    (its key already used) finds the submission the first sending made."""
    if submission is None and form_key:
        submission = Submission.objects.filter(submitter=user, form_key=form_key).first()
    if submission is None:
        return None
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.call_id != call.pk or locked.submitter_id != user.pk:
        raise NotAllowed(_("This submission is not yours."))
    return locked


@transaction.atomic
def save_draft(
    *,
    call: Call,
    user,
    title: str,
    answers: dict,
    organization: Organization | None = None,
    submission: Submission | None = None,
    format: str = "",
    speakers: Sequence[Speaker] | None = None,
    action_lines: Iterable[ActionLine] | None = None,
    sdgs: Iterable[SDG] | None = None,
    co_organizations: Iterable[Organization] | None = None,
    form_key: str = "",
) -> Submission:
    """Keep what was typed while the call is open for this person; nothing is checked beyond
    that, so half-filled work is never lost."""
    Call.objects.select_for_update().get(pk=call.pk)
    _ensure_open(call, user)
    submission = _own_draft(submission, call=call, user=user, form_key=form_key)
    if submission is not None and not submission.is_editable:
        if form_key and submission.form_key == form_key:
            return submission  # the same form sent again after it was submitted
        raise NotAllowed(_("This submission has been sent and can no longer be edited."))
    created = submission is None
    submission = submission or Submission(call=call, submitter=user, form_key=form_key)
    _fill(
        submission,
        title=title,
        answers=answers,
        organization=organization,
        format=format,
        speakers=speakers,
        action_lines=action_lines,
        sdgs=sdgs,
        co_organizations=co_organizations,
    )
    if created:
        log_action(submission, "consultations.submission.drafted", by=user)
    return submission


@transaction.atomic
def submit(
    *,
    call: Call,
    user,
    title: str,
    answers: dict,
    organization: Organization | None = None,
    submission: Submission | None = None,
    format: str = "",
    speakers: Sequence[Speaker] | None = None,
    action_lines: Iterable[ActionLine] | None = None,
    sdgs: Iterable[SDG] | None = None,
    co_organizations: Iterable[Organization] | None = None,
    form_key: str = "",
) -> Submission:
    """Send a submission before this person's deadline, within the call's limits, with every
    required answer; sending the same draft twice answers the already-sent submission."""
    Call.objects.select_for_update().get(pk=call.pk)
    submission = _own_draft(submission, call=call, user=user, form_key=form_key)
    if submission is not None and not submission.is_editable:
        return submission  # a double click: the first one already sent it
    _ensure_open(call, user)
    _ensure_organization(call, user, organization)
    _ensure_within_limits(call, user, organization, excluding=submission.pk if submission else None)
    answers = answer_rules.validate(call.questionnaire, answers, stored=answers)
    if not title.strip():
        raise NotAllowed(_("Give your submission a title."), code="title")
    named = speakers
    if named is None and submission is not None:
        named = list(submission.speakers.all())  # the draft's speakers, kept as they are
    if call.is_workshop and named is not None:
        if not named:
            raise NotAllowed(_("Name at least one speaker."), code="speakers")
        if call.gender_balance_blocks and lacks_woman_speaker(named):
            raise NotAllowed(
                _("Name at least one woman speaker: this call requires gender balance."),
                code="gender_balance",
            )
    submission = submission or Submission(call=call, submitter=user, form_key=form_key)
    submission.state = SubmissionState.SUBMITTED
    submission.submitted_at = timezone.now()
    _fill(
        submission,
        title=title,
        answers=answers,
        organization=organization,
        format=format,
        speakers=speakers,
        action_lines=action_lines,
        sdgs=sdgs,
        co_organizations=co_organizations,
    )
    log_action(submission, "consultations.submission.submitted", by=user)
    signals.submission_submitted.send(sender=Call, submission=submission)
    notifications.submission_received(submission)
    return submission


@transaction.atomic
def transition(submission: Submission, *, to: str, by, note: str = "") -> Submission:
    """Move a submission along its state machine; decisions are dated, noted and mailed."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    previous = locked.state
    if to == previous:
        return locked
    if to not in TRANSITIONS[previous]:
        raise NotAllowed(
            _("A submission cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": SubmissionState(previous).label,
                "to": SubmissionState(to).label,
            },
            code="transition",
        )
    if (
        to == SubmissionState.WITHDRAWN
        and by.pk != locked.submitter_id
        and not is_secretariat_of_call(by, locked.call)
    ):
        raise NotAllowed(_("Only the submitter can withdraw a submission."))
    locked.state = to
    if to in DECIDED_STATES and locked.decided_at is None:
        locked.decided_at = timezone.now()
    if note:
        locked.decision_note = note
    if to == SubmissionState.SUBMITTED:
        locked.submitted_at = timezone.now()
    locked.save()
    log_action(
        locked,
        "consultations.submission.transitioned",
        by=by,
        data={"from": previous, "to": to, "note": note},
    )
    signals.submission_transitioned.send(sender=Call, submission=locked, previous=previous, by=by)
    if to in {SubmissionState.ACCEPTED, SubmissionState.REJECTED}:
        notifications.decision(locked)
    return locked


@transaction.atomic
def transition_call(call: Call, *, to: str, by) -> Call:
    """Open, close or decide a call, following the call state machine."""
    locked = Call.objects.select_for_update().get(pk=call.pk)
    if to not in CALL_TRANSITIONS[locked.state]:
        raise NotAllowed(
            _("A call cannot go from “%(from)s” to “%(to)s”.")
            % {"from": CallState(locked.state).label, "to": CallState(to).label},
            code="transition",
        )
    previous, locked.state = locked.state, to
    locked.save(update_fields=["state", "updated_at"])
    log_action(locked, "consultations.call.transitioned", by=by, data={"from": previous, "to": to})
    return locked


@transaction.atomic
def grant_extension(*, call: Call, user, closes_at, by, reason: str = "") -> Extension:
    """A later deadline for one person; it never shortens the call's own deadline."""
    if closes_at <= call.closes_at:
        raise NotAllowed(_("An extension must end after the call's deadline."), code="extension")
    extension, _created = Extension.objects.update_or_create(
        call=call, user=user, defaults={"closes_at": closes_at, "reason": reason, "granted_by": by}
    )
    log_action(
        call,
        "consultations.call.extension_granted",
        by=by,
        data={"user": user.email, "closes_at": closes_at, "reason": reason},
    )
    return extension


@transaction.atomic
def submit_input(*, consultation, user, form) -> EventInput:
    """A regional or national event's outcome, listed publicly as an input to the consultation."""
    event_input = form.save(commit=False)
    event_input.consultation = consultation
    event_input.submitted_by = user
    if event_input.region is None and event_input.country:
        event_input.region = itu_region_of(event_input.country)
    event_input.save()
    form.save_m2m()
    log_action(event_input, "consultations.input.submitted", by=user)
    return event_input


def itu_region_of(country: str):
    link = CountryRegion.objects.filter(country=country).select_related("itu_region").first()
    return link.itu_region if link else None


@transaction.atomic
def save_consultation(*, form, phases, by) -> Consultation:
    """A consultation with its phases, as the secretariat typed them."""
    created = form.instance.pk is None
    consultation = form.save()
    phases.instance = consultation
    phases.save()
    log_action(
        consultation,
        "consultations.consultation.created" if created else "consultations.consultation.changed",
        by=by,
        data={"phases": [phase.title for phase in consultation.phases.all()]},
    )
    return consultation


@transaction.atomic
def save_call(*, form, consultation, by) -> Call:
    """A call of a consultation; a new one gets an empty questionnaire to write its questions."""
    call = form.save(commit=False)
    created = call.pk is None
    if created:
        call.consultation = consultation
        call.questionnaire = Questionnaire.objects.create(name=call.title_en or call.title)
    call.save()
    log_action(
        call, "consultations.call.created" if created else "consultations.call.changed", by=by
    )
    return call
