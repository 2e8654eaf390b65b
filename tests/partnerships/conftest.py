import datetime as dt

import pytest

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
