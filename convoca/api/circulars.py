"""Circulars in the API: the public archive to read, drafts for the secretariat to write."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from convoca.circulars import selectors, services
from convoca.circulars.models import AddresseeKind, CircularSeries
from convoca.stakeholders.models import ItuStatus, Organization, StakeholderType

from .auth import token_auth
from .schemas import Error, Translated, responses, translations

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

router = Router(tags=["circulars"])


class CircularFilter(Schema):
    q: str = ""
    year: int | None = Field(None, ge=1990, le=2100)
    group: StakeholderType | ItuStatus | None = None
    language: str = Field("", pattern=r"^(|ar|zh-hans|en|fr|ru|es)$")


class Addressee(Schema):
    kind: AddresseeKind
    label: str = ""
    stakeholder_type: StakeholderType | None = None
    itu_status: ItuStatus | None = None
    organization: str | None = Field(None, description="organization slug")


class CircularOut(Schema):
    id: int
    reference: str
    revision: int
    state: str
    date: dt.date | None
    place: str
    subject: str
    languages: list[str]
    addressees: list[str]
    url: str
    pdf_urls: dict[str, str]

    @staticmethod
    def resolve_date(obj):
        return obj.issue_date

    @staticmethod
    def resolve_languages(obj):
        return selectors.available_languages(obj)

    @staticmethod
    def resolve_addressees(obj):
        return [group.printed_line for group in obj.addressees.all()]

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(
            reverse("circulars:detail", kwargs={"pk": obj.pk})
        )

    @staticmethod
    def resolve_pdf_urls(obj, context):
        build = context["request"].build_absolute_uri
        return {
            code: build(reverse("circulars:pdf", kwargs={"pk": obj.pk, "language": code}))
            for code in selectors.available_languages(obj)
        }


class CircularDetailOut(CircularOut):
    subjects: Translated
    bodies: Translated
    signatories: list[str]

    @staticmethod
    def resolve_subjects(obj):
        return translations(obj, "subject")

    @staticmethod
    def resolve_bodies(obj):
        return translations(obj, "body")

    @staticmethod
    def resolve_signatories(obj):
        return [s.name for s in obj.signatories.all()]


class DraftIn(Schema):
    subject: dict[str, str] = Field(..., description="subject per language code")
    body: dict[str, str] = Field(..., description="Markdown body per language code")
    default_language: str = Field("en", pattern=r"^(ar|zh-hans|en|fr|ru|es)$")
    series: str | None = Field(None, description="slug of a numbered series")
    reference: str = ""
    place: str = ""
    statutory: bool = False
    addressees: list[Addressee] = []


@router.get("/circulars", response=responses(list[CircularOut]))
@paginate(PageNumberPagination)
def list_circulars(request, filters: Query[CircularFilter]):
    """Issued and withdrawn circulars (latest revision), newest first."""
    return selectors.public_circulars(
        q=filters.q, year=filters.year, group=filters.group or "", language=filters.language
    )


@router.get("/circulars/{circular_id}", response=responses(CircularDetailOut, found=True))
def get_circular(request, circular_id: int):
    circular = get_object_or_404(selectors.circular_for_display(pk=circular_id))
    if not circular.is_public and not request.user.has_perm("circulars.change_circular", circular):
        raise HttpError(404, _("Not Found"))
    return circular


@router.post(
    "/circulars",
    response={201: CircularDetailOut, 400: Error, 401: Error, 403: Error, 422: Error},
    auth=token_auth,
)
def create_draft(request, payload: DraftIn):
    """Create a draft circular (secretariat only); issue it from the secretariat pages."""
    if not request.user.has_perm("circulars.add_circular"):
        raise HttpError(403, _("Only the secretariat writes circulars."))
    unknown = (set(payload.subject) | set(payload.body)) - set(LANGUAGE_CODES)
    if unknown:
        raise HttpError(
            422, _("Unknown language codes: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
        )
    values = {
        f"{field}_{code.replace('-', '_')}": text
        for field, texts in (("subject", payload.subject), ("body", payload.body))
        for code, text in texts.items()
    }
    if payload.place:
        values[f"place_{payload.default_language.replace('-', '_')}"] = payload.place
    if payload.series:
        values["series"] = get_object_or_404(CircularSeries, slug=payload.series)
    try:
        with transaction.atomic():
            circular = services.save_draft(
                by=request.user,
                default_language=payload.default_language,
                reference=payload.reference,
                statutory=payload.statutory,
                **values,
            )
            services.set_addressees(
                circular=circular,
                groups=[_group(addressee) for addressee in payload.addressees],
                by=request.user,
            )
    except services.CircularError as error:
        raise HttpError(400, str(error.message)) from error
    return Status(201, selectors.circular_for_display(pk=circular.pk).get())


def _group(addressee: Addressee) -> dict:
    group = {"kind": addressee.kind, "label": addressee.label}
    if addressee.stakeholder_type:
        group["stakeholder_type"] = addressee.stakeholder_type
    if addressee.itu_status:
        group["itu_status"] = addressee.itu_status
    if addressee.organization:
        group["organization"] = get_object_or_404(Organization, slug=addressee.organization)
    return group
