"""Every write to trust funds: pledges, receipts, rates, packages and their benefits."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convoca.core.audit import log_action
from convoca.core.money import Money, validate_currency

from .models import (
    BenefitDelivery,
    Contribution,
    ContributionKind,
    ContributionState,
    ExchangeRate,
    OrderState,
    PackageOrder,
    PartnershipPackage,
    Receipt,
    TrustFund,
)


class FundError(Exception):
    def __init__(self, message, *, needs_confirmation: bool = False):
        super().__init__(message)
        self.message = message
        self.needs_confirmation = needs_confirmation


MAX_AMOUNT = Decimal(10) ** 16  # what an 18-digit, 2-decimal column holds


def parse_amount(value) -> Decimal:
    """A positive Decimal from user input, refusing floats and anything not a number."""
    if isinstance(value, float):
        raise TypeError("amounts are Decimals or strings, never floats")
    text = str(value).strip().replace(" ", "").replace("\u202f", "")
    if "e" in text.lower():
        raise FundError(_("“%(value)s” is not an amount.") % {"value": value})
    try:
        amount = Decimal(text)
    except (InvalidOperation, ValueError) as error:
        raise FundError(_("“%(value)s” is not an amount.") % {"value": value}) from error
    if not amount.is_finite() or amount <= 0:
        raise FundError(_("An amount must be greater than zero."))
    if amount.as_tuple().exponent < -2:
        raise FundError(_("Amounts have at most two decimals."))
    if amount >= MAX_AMOUNT:
        raise FundError(_("That amount is too large to record."))
    return amount


def _currency(code: str) -> str:
    from django.core.exceptions import ValidationError

    try:
        validate_currency(code)
    except ValidationError as error:
        raise FundError(_("%(code)s is not an ISO 4217 currency code.") % {"code": code}) from error
    return code


# --- Rates -----------------------------------------------------------------------------------


@transaction.atomic
def add_rate(
    *, fund: TrustFund, from_currency: str, rate, valid_from: dt.date, by, source: str = ""
) -> ExchangeRate:
    """Record a rate into the fund's currency from a date on; rates are added, never edited."""
    rate = parse_rate(rate)
    found = ExchangeRate(
        fund=fund,
        from_currency=_currency(from_currency),
        to_currency=fund.currency,
        rate=rate,
        valid_from=valid_from,
        source=source,
    )
    try:
        with transaction.atomic():
            found.save()
    except IntegrityError as error:
        raise FundError(
            _("A %(currency)s rate from %(date)s exists; add one for another day.")
            % {"currency": from_currency, "date": valid_from}
        ) from error
    log_action(
        fund, "partnerships.rate.added", by=by, data={"currency": from_currency, "rate": rate}
    )
    return found


def parse_rate(value) -> Decimal:
    if isinstance(value, float):
        raise TypeError("rates are Decimals or strings, never floats")
    try:
        rate = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise FundError(_("“%(value)s” is not a rate.") % {"value": value}) from error
    if not rate.is_finite() or rate <= 0:
        raise FundError(_("A rate must be greater than zero."))
    return rate


def rate_on(*, fund: TrustFund, currency: str, day: dt.date) -> ExchangeRate | None:
    return (
        ExchangeRate.objects.filter(
            fund=fund, from_currency=currency, to_currency=fund.currency, valid_from__lte=day
        )
        .order_by("-valid_from")
        .first()
    )


def _convert(contribution: Contribution) -> None:
    """Fix the contribution's value in the fund's currency with the rate of its pledge date."""
    fund = contribution.fund
    if contribution.currency == fund.currency:
        contribution.fund_amount, contribution.fund_rate = contribution.amount, None
        return
    rate = rate_on(fund=fund, currency=contribution.currency, day=contribution.pledged_on)
    if rate is None:
        raise FundError(
            _("There is no %(from)s → %(to)s rate on or before %(date)s; add one first.")
            % {"from": contribution.currency, "to": fund.currency, "date": contribution.pledged_on}
        )
    contribution.fund_rate = rate
    contribution.fund_amount = (
        Money(contribution.amount, contribution.currency)
        .convert(rate=rate.rate, to=fund.currency)
        .amount
    )


# --- Contributions ---------------------------------------------------------------------------


@transaction.atomic
def pledge(
    *,
    fund: TrustFund,
    contributor,
    amount,
    currency: str,
    pledged_on: dt.date,
    by,
    kind: str = ContributionKind.FINANCIAL,
    in_kind_description: str = "",
    earmark: str = "",
    publicly_listed: bool = False,
    amount_public: bool = False,
) -> Contribution:
    """A new pledge, valued in the fund's currency at the rate of its date."""
    if kind == ContributionKind.IN_KIND and not in_kind_description.strip():
        raise FundError(_("Describe what is given in kind."))
    contribution = Contribution(
        fund=fund,
        contributor=contributor,
        kind=kind,
        amount=parse_amount(amount),
        currency=_currency(currency),
        pledged_on=pledged_on,
        in_kind_description=in_kind_description.strip(),
        earmark=earmark.strip(),
        publicly_listed=publicly_listed,
        amount_public=amount_public and publicly_listed,
    )
    _convert(contribution)
    contribution.save()
    log_action(
        contribution,
        "partnerships.contribution.pledged",
        by=by,
        data={"amount": contribution.amount, "currency": contribution.currency},
    )
    return contribution


def received_total(contribution: Contribution) -> Decimal:
    return contribution.receipts.aggregate(total=Sum("amount"))["total"] or Decimal("0")


@transaction.atomic
def record_receipt(
    *,
    contribution: Contribution,
    amount,
    received_on: dt.date,
    by,
    reference: str = "",
    confirm_over: bool = False,
) -> Receipt:
    """Money received against a pledge. More than pledged is refused unless confirmed; the
    state follows the total (partially received, received)."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    amount = parse_amount(amount)
    total = received_total(contribution) + amount
    if total > contribution.amount and not confirm_over:
        raise FundError(
            _("That makes %(total)s received against %(pledged)s pledged. Confirm to record it.")
            % {
                "total": Money(total, contribution.currency),
                "pledged": contribution.pledged,
            },
            needs_confirmation=True,
        )
    receipt = Receipt.objects.create(
        contribution=contribution,
        amount=amount,
        received_on=received_on,
        reference=reference.strip(),
        recorded_by=by,
    )
    if contribution.state != ContributionState.ACKNOWLEDGED:
        contribution.state = (
            ContributionState.RECEIVED
            if total >= contribution.amount
            else ContributionState.PARTIALLY_RECEIVED
        )
        contribution.save(update_fields=["state", "updated_at"])
    log_action(
        contribution,
        "partnerships.receipt.recorded",
        by=by,
        data={"amount": amount, "total": total, "reference": receipt.reference},
    )
    return receipt


@transaction.atomic
def acknowledge(*, contribution: Contribution, by) -> Contribution:
    """Thank the contributor: only once the pledge is received in full."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if contribution.state == ContributionState.ACKNOWLEDGED:
        return contribution
    if contribution.state != ContributionState.RECEIVED:
        raise FundError(_("Acknowledge a contribution once it is received in full."))
    contribution.state = ContributionState.ACKNOWLEDGED
    contribution.acknowledged_at = timezone.now()
    contribution.save(update_fields=["state", "acknowledged_at", "updated_at"])
    log_action(contribution, "partnerships.contribution.acknowledged", by=by)
    return contribution


@transaction.atomic
def set_consent(
    *, contribution: Contribution, listed: bool, amount_public: bool, by
) -> Contribution:
    """The contributor's choice to appear on the public list, with or without the amount."""
    contribution.publicly_listed = listed
    contribution.amount_public = amount_public and listed
    contribution.save(update_fields=["publicly_listed", "amount_public", "updated_at"])
    log_action(
        contribution,
        "partnerships.contribution.consent",
        by=by,
        data={"listed": listed, "amount_public": contribution.amount_public},
    )
    return contribution


def unpaid_pledges_due(*, fund: TrustFund, today: dt.date) -> list[Contribution]:
    """Pledges with nothing received after the fund's reminder period, not yet reminded."""
    cutoff = today - dt.timedelta(days=fund.reminder_days)
    return list(
        Contribution.objects.filter(
            fund=fund, state=ContributionState.PLEDGED, pledged_on__lte=cutoff, reminded_at=None
        ).select_related("contributor")
    )


# --- Packages --------------------------------------------------------------------------------


@transaction.atomic
def request_package(
    *,
    package: PartnershipPackage,
    partner,
    by,
    note: str = "",
    list_publicly: bool = False,
    show_amount: bool = False,
) -> PackageOrder:
    """A partner asks for a package. When none is left the request joins the waiting list."""
    package = PartnershipPackage.objects.select_for_update().get(pk=package.pk)
    state = OrderState.REQUESTED if package.left > 0 else OrderState.WAITLISTED
    try:
        with transaction.atomic():
            order = PackageOrder.objects.create(
                package=package,
                partner=partner,
                requested_by=by,
                state=state,
                note=note.strip(),
                list_publicly=list_publicly,
                show_amount=show_amount and list_publicly,
            )
    except IntegrityError as error:
        raise FundError(_("Your organization has already asked for this package.")) from error
    log_action(order, f"partnerships.package.{state}", by=by, data={"package": package.name})
    return order


@transaction.atomic
def confirm_order(*, order: PackageOrder, by) -> PackageOrder:
    """Confirm a request: the package count goes up by one in the database, guarded by a
    constraint, so two confirmations can never sell more than the quantity."""
    order = PackageOrder.objects.select_for_update().select_related("package").get(pk=order.pk)
    if order.state == OrderState.CONFIRMED:
        return order
    if order.state not in (OrderState.REQUESTED, OrderState.WAITLISTED):
        raise FundError(_("This request is closed."))
    sold = PartnershipPackage.objects.filter(
        pk=order.package_id, confirmed_count__lt=F("quantity")
    ).update(confirmed_count=F("confirmed_count") + 1)
    if not sold:
        raise FundError(
            _("All %(n)s “%(package)s” packages are taken; this request was not confirmed.")
            % {"n": order.package.quantity, "package": order.package.name}
        )
    order.state = OrderState.CONFIRMED
    order.decided_at = timezone.now()
    package = order.package
    order.contribution = pledge(
        fund=package.fund,
        contributor=order.partner,
        amount=package.price,
        currency=package.currency,
        pledged_on=timezone.localdate(),
        by=by,
        earmark=str(package.name),
        publicly_listed=order.list_publicly,
        amount_public=order.show_amount,
    )
    order.save(update_fields=["state", "decided_at", "contribution", "updated_at"])
    BenefitDelivery.objects.bulk_create(
        BenefitDelivery(order=order, benefit=benefit) for benefit in package.benefits.all()
    )
    log_action(order, "partnerships.package.confirmed", by=by)
    return order


@transaction.atomic
def decline_order(*, order: PackageOrder, by, reason: str = "") -> PackageOrder:
    """Decline a request, or undo a confirmation: the place is given back and the pledge the
    confirmation created goes with it, unless money was already received against it."""
    order = PackageOrder.objects.select_for_update().get(pk=order.pk)
    if order.state not in (OrderState.REQUESTED, OrderState.WAITLISTED, OrderState.CONFIRMED):
        raise FundError(_("This request is closed."))
    if order.state == OrderState.CONFIRMED:
        contribution = order.contribution
        if contribution is not None and contribution.receipts.exists():
            raise FundError(
                _("Money was received for this package; record the refund before declining it.")
            )
        PartnershipPackage.objects.filter(pk=order.package_id).update(
            confirmed_count=F("confirmed_count") - 1
        )
        order.checklist.all().delete()
        if contribution is not None:
            order.contribution = None
            log_action(contribution, "partnerships.contribution.withdrawn", by=by)
            contribution.delete()
    order.state = OrderState.DECLINED
    order.decided_at = timezone.now()
    order.note = (order.note + "\n" + reason).strip()
    order.save(update_fields=["state", "decided_at", "note", "contribution", "updated_at"])
    log_action(order, "partnerships.package.declined", by=by, data={"reason": reason})
    return order


@transaction.atomic
def cancel_order(*, order: PackageOrder, by) -> PackageOrder:
    """The partner withdraws a request that is not confirmed yet."""
    order = PackageOrder.objects.select_for_update().get(pk=order.pk)
    if order.state not in (OrderState.REQUESTED, OrderState.WAITLISTED):
        raise FundError(_("Only a request that is not confirmed yet can be withdrawn."))
    order.state = OrderState.CANCELLED
    order.decided_at = timezone.now()
    order.save(update_fields=["state", "decided_at", "updated_at"])
    log_action(order, "partnerships.package.cancelled", by=by)
    return order


@transaction.atomic
def tick_benefit(*, item: BenefitDelivery, done: bool, by, note: str = "") -> BenefitDelivery:
    item.done_at = timezone.now() if done else None
    item.note = note
    item.save(update_fields=["done_at", "note"])
    log_action(
        item.order,
        "partnerships.benefit.ticked",
        by=by,
        data={"benefit": str(item.benefit), "done": done},
    )
    return item
