"""Reads for coalitions: the public pledge registry with its filters and totals, the map by
country, the pipeline board, working groups and a member's pledges."""

from dataclasses import dataclass, fields
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from convoca.core.models import CountryRegion, Region, RegionScheme
from convoca.stakeholders.models import Organization
from convoca.stakeholders.selectors import organizations_for

from .dedup import same_organization
from .models import (
    PUBLIC_STATES,
    Coalition,
    EoiState,
    ExpressionOfInterest,
    Member,
    Pledge,
    PledgeCountry,
    WorkingGroup,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class RegistryFilters:
    """What a visitor narrows the registry by; empty strings mean "any"."""

    q: str = ""
    focus_area: str = ""  # slug
    kind: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    region: str = ""  # an ITU region code (AFR…) or a UN M49 region code (002…)
    stakeholder_type: str = ""
    sdg: int | None = None
    status: str = ""

    def as_query(self) -> dict[str, str]:
        return {
            f.name: str(getattr(self, f.name))
            for f in fields(self)
            if getattr(self, f.name) not in ("", None)
        }


@dataclass(frozen=True)
class Totals:
    pledges: int
    entities: int
    countries: int
    usd: Decimal


def coalition_page(*, slug: str) -> Coalition | None:
    return (
        Coalition.objects.filter(slug=slug)
        .select_related("circular", "eoi_call")
        .prefetch_related("focus_areas", "roundtables")
        .first()
    )


def countries_of_region(code: str) -> QuerySet:
    return CountryRegion.objects.filter(
        Q(itu_region__code=code, itu_region__scheme=RegionScheme.ITU)
        | Q(m49_subregion__code=code)
        | Q(m49_subregion__parent__code=code)
    ).values("country")


def filtered_pledges(*, coalition: Coalition, filters: RegistryFilters) -> QuerySet[Pledge]:
    """The public pledges that match the filters; no joins that could repeat a pledge, so a
    count or a sum over this is the count or sum of what is listed."""
    pledges = Pledge.objects.filter(coalition=coalition, state__in=PUBLIC_STATES)
    if filters.status:
        pledges = pledges.filter(state=filters.status)
    if filters.kind:
        pledges = pledges.filter(kind=filters.kind)
    if filters.stakeholder_type:
        pledges = pledges.filter(organization__stakeholder_type=filters.stakeholder_type)
    if filters.q:
        pledges = pledges.filter(
            Q(title__icontains=filters.q)
            | Q(description__icontains=filters.q)
            | Q(organization__name__icontains=filters.q)
            | Q(organization__acronym__iexact=filters.q)
        )
    if filters.focus_area:
        pledges = pledges.filter(
            Exists(
                Pledge.focus_areas.through.objects.filter(
                    pledge=OuterRef("pk"), focusarea__slug=filters.focus_area
                )
            )
        )
    if filters.sdg:
        pledges = pledges.filter(
            Exists(
                Pledge.sdgs.through.objects.filter(pledge=OuterRef("pk"), sdg__number=filters.sdg)
            )
        )
    if filters.country:
        pledges = pledges.filter(
            Exists(
                PledgeCountry.objects.filter(pledge=OuterRef("pk"), country=filters.country.upper())
            )
        )
    if filters.region:
        pledges = pledges.filter(
            Exists(
                PledgeCountry.objects.filter(
                    pledge=OuterRef("pk"), country__in=countries_of_region(filters.region)
                )
            )
        )
    return pledges


def registry(*, coalition: Coalition, filters: RegistryFilters) -> QuerySet[Pledge]:
    """The listed pledges with what a row shows: organization, countries and focus areas."""
    return (
        filtered_pledges(coalition=coalition, filters=filters)
        .select_related("organization", "coalition")
        .prefetch_related(
            Prefetch("countries", queryset=PledgeCountry.objects.order_by("country")),
            "focus_areas",
        )
        .order_by("-pledged_on", "-pk")
    )


def totals(*, coalition: Coalition, filters: RegistryFilters) -> Totals:
    """Pledges, entities, countries and USD of exactly what the filters list, in one query."""
    pledges = filtered_pledges(coalition=coalition, filters=filters)
    # COUNT(DISTINCT) over the target rows of the listed pledges alone: no join back to the
    # pledges and no GROUP BY (one row, a scalar subquery).
    countries = (
        PledgeCountry.objects.filter(pledge__in=pledges.values("pk"))
        .order_by()
        .annotate(
            n=Func(
                F("country"), function="COUNT", template="%(function)s(DISTINCT %(expressions)s)"
            )
        )
        .values("n")
    )
    found = pledges.aggregate(
        pledges=Count("pk"),
        entities=Count("organization", distinct=True),
        usd=Sum("usd_amount"),
        # A scalar subquery wrapped in an aggregate keeps the four figures in one query.
        countries=Max(Subquery(countries, output_field=IntegerField())),
    )
    return Totals(
        pledges=found["pledges"],
        entities=found["entities"],
        countries=found["countries"] or 0,
        usd=(found["usd"] or ZERO).quantize(Decimal("0.01")),
    )


def by_country(*, coalition: Coalition, filters: RegistryFilters) -> list[dict]:
    """Per target country: how many listed pledges target it and their USD value (a pledge
    targeting three countries counts in each), most pledges first."""
    rows = (
        PledgeCountry.objects.filter(
            pledge__in=filtered_pledges(coalition=coalition, filters=filters).values("pk")
        )
        .order_by()
        .values("country")
        .annotate(pledges=Count("pledge"), usd=Coalesce(Sum("pledge__usd_amount"), ZERO))
        .order_by("-pledges", "country")
    )
    return list(rows)


def regions_for_filters() -> QuerySet[Region]:
    return Region.objects.filter(scheme__in=[RegionScheme.ITU, RegionScheme.M49_REGION]).order_by(
        "-scheme", "code"
    )


def itu_region_names() -> dict[str, str]:
    """Country code → ITU region name, for the map's grouping (one query)."""
    return {
        str(link.country): link.itu_region.name if link.itu_region_id else ""
        for link in CountryRegion.objects.select_related("itu_region")
    }


def pledge_page(*, coalition: Coalition, pk: int) -> Pledge | None:
    return (
        Pledge.objects.filter(coalition=coalition, pk=pk)
        .select_related("organization", "announced_at", "usd_rate", "coalition")
        .prefetch_related(
            "countries",
            "focus_areas",
            "sdgs",
            "action_lines",
            "targets",
            Prefetch("reports", to_attr="report_list"),
            "reports__figures__target",
        )
        .first()
    )


def board(*, coalition: Coalition) -> dict[str, list[ExpressionOfInterest]]:
    """The pipeline, one column per state, oldest first (two queries)."""
    columns: dict[str, list[ExpressionOfInterest]] = {state: [] for state in EoiState.values}
    expressions = (
        ExpressionOfInterest.objects.filter(coalition=coalition)
        .select_related("organization", "owner", "contact")
        .prefetch_related("focus_areas")
        .order_by("created_at", "pk")
    )
    for expression in expressions:
        columns[expression.state].append(expression)
    return columns


def expression_page(*, coalition: Coalition, pk: int) -> ExpressionOfInterest | None:
    return (
        ExpressionOfInterest.objects.filter(coalition=coalition, pk=pk)
        .select_related("organization", "owner", "contact", "coalition")
        .prefetch_related("focus_areas", "emails", "submissions__call__questionnaire__questions")
        .first()
    )


def possible_duplicates(expression: ExpressionOfInterest) -> list[ExpressionOfInterest]:
    """Other EoIs of the coalition whose organization looks like the same one."""
    others = (
        ExpressionOfInterest.objects.filter(coalition=expression.coalition)
        .exclude(pk=expression.pk)
        .select_related("organization")
    )
    return [o for o in others if same_organization(expression.organization, o.organization)]


def working_groups(*, coalition: Coalition) -> QuerySet[WorkingGroup]:
    return (
        WorkingGroup.objects.filter(coalition=coalition)
        .select_related("focus_area")
        .annotate(member_count=Count("members"))
    )


def working_group_page(*, coalition: Coalition, slug: str) -> WorkingGroup | None:
    return (
        WorkingGroup.objects.filter(coalition=coalition, slug=slug)
        .select_related("focus_area", "coalition")
        .prefetch_related(
            Prefetch("members", queryset=Member.objects.select_related("organization")),
            "meetings",
            "documents",
        )
        .first()
    )


def members(*, coalition: Coalition) -> QuerySet[Member]:
    return Member.objects.filter(coalition=coalition).select_related("organization")


def member_organizations(*, coalition: Coalition, user) -> QuerySet[Organization]:
    """The member organizations the user acts for as an approved focal point."""
    if not getattr(user, "is_authenticated", False):
        return Organization.objects.none()
    return organizations_for(user=user).filter(coalition_memberships__coalition=coalition)


def pledges_of(*, coalition: Coalition, organizations) -> QuerySet[Pledge]:
    return (
        Pledge.objects.filter(coalition=coalition, organization__in=organizations)
        .select_related("organization")
        .prefetch_related("countries")
        .order_by("-updated_at")
    )


def headline(*, coalition: Coalition) -> dict:
    """The coalition page's figures: the registry's totals and the share of the goal."""
    found = totals(coalition=coalition, filters=RegistryFilters())
    share = None
    if coalition.goal_usd:
        share = min(100, int(found.usd * 100 / coalition.goal_usd))
    return {"totals": found, "goal_share": share}
