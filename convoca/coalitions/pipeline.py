"""Expressions of interest, from the form to membership: received → triaged → contacted →
member | declined, each step by the secretariat, logged, with an owner, a due date and a note.

The form is a call of the consultations app: its deadline, per-person extensions and answers
are checked there (services.submit). A submitted form on a coalition's call becomes, in the same
transaction, an expression of interest of its organization, or joins the one that organization
already has."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from convoca.consultations import services as calls
from convoca.consultations.models import Call, CallKind, CallState, Submission
from convoca.core.audit import log_action
from convoca.stakeholders import services as stakeholders
from convoca.stakeholders.models import FocalPoint, FocalPointState, Organization
from convoca.stakeholders.rules import is_secretariat
from convoca.taxonomy.models import FocusArea

from .dedup import find_existing
from .errors import CoalitionError
from .models import (
    EOI_DECIDED,
    EOI_TRANSITIONS,
    Coalition,
    EmailTemplate,
    EoiState,
    ExpressionOfInterest,
    Member,
    PipelineEmail,
)

FOCUS_AREAS_KEY = "focus_areas"  # the question whose choices are focus area slugs
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Applicant:
    """An organization as an applicant types it."""

    name: str
    stakeholder_type: str
    country: str = ""
    acronym: str = ""
    website: str = ""


@dataclass(frozen=True)
class Outcome:
    expression: ExpressionOfInterest
    submission: Submission
    joined: bool  # the organization was already in the pipeline: this form joined it
    matched: bool  # the organization was already known: no new record was made


def _organization(applicant: Applicant, *, by) -> tuple[Organization, bool]:
    found = find_existing(
        name=applicant.name,
        acronym=applicant.acronym,
        country=applicant.country,
        website=applicant.website,
    )
    if found is not None:
        return found, True
    organization = stakeholders.create_organization(
        by=by,
        name=applicant.name.strip(),
        acronym=applicant.acronym.strip(),
        country=applicant.country,
        stakeholder_type=applicant.stakeholder_type,
        website=applicant.website,
    )
    return organization, False


@transaction.atomic
def express_interest(
    *,
    coalition: Coalition,
    user,
    answers: dict,
    applicant: Applicant | None = None,
    organization: Organization | None = None,
    form_key: str = "",
) -> Outcome:
    """Send the coalition's form for an organization (an existing one, or the one the applicant
    describes, found again if convoca knows it). Before the deadline only; a second form for an
    organization already in the pipeline joins its expression of interest."""
    call = coalition.eoi_call
    if call is None:
        raise CoalitionError(_("This coalition does not take expressions of interest."))
    if organization is None:
        if applicant is None or not applicant.name.strip():
            raise CoalitionError(_("Give the name of your organization."), field="name")
        # Made in this transaction: if the call refuses the form (too late), it is undone too.
        organization, matched = _organization(applicant, by=user)
    else:
        matched = True
    submission = calls.submit(
        call=call,
        user=user,
        organization=organization,
        title=organization.name,
        answers=answers,
        form_key=form_key,
    )
    expression = ExpressionOfInterest.objects.get(coalition=coalition, organization=organization)
    joined = expression.submissions.exclude(pk=submission.pk).exists()
    return Outcome(expression=expression, submission=submission, joined=joined, matched=matched)


def on_submission_submitted(sender, *, submission: Submission, **kwargs) -> None:
    """A form sent on a coalition's call becomes (or joins) its organization's EoI."""
    call = submission.call
    if call.kind != CallKind.EXPRESSION_OF_INTEREST:
        return
    coalition = Coalition.objects.filter(eoi_call=call).first()
    if coalition is None:
        return
    if submission.organization_id is None:
        raise CoalitionError(
            _("An expression of interest is sent for an organization: choose yours."),
            code="organization",
        )
    expression, created = ExpressionOfInterest.objects.get_or_create(
        coalition=coalition,
        organization_id=submission.organization_id,
        defaults={"contact": submission.submitter},
    )
    expression.submissions.add(submission)
    slugs = submission.answers.get(FOCUS_AREAS_KEY) or []
    if isinstance(slugs, str):
        slugs = [slugs]
    expression.focus_areas.add(*FocusArea.objects.filter(slug__in=slugs))
    log_action(
        expression,
        "coalitions.eoi.received" if created else "coalitions.eoi.joined",
        by=submission.submitter,
        data={"submission": submission.pk},
    )


@transaction.atomic
def transition(
    *, expression: ExpressionOfInterest, to: str, by, note: str = ""
) -> ExpressionOfInterest:
    """Move an EoI along EOI_TRANSITIONS. Becoming a member makes the organization a member of
    the coalition and its applicants approved focal points, so they can pledge."""
    locked = (
        ExpressionOfInterest.objects.select_for_update()
        .select_related("coalition", "organization")
        .get(pk=expression.pk)
    )
    previous = locked.state
    if to not in EOI_TRANSITIONS[previous]:
        raise CoalitionError(
            _("An expression of interest cannot go from “%(from)s” to “%(to)s”.")
            % {"from": EoiState(previous).label, "to": EoiState(to).label},
            code="transition",
        )
    locked.state = to
    locked.decided_at = timezone.now() if to in EOI_DECIDED else None
    if note.strip():
        locked.next_step = note.strip()
    locked.save()
    if to == EoiState.MEMBER:
        _admit(locked, by=by)
    log_action(
        locked,
        "coalitions.eoi.transitioned",
        by=by,
        data={"from": previous, "to": to, "note": note.strip()},
    )
    return locked


def _admit(expression: ExpressionOfInterest, *, by) -> None:
    _member, _created = Member.objects.get_or_create(
        coalition=expression.coalition,
        organization=expression.organization,
        defaults={"joined_on": timezone.localdate(), "expression": expression},
    )
    applicants = {s.submitter for s in expression.submissions.select_related("submitter")}
    if expression.contact:
        applicants.add(expression.contact)
    for user in applicants:
        focal_point = FocalPoint.objects.filter(
            user=user,
            organization=expression.organization,
            state__in=[FocalPointState.REQUESTED, FocalPointState.APPROVED],
        ).first()
        if focal_point is None:
            focal_point = FocalPoint.objects.create(
                user=user,
                organization=expression.organization,
                reason=_("Applied for %(coalition)s membership.")
                % {"coalition": expression.coalition},
            )
            log_action(focal_point, "stakeholders.focal_point.requested", by=user)
        if focal_point.state == FocalPointState.REQUESTED:
            stakeholders.transition_focal_point(
                focal_point=focal_point, to=FocalPointState.APPROVED, by=by
            )


@transaction.atomic
def follow_up(
    *,
    expression: ExpressionOfInterest,
    by,
    owner=None,
    due_on: dt.date | None = None,
    next_step: str = "",
) -> ExpressionOfInterest:
    """Who in the secretariat follows the EoI up, by when, and what comes next."""
    locked = ExpressionOfInterest.objects.select_for_update().get(pk=expression.pk)
    if owner is not None and not is_secretariat(owner, locked.coalition):
        raise CoalitionError(_("The owner must be in the coalition's secretariat."), field="owner")
    locked.owner, locked.due_on, locked.next_step = owner, due_on, next_step.strip()
    locked.save(update_fields=["owner", "due_on", "next_step", "updated_at"])
    log_action(
        locked,
        "coalitions.eoi.followed_up",
        by=by,
        data={"owner": getattr(owner, "email", None), "due_on": due_on, "next_step": next_step},
    )
    return locked


def _language(user) -> str:
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def compose(expression: ExpressionOfInterest, template: str, *, note: str = "") -> dict:
    """Subject and body of a pipeline mail, in the contact person's language."""
    contact = expression.contact
    language = _language(contact)
    with translation.override(language):
        context = {
            "expression": expression,
            "coalition": expression.coalition,
            "organization": expression.organization,
            "name": (contact.get_full_name() if contact else "") or _("Sir or Madam"),
            "note": note.strip(),
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string(f"coalitions/mail/{template}_subject.txt", context)
        body = render_to_string(f"coalitions/mail/{template}.txt", context)
    return {"subject": " ".join(subject.split()), "body": body.strip() + "\n", "language": language}


@transaction.atomic
def send_email(
    *, expression: ExpressionOfInterest, template: str, by, note: str = ""
) -> PipelineEmail:
    """Mail the applicant one of the pipeline's templates, in their language, once the
    transaction commits; the mail is kept on the EoI as sent."""
    if template not in EmailTemplate.values:
        raise CoalitionError(_("Choose one of the email templates."), field="template")
    expression = ExpressionOfInterest.objects.select_related(
        "coalition", "organization", "contact"
    ).get(pk=expression.pk)
    if expression.contact is None:
        raise CoalitionError(_("This expression of interest has no contact person to write to."))
    mail = compose(expression, template, note=note)
    email = PipelineEmail.objects.create(
        expression=expression,
        template=template,
        to=expression.contact.email,
        sent_by=by,
        **mail,
    )
    log_action(expression, "coalitions.eoi.emailed", by=by, data={"template": template})
    from .tasks import send_pipeline_email

    transaction.on_commit(lambda: send_pipeline_email.enqueue(email.pk))
    return email


def deliver(email_id: int) -> None:
    from django.core.mail import EmailMessage

    email = PipelineEmail.objects.select_related("expression__coalition").get(pk=email_id)
    EmailMessage(
        subject=email.subject,
        body=email.body,
        to=[email.to],
        reply_to=[email.expression.coalition.contact_email],
        headers={"Content-Language": email.language},
    ).send()


@transaction.atomic
def merge(
    *, keep: ExpressionOfInterest, duplicate: ExpressionOfInterest, by
) -> ExpressionOfInterest:
    """Two EoIs turn out to be one organization: the duplicate's forms, focus areas and notes
    join the kept one, and the duplicate organization is merged into the kept organization."""
    if keep.pk == duplicate.pk or keep.coalition_id != duplicate.coalition_id:
        raise CoalitionError(_("Only two expressions of interest of one coalition merge."))
    keep = ExpressionOfInterest.objects.select_for_update().get(pk=keep.pk)
    duplicate = ExpressionOfInterest.objects.select_for_update().get(pk=duplicate.pk)
    if duplicate.state == EoiState.MEMBER:
        raise CoalitionError(
            _("Keep the expression of interest that became a member, and merge the other one in.")
        )
    keep.submissions.add(*duplicate.submissions.all())
    keep.focus_areas.add(*duplicate.focus_areas.all())
    if duplicate.next_step:
        keep.next_step = "\n\n".join(part for part in (keep.next_step, duplicate.next_step) if part)
    keep.contact = keep.contact or duplicate.contact
    keep.save()
    duplicate.emails.update(expression=keep)
    other = duplicate.organization
    log_action(
        keep,
        "coalitions.eoi.merged",
        by=by,
        data={"merged": str(duplicate), "organization": str(other)},
    )
    duplicate.delete()
    if other.pk != keep.organization_id:
        try:
            stakeholders.merge_organizations(keep=keep.organization, duplicate=other, by=by)
        except stakeholders.StakeholderError as error:
            raise CoalitionError(error.message) from error
    return keep


@transaction.atomic
def set_up_eoi_call(
    *,
    coalition: Coalition,
    slug: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    by,
    time_zone: str = "Europe/Zurich",
    title: str = "",
) -> Call:
    """The coalition's call for expressions of interest, open between the two dates, with its
    questions: the focus areas to work in, what the organization would bring, and consent."""
    from modeltranslation.utils import build_localized_fieldname

    from convoca.questionnaires.services import build_questionnaire

    def names(area) -> dict[str, str]:
        return {
            code: getattr(area, build_localized_fieldname("name", code)) or area.name
            for code in LANGUAGE_CODES
        }

    questionnaire = build_questionnaire(
        name=f"{coalition.name}: expression of interest",
        questions=[
            {
                "key": FOCUS_AREAS_KEY,
                "kind": "multiple_choice",
                "label": {
                    "en": "Focus areas you would work in",
                    "fr": "Domaines d'action auxquels vous participeriez",
                    "es": "Esferas de interés en las que participaría",
                },
                "required": True,
                "choices": [
                    {"value": area.slug, "label": names(area)}
                    for area in coalition.focus_areas.all()
                ],
            },
            {
                "key": "contribution",
                "kind": "long_text",
                "label": {
                    "en": "What would your organization bring (resources, partnerships, pledges)?",
                    "fr": (
                        "Qu'apporterait votre organisation "
                        "(ressources, partenariats, engagements) ?"
                    ),
                    "es": "¿Qué aportaría su organización (recursos, asociaciones, compromisos)?",
                },
                "required": True,
            },
            {
                "key": "consent",
                "kind": "consent",
                "label": {
                    "en": "The secretariat may contact me about the coalition.",
                    "fr": "Le secrétariat peut me contacter au sujet de la coalition.",
                    "es": "La secretaría puede contactarme acerca de la coalición.",
                },
                "required": True,
            },
        ],
    )
    call = Call.objects.create(
        kind=CallKind.EXPRESSION_OF_INTEREST,
        slug=slug,
        title=title or _("Join %(coalition)s") % {"coalition": coalition.name},
        opens_at=opens_at,
        closes_at=closes_at,
        time_zone=time_zone,
        questionnaire=questionnaire,
        state=CallState.OPEN,
        requires_organization=True,
    )
    coalition.eoi_call = call
    coalition.save(update_fields=["eoi_call", "updated_at"])
    log_action(coalition, "coalitions.eoi_call.set_up", by=by, data={"call": call.slug})
    return call
