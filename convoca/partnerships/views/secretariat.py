"""The secretariat's pages: the dashboard with its pledge and rate forms, package requests and
benefits, one contribution with its receipts, consent and acknowledgement."""

from collections import defaultdict
from decimal import Decimal
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.models import CountryRegion
from convoca.core.money import Money
from convoca.stakeholders.models import StakeholderType

from .. import charts, selectors, services
from ..forms import BenefitForm, ConsentForm, DeclineForm, PledgeForm, RateForm, ReceiptForm
from ..models import (
    BenefitDelivery,
    Contribution,
    ContributionState,
    ExchangeRate,
    OrderState,
    PackageOrder,
    Receipt,
    TrustFund,
)
from ._shared import _managed_fund

OUTSTANDING = (ContributionState.PLEDGED, ContributionState.PARTIALLY_RECEIVED)


# --- Secretariat: dashboard ------------------------------------------------------------------


def _in_fund_currency(fund: TrustFund, contribution: Contribution, amount: Decimal) -> Decimal:
    """An amount in the contribution's currency, at the rate its pledge was valued with."""
    if contribution.currency == fund.currency:
        return amount
    if contribution.fund_rate is not None:
        return (
            Money(amount, contribution.currency)
            .convert(rate=contribution.fund_rate.rate, to=fund.currency)
            .amount
        )
    if contribution.fund_amount is not None and contribution.amount:
        return (
            Money(amount * contribution.fund_amount / contribution.amount, fund.currency)
            .rounded()
            .amount
        )
    return Decimal("0")


def _breakdown(fund: TrustFund, groups: dict[str, dict], last: str = "") -> list[dict]:
    """Rows by amount pledged, largest first; `last` (the unknowns) at the end."""
    return [
        {
            "label": label,
            "count": values["count"],
            "pledged": Money(values["pledged"], fund.currency),
            "received": Money(values["received"], fund.currency),
        }
        for label, values in sorted(
            groups.items(), key=lambda item: (item[0] == last, -item[1]["pledged"])
        )
    ]


def _empty_group() -> dict:
    return {"count": 0, "pledged": Decimal("0"), "received": Decimal("0")}


def _dashboard_context(fund: TrustFund) -> dict:
    """Everything the dashboard shows, in a fixed number of queries whatever the contributions."""
    today = timezone.localdate()
    contributions = list(
        Contribution.objects.filter(fund=fund)
        .select_related("contributor", "fund_rate")
        .annotate(received=Sum("receipts__amount"))
        .order_by("-pledged_on", "-pk")
    )
    by_pk = {c.pk: c for c in contributions}
    received_in_fund: dict[int, Decimal] = defaultdict(Decimal)
    receipts = []
    for contribution_id, day, amount in Receipt.objects.filter(contribution__fund=fund).values_list(
        "contribution_id", "received_on", "amount"
    ):
        value = _in_fund_currency(fund, by_pk[contribution_id], amount)
        received_in_fund[contribution_id] += value
        receipts.append((day, value))

    types = dict(StakeholderType.choices)
    by_type: dict[str, dict] = defaultdict(_empty_group)
    by_region: dict[str, dict] = defaultdict(_empty_group)
    no_region = _("Country unknown")
    regions = {
        found.country.code: found.itu_region
        for found in CountryRegion.objects.filter(
            country__in={c.contributor.country.code for c in contributions}
        ).select_related("itu_region")
    }
    for contribution in contributions:
        contribution.received = contribution.received or Decimal("0")
        contribution.received_money = Money(contribution.received, contribution.currency)
        contribution.outstanding = Money(
            max(contribution.amount - contribution.received, Decimal("0")), contribution.currency
        )
        contribution.days = (today - contribution.pledged_on).days
        pledged = contribution.fund_amount or Decimal("0")
        received = received_in_fund[contribution.pk]
        region = regions.get(contribution.contributor.country.code)
        for groups, key in (
            (
                by_type,
                str(types.get(contribution.contributor.stakeholder_type, _("Other"))),
            ),
            (by_region, str(region) if region else no_region),
        ):
            groups[key]["count"] += 1
            groups[key]["pledged"] += pledged
            groups[key]["received"] += received

    total = selectors.fund_total(fund=fund)
    total_received = sum(received_in_fund.values(), Decimal("0"))
    months = charts.cumulative_by_month(
        ((c.pledged_on, c.fund_amount or Decimal("0")) for c in contributions), receipts
    )
    chart = None
    if months:
        chart = charts.line_chart(
            months,
            title=_("Pledged and received over time, cumulative, in %(currency)s")
            % {"currency": fund.currency},
            description=_("From %(first)s to %(last)s: %(pledged)s pledged, %(received)s received.")
            % {
                "first": months[0].label,
                "last": months[-1].label,
                "pledged": Money(months[-1].pledged, fund.currency),
                "received": Money(months[-1].received, fund.currency),
            },
            legend=(_("Pledged"), _("Received"), _("Target")),
            target=fund.target,
        )

    rates = list(ExchangeRate.objects.filter(fund=fund).order_by("from_currency", "-valid_from"))
    current_rates = set()
    for _currency, history in groupby(rates, key=lambda r: r.from_currency):
        for rate in history:
            if rate.valid_from <= today:
                current_rates.add(rate.pk)
                break

    orders = PackageOrder.objects.filter(package__fund=fund).select_related("package", "partner")
    return {
        "fund": fund,
        "current": "dashboard",
        "can_manage": True,
        "today": today,
        "target": Money(fund.target, fund.currency) if fund.target else None,
        "pledged": Money(total, fund.currency),
        "received": Money(total_received, fund.currency),
        "percent": min(100, int(total * 100 / fund.target)) if fund.target else None,
        "chart": chart,
        "months": [
            {
                "label": m.label,
                "start": m.start,
                "pledged": Money(m.pledged, fund.currency),
                "received": Money(m.received, fund.currency),
            }
            for m in months
            if m.changed
        ],
        "currencies": [
            {
                "currency": currency,
                "pledged": Money(values["pledged"], currency),
                "received": Money(values["received"], currency),
                "outstanding": Money(
                    max(values["pledged"] - values["received"], Decimal("0")), currency
                ),
            }
            for currency, values in sorted(selectors.totals_by_currency(fund=fund).items())
        ],
        "by_type": _breakdown(fund, by_type),
        "by_region": _breakdown(fund, by_region, last=no_region),
        "contributions": contributions,
        "outstanding": sorted(
            (c for c in contributions if c.state in OUTSTANDING), key=lambda c: c.pledged_on
        ),
        "to_acknowledge": [c for c in contributions if c.state == ContributionState.RECEIVED],
        "requests": list(
            orders.filter(state__in=(OrderState.REQUESTED, OrderState.WAITLISTED)).order_by(
                "created_at"
            )
        ),
        "confirmed": list(
            orders.filter(state=OrderState.CONFIRMED)
            .prefetch_related(
                Prefetch("checklist", queryset=BenefitDelivery.objects.select_related("benefit"))
            )
            .order_by("partner__name")
        ),
        "rates": rates,
        "current_rates": current_rates,
    }


def _render_dashboard(
    request: HttpRequest,
    fund: TrustFund,
    *,
    pledge_form: PledgeForm | None = None,
    rate_form: RateForm | None = None,
) -> HttpResponse:
    context = _dashboard_context(fund) | {
        "pledge_form": pledge_form or PledgeForm(fund=fund),
        "rate_form": rate_form or RateForm(fund=fund),
        "decline_form": DeclineForm(),
    }
    return render(request, "partnerships/dashboard.html", context)


def _to_dashboard(fund: TrustFund, section: str = "") -> HttpResponse:
    url = reverse("partnerships:dashboard", kwargs={"slug": fund.slug})
    return redirect(f"{url}#{section}" if section else url)


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_dashboard(request, _managed_fund(request, slug))


@login_required
@require_POST
def record_pledge(request: HttpRequest, slug: str) -> HttpResponse:
    fund = _managed_fund(request, slug)
    form = PledgeForm(request.POST, fund=fund)
    if form.is_valid():
        data = form.cleaned_data
        try:
            contribution = services.pledge(
                fund=fund,
                contributor=data["contributor"],
                amount=data["amount"],
                currency=data["currency"],
                pledged_on=data["pledged_on"],
                by=request.user,
                kind=data["kind"],
                in_kind_description=data["in_kind_description"],
                earmark=data["earmark"],
                publicly_listed=data["publicly_listed"],
                amount_public=data["amount_public"],
            )
        except services.FundError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The pledge of %(amount)s by %(contributor)s is recorded.")
                % {"amount": contribution.pledged, "contributor": contribution.contributor.name},
            )
            return redirect("partnerships:contribution", slug=fund.slug, pk=contribution.pk)
    return _render_dashboard(request, fund, pledge_form=form)


@login_required
@require_POST
def add_rate(request: HttpRequest, slug: str) -> HttpResponse:
    fund = _managed_fund(request, slug)
    form = RateForm(request.POST, fund=fund)
    if form.is_valid():
        data = form.cleaned_data
        try:
            rate = services.add_rate(
                fund=fund,
                from_currency=data["from_currency"],
                rate=data["rate"],
                valid_from=data["valid_from"],
                source=data["source"],
                by=request.user,
            )
        except services.FundError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Rate recorded: %(rate)s.") % {"rate": rate})
            return _to_dashboard(fund, "rates")
    return _render_dashboard(request, fund, rate_form=form)


def _order(fund: TrustFund, pk: int) -> PackageOrder:
    return get_object_or_404(
        PackageOrder.objects.select_related("package", "partner"), pk=pk, package__fund=fund
    )


@login_required
@require_POST
def confirm_order(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fund = _managed_fund(request, slug)
    order = _order(fund, pk)
    try:
        order = services.confirm_order(order=order, by=request.user)
    except services.FundError as error:
        messages.error(request, error.message)
        return _to_dashboard(fund, "requests")
    messages.success(
        request,
        _("%(partner)s is confirmed for “%(package)s”; its pledge of %(amount)s is recorded.")
        % {
            "partner": order.partner.name,
            "package": order.package.name,
            "amount": order.contribution.pledged,
        },
    )
    return _to_dashboard(fund, "requests")


@login_required
@require_POST
def decline_order(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fund = _managed_fund(request, slug)
    order = _order(fund, pk)
    if order.state not in (OrderState.REQUESTED, OrderState.WAITLISTED):
        messages.error(request, _("This request is closed."))
        return _to_dashboard(fund, "requests")
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.decline_order(order=order, by=request.user, reason=reason)
    messages.success(
        request,
        _("The request of %(partner)s for “%(package)s” is declined.")
        % {"partner": order.partner.name, "package": order.package.name},
    )
    return _to_dashboard(fund, "requests")


@login_required
@require_POST
def tick_benefit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fund = _managed_fund(request, slug)
    item = get_object_or_404(
        BenefitDelivery.objects.select_related("order", "benefit"),
        pk=pk,
        order__package__fund=fund,
        order__state=OrderState.CONFIRMED,
    )
    form = BenefitForm(request.POST)
    if form.is_valid():
        services.tick_benefit(
            item=item,
            done=form.cleaned_data["done"],
            note=form.cleaned_data["note"],
            by=request.user,
        )
        messages.success(
            request,
            (_("“%(benefit)s” is done.") if item.done_at else _("“%(benefit)s” is to do again."))
            % {"benefit": item.benefit.description},
        )
    else:
        messages.error(request, _("The note is too long (300 characters at most)."))
    return _to_dashboard(fund, f"order-{item.order_id}")


# --- Secretariat: one contribution -----------------------------------------------------------


def _contribution(fund: TrustFund, pk: int) -> Contribution:
    return get_object_or_404(
        Contribution.objects.select_related("contributor", "fund_rate"), pk=pk, fund=fund
    )


def _render_contribution(
    request: HttpRequest,
    fund: TrustFund,
    contribution: Contribution,
    *,
    receipt_form: ReceiptForm | None = None,
) -> HttpResponse:
    receipts = list(contribution.receipts.select_related("recorded_by"))
    received = sum((r.amount for r in receipts), Decimal("0"))
    order = PackageOrder.objects.filter(contribution=contribution).select_related("package").first()
    context = {
        "fund": fund,
        "current": "dashboard",
        "can_manage": True,
        "contribution": contribution,
        "receipts": [
            {"receipt": r, "amount": Money(r.amount, contribution.currency)} for r in receipts
        ],
        "received": Money(received, contribution.currency),
        "outstanding": Money(
            max(contribution.amount - received, Decimal("0")), contribution.currency
        ),
        "in_fund_currency": Money(contribution.fund_amount, fund.currency)
        if contribution.fund_amount is not None
        else None,
        "order": order,
        "receipt_form": receipt_form or ReceiptForm(),
        "consent_form": ConsentForm(
            initial={
                "publicly_listed": contribution.publicly_listed,
                "amount_public": contribution.amount_public,
            }
        ),
        "can_acknowledge": contribution.state == ContributionState.RECEIVED,
    }
    return render(request, "partnerships/contribution.html", context)


@login_required
def contribution_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fund = _managed_fund(request, slug)
    return _render_contribution(request, fund, _contribution(fund, pk))


@login_required
@require_POST
def record_receipt(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fund = _managed_fund(request, slug)
    contribution = _contribution(fund, pk)
    form = ReceiptForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            receipt = services.record_receipt(
                contribution=contribution,
                amount=data["amount"],
                received_on=data["received_on"],
                reference=data["reference"],
                confirm_over=data["confirm_over"],
                by=request.user,
            )
        except services.FundError as error:
            form.add_error(None, error.message)
            form.needs_confirmation = form.needs_confirmation or error.needs_confirmation
        else:
            contribution.refresh_from_db()
            messages.success(
                request,
                _("%(amount)s received; the contribution is now “%(state)s”.")
                % {
                    "amount": Money(receipt.amount, contribution.currency),
                    "state": contribution.get_state_display(),
                },
            )
            return redirect("partnerships:contribution", slug=fund.slug, pk=contribution.pk)
    return _render_contribution(request, fund, contribution, receipt_form=form)


@login_required
@require_POST
def acknowledge(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fund = _managed_fund(request, slug)
    contribution = _contribution(fund, pk)
    try:
        services.acknowledge(contribution=contribution, by=request.user)
    except services.FundError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The contribution of %(contributor)s is acknowledged.")
            % {"contributor": contribution.contributor.name},
        )
    return redirect("partnerships:contribution", slug=fund.slug, pk=contribution.pk)


@login_required
@require_POST
def set_consent(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    fund = _managed_fund(request, slug)
    contribution = _contribution(fund, pk)
    form = ConsentForm(request.POST)
    if form.is_valid():
        services.set_consent(
            contribution=contribution,
            listed=form.cleaned_data["publicly_listed"],
            amount_public=form.cleaned_data["amount_public"],
            by=request.user,
        )
        messages.success(request, _("The contributor's choice is recorded."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("partnerships:contribution", slug=fund.slug, pk=contribution.pk)


@login_required
def acknowledgement_letter(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The thank-you letter on letterhead, once the contribution is received in full."""
    from ..letters import acknowledgement_filename, acknowledgement_pdf

    fund = _managed_fund(request, slug)
    contribution = _contribution(fund, pk)
    try:
        content = acknowledgement_pdf(contribution)
    except services.FundError as error:
        messages.error(request, error.message)
        return redirect("partnerships:contribution", slug=fund.slug, pk=contribution.pk)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{acknowledgement_filename(contribution)}"'
    )
    return response
