"""Trust funds in the API: the public list of contributors and packages, and every
contribution for those who manage the fund.

Amounts are decimal strings ("50000.00"), never JSON numbers: a float would lose cents. Public
answers list only contributors who agreed to be listed, with the amount only where they agreed
to show it. A fund the token's owner may not manage answers 404, as if it did not exist.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from convoca.core.money import AMOUNT_DIGITS, AMOUNT_PLACES
from convoca.partnerships import selectors
from convoca.partnerships.models import Contribution, Receipt, TrustFund

from .auth import token_auth
from .schemas import responses

router = Router(tags=["funds"])

DECIMAL = r"^-?\d+(\.\d+)?$"
CENT = Decimal(1).scaleb(-AMOUNT_PLACES)


def decimal_string(value: Decimal | None) -> str | None:
    """A Decimal as a plain decimal string (no exponent), None kept."""
    if value is None:
        return None
    return f"{value:f}"


def amount_string(value: Decimal | None) -> str | None:
    """An amount with its two stored decimals: a sum computed by the database may come back
    with more (SQLite sums in binary floating point), never with fewer cents."""
    if value is None:
        return None
    return decimal_string(value.quantize(CENT))


def Amount(description: str, *, optional: bool = False):  # noqa: N802 (reads as a type)
    return Field(
        None if optional else ...,
        description=f"{description}; a decimal string, never a number",
        pattern=DECIMAL,
        examples=["50000.00"],
    )


class ContributorRef(Schema):
    slug: str
    name: str


class ContributorOut(Schema):
    contributor: ContributorRef
    kind: str
    state: str
    earmark: str
    amount: str | None = Amount("shown only where the contributor agreed", optional=True)
    currency: str | None = Field(None, description="ISO 4217; with the amount only")

    @staticmethod
    def resolve_contributor(obj):
        return {"slug": obj.contributor.slug, "name": str(obj.contributor)}

    @staticmethod
    def resolve_amount(obj):
        return amount_string(obj.amount) if obj.amount_public else None

    @staticmethod
    def resolve_currency(obj):
        return obj.currency if obj.amount_public else None


class PackageOut(Schema):
    slug: str
    name: str
    tier: str
    description: str
    price: str = Amount("price of the package")
    currency: str
    quantity: int
    left: int = Field(..., description="how many can still be confirmed")
    benefits: list[str]

    @staticmethod
    def resolve_price(obj):
        return amount_string(obj.price)

    @staticmethod
    def resolve_benefits(obj):
        return [benefit.description for benefit in obj.benefits.all()]


class RateOut(Schema):
    from_currency: str
    to_currency: str
    rate: str = Field(..., pattern=DECIMAL, description="units of to_currency per from_currency")
    valid_from: dt.date
    source: str

    @staticmethod
    def resolve_rate(obj):
        return decimal_string(obj.rate)


class ContributionOut(Schema):
    id: int
    contributor: ContributorRef
    kind: str
    in_kind_description: str
    earmark: str
    amount: str = Amount("amount pledged, in its currency")
    currency: str
    pledged_on: dt.date
    state: str
    received: str = Amount("total received so far, in the pledge's currency")
    fund_amount: str | None = Amount(
        "the pledge in the fund's currency, at the rate of its date", optional=True
    )
    fund_currency: str
    rate: RateOut | None = Field(None, description="the rate used; null in the fund's currency")
    publicly_listed: bool
    amount_public: bool
    acknowledged_at: dt.datetime | None
    reminded_at: dt.datetime | None

    @staticmethod
    def resolve_contributor(obj):
        return {"slug": obj.contributor.slug, "name": str(obj.contributor)}

    @staticmethod
    def resolve_amount(obj):
        return amount_string(obj.amount)

    @staticmethod
    def resolve_received(obj):
        return amount_string(obj.received)

    @staticmethod
    def resolve_fund_amount(obj):
        return amount_string(obj.fund_amount)

    @staticmethod
    def resolve_fund_currency(obj):
        return obj.fund.currency

    @staticmethod
    def resolve_rate(obj):
        return obj.fund_rate


def _fund(slug: str) -> TrustFund:
    return get_object_or_404(TrustFund, slug=slug)


@router.get("/funds/{slug}/contributors", response=responses(list[ContributorOut], found=True))
@paginate(PageNumberPagination)
def list_contributors(request, slug: str):
    """Contributors who agreed to be listed and whose money has started to arrive, by name; the
    amount only where they agreed to show it."""
    return selectors.public_contributors(fund=_fund(slug))


@router.get("/funds/{slug}/packages", response=responses(list[PackageOut], found=True))
@paginate(PageNumberPagination)
def list_packages(request, slug: str):
    """The partnership packages offered, with their price, how many are left and benefits."""
    return selectors.available_packages(fund=_fund(slug))


@router.get(
    "/funds/{slug}/contributions",
    response=responses(list[ContributionOut], found=True),
    auth=token_auth,
)
@paginate(PageNumberPagination)
def list_contributions(request, slug: str):
    """Every contribution to the fund, newest pledge first, with what was received and its
    value in the fund's currency (and the rate used). For those who manage the fund."""
    fund = get_object_or_404(TrustFund.objects.select_related("edition__forum"), slug=slug)
    if not request.user.has_perm("partnerships.manage_trustfund", fund):
        raise HttpError(404, _("Not Found"))
    amount = DecimalField(max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES)
    received = (
        Receipt.objects.filter(contribution=OuterRef("pk"))
        .order_by()
        .values("contribution")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return (
        Contribution.objects.filter(fund=fund)
        .select_related("contributor", "fund", "fund_rate")
        .annotate(
            received=Coalesce(
                Subquery(received, output_field=amount), Value(Decimal("0.00")), output_field=amount
            )
        )
        .order_by("-pledged_on", "-pk")
    )
