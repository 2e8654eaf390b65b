import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest

from convoca.coalitions import pipeline, services
from convoca.coalitions.models import Coalition, Member
from convoca.stakeholders.models import FocalPoint
from convoca.taxonomy.models import FocusArea
from tests.factories import FocalPointFactory, OrganizationFactory

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
# Seed 000: expressions of interest until 31 October 2021.
EOI_DEADLINE = dt.datetime(2021, 10, 31, 23, 59, tzinfo=GENEVA)
BEFORE_DEADLINE = dt.datetime(2021, 10, 20, 10, 0, tzinfo=GENEVA)
AFTER_DEADLINE = dt.datetime(2021, 11, 1, 9, 0, tzinfo=GENEVA)
P2C = "partner2connect"


@pytest.fixture
def coalition(db):
    found = Coalition.objects.create(
        name="Partner2Connect Digital Coalition",
        slug=P2C,
        description="A leadership-level platform for **meaningful connectivity**.",
        contact_email="partner2connect@itu.int",
        goal_usd=Decimal("100000000000.00"),
        goal_date=dt.date(2026, 12, 31),
    )
    found.focus_areas.set(FocusArea.objects.all())
    return found


@pytest.fixture
def eoi_call(coalition, secretariat):
    return pipeline.set_up_eoi_call(
        coalition=coalition,
        slug="p2c-expression-of-interest",
        opens_at=dt.datetime(2021, 9, 20, 9, 0, tzinfo=GENEVA),
        closes_at=EOI_DEADLINE,
        by=secretariat,
    )


@pytest.fixture
def answers():
    return {
        "focus_areas": ["connect-people", "incentivise-investment"],
        "contribution": "Satellite backhaul for 300 rural schools.",
        "consent": True,
    }


@pytest.fixture
def andes():
    return pipeline.Applicant(
        name="Andes SatCom S.A.",
        acronym="ASC",
        country="PE",
        stakeholder_type="private_sector",
        website="https://www.andes-satcom.example",
    )


@pytest.fixture
def member(coalition):
    organization = OrganizationFactory(
        name="Kilimanjaro Fibre", slug="kilimanjaro-fibre", country="TZ"
    )
    return Member.objects.create(
        coalition=coalition, organization=organization, joined_on=dt.date(2022, 1, 10)
    )


@pytest.fixture
def member_focal(member) -> "User":  # noqa: F821
    return FocalPointFactory(
        organization=member.organization, user__email="pledger@kilimanjaro.example"
    ).user


@pytest.fixture
def connect(db):
    return FocusArea.objects.get(slug="connect-people")


@pytest.fixture
def make_pledge(coalition, member, member_focal, connect):
    """A pledge as a member's focal point writes it; keyword arguments replace the defaults."""

    def make(**overrides):
        values = {
            "coalition": coalition,
            "organization": member.organization,
            "by": member_focal,
            "countries": ["TZ", "KE"],
            "focus_areas": [connect],
            "kind": "infrastructure",
            "title": "Fibre to 200 rural schools",
            "description": "Backbone extension and last mile.",
            "amount": Decimal("2500000.00"),
            "currency": "USD",
            "pledged_on": dt.date(2022, 6, 8),
            "starts_on": dt.date(2022, 7, 1),
            "ends_on": dt.date(2024, 6, 30),
            "targets": [services.Target("Schools connected", "schools", "200")],
        }
        values.update(overrides)
        return services.save_pledge(**values)

    return make


@pytest.fixture
def publish(secretariat):
    def publish(pledge, *, today=dt.date(2022, 7, 1)):
        return services.transition_pledge(
            pledge=pledge, to="published", by=secretariat, today=today
        )

    return publish


def approved(user, organization) -> bool:
    return FocalPoint.objects.filter(
        user=user, organization=organization, state="approved"
    ).exists()
