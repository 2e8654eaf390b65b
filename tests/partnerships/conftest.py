import datetime as dt
import html
import re
from decimal import Decimal

import pytest

from convoca.core.money import Money
from convoca.partnerships import services
from convoca.partnerships.models import Benefit, PartnershipPackage, TrustFund
from tests.factories import OrganizationFactory


@pytest.fixture
def fund(db):
    return TrustFund.objects.create(
        name="WSIS Trust Fund 2022",
        slug="wsis-trust-fund-2022",
        year=2022,
        legal_basis="Plenipotentiary Resolution 140; Council Resolution 1332",
        currency="CHF",
        target="500000.00",
        reminder_days=60,
    )


@pytest.fixture
def partner(db):
    return OrganizationFactory(
        name="Andes SatCom", slug="andes-satcom", stakeholder_type="private_sector"
    )


@pytest.fixture
def package(fund):
    found = PartnershipPackage.objects.create(
        fund=fund,
        name="Gold partner",
        slug="gold",
        tier="Gold",
        price="50000.00",
        currency="CHF",
        quantity=3,
    )
    for order, text in enumerate(["Logo on the website", "A speaking slot", "An exhibition booth"]):
        Benefit.objects.create(package=found, order=order, description=text)
    return found


@pytest.fixture
def day():
    return lambda *args: dt.date(*args)


# --- Shared by the views' tests -------------------------------------------------------------

ROLES = ["anonymous", "participant", "focal_point", "secretariat"]
FUND = "/en/funds/wsis-trust-fund-2022"
DASHBOARD = "/en/secretariat/funds/wsis-trust-fund-2022"


@pytest.fixture
def usd_rate(fund, secretariat):
    return services.add_rate(
        fund=fund, from_currency="USD", rate="0.90", valid_from=dt.date(2021, 1, 1), by=secretariat
    )


@pytest.fixture
def give(fund, secretariat, usd_rate):
    """A pledge, with what was received of it, as the secretariat would record it."""

    def give(
        contributor,
        amount="1000.00",
        currency="CHF",
        *,
        on=dt.date(2022, 3, 1),
        received=(),
        listed=False,
        amount_public=False,
    ):
        contribution = services.pledge(
            fund=fund,
            contributor=contributor,
            amount=amount,
            currency=currency,
            pledged_on=on,
            by=secretariat,
            publicly_listed=listed,
            amount_public=amount_public,
        )
        for value in received:
            services.record_receipt(
                contribution=contribution, amount=value, received_on=on, by=secretariat
            )
        contribution.refresh_from_db()
        return contribution

    return give


def text(response) -> str:
    """The page's text without tags, with ASCII white space collapsed (amounts keep their
    no-break spaces)."""
    body = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"[ \t\r\n]+", " ", body)


def m(amount: str, currency: str = "CHF", language: str = "en") -> str:
    """An amount as the pages write it for a reader of `language`."""
    return Money(Decimal(amount), currency).format(language)
