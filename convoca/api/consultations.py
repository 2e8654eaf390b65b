"""Consultations in the API: the public open consultations with their dated phases and their
calls, and submissions to a call for the holder of a token.

A submission sent here goes through the very services the web form calls (`save_draft`,
`submit`), so both refuse the same things with the same words, in the language of the
Accept-Language header. What the body says wrongly answers 422 with one entry per field; a call
that does not take submissions now (closed, not yet open, limit reached) answers 409 with the
deadline in the call's time zone and in the caller's. Times are ISO 8601 in the time zone each
is announced in, with its offset.
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as FieldErrors
from ninja.pagination import PageNumberPagination, paginate

from convoca.accounts.models import Gender
from convoca.consultations import services
from convoca.consultations.models import (
    Call,
    CallState,
    Consultation,
    EventInput,
    Phase,
    Submission,
    SubmissionState,
)
from convoca.programme.models import EditionFormat
from convoca.questionnaires import answers as answer_rules
from convoca.stakeholders.models import Organization
from convoca.stakeholders.selectors import organizations_for
from convoca.taxonomy.models import SDG, ActionLine

from .auth import token_auth
from .schemas import Country, Error, Translated, ValidationErrorOut, responses, translations

router = Router(tags=["consultations"])

ACTION_LINE = r"^[Cc](1[01]|[1-9])(\.[1-9])?$"
# Refusals that no change to the body would cure: the call's dates, state and limits.
CONFLICTS = {"call_closed", "limit_reached", "transition", "not_allowed"}
# Which body field a service's refusal is about, by its code.
FIELD_OF_CODE = {
    "organization": "organization",
    "speakers": "speakers",
    "gender_balance": "speakers",
}


def _absolute(context, url: str) -> str:
    return context["request"].build_absolute_uri(url) if url else ""


# --- Reading ---------------------------------------------------------------------------------


class ChoiceOut(Schema):
    value: str
    label: str


class QuestionOut(Schema):
    key: str
    kind: str
    label: str
    help_text: str
    required: bool
    choices: list[ChoiceOut] = Field(..., description="for choice questions, in your language")

    @staticmethod
    def resolve_choices(obj):
        return [{"value": value, "label": label} for value, label in obj.choice_pairs()]


class CallOut(Schema):
    id: int
    slug: str
    kind: str
    title: str
    description: str
    opens_at: dt.datetime = Field(..., description="ISO 8601 in the call's time zone")
    closes_at: dt.datetime = Field(..., description="the deadline, in the call's time zone")
    time_zone: str
    state: str
    is_open: bool = Field(..., description="takes submissions right now")
    binding: bool
    requires_organization: bool
    gender_balance_blocks: bool = Field(
        ..., description="a workshop proposal without a woman speaker is refused"
    )
    limit_per_submitter: int | None
    limit_per_organization: int | None
    questions: list[QuestionOut]
    url: str

    @staticmethod
    def resolve_opens_at(obj):
        return obj.opens_at.astimezone(obj.zone)

    @staticmethod
    def resolve_closes_at(obj):
        return obj.closes_at.astimezone(obj.zone)

    @staticmethod
    def resolve_is_open(obj):
        return obj.is_open

    @staticmethod
    def resolve_questions(obj):
        return list(obj.questionnaire.questions.all())

    @staticmethod
    def resolve_url(obj, context):
        return _absolute(context, obj.get_absolute_url())


class DocumentOut(Schema):
    title: str
    url: str

    @staticmethod
    def resolve_url(obj, context):
        return _absolute(context, obj.href)


class PhaseOut(Schema):
    number: int
    kind: str
    title: str
    description: str
    starts_at: dt.datetime = Field(..., description="ISO 8601 in the phase's time zone")
    ends_at: dt.datetime | None
    time_zone: str
    venue: str
    join_url: str
    remote_participation: bool
    outcome: str = Field(..., description="summary of what the meeting concluded, once held")
    documents: list[DocumentOut]

    @staticmethod
    def resolve_starts_at(obj):
        return obj.starts_at.astimezone(_phase_zone(obj))

    @staticmethod
    def resolve_ends_at(obj):
        return obj.ends_at.astimezone(_phase_zone(obj)) if obj.ends_at else None

    @staticmethod
    def resolve_time_zone(obj):
        return obj.zone_name

    @staticmethod
    def resolve_documents(obj):
        return list(obj.documents.all())


def _phase_zone(phase: Phase) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(phase.zone_name)


class ConsultationTexts(Schema):
    title: Translated
    description: Translated


class ConsultationOut(Schema):
    slug: str
    title: str
    description: str
    translations: ConsultationTexts
    edition: str | None = Field(None, description="slug of the edition it prepares")
    time_zone: str
    url: str
    phases: list[PhaseOut]
    calls: list[CallOut] = Field(..., description="calls that are or were open, by deadline")

    @staticmethod
    def resolve_translations(obj):
        return {
            "title": translations(obj, "title"),
            "description": translations(obj, "description"),
        }

    @staticmethod
    def resolve_edition(obj):
        return obj.edition.slug if obj.edition_id else None

    @staticmethod
    def resolve_url(obj, context):
        return _absolute(context, obj.get_absolute_url())

    @staticmethod
    def resolve_phases(obj):
        return list(obj.phases.all())

    @staticmethod
    def resolve_calls(obj):
        return list(obj.calls.all())


class EventInputOut(Schema):
    event_name: str
    event_date: dt.date
    city: str
    country: Country | None
    region: str | None = Field(None, description="name of the region, in your language")
    organization: str | None = Field(None, description="slug of the organizer")
    summary: str
    url: str
    action_lines: list[str]

    @staticmethod
    def resolve_country(obj):
        if not obj.country:
            return None
        return {"code": obj.country.code, "name": str(obj.country.name)}

    @staticmethod
    def resolve_region(obj):
        return obj.region.name if obj.region_id else None

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.slug if obj.organization_id else None

    @staticmethod
    def resolve_url(obj, context):
        return _absolute(context, obj.document.url if obj.document else obj.url)

    @staticmethod
    def resolve_action_lines(obj):
        return [line.code for line in obj.action_lines.all()]


class ConsultationDetailOut(ConsultationOut):
    inputs: list[EventInputOut] = Field(..., description="outcomes of regional/national events")

    @staticmethod
    def resolve_inputs(obj):
        return list(obj.inputs.all())


class ConsultationFilter(Schema):
    edition: str = Field("", max_length=100, description="edition slug")
    open_call: bool | None = Field(None, description="true: only those with a call open now")
    q: str = Field("", max_length=200, description="words in the title")


def _public_consultations():
    calls = (
        Call.objects.exclude(state=CallState.DRAFT)
        .select_related("questionnaire")
        .prefetch_related("questionnaire__questions")
        .order_by("closes_at", "pk")
    )
    return (
        Consultation.objects.filter(is_public=True)
        .select_related("edition")
        .prefetch_related(
            Prefetch("phases", queryset=Phase.objects.prefetch_related("documents")),
            Prefetch("calls", queryset=calls),
        )
    )


@router.get("/consultations", response=responses(list[ConsultationOut]))
@paginate(PageNumberPagination)
def list_consultations(request, filters: Query[ConsultationFilter]):
    """Public open consultations, the newest first, each with its dated phases and its calls
    (questions included), titles in the Accept-Language language."""
    found = _public_consultations()
    if filters.edition:
        found = found.filter(edition__slug=filters.edition)
    if filters.q:
        found = found.filter(title__icontains=filters.q)
    if filters.open_call is not None:
        now = timezone.now()
        open_now = Call.objects.filter(
            consultation=OuterRef("pk"),
            state=CallState.OPEN,
            opens_at__lte=now,
            closes_at__gt=now,
        )
        found = found.filter(Exists(open_now) if filters.open_call else ~Exists(open_now))
    return found.order_by("-created_at", "-pk")


@router.get("/consultations/{slug}", response=responses(ConsultationDetailOut, found=True))
def get_consultation(request, slug: str):
    """One public consultation, with the outcomes of regional and national events as inputs."""
    inputs = EventInput.objects.filter(is_public=True).select_related("region", "organization")
    return get_object_or_404(
        _public_consultations().prefetch_related(
            Prefetch("inputs", queryset=inputs.prefetch_related("action_lines"))
        ),
        slug=slug,
    )


# --- Submitting ------------------------------------------------------------------------------


class SpeakerIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    organization: str = Field("", max_length=300)
    country: str = Field("", pattern=r"^(|[A-Za-z]{2})$", description="ISO 3166 code")
    gender: Gender | None = Field(None, description="self-declared; feeds the balance check")


class SubmissionIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    answers: dict[str, Any] = Field(default_factory=dict, description="keyed by question key")
    organization: str | None = Field(None, description="slug of an organization you act for")
    co_organizations: list[str] = Field(default_factory=list, description="organization slugs")
    format: EditionFormat | None = None
    speakers: list[SpeakerIn] = Field(default_factory=list, description="for workshop calls")
    action_lines: list[Annotated[str, Field(pattern=ACTION_LINE)]] = Field(
        default_factory=list, examples=[["C1", "C7.4"]]
    )
    sdgs: list[Annotated[int, Field(ge=1, le=17)]] = Field(default_factory=list)
    draft: bool = Field(False, description="true: keep it as a draft, nothing checked yet")


class CallRef(Schema):
    id: int
    slug: str
    kind: str
    title: str


class SpeakerOut(Schema):
    name: str
    organization: str
    country: str
    gender: str

    @staticmethod
    def resolve_organization(obj):
        return obj.organization_name

    @staticmethod
    def resolve_country(obj):
        return obj.country.code or ""


class SubmissionOut(Schema):
    id: int
    call: CallRef
    title: str
    state: str
    organization: str | None
    co_organizations: list[str]
    format: str
    answers: dict[str, Any]
    speakers: list[SpeakerOut]
    action_lines: list[str]
    sdgs: list[int]
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    decision_note: str
    editable: bool = Field(..., description="a draft: it can still change")
    url: str

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.slug if obj.organization_id else None

    @staticmethod
    def resolve_co_organizations(obj):
        return [organization.slug for organization in obj.co_organizations.all()]

    @staticmethod
    def resolve_speakers(obj):
        return list(obj.speakers.all())

    @staticmethod
    def resolve_action_lines(obj):
        return [line.code for line in obj.action_lines.all()]

    @staticmethod
    def resolve_sdgs(obj):
        return [goal.number for goal in obj.sdgs.all()]

    @staticmethod
    def resolve_editable(obj):
        return obj.is_editable

    @staticmethod
    def resolve_url(obj, context):
        return _absolute(context, obj.get_absolute_url())


WRITE_RESPONSES = {401: Error, 404: Error, 409: Error, 422: ValidationErrorOut}


def _submissions():
    return Submission.objects.select_related("call", "organization").prefetch_related(
        "co_organizations", "speakers", "action_lines", "sdgs"
    )


def _field_error(field: str, message: str, *, key: str | None = None, kind="invalid") -> dict:
    loc = ["body", "payload", field] + ([key] if key is not None else [])
    return {"loc": loc, "msg": str(message), "type": kind}


def _values(user, call: Call, payload: SubmissionIn) -> dict:
    """The service's arguments, looked up from the body's slugs and codes; anything unknown
    answers 422 naming the field, before anything is written."""
    errors = []
    organization = None
    if payload.organization:
        organization = organizations_for(user=user).filter(slug=payload.organization).first()
        if organization is None:
            errors.append(_field_error("organization", _("You do not act for this organization.")))
    co_organizations = list(Organization.objects.filter(slug__in=payload.co_organizations))
    for slug in sorted(set(payload.co_organizations) - {o.slug for o in co_organizations}):
        errors.append(_field_error("co_organizations", _("Unknown organization."), key=slug))
    codes = [code.upper() for code in payload.action_lines]
    action_lines = list(ActionLine.objects.filter(code__in=codes))
    for code in sorted(set(codes) - {line.code for line in action_lines}):
        errors.append(_field_error("action_lines", _("There is no such Action Line."), key=code))
    sdgs = list(SDG.objects.filter(number__in=payload.sdgs))
    speakers = []
    for index, speaker in enumerate(payload.speakers):
        country = speaker.country.upper()
        if country and country not in countries:
            errors.append(_field_error("speakers", _("Unknown country code."), key=index))
        speakers.append(
            services.Speaker(
                name=speaker.name.strip(),
                organization_name=speaker.organization.strip(),
                country=country,
                gender=speaker.gender.value if speaker.gender else "",
            )
        )
    answers = payload.answers
    if payload.draft:
        try:  # a draft may be incomplete, but what it says must be readable by the form
            answers = answer_rules.validate(call.questionnaire, answers, require=False)
        except DjangoValidationError as refused:
            errors.extend(_as_field_errors(refused))
    if errors:
        raise FieldErrors(errors)
    return {
        "title": payload.title,
        "answers": answers,
        "organization": organization,
        "co_organizations": co_organizations,
        "format": payload.format.value if payload.format else "",
        "speakers": speakers,
        "action_lines": action_lines,
        "sdgs": sdgs,
    }


def _as_field_errors(refused: DjangoValidationError) -> list[dict]:
    if hasattr(refused, "error_dict"):
        return [
            _field_error("answers", message, key=key)
            for key, messages in refused.message_dict.items()
            for message in messages
        ]
    field = FIELD_OF_CODE.get(refused.code or "", "answers")
    return [_field_error(field, message, kind=refused.code or "invalid") for message in refused]


@contextmanager
def _refusals() -> Iterator[None]:
    """A service's refusal as the API answers it: 409 for the call's dates, state and limits,
    422 naming the fields for what the body got wrong."""
    try:
        yield
    except DjangoValidationError as refused:
        if not hasattr(refused, "error_dict") and refused.code in CONFLICTS:
            raise HttpError(409, refused.messages[0]) from refused
        raise FieldErrors(_as_field_errors(refused)) from refused


def _write(request, call: Call, payload: SubmissionIn, submission: Submission | None):
    values = _values(request.user, call, payload)
    write = services.save_draft if payload.draft else services.submit
    with _refusals():
        saved = write(call=call, user=request.user, submission=submission, **values)
    return _submissions().get(pk=saved.pk)


class MySubmissionFilter(Schema):
    state: SubmissionState | None = None
    call: str = Field("", max_length=100, description="call slug")


# Registered before /submissions/{submission_id}, whose pattern would also match "mine".
@router.get("/submissions/mine", response=responses(list[SubmissionOut]), auth=token_auth)
@paginate(PageNumberPagination)
def my_submissions(request, filters: Query[MySubmissionFilter]):
    """What the token's owner submitted or keeps as drafts, the newest first, with decisions."""
    found = _submissions().filter(submitter=request.user)
    if filters.state:
        found = found.filter(state=filters.state)
    if filters.call:
        found = found.filter(call__slug=filters.call)
    return found.order_by("-created_at", "-pk")


@router.post(
    "/calls/{call_id}/submissions",
    response={201: SubmissionOut, **WRITE_RESPONSES},
    auth=token_auth,
)
def create_submission(request, call_id: int, payload: SubmissionIn):
    """Submit to a call, or keep a draft (`"draft": true`), with the same checks as the web
    form: the deadline (yours, if the secretariat extended it), the call's limits, every
    required answer, and at least one woman speaker where the call requires gender balance."""
    call = get_object_or_404(
        Call.objects.exclude(state=CallState.DRAFT)
        .filter(Q(consultation__isnull=True) | Q(consultation__is_public=True))
        .select_related("questionnaire"),
        pk=call_id,
    )
    return Status(201, _write(request, call, payload, submission=None))


@router.put(
    "/submissions/{submission_id}",
    response={200: SubmissionOut, **WRITE_RESPONSES},
    auth=token_auth,
)
def update_submission(request, submission_id: int, payload: SubmissionIn):
    """Change your draft, or send it with `"draft": false`; a sent submission no longer changes
    (409). The body replaces the draft's content as a whole."""
    submission = get_object_or_404(
        Submission.objects.select_related("call__questionnaire"),
        pk=submission_id,
        submitter=request.user,
    )
    return _write(request, submission.call, payload, submission=submission)
