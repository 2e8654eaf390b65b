"""Trust-fund services: money that is always a Decimal, pledges and receipts, exchange-rate
history, acknowledgements, and partnership packages that are never oversold."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from convoca.core.models import AuditEntry
from convoca.core.money import CurrencyMismatch, Money
from convoca.partnerships import selectors, services
from convoca.partnerships.models import (
    BenefitDelivery,
    Contribution,
    ContributionKind,
    ContributionState,
    ExchangeRate,
    OrderState,
    PackageOrder,
    PartnershipPackage,
    Receipt,
)
from convoca.partnerships.services import FundError
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

FEB_1 = dt.date(2022, 2, 1)


def pledge(fund, by, *, amount="50000.00", currency="CHF", pledged_on=FEB_1, **options):
    return services.pledge(
        fund=fund,
        contributor=options.pop("contributor", None) or OrganizationFactory(),
        amount=amount,
        currency=currency,
        pledged_on=pledged_on,
        by=by,
        **options,
    )


def receive(contribution, by, amount, **options):
    return services.record_receipt(
        contribution=contribution, amount=amount, received_on=dt.date(2022, 3, 1), by=by, **options
    )


def add_rate(fund, by, currency, rate, valid_from):
    return services.add_rate(
        fund=fund, from_currency=currency, rate=rate, valid_from=valid_from, by=by
    )


def actions(prefix="partnerships."):
    return list(
        AuditEntry.objects.filter(action__startswith=prefix)
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- Money: Decimal in, Decimal out, never a float -------------------------------------------


@pytest.mark.parametrize(
    ("currency", "parts", "total"),
    [
        ("CHF", ["0.10", "0.20"], "0.30"),  # 0.1 + 0.2 == 0.30000000000000004 in binary floats
        ("USD", ["19.99", "0.01", "1000000.00"], "1000020.00"),
        ("EUR", ["33.33", "33.33", "33.34"], "100.00"),
        ("JPY", ["1500000", "250"], "1500250"),
        ("GBP", ["0.05"] * 7, "0.35"),
    ],
)
def test_money_adds_exactly_in_each_currency(currency, parts, total):
    money = Money(Decimal("0"), currency)
    for part in parts:
        money = money + Money(part, currency)
    assert money == Money(Decimal(total), currency)
    assert type(money.amount) is Decimal
    assert (money - Money(parts[0], currency)).amount == Decimal(total) - Decimal(parts[0])


def test_money_refuses_floats_and_other_currencies():
    with pytest.raises(TypeError):
        Money(0.1, "CHF")
    with pytest.raises(TypeError):
        Money("1.00", "CHF").convert(rate=0.92, to="USD")
    with pytest.raises(TypeError):
        Money("1.00", "CHF") + Decimal("1.00")
    with pytest.raises(CurrencyMismatch):
        Money("1.00", "CHF") + Money("1.00", "USD")
    with pytest.raises(ValidationError):
        Money("1.00", "XYZ")


def test_conversion_rounds_as_the_target_currency_wants():
    converted = Money("25000.00", "USD").convert(rate=Decimal("0.9215"), to="CHF")
    assert converted == Money(Decimal("23037.50"), "CHF")
    assert type(converted.amount) is Decimal
    # Half to even, to the cent: 100.25 × 1.03705 = 103.9642625.
    assert Money("100.25", "EUR").convert(rate=Decimal("1.03705"), to="CHF").amount == Decimal(
        "103.96"
    )
    # The yen has no cents.
    assert Money("10.00", "CHF").convert(rate=Decimal("151.237"), to="JPY").amount == Decimal(
        "1512"
    )


@pytest.mark.parametrize("value", [1.5, 0.1, float("nan")])
def test_parsing_refuses_floats(value):
    with pytest.raises(TypeError):
        services.parse_amount(value)
    with pytest.raises(TypeError):
        services.parse_rate(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("50000", Decimal("50000")),
        ("50000.5", Decimal("50000.5")),
        (" 1 000 000.25 ", Decimal("1000000.25")),
        ("1\u202f000", Decimal("1000")),
        (Decimal("7.10"), Decimal("7.10")),
        (12, Decimal("12")),
    ],
)
def test_amounts_read_from_people(value, expected):
    parsed = services.parse_amount(value)
    assert parsed == expected
    assert type(parsed) is Decimal


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "greater than zero"),
        ("0", "greater than zero"),
        ("0.00", "greater than zero"),
        ("abc", "is not an amount"),
        ("12,50", "is not an amount"),
        ("", "is not an amount"),
        ("NaN", "greater than zero"),
        ("Infinity", "greater than zero"),
        ("12.345", "at most two decimals"),
        ("0.001", "at most two decimals"),
    ],
)
def test_bad_amounts_are_refused_with_a_clear_message(value, message):
    with pytest.raises(FundError) as error:
        services.parse_amount(value)
    assert message in str(error.value.message)


def test_a_pledge_is_stored_in_decimals(fund, secretariat):
    contribution = pledge(fund, secretariat, amount="1234.56")
    contribution = Contribution.objects.get(pk=contribution.pk)
    assert contribution.amount == Decimal("1234.56")
    assert type(contribution.amount) is Decimal
    assert type(contribution.fund_amount) is Decimal
    assert contribution.pledged == Money(Decimal("1234.56"), "CHF")


@pytest.mark.parametrize("amount", [1000.0, 0.5])
def test_a_float_pledge_is_refused_and_nothing_saved(fund, secretariat, amount):
    with pytest.raises(TypeError):
        pledge(fund, secretariat, amount=amount)
    with pytest.raises(TypeError):
        add_rate(fund, secretariat, "USD", 0.92, FEB_1)
    assert not Contribution.objects.exists()
    assert not ExchangeRate.objects.exists()


def test_totals_stay_decimal_in_several_currencies(fund, secretariat):
    add_rate(fund, secretariat, "USD", "0.9215", dt.date(2022, 1, 3))
    add_rate(fund, secretariat, "EUR", "1.037", dt.date(2022, 1, 3))
    add_rate(fund, secretariat, "JPY", "0.00799", dt.date(2022, 1, 3))
    chf = pledge(fund, secretariat, amount="0.10")
    pledge(fund, secretariat, amount="0.20")
    usd = pledge(fund, secretariat, amount="25000", currency="USD")
    pledge(fund, secretariat, amount="40000", currency="EUR")
    pledge(fund, secretariat, amount="3000000", currency="JPY")
    receive(chf, secretariat, "0.10")
    receive(usd, secretariat, "10000.10")
    receive(usd, secretariat, "5000")

    totals = selectors.totals_by_currency(fund=fund)

    assert totals["CHF"] == {"pledged": Decimal("0.30"), "received": Decimal("0.10")}
    assert totals["USD"] == {"pledged": Decimal("25000"), "received": Decimal("15000.10")}
    assert totals["EUR"]["pledged"] == Decimal("40000")
    assert totals["JPY"] == {"pledged": Decimal("3000000"), "received": Decimal("0")}
    for row in totals.values():
        assert all(type(value) is Decimal for value in row.values())
    # 0.30 + 23037.50 + 41480.00 + 23970.00
    total = selectors.fund_total(fund=fund)
    assert total == Decimal("88487.80")
    assert type(total) is Decimal
    received = services.received_total(usd)
    assert received == Decimal("15000.10")
    assert type(received) is Decimal


@pytest.mark.parametrize("code", ["XYZ", "usd", "CHFF", ""])
def test_an_unknown_currency_is_refused_and_nothing_saved(fund, secretariat, code):
    with pytest.raises(FundError) as error:
        pledge(fund, secretariat, currency=code)
    assert "ISO 4217" in str(error.value.message)
    with pytest.raises(FundError):
        add_rate(fund, secretariat, code, "1.5", FEB_1)
    assert not Contribution.objects.exists()
    assert not ExchangeRate.objects.exists()
    assert actions() == []


def test_in_kind_needs_a_description(fund, secretariat):
    with pytest.raises(FundError):
        pledge(fund, secretariat, kind=ContributionKind.IN_KIND, in_kind_description="  ")
    given = pledge(fund, secretariat, kind=ContributionKind.IN_KIND,
                   in_kind_description=" Cloud hosting ")  # fmt: skip
    assert given.in_kind_description == "Cloud hosting"


def test_the_amount_is_public_only_when_the_contributor_is_listed(fund, secretariat):
    assert not pledge(fund, secretariat, amount_public=True).amount_public
    assert pledge(fund, secretariat, publicly_listed=True, amount_public=True).amount_public


# --- Receipts --------------------------------------------------------------------------------


def test_partial_receipts_move_the_state(fund, secretariat):
    contribution = pledge(fund, secretariat, amount="50000.00")
    assert contribution.state == ContributionState.PLEDGED

    receive(contribution, secretariat, "20000", reference="UBS-1")
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.PARTIALLY_RECEIVED
    assert services.received_total(contribution) == Decimal("20000.00")

    receive(contribution, secretariat, "29999.99", reference="UBS-2")
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.PARTIALLY_RECEIVED

    receive(contribution, secretariat, "0.01", reference="UBS-3")
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.RECEIVED
    assert services.received_total(contribution) == Decimal("50000.00")
    assert list(contribution.receipts.values_list("reference", flat=True)) == [
        "UBS-1",
        "UBS-2",
        "UBS-3",
    ]


def test_a_receipt_above_the_pledge_needs_confirmation(fund, secretariat):
    contribution = pledge(fund, secretariat, amount="1000.00")
    receive(contribution, secretariat, "600")
    before = actions()

    with pytest.raises(FundError) as error:
        receive(contribution, secretariat, "500", reference="TOO-MUCH")

    assert error.value.needs_confirmation
    assert "Confirm" in str(error.value.message)
    assert Receipt.objects.filter(contribution=contribution).count() == 1
    assert not Receipt.objects.filter(reference="TOO-MUCH").exists()
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.PARTIALLY_RECEIVED
    assert actions() == before

    receive(contribution, secretariat, "500", reference="TOO-MUCH", confirm_over=True)
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.RECEIVED
    assert services.received_total(contribution) == Decimal("1100.00")


@pytest.mark.parametrize("amount", ["0", "-10", "10.001", "ten"])
def test_a_bad_receipt_saves_nothing(fund, secretariat, amount):
    contribution = pledge(fund, secretariat)
    with pytest.raises(FundError):
        receive(contribution, secretariat, amount)
    assert not Receipt.objects.exists()


# --- Exchange rates ----------------------------------------------------------------------------


def test_a_pledge_records_the_rate_of_its_date(fund, secretariat):
    january = add_rate(fund, secretariat, "USD", "0.9215", dt.date(2022, 1, 3))
    march = add_rate(fund, secretariat, "USD", "0.9300", dt.date(2022, 3, 1))

    february = pledge(fund, secretariat, amount="25000", currency="USD", pledged_on=FEB_1)
    april = pledge(fund, secretariat, amount="25000", currency="USD",
                   pledged_on=dt.date(2022, 4, 1))  # fmt: skip

    assert february.fund_rate == january
    assert february.fund_amount == Decimal("23037.50")
    assert april.fund_rate == march
    assert april.fund_amount == Decimal("23250.00")


def test_a_later_rate_does_not_change_an_existing_contribution(fund, secretariat):
    january = add_rate(fund, secretariat, "EUR", "1.0370", dt.date(2022, 1, 3))
    contribution = pledge(fund, secretariat, amount="40000", currency="EUR")
    assert contribution.fund_amount == Decimal("41480.00")

    # A new rate, even one valid before the pledge date, is only used by new pledges.
    add_rate(fund, secretariat, "EUR", "1.2000", dt.date(2022, 1, 20))
    add_rate(fund, secretariat, "EUR", "0.5000", dt.date(2022, 6, 1))

    contribution.refresh_from_db()
    assert contribution.fund_amount == Decimal("41480.00")
    assert contribution.fund_rate == january
    assert ExchangeRate.objects.get(pk=january.pk).rate == Decimal("1.0370")
    assert selectors.fund_total(fund=fund) == Decimal("41480.00")


def test_no_rate_is_a_clear_error_and_nothing_is_saved(fund, secretariat):
    add_rate(fund, secretariat, "USD", "0.9215", dt.date(2022, 3, 1))  # after the pledge
    add_rate(fund, secretariat, "EUR", "1.0370", dt.date(2022, 1, 3))  # another currency
    before = actions()

    with pytest.raises(FundError) as error:
        pledge(fund, secretariat, amount="25000", currency="USD", pledged_on=FEB_1)

    message = str(error.value.message)
    assert "USD" in message
    assert "CHF" in message
    assert "2022-02-01" in message
    assert "add one first" in message
    assert not Contribution.objects.exists()
    assert actions() == before


def test_the_funds_own_currency_needs_no_rate(fund, secretariat):
    contribution = pledge(fund, secretariat, amount="99.95")
    assert contribution.fund_amount == Decimal("99.95")
    assert contribution.fund_rate is None


def test_one_rate_per_currency_and_day(fund, secretariat):
    add_rate(fund, secretariat, "USD", "0.9215", FEB_1)
    with pytest.raises(FundError):
        add_rate(fund, secretariat, "USD", "0.9300", FEB_1)
    assert ExchangeRate.objects.get().rate == Decimal("0.92150000")


@pytest.mark.parametrize("rate", ["0", "-1", "abc", "NaN"])
def test_bad_rates_are_refused(fund, secretariat, rate):
    with pytest.raises(FundError):
        add_rate(fund, secretariat, "USD", rate, FEB_1)
    assert not ExchangeRate.objects.exists()


# --- Acknowledgement ---------------------------------------------------------------------------


def test_acknowledge_only_when_received_in_full(fund, secretariat):
    contribution = pledge(fund, secretariat, amount="1000")
    with pytest.raises(FundError):
        services.acknowledge(contribution=contribution, by=secretariat)
    receive(contribution, secretariat, "400")
    with pytest.raises(FundError):
        services.acknowledge(contribution=contribution, by=secretariat)
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.PARTIALLY_RECEIVED
    assert contribution.acknowledged_at is None

    receive(contribution, secretariat, "600")
    acknowledged = services.acknowledge(contribution=contribution, by=secretariat)

    assert acknowledged.state == ContributionState.ACKNOWLEDGED
    assert acknowledged.acknowledged_at is not None
    again = services.acknowledge(contribution=contribution, by=secretariat)
    assert again.acknowledged_at == acknowledged.acknowledged_at
    assert actions().count("partnerships.contribution.acknowledged") == 1
    # A late receipt does not undo the thanks.
    receive(contribution, secretariat, "1", confirm_over=True)
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.ACKNOWLEDGED


# --- Packages ----------------------------------------------------------------------------------


def test_a_request_is_confirmed_into_a_pledge_with_its_benefits(package, partner, secretariat):
    order = services.request_package(package=package, partner=partner, by=secretariat,
                                     list_publicly=True, show_amount=True)  # fmt: skip
    assert order.state == OrderState.REQUESTED

    confirmed = services.confirm_order(order=order, by=secretariat)

    assert confirmed.state == OrderState.CONFIRMED
    contribution = confirmed.contribution
    assert contribution.contributor == partner
    assert contribution.amount == Decimal("50000.00")
    assert contribution.earmark == "Gold partner"
    assert contribution.publicly_listed
    assert contribution.amount_public
    assert BenefitDelivery.objects.filter(order=order).count() == 3
    package.refresh_from_db()
    assert package.confirmed_count == 1
    assert package.left == 2
    # Confirming twice changes nothing.
    services.confirm_order(order=order, by=secretariat)
    package.refresh_from_db()
    assert package.confirmed_count == 1
    assert Contribution.objects.count() == 1


def test_when_none_is_left_requests_join_the_waiting_list(fund, secretariat):
    package = PartnershipPackage.objects.create(
        fund=fund, name="Hackathon sponsor", slug="hackathon", price="25000.00", currency="CHF",
        quantity=1,
    )  # fmt: skip
    first, second = OrganizationFactory(), OrganizationFactory()
    first_order = services.request_package(package=package, partner=first, by=secretariat)
    services.confirm_order(order=first_order, by=secretariat)

    waiting = services.request_package(package=package, partner=second, by=secretariat)

    assert waiting.state == OrderState.WAITLISTED
    with pytest.raises(FundError) as error:
        services.confirm_order(order=waiting, by=secretariat)
    assert "All 1 “Hackathon sponsor” packages are taken" in str(error.value.message)
    waiting.refresh_from_db()
    assert waiting.state == OrderState.WAITLISTED
    assert waiting.contribution is None

    # A place freed by a decline can go to the waiting list.
    services.decline_order(order=first_order, by=secretariat, reason="Budget cut")
    package.refresh_from_db()
    assert package.confirmed_count == 0
    assert services.confirm_order(order=waiting, by=secretariat).state == OrderState.CONFIRMED


def test_a_duplicate_request_is_refused(package, partner, secretariat):
    order = services.request_package(package=package, partner=partner, by=secretariat)
    with pytest.raises(FundError) as error:
        services.request_package(package=package, partner=partner, by=secretariat)
    assert "already asked" in str(error.value.message)
    assert PackageOrder.objects.count() == 1

    # Once declined, the organization may ask again.
    services.decline_order(order=order, by=secretariat)
    again = services.request_package(package=package, partner=partner, by=secretariat)
    assert again.state == OrderState.REQUESTED


def test_a_closed_request_cannot_be_confirmed(package, partner, secretariat):
    order = services.request_package(package=package, partner=partner, by=secretariat)
    services.decline_order(order=order, by=secretariat)
    with pytest.raises(FundError):
        services.confirm_order(order=order, by=secretariat)
    package.refresh_from_db()
    assert package.confirmed_count == 0


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_confirmations_never_oversell(package, secretariat):
    """50 requests confirmed at once, each in its own thread and database connection: exactly
    `quantity` are confirmed. On PostgreSQL the conditional UPDATE of the package row decides;
    SQLite serialises writers, and the same must hold."""
    orders = [
        services.request_package(package=package, partner=OrganizationFactory(), by=secretariat)
        for _ in range(50)
    ]
    assert all(order.state == OrderState.REQUESTED for order in orders)
    start = threading.Barrier(len(orders))
    outcomes: dict[int, str] = {}

    def confirm(order):
        try:
            start.wait(timeout=30)
            services.confirm_order(order=order, by=secretariat)
            outcomes[order.pk] = "confirmed"
        except FundError as error:
            outcomes[order.pk] = str(error.message)
        except Exception as error:  # anything else fails the test below, with its name
            outcomes[order.pk] = f"{type(error).__name__}: {error}"
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(order,)) for order in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)

    refused = "All 3 “Gold partner” packages are taken; this request was not confirmed."
    assert sorted(outcomes.values()).count("confirmed") == 3
    assert {text for text in outcomes.values() if text != "confirmed"} == {refused}
    package.refresh_from_db()
    assert package.confirmed_count == 3
    states = dict(PackageOrder.objects.values_list("pk", "state"))
    assert sum(state == OrderState.CONFIRMED for state in states.values()) == 3
    assert {states[pk] for pk, text in outcomes.items() if text != "confirmed"} <= {
        OrderState.REQUESTED,
        OrderState.WAITLISTED,
    }
    assert Contribution.objects.count() == 3
    assert BenefitDelivery.objects.count() == 3 * 3


@pytest.mark.parametrize("value", ["1e17", "1E+3", "99999999999999999.99"])
def test_absurd_amounts_are_refused_with_a_message(value):
    from convoca.partnerships.services import FundError, parse_amount

    with pytest.raises(FundError):
        parse_amount(value)


def test_declining_a_confirmed_package_gives_the_place_and_the_pledge_back(
    package, partner, secretariat
):
    from convoca.partnerships.models import Contribution, PartnershipPackage
    from convoca.partnerships.services import confirm_order, decline_order, request_package

    order = confirm_order(
        order=request_package(package=package, partner=partner, by=secretariat), by=secretariat
    )
    assert PartnershipPackage.objects.get(pk=package.pk).confirmed_count == 1
    decline_order(order=order, by=secretariat, reason="Duplicate")
    assert PartnershipPackage.objects.get(pk=package.pk).confirmed_count == 0
    assert not Contribution.objects.exists()
    assert not order.checklist.exists()
