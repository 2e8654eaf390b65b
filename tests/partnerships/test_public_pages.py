"""The trust fund's public pages: open to everyone, and showing contributors only with their
consent."""

import datetime as dt

import pytest

from convoca.partnerships import services
from convoca.partnerships.models import (
    Contribution,
)
from tests.conftest import sign_in
from tests.factories import OrganizationFactory
from tests.partnerships.conftest import DASHBOARD, FUND, ROLES, m, text

pytestmark = pytest.mark.django_db


# --- Who may see what ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_public_pages_open_to_everyone(as_role, role, fund, package):
    client = as_role(role)
    for page in (f"{FUND}/", f"{FUND}/contributors/", f"{FUND}/packages/"):
        assert client.get(page).status_code == 200, page
    assert client.get("/en/funds/no-such-fund/").status_code == 404


# --- Public pages ----------------------------------------------------------------------------


def test_the_fund_page_shows_target_total_instructions_and_outcomes(client, fund, give, partner):
    fund.description = "Supports the WSIS Forum."
    fund.payment_instructions = "IBAN CH00 0000 0000 0000 0000 0"
    fund.outcomes = "The fund paid for **12 fellowships**."
    fund.save()
    give(partner, "125000.00")
    response = client.get(f"{FUND}/")
    page = text(response)
    assert "Plenipotentiary Resolution 140" in page
    assert m("500000.00") in page
    assert m("125000.00") in page
    assert "25% of the target is pledged" in page
    assert "IBAN CH00" in page
    assert "<strong>12 fellowships</strong>" in response.content.decode()
    assert 'max="100" value="25"' in response.content.decode()


def test_the_contributors_page_lists_only_who_consented(client, fund, give):
    listed = OrganizationFactory(name="Listed With Amount")
    discreet = OrganizationFactory(name="Listed Without Amount")
    hidden = OrganizationFactory(name="Never Listed")
    give(listed, "7777.00", received=["7777.00"], listed=True, amount_public=True)
    give(discreet, "8888.00", received=["8888.00"], listed=True)
    give(hidden, "9999.00", received=["9999.00"])
    page = text(client.get(f"{FUND}/contributors/"))
    assert "Listed With Amount" in page
    assert m("7777.00") in page
    assert "Listed Without Amount" in page
    assert "8,888" not in page
    assert "Never Listed" not in page
    assert "9,999" not in page
    # Nor does the unconsenting contributor's amount show on the fund page by itself.
    assert "Never Listed" not in text(client.get(f"{FUND}/"))


def test_a_consenting_contributor_is_listed_once_money_arrives(client, fund, give):
    promise = give(OrganizationFactory(name="Promised Only"), listed=True, amount_public=True)
    assert "Promised Only" not in text(client.get(f"{FUND}/contributors/"))
    services.record_receipt(
        contribution=promise, amount="10.00", received_on=dt.date(2022, 3, 2), by=None
    )
    assert "Promised Only" in text(client.get(f"{FUND}/contributors/"))


def test_a_fund_without_target_or_contributions(client, fund, secretariat):
    fund.target = None
    fund.save()
    page = client.get(f"{FUND}/")
    assert b"<progress" not in page.content
    assert m("0.00") in text(page)
    assert "No contributor is listed yet." in text(client.get(f"{FUND}/contributors/"))
    sign_in(client, secretariat)
    dashboard = client.get(f"{DASHBOARD}/")
    assert "Nothing is pledged yet." in text(dashboard)
    assert b"<svg" not in dashboard.content


def test_contributors_are_grouped_by_year_with_amounts_for_the_readers_language(
    client, fund, give, day
):
    early = OrganizationFactory(name="Early Bird")
    late = OrganizationFactory(name="Late Owl")
    give(early, "1500.50", "USD", on=day(2021, 11, 5), received=["1500.50"], listed=True)
    give(late, "2500.00", on=day(2022, 2, 1), received=["2500.00"], listed=True, amount_public=True)
    early_contribution = Contribution.objects.get(contributor=early)
    services.set_consent(contribution=early_contribution, listed=True, amount_public=True, by=None)
    response = client.get("/fr/funds/wsis-trust-fund-2022/contributors/")
    body = response.content.decode()
    order = [body.index(s) for s in ('id="year-2022"', "Late Owl", 'id="year-2021"', "Early Bird")]
    assert order == sorted(order)
    page = text(response)
    assert m("1500.50", "USD", "fr") in page  # in the contributor's currency, written in French
    assert m("2500.00", "CHF", "fr") in page


def test_the_packages_page_says_how_many_are_left(client, fund, package, give, partner):
    assert "3 of 3 left" in text(client.get(f"{FUND}/packages/"))
    package.confirmed_count = 3
    package.save()
    page = text(client.get(f"{FUND}/packages/"))
    assert "Fully taken — join the waiting list" in page
    assert m("50000.00") in page
    assert "An exhibition booth" in page
