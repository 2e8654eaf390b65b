"""The trust-fund API: public contributors and packages, and every contribution for those who
manage the fund; amounts are decimal strings, never floats."""

import datetime as dt
import json

import pytest

from convoca.accounts.services import issue_token
from convoca.partnerships import services
from convoca.partnerships.models import Benefit, PartnershipPackage, TrustFund
from convoca.programme.models import Edition, Forum
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.factories import FocalPointFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/funds/wsis-trust-fund-2022"


def bearer(user) -> dict:
    _token, raw = issue_token(user=user, name="cli")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def fund(db):
    return TrustFund.objects.create(
        name="WSIS Trust Fund 2022",
        slug="wsis-trust-fund-2022",
        year=2022,
        currency="CHF",
        target="500000.00",
    )


@pytest.fixture
def usd(fund, secretariat):
    return services.add_rate(
        fund=fund,
        from_currency="USD",
        rate="0.92150000",
        valid_from=dt.date(2022, 1, 3),
        by=secretariat,
        source="UN operational rate (demo)",
    )


def give(fund, by, *, name, amount="1000.00", currency="CHF", received=None, **options):
    contribution = services.pledge(
        fund=fund,
        contributor=OrganizationFactory(name=name, slug=name.lower().replace(" ", "-")),
        amount=amount,
        currency=currency,
        pledged_on=dt.date(2022, 2, 1),
        by=by,
        **options,
    )
    for part in received or []:
        services.record_receipt(
            contribution=contribution, amount=part, received_on=dt.date(2022, 3, 1), by=by
        )
    contribution.refresh_from_db()
    return contribution


# --- Public contributors --------------------------------------------------------------------


def test_only_consenting_contributors_with_money_in_are_listed(client, fund, secretariat):
    give(fund, secretariat, name="Zeta Public", received=["1000"], publicly_listed=True,
         amount_public=True)  # fmt: skip
    give(fund, secretariat, name="Alpha Discreet", received=["400"], publicly_listed=True)
    give(fund, secretariat, name="Hidden Donor", received=["1000"], publicly_listed=False)
    give(fund, secretariat, name="Pledge Only", publicly_listed=True, amount_public=True)

    body = client.get(f"{URL}/contributors").json()

    assert body["count"] == 2
    assert [item["contributor"]["name"] for item in body["items"]] == [
        "Alpha Discreet",
        "Zeta Public",
    ]
    discreet, public = body["items"]
    assert discreet["amount"] is None
    assert discreet["currency"] is None
    assert discreet["state"] == "partially_received"
    assert public["amount"] == "1000.00"
    assert public["currency"] == "CHF"
    assert public["contributor"]["slug"] == "zeta-public"


def test_an_unknown_fund_answers_404(client):
    for path in ("contributors", "packages"):
        assert client.get(f"/api/v1/funds/nope/{path}").status_code == 404


# --- Public packages -------------------------------------------------------------------------


def test_packages_show_price_quantity_left_and_benefits(client, fund, secretariat):
    gold = PartnershipPackage.objects.create(
        fund=fund, name="Gold partner", slug="gold", tier="Gold", price="50000.00",
        currency="CHF", quantity=3, order=1,
    )  # fmt: skip
    for order, text in enumerate(["Logo on the website", "A speaking slot"]):
        Benefit.objects.create(package=gold, order=order, description=text)
    PartnershipPackage.objects.create(
        fund=fund, name="Exhibitor", slug="exhibitor", price="15000.50", currency="EUR",
        quantity=10, order=2,
    )  # fmt: skip
    order = services.request_package(package=gold, partner=OrganizationFactory(), by=secretariat)
    services.confirm_order(order=order, by=secretariat)

    body = client.get(f"{URL}/packages").json()

    assert body["count"] == 2
    first, second = body["items"]
    assert first == {
        "slug": "gold",
        "name": "Gold partner",
        "tier": "Gold",
        "description": "",
        "price": "50000.00",
        "currency": "CHF",
        "quantity": 3,
        "left": 2,
        "benefits": ["Logo on the website", "A speaking slot"],
    }
    assert second["price"] == "15000.50"
    assert second["currency"] == "EUR"
    assert second["benefits"] == []


# --- Contributions, for the fund's managers ---------------------------------------------------


def test_managers_see_every_contribution_with_amounts_as_strings(client, fund, secretariat, usd):
    give(fund, secretariat, name="Dollar Giver", amount="25000.00", currency="USD",
         received=["10000.10", "5000"], earmark="Hackathon")  # fmt: skip
    give(fund, secretariat, name="Franc Giver", amount="1234.56")

    response = client.get(f"{URL}/contributions", **bearer(secretariat))

    assert response.status_code == 200
    raw = response.content.decode()
    body = json.loads(raw, parse_float=lambda text: pytest.fail(f"a float in the answer: {text}"))
    assert body["count"] == 2
    by_name = {item["contributor"]["name"]: item for item in body["items"]}
    dollars = by_name["Dollar Giver"]
    assert dollars["amount"] == "25000.00"
    assert dollars["currency"] == "USD"
    assert dollars["state"] == "partially_received"
    assert dollars["received"] == "15000.10"
    assert dollars["fund_amount"] == "23037.50"
    assert dollars["fund_currency"] == "CHF"
    assert dollars["earmark"] == "Hackathon"
    assert dollars["rate"] == {
        "from_currency": "USD",
        "to_currency": "CHF",
        "rate": "0.92150000",
        "valid_from": "2022-01-03",
        "source": "UN operational rate (demo)",
    }
    francs = by_name["Franc Giver"]
    assert francs["received"] == "0.00"
    assert francs["fund_amount"] == "1234.56"
    assert francs["rate"] is None
    assert francs["state"] == "pledged"


def test_a_later_rate_does_not_change_the_answer(client, fund, secretariat, usd):
    give(fund, secretariat, name="Dollar Giver", amount="100.00", currency="USD")
    services.add_rate(fund=fund, from_currency="USD", rate="2", valid_from=dt.date(2022, 1, 4),
                      by=secretariat)  # fmt: skip

    item = client.get(f"{URL}/contributions", **bearer(secretariat)).json()["items"][0]

    assert item["fund_amount"] == "92.15"
    assert item["rate"]["rate"] == "0.92150000"


def test_without_a_token_401(client, fund):
    assert client.get(f"{URL}/contributions").status_code == 401
    bad = {"HTTP_AUTHORIZATION": "Bearer cvk_not-a-token"}
    assert client.get(f"{URL}/contributions", **bad).status_code == 401


def test_a_fund_the_user_cannot_manage_answers_404(client, fund, secretariat):
    give(fund, secretariat, name="Some Giver")
    focal = FocalPointFactory().user
    participant = UserFactory()
    for user in (focal, participant):
        response = client.get(f"{URL}/contributions", **bearer(user))
        assert response.status_code == 404
        assert "Some Giver" not in response.content.decode()
    assert client.get("/api/v1/funds/nope/contributions", **bearer(secretariat)).status_code == 404


def test_a_secretariat_of_this_fund_or_its_edition_manages_it(client, fund, secretariat):
    give(fund, secretariat, name="Some Giver")
    other = TrustFund.objects.create(name="Other", slug="other", year=2021, currency="CHF")
    scoped = UserFactory()
    grant_role(user=scoped, role=Role.SECRETARIAT, scope=fund)
    forum = Forum.objects.create(name="WSIS Forum", slug="wsis-forum", acronym="WSIS")
    edition = Edition.objects.create(
        forum=forum, name="WSIS Forum 2022", slug="wsis-forum-2022", time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15), final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
    )  # fmt: skip
    fund.edition = edition
    fund.save()
    by_edition = UserFactory()
    grant_role(user=by_edition, role=Role.SECRETARIAT, scope=edition)

    for user in (scoped, by_edition):
        headers = bearer(user)
        assert client.get(f"{URL}/contributions", **headers).json()["count"] == 1
        assert client.get("/api/v1/funds/other/contributions", **headers).status_code == 404
    assert other.slug == "other"


def test_bad_page_parameters_answer_422(client, fund, secretariat):
    assert client.get(f"{URL}/contributors?page=zero").status_code == 422
    assert client.get(f"{URL}/packages?page_size=-1").status_code == 422
    response = client.get(f"{URL}/contributions?page=x", **bearer(secretariat))
    assert response.status_code == 422


# --- Cost and documentation ------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 30])
def test_each_list_costs_the_same_queries_for_1_or_30(
    client, fund, secretariat, usd, count, django_assert_num_queries
):
    for n in range(count):
        package = PartnershipPackage.objects.create(
            fund=fund, name=f"Package {n}", slug=f"package-{n}", price="1000.00",
            currency="CHF", quantity=2, order=n,
        )  # fmt: skip
        Benefit.objects.create(package=package, description="Logo on the website")
        Benefit.objects.create(package=package, order=1, description="A speaking slot")
        give(fund, secretariat, name=f"Giver {n}", amount="100.00",
             currency="USD" if n % 2 else "CHF", received=["60", "40"], publicly_listed=True,
             amount_public=bool(n % 3))  # fmt: skip
    headers = bearer(secretariat)

    # Fund, count, page.
    with django_assert_num_queries(3):
        body = client.get(f"{URL}/contributors?page_size=50").json()
    assert body["count"] == count
    # Fund, count, page, benefits.
    with django_assert_num_queries(4):
        body = client.get(f"{URL}/packages?page_size=50").json()
    assert body["count"] == count
    # Token (read and touch), fund, role, count, page.
    with django_assert_num_queries(6):
        body = client.get(f"{URL}/contributions?page_size=50", **headers).json()
    assert body["count"] == count


def test_the_schema_documents_401_422_and_404(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in ("contributors", "packages", "contributions"):
        responses = paths[f"/api/v1/funds/{{slug}}/{path}"]["get"]["responses"]
        assert {"200", "401", "404", "422"} <= set(responses), path
    contribution = schema["components"]["schemas"]["ContributionOut"]["properties"]
    for field in ("amount", "received"):
        assert contribution[field]["type"] == "string"
