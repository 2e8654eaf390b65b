"""The demo WSIS Trust Fund 2022: from the seed circular, linked to its edition and circular,
with contributions and package requests in every state, all made through the services, and
nothing duplicated on a second run."""

import datetime as dt
from collections import Counter

import pytest

from convoca.accounts.models import User
from convoca.circulars.models import Circular
from convoca.core.models import AuditEntry
from convoca.demo.accounts import build_accounts
from convoca.demo.circulars import build_circulars
from convoca.demo.funds import build_funds
from convoca.demo.stakeholders import build_organizations, build_people
from convoca.partnerships import selectors
from convoca.partnerships.models import (
    Benefit,
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
from convoca.programme.models import Edition, Forum

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    organizations = build_organizations()
    build_people(organizations)
    build_accounts(password="demo-pass-2022", organizations=organizations)
    secretariat = User.objects.get(email="secretariat@demo.convoca.example")
    return secretariat, organizations


@pytest.fixture
def edition(db):
    """The 2022 edition as the programme demo makes it (its slug is what the fund links to)."""
    forum = Forum.objects.create(name="WSIS Forum", slug="wsis-forum", acronym="WSIS")
    return Edition.objects.create(
        forum=forum, name="WSIS Forum 2022", slug="wsis-forum-2022", time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15), final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
    )  # fmt: skip


@pytest.fixture
def built(demo, edition, django_capture_on_commit_callbacks):
    secretariat, organizations = demo
    with django_capture_on_commit_callbacks(execute=True):
        build_circulars(secretariat=secretariat)
    return build_funds(secretariat=secretariat, organizations=organizations)


def counts():
    models = (
        TrustFund, ExchangeRate, PartnershipPackage, Benefit, Contribution, Receipt,
        PackageOrder, BenefitDelivery, AuditEntry,
    )  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


def test_the_fund_comes_from_the_seed_circular(built, edition):
    fund = TrustFund.objects.get(slug="wsis-trust-fund-2022")
    assert built["fund"] == fund
    assert fund.name_en == "WSIS Trust Fund 2022"
    assert fund.name_es == "Fondo Fiduciario de la CMSI 2022"
    assert fund.year == 2022
    assert fund.currency == "CHF"
    assert fund.target > 0
    assert "Resolución 140" in fund.legal_basis_es
    assert "1332" in fund.legal_basis_es
    assert "Resolution 140" in fund.legal_basis_en
    assert "1332" in fund.legal_basis_en
    assert "DEMO" in fund.payment_instructions_en
    assert "(demo)" in fund.payment_instructions_en
    assert "demo" in fund.payment_instructions_es.lower()
    assert "50 000" in fund.outcomes_es
    assert "150" in fund.outcomes_es
    assert "50,000" in fund.outcomes_en
    assert "150 countries" in fund.outcomes_en
    assert fund.edition == edition
    assert fund.circular == Circular.objects.get(reference="Fondo Fiduciario de la CMSI 2022")


def test_rates_into_francs_with_their_dates(built):
    rates = ExchangeRate.objects.filter(fund=built["fund"])
    assert set(rates.values_list("from_currency", flat=True)) == {"USD", "EUR", "JPY", "GBP"}
    assert set(rates.values_list("to_currency", flat=True)) == {"CHF"}
    for currency in ("USD", "EUR", "JPY", "GBP"):
        assert rates.filter(from_currency=currency).values("valid_from").distinct().count() >= 2
    assert all(rate.source for rate in rates)


def test_packages_with_prices_quantities_and_benefits(built):
    packages = built["packages"]
    assert {"platinum", "gold", "silver", "hackathon", "exhibitor", "special-track"} <= set(
        packages
    )
    for package in packages.values():
        assert package.price > 0
        assert package.quantity > 0
        assert package.benefits.count() >= 2
    descriptions = " ".join(Benefit.objects.values_list("description_en", flat=True))
    for benefit in ("Logo on the", "speaking slot", "exhibition booth", "special track"):
        assert benefit in descriptions
    assert PartnershipPackage.objects.get(slug="gold").name_es == "Socio Oro"


def test_contributions_in_every_state_currency_and_kind(built):
    contributions = Contribution.objects.filter(fund=built["fund"])
    assert set(contributions.values_list("state", flat=True)) == set(ContributionState.values)
    assert {"CHF", "USD", "EUR", "JPY", "GBP"} <= set(
        contributions.values_list("currency", flat=True)
    )
    assert contributions.filter(kind=ContributionKind.IN_KIND).exclude(
        state=ContributionState.PLEDGED
    )
    assert contributions.exclude(earmark="").count() >= 3
    assert Counter(contributions.values_list("publicly_listed", flat=True)).keys() == {True, False}
    assert contributions.filter(publicly_listed=True, amount_public=True).exists()
    assert contributions.filter(publicly_listed=True, amount_public=False).exists()
    # Every pledge has its value in francs, at the rate of its date.
    for contribution in contributions:
        assert contribution.fund_amount is not None
        assert (contribution.fund_rate is None) == (contribution.currency == "CHF")
        if contribution.fund_rate:
            assert contribution.fund_rate.valid_from <= contribution.pledged_on
    acknowledged = contributions.filter(state=ContributionState.ACKNOWLEDGED)
    assert all(contribution.acknowledged_at for contribution in acknowledged)


def test_package_requests_in_every_state_and_one_package_full_with_a_waiting_list(built):
    orders = PackageOrder.objects.filter(package__fund=built["fund"])
    assert set(orders.values_list("state", flat=True)) == set(OrderState.values)
    hackathon = PartnershipPackage.objects.get(slug="hackathon")
    assert hackathon.left == 0
    assert orders.filter(package=hackathon, state=OrderState.WAITLISTED).count() >= 1
    for package in PartnershipPackage.objects.all():
        confirmed = orders.filter(package=package, state=OrderState.CONFIRMED).count()
        assert package.confirmed_count == confirmed <= package.quantity
    for order in orders.filter(state=OrderState.CONFIRMED):
        assert order.contribution.amount == order.package.price
        assert order.checklist.count() == order.package.benefits.count()


def test_everything_went_through_the_services(built):
    actions = Counter(AuditEntry.objects.values_list("action", flat=True))
    assert actions["partnerships.contribution.pledged"] == Contribution.objects.count()
    assert actions["partnerships.receipt.recorded"] == Receipt.objects.count()
    assert actions["partnerships.rate.added"] == ExchangeRate.objects.count()
    assert (
        actions["partnerships.contribution.acknowledged"]
        == Contribution.objects.filter(state=ContributionState.ACKNOWLEDGED).count()
    )
    assert (
        actions["partnerships.package.confirmed"]
        == PackageOrder.objects.filter(state=OrderState.CONFIRMED).count()
    )


def test_a_second_run_changes_nothing(built, demo):
    secretariat, organizations = demo
    first = counts()
    states = dict(Contribution.objects.values_list("pk", "state"))
    again = build_funds(secretariat=secretariat, organizations=organizations)
    assert counts() == first
    assert dict(Contribution.objects.values_list("pk", "state")) == states
    assert again["fund"] == built["fund"]


def test_without_edition_or_circular_the_fund_is_built_then_linked_later(demo, edition):
    secretariat, organizations = demo
    edition.slug = "not-yet"
    edition.save()
    fund = build_funds(secretariat=secretariat, organizations=organizations)["fund"]
    assert fund.edition is None
    assert fund.circular is None
    first = counts()

    edition.slug = "wsis-forum-2022"
    edition.save()
    fund = build_funds(secretariat=secretariat, organizations=organizations)["fund"]
    assert fund.edition == edition
    assert counts() == first


def test_the_public_list_shows_the_demo_contributors(built, client):
    body = client.get("/api/v1/funds/wsis-trust-fund-2022/contributors?page_size=100").json()
    listed = selectors.public_contributors(fund=built["fund"])
    assert body["count"] == listed.count() > 3
    assert any(item["amount"] for item in body["items"])
    assert any(item["amount"] is None for item in body["items"])
