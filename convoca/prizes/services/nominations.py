"""Nominations: made from a submitted nomination form, then validated, sent back for changes
or rejected by the secretariat (with an email each time), and put on the ballot."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.consultations.models import CallKind, Submission
from convoca.core.audit import log_action
from convoca.taxonomy.models import SDG, ActionLine

from .. import notifications
from ..errors import PrizeError
from ..models import TRANSITIONS, Nomination, NominationState, PrizeCycle

MAILED = {
    NominationState.VALIDATED,
    NominationState.CHANGES_REQUESTED,
    NominationState.REJECTED,
}


def _links(answers: dict) -> list[str]:
    return [url for url in (answers.get("website"), answers.get("video")) if url]


def nomination_from_submission(*, submission: Submission) -> Nomination | None:
    """The nomination a submitted prize form makes (runs inside the submit transaction, so a
    refusal here refuses the submission). Other calls' submissions are not ours: None."""
    call = submission.call
    if call.kind != CallKind.PRIZE_NOMINATION:
        return None
    cycle = PrizeCycle.objects.filter(nomination_call=call).first()
    if cycle is None:
        return None
    answers = submission.answers or {}
    category = cycle.categories.filter(slug=answers.get("category", "")).first()
    if category is None:
        raise PrizeError(_("Choose one of the prize categories."), code="category")
    if submission.organization_id is None:
        raise PrizeError(_("Choose the organization you nominate for."), code="organization")
    image = answers.get("image") or {}
    nomination, _created = Nomination.objects.update_or_create(
        submission=submission,
        defaults={
            "cycle": cycle,
            "category": category,
            "organization_id": submission.organization_id,
            "submitter_id": submission.submitter_id,
            "title": submission.title,
            "description": answers.get("description", ""),
            "countries": answers.get("countries") or [],
            "image": image.get("path", "") if isinstance(image, dict) else "",
            "links": _links(answers),
            "contact_name": answers.get("contact_name", ""),
            "contact_email": answers.get("contact_email", ""),
        },
    )
    nomination.action_lines.set(
        ActionLine.objects.filter(code__in=answers.get("action_lines") or [])
    )
    nomination.sdgs.set(SDG.objects.filter(number__in=answers.get("sdgs") or []))
    log_action(nomination, "prizes.nomination.submitted", by=submission.submitter)
    return nomination


@transaction.atomic
def transition(nomination: Nomination, *, to: str, by, note: str = "") -> Nomination:
    """Move a nomination along its state machine; validation, a request for changes and a
    rejection are mailed to the nominator, with the secretariat's note."""
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    previous = locked.state
    if to not in TRANSITIONS[previous]:
        raise PrizeError(
            _("A nomination cannot go from “%(from)s” to “%(to)s”.")
            % {"from": NominationState(previous).label, "to": NominationState(to).label},
            code="transition",
        )
    if to == NominationState.CHANGES_REQUESTED and not note.strip():
        raise PrizeError(_("Say what should change."), code="note")
    locked.state = to
    if note:
        locked.decision_note = note.strip()
    locked.save(update_fields=["state", "decision_note", "updated_at"])
    log_action(
        locked,
        "prizes.nomination.transitioned",
        by=by,
        data={"from": previous, "to": to, "note": note},
    )
    if to in MAILED:
        notifications.nomination_decided(locked)
    return locked


@transaction.atomic
def revise_nomination(
    *, nomination: Nomination, by, title: str, description: str, links: list[str],
    contact_name: str, contact_email: str,
) -> Nomination:  # fmt: skip
    """The nominator answers a request for changes; the nomination goes back to validation."""
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.submitter_id != by.pk:
        raise PrizeError(_("Only the nominator can revise this nomination."))
    if locked.state != NominationState.CHANGES_REQUESTED:
        raise PrizeError(
            _("This nomination can only be changed when the secretariat asks for changes."),
            code="transition",
        )
    if timezone.now() >= locked.cycle.voting_opens_at:
        raise PrizeError(_("Public voting has begun: nominations can no longer change."))
    locked.title = title.strip()
    locked.description = description.strip()
    locked.links = [link for link in links if link]
    locked.contact_name = contact_name.strip()
    locked.contact_email = contact_email.strip()
    locked.state = NominationState.SUBMITTED
    locked.save()
    log_action(locked, "prizes.nomination.revised", by=by)
    return locked


@transaction.atomic
def put_on_ballot(*, cycle: PrizeCycle, by) -> int:
    """Every validated nomination goes on its category's ballot, before public voting ends."""
    if timezone.now() >= cycle.voting_closes_at:
        raise PrizeError(_("Public voting has ended: the ballot can no longer change."))
    ids = list(
        Nomination.objects.select_for_update()
        .filter(cycle=cycle, state=NominationState.VALIDATED)
        .values_list("pk", flat=True)
    )
    Nomination.objects.filter(pk__in=ids).update(
        state=NominationState.ON_BALLOT, updated_at=timezone.now()
    )
    log_action(cycle, "prizes.ballot.published", by=by, data={"nominations": ids})
    return len(ids)
