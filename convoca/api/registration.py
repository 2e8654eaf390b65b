"""Registration in the API: register for an edition and read one's registration (a personal
token); check people in at the venue (check-in or accreditation staff).

Registering twice answers the existing registration with 200 (201 when it is new), so a client
that retries after a timeout never registers anyone twice. A refusal of the rules (registration
closed, an expired invitation code, a forged badge) answers 409 or 422 with the reason, and
changes nothing. An edition without registration, or one the token may not staff, is a 404.
"""

import datetime as dt
from enum import StrEnum

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from django_countries import countries
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as FieldErrors

from convoca.accounts.models import Gender
from convoca.registration import selectors, services
from convoca.registration.models import Registration
from convoca.stakeholders.models import StakeholderType
from convoca.stakeholders.selectors import organizations_for

from .auth import token_auth
from .schemas import Error, ValidationErrorOut

router = Router(tags=["registration"])

CHECK_IN = "registration.check_in_registrationform"


class Attendance(StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"


class RegistrationIn(Schema):
    attendance: Attendance
    given_name: str = Field("", description="default: the account's first name")
    family_name: str = Field("", description="default: the account's last name")
    organization: str = Field("", description="slug of an organization you act for")
    organization_name: str = Field("", description="an organization in words, when not listed")
    stakeholder_type: StakeholderType | None = Field(
        None, description="default: the organization's"
    )
    country: str = Field(..., description="ISO 3166-1 alpha-2", examples=["KE"])
    gender: Gender | None = Field(None, description="optional, self-declared")
    answers: dict = Field(default_factory=dict, description="the edition's questions, by key")
    consent: bool = False
    identity_number: str = Field("", description="only where the edition collects it")
    invitation_code: str = ""


class RegistrationOut(Schema):
    id: int
    edition: str
    code: str
    attendance: str
    state: str
    accreditation: str
    given_name: str
    family_name: str
    organization: str
    country: str
    created: dt.datetime
    message: str = ""

    @staticmethod
    def resolve_edition(obj):
        return obj.edition.slug

    @staticmethod
    def resolve_organization(obj):
        return obj.organization_label

    @staticmethod
    def resolve_country(obj):
        return obj.country.code

    @staticmethod
    def resolve_created(obj):
        return obj.created_at


class CheckInIn(Schema):
    code: str = Field(..., description="the scanned QR payload or the typed code")


class CheckInOut(Schema):
    already: bool
    checked_in_at: dt.datetime
    message: str
    registration: RegistrationOut


def _field_error(field: str, message: str) -> dict:
    return {"loc": ["body", "payload", field], "msg": str(message), "type": "invalid"}


def _out(registration: Registration, message: str = "") -> Registration:
    registration.message = message
    return registration


@router.post(
    "/editions/{slug}/registrations",
    response={
        200: RegistrationOut,
        201: RegistrationOut,
        401: Error,
        404: Error,
        409: Error,
        422: ValidationErrorOut,
    },
    auth=token_auth,
)
def register(request, slug: str, payload: RegistrationIn):
    """Register the token's owner; the existing registration (200) if they already are."""
    form = selectors.form_of(slug)
    user = request.user
    errors = []
    organization = None
    if payload.organization:
        organization = organizations_for(user=user).filter(slug=payload.organization).first()
        if organization is None:
            errors.append(_field_error("organization", _("You do not act for this organization.")))
    country = payload.country.strip().upper()
    if country not in countries:
        errors.append(_field_error("country", _("Unknown country code.")))
    stakeholder_type = (
        payload.stakeholder_type.value
        if payload.stakeholder_type
        else (organization.stakeholder_type if organization else "")
    )
    if not stakeholder_type:
        errors.append(
            _field_error("stakeholder_type", _("Say which stakeholder group you belong to."))
        )
    answers = payload.answers
    if form.questionnaire_id is not None:
        from convoca.questionnaires import answers as answer_rules

        try:
            answers = answer_rules.validate(form.questionnaire, payload.answers)
        except DjangoValidationError as refused:
            errors.extend(
                {"loc": ["body", "payload", "answers", key], "msg": str(m), "type": "invalid"}
                for key, messages in refused.message_dict.items()
                for m in messages
            )
    if errors:
        raise FieldErrors(errors)
    try:
        outcome = services.register(
            form=form,
            user=user,
            by=user,
            given_name=payload.given_name or user.first_name or user.email.split("@")[0],
            family_name=payload.family_name or user.last_name,
            email=user.email,
            organization=organization,
            organization_name=payload.organization_name,
            stakeholder_type=stakeholder_type,
            country=country,
            gender=payload.gender.value if payload.gender else "",
            attendance=payload.attendance.value,
            answers=answers,
            consent=payload.consent,
            identity_number=payload.identity_number,
            invitation_code=payload.invitation_code,
        )
    except services.RegistrationError as refused:
        raise HttpError(409, refused.message) from refused
    return Status(201 if outcome.created else 200, _out(outcome.registration, outcome.message))


@router.get(
    "/editions/{slug}/registrations/me",
    response={200: RegistrationOut, 401: Error, 404: Error},
    auth=token_auth,
)
def my_registration(request, slug: str):
    """The token owner's registration for the edition; 404 when they have none."""
    form = selectors.form_of(slug)
    registration = selectors.registration_of(form=form, user=request.user)
    if registration is None:
        raise HttpError(404, _("You are not registered for this edition."))
    return _out(registration)


@router.post(
    "/editions/{slug}/check-ins",
    response={200: CheckInOut, 401: Error, 404: Error, 409: Error},
    auth=token_auth,
)
def check_in(request, slug: str, payload: CheckInIn):
    """Check-in staff: mark an arrival by the badge's QR payload or typed code; a second scan
    answers when they arrived (already: true). A refusal is a 409 with the reason."""
    form = selectors.form_of(slug)
    if not request.user.has_perm(CHECK_IN, form):
        raise HttpError(404, _("Not Found"))
    try:
        result = services.check_in(form=form, scanned=payload.code, by=request.user)
    except services.RegistrationError as refused:
        raise HttpError(409, refused.message) from refused
    return {
        "already": result.already,
        "checked_in_at": result.at,
        "message": result.message(form.edition.zone),
        "registration": _out(result.registration),
    }
