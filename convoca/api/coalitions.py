"""Digital coalitions in the API: a coalition with its registry totals, and its public pledges
with the registry's filters.

Values are decimal strings ("1500000.00"), never JSON numbers. Countries are ISO 3166-1 alpha-2
codes. Drafts are never listed; an unknown coalition answers 404."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from convoca.coalitions import selectors
from convoca.coalitions.models import Coalition, PledgeKind, PledgeState
from convoca.stakeholders.models import StakeholderType

from .funds import Amount, amount_string
from .schemas import OrganizationOut, Translated, responses, translations

router = Router(tags=["coalitions"])


class TotalsOut(Schema):
    pledges: int
    entities: int
    countries: int
    usd: str = Amount("value of the pledges listed, in US dollars")

    @staticmethod
    def resolve_usd(obj):
        return amount_string(obj.usd)


class CoalitionOut(Schema):
    slug: str
    name: str
    names: Translated
    contact_email: str
    focus_areas: list[str] = Field(..., description="focus area slugs")
    goal_usd: str | None = Amount("pledging goal in US dollars", optional=True)
    goal_date: dt.date | None
    totals: TotalsOut

    @staticmethod
    def resolve_names(obj):
        return translations(obj, "name")

    @staticmethod
    def resolve_focus_areas(obj):
        return [area.slug for area in obj.focus_areas.all()]

    @staticmethod
    def resolve_goal_usd(obj):
        return amount_string(obj.goal_usd)

    @staticmethod
    def resolve_totals(obj):
        return selectors.totals(coalition=obj, filters=selectors.RegistryFilters())


class PledgeOut(Schema):
    id: int
    title: str
    kind: PledgeKind
    status: PledgeState
    organization: OrganizationOut
    countries: list[str] = Field(..., description="ISO 3166-1 alpha-2 codes of target countries")
    focus_areas: list[str]
    amount: str | None = Amount("value in its currency", optional=True)
    currency: str
    usd_amount: str | None = Amount("value in US dollars at the pledge date", optional=True)
    pledged_on: dt.date
    starts_on: dt.date
    ends_on: dt.date
    progress: str | None = Field(None, description="share of targets achieved, 0–1")
    url: str

    @staticmethod
    def resolve_status(obj):
        return obj.state

    @staticmethod
    def resolve_countries(obj):
        return [c.country.code for c in obj.countries.all()]

    @staticmethod
    def resolve_focus_areas(obj):
        return [area.slug for area in obj.focus_areas.all()]

    @staticmethod
    def resolve_amount(obj):
        return amount_string(obj.amount)

    @staticmethod
    def resolve_usd_amount(obj):
        return amount_string(obj.usd_amount)

    @staticmethod
    def resolve_progress(obj):
        return f"{obj.progress:f}" if obj.progress is not None else None

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class PledgeFilter(Schema):
    q: str = ""
    focus_area: str = Field("", description="a focus area slug")
    kind: PledgeKind | None = None
    country: str = Field("", pattern=r"^([A-Za-z]{2})?$", description="ISO 3166-1 alpha-2")
    region: str = Field(
        "", description="an ITU region code (AFR, AMS, ARB, ASP, CIS, EUR) or UN M49"
    )
    stakeholder_type: StakeholderType | None = None
    sdg: int | None = Field(None, ge=1, le=17)
    status: PledgeState | None = None

    def registry_filters(self) -> selectors.RegistryFilters:
        return selectors.RegistryFilters(
            q=self.q,
            focus_area=self.focus_area,
            kind=self.kind or "",
            country=self.country.upper(),
            region=self.region,
            stakeholder_type=self.stakeholder_type or "",
            sdg=self.sdg,
            status=self.status if self.status and self.status != PledgeState.DRAFT else "",
        )


def _coalition(slug: str) -> Coalition:
    return get_object_or_404(Coalition.objects.prefetch_related("focus_areas"), slug=slug)


@router.get("/coalitions/{slug}", response=responses(CoalitionOut, found=True))
def get_coalition(request, slug: str):
    """A coalition, its focus areas, goal and the totals of its public registry."""
    return _coalition(slug)


@router.get("/coalitions/{slug}/pledges", response=responses(list[PledgeOut], found=True))
@paginate(PageNumberPagination)
def list_pledges(request, slug: str, filters: Query[PledgeFilter]):
    """The public pledges, newest first, filtered like the registry page, each with its
    organization and target countries."""
    return selectors.registry(coalition=_coalition(slug), filters=filters.registry_filters())
