from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum

from .models import (
    Benefit,
    Contribution,
    ContributionState,
    PackageOrder,
    PartnershipPackage,
    TrustFund,
)

CENT = Decimal("0.01")


def public_contributors(*, fund: TrustFund) -> QuerySet[Contribution]:
    """Contributions whose contributor agreed to be listed, received or acknowledged."""
    return (
        Contribution.objects.filter(fund=fund, publicly_listed=True)
        .exclude(state=ContributionState.PLEDGED)
        .select_related("contributor")
        .order_by("contributor__name")
    )


def available_packages(*, fund: TrustFund) -> QuerySet[PartnershipPackage]:
    return PartnershipPackage.objects.filter(fund=fund).prefetch_related(
        Prefetch("benefits", queryset=Benefit.objects.order_by("order", "pk"))
    )


def totals_by_currency(*, fund: TrustFund) -> dict[str, dict[str, Decimal]]:
    """Pledged and received per currency, in that currency (two queries)."""
    totals: dict[str, dict[str, Decimal]] = defaultdict(
        lambda: {"pledged": Decimal("0"), "received": Decimal("0")}
    )
    for currency, pledged in (
        Contribution.objects.filter(fund=fund)
        .values_list("currency")
        .annotate(total=Sum("amount"))
        .values_list("currency", "total")
    ):
        totals[currency]["pledged"] = pledged.quantize(CENT)
    for currency, received in (
        Contribution.objects.filter(fund=fund)
        .values_list("currency")
        .annotate(total=Sum("receipts__amount"))
        .values_list("currency", "total")
    ):
        totals[currency]["received"] = (received or Decimal("0")).quantize(CENT)
    return dict(totals)


def fund_total(*, fund: TrustFund) -> Decimal:
    """Everything pledged, in the fund's currency at each pledge's recorded rate."""
    return Contribution.objects.filter(fund=fund).aggregate(total=Sum("fund_amount"))[
        "total"
    ] or Decimal("0")


def orders_for(*, partner) -> QuerySet[PackageOrder]:
    return (
        PackageOrder.objects.filter(partner=partner)
        .select_related("package")
        .prefetch_related("checklist__benefit")
    )
