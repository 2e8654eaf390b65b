"""The WSIS Prizes in the API: cycles with their current phase, the ballot, and casting a vote.

A vote sent here goes through the same service as the ballot page (`cast_vote`): one vote per
verified account per category; sending another project changes the vote, sending the same one
again answers the same vote. Refusals carry the service's message in the Accept-Language
language: 403 for an unverified account, 409 outside public voting or for a voided vote, 422
for a project not on that category's ballot, 429 when an account votes too fast."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from convoca.prizes import selectors, services
from convoca.prizes.abuse import network_of
from convoca.prizes.errors import NotOnBallot
from convoca.prizes.models import Nomination, PrizeCycle

from .auth import token_auth
from .schemas import Error, responses

router = Router(tags=["prizes"])

STATUS_OF_CODE = {
    "not_verified": 403,
    "voting_closed": 409,
    "vote_void": 409,
    "not_on_ballot": 422,
    "rate_limited": 429,
}


class CycleOut(Schema):
    slug: str
    name: str
    year: int
    phase: str = Field(
        ..., description="upcoming, nominations, validation, voting, jury or announcement"
    )
    nominations_open_at: dt.datetime
    nominations_close_at: dt.datetime
    voting_opens_at: dt.datetime
    voting_closes_at: dt.datetime
    champions_published_at: dt.datetime
    announced_at: dt.datetime
    time_zone: str
    url: str

    @staticmethod
    def resolve_phase(obj):
        return obj.phase

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class NominationOut(Schema):
    id: int
    title: str
    category: str = Field(..., description="the category's slug")
    category_name: str
    organization: str
    countries: list[str]
    state: str
    url: str

    @staticmethod
    def resolve_category(obj):
        return obj.category.slug

    @staticmethod
    def resolve_category_name(obj):
        return obj.category.name

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.name

    @staticmethod
    def resolve_countries(obj):
        return [country.code for country in obj.countries]

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class BallotFilter(Schema):
    category: str = Field("", max_length=80, description="a category's slug")
    q: str = Field("", max_length=100, description="searches titles, descriptions, organizations")


class VoteIn(Schema):
    category: str = Field(..., max_length=80, description="the category's slug")
    nomination: int = Field(..., description="the id of a project on that category's ballot")


class VoteOut(Schema):
    id: int
    category: str
    nomination: int
    cast_at: dt.datetime
    changed_at: dt.datetime

    @staticmethod
    def resolve_category(obj):
        return obj.category.slug

    @staticmethod
    def resolve_nomination(obj):
        return obj.nomination_id


@router.get("/prizes", response=responses(list[CycleOut]))
@paginate(PageNumberPagination)
def list_cycles(request):
    """Every prize cycle, newest first, with the phase it is in now."""
    return selectors.cycles()


@router.get("/prizes/{cycle}/nominations", response=responses(list[NominationOut], found=True))
@paginate(PageNumberPagination)
def list_nominations(request, cycle: str, filters: Query[BallotFilter]):
    """The ballot: the projects of a cycle the public can see, by category."""
    found = get_object_or_404(PrizeCycle, slug=cycle)
    category = (
        get_object_or_404(found.categories, slug=filters.category) if filters.category else None
    )
    return selectors.ballot(cycle=found, category=category, q=filters.q)


@router.post(
    "/prizes/{cycle}/votes",
    response={200: VoteOut, 401: Error, 403: Error, 404: Error, 409: Error, 422: Error, 429: Error},
    auth=token_auth,
)
def cast_vote(request, cycle: str, payload: VoteIn):
    """Cast your vote in a category, or change it: you hold one vote per category, and the
    answer is that vote (the same `id` whatever you send)."""
    network = network_of(request.META.get("REMOTE_ADDR", ""))
    first = services.cast_first_vote(
        cycle_slug=cycle, category_slug=payload.category, nomination_id=payload.nomination,
        voter=request.user, network=network,
    )  # fmt: skip
    if first is not None:  # the common case, one statement
        return first
    # A change, a replay or a refusal: one query finds the project, its category and its cycle.
    nomination = (
        Nomination.objects.select_related("category", "cycle")
        .filter(cycle__slug=cycle, pk=payload.nomination, category__slug=payload.category)
        .first()
    )
    if nomination is None:
        get_object_or_404(PrizeCycle, slug=cycle)
        raise HttpError(422, NotOnBallot().messages[0])
    found, category = nomination.cycle, nomination.category
    try:
        return services.cast_vote(
            cycle=found,
            category=category,
            nomination=nomination,
            voter=request.user,
            network=network,
            voter_verified=request.email_verified,  # answered by the token's query
        )
    except ValidationError as refused:
        raise HttpError(
            STATUS_OF_CODE.get(refused.code or "", 409), refused.messages[0]
        ) from refused
