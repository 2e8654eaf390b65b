"""The public pages of a trust fund: the fund, its contributors and its packages."""

from collections import defaultdict
from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from convoca.core.money import Money

from .. import selectors
from ..forms import PackageRequestForm
from ..models import OrderState, PackageOrder
from ._shared import _fund, _nav, _partner_organizations

LIVE_ORDERS = (OrderState.REQUESTED, OrderState.WAITLISTED, OrderState.CONFIRMED)


def fund_detail(request: HttpRequest, slug: str) -> HttpResponse:
    fund = _fund(slug)
    total = selectors.fund_total(fund=fund)
    percent = None
    if fund.target:
        percent = min(100, int(total * 100 / fund.target))
    context = _nav(request, fund, "fund") | {
        "pledged": Money(total, fund.currency),
        "target": Money(fund.target, fund.currency) if fund.target else None,
        "percent": percent,
    }
    return render(request, "partnerships/fund.html", context)


def contributors(request: HttpRequest, slug: str) -> HttpResponse:
    """Who gave, by year: only those who agreed to be listed; amounts only where agreed too."""
    fund = _fund(slug)
    rows = sorted(
        selectors.public_contributors(fund=fund), key=lambda c: c.pledged_on.year, reverse=True
    )
    years = [
        (
            year,
            [
                {
                    "name": c.contributor.name,
                    "slug": c.contributor.slug,
                    "in_kind": c.kind == "in_kind",
                    "earmark": c.earmark,
                    "amount": c.pledged if c.amount_public else None,
                }
                for c in group
            ],
        )
        for year, group in groupby(rows, key=lambda c: c.pledged_on.year)
    ]
    context = _nav(request, fund, "contributors") | {"years": years}
    return render(request, "partnerships/contributors.html", context)


def packages(request: HttpRequest, slug: str) -> HttpResponse:
    fund = _fund(slug)
    organizations = _partner_organizations(request.user)
    nav = _nav(request, fund, "packages", organizations)
    mine: dict[int, list[PackageOrder]] = defaultdict(list)
    if nav["is_partner"]:
        for order in PackageOrder.objects.filter(
            partner__in=organizations, package__fund=fund, state__in=LIVE_ORDERS
        ).select_related("partner"):
            mine[order.package_id].append(order)
    offers = [
        {
            "package": package,
            "price": Money(package.price, package.currency),
            "mine": mine.get(package.pk, []),
            "form": PackageRequestForm(organizations=organizations, auto_id=f"id_{package.pk}_%s")
            if nav["is_partner"]
            else None,
        }
        for package in selectors.available_packages(fund=fund)
    ]
    return render(request, "partnerships/packages.html", nav | {"offers": offers})
