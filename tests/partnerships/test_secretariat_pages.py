"""The secretariat's pages: who may open them, the forms with their error messages, the
dashboard, the finance exports, the chart and the acknowledgement letter."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from convoca.core.models import AuditEntry
from convoca.partnerships import charts, services
from convoca.partnerships.models import (
    Contribution,
    ContributionState,
    ExchangeRate,
    Receipt,
    TrustFund,
)
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.conftest import enrol_totp, sign_in
from tests.factories import OrganizationFactory, UserFactory
from tests.partnerships.conftest import DASHBOARD, FUND, ROLES, m, text

pytestmark = pytest.mark.django_db


# --- Who may see what ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_opens_the_dashboard_and_exports(as_role, role, fund, give, partner):
    contribution = give(partner)
    client = as_role(role)
    pages = [
        f"{DASHBOARD}/",
        f"{DASHBOARD}/contributions.csv",
        f"{DASHBOARD}/contributions.xlsx",
        f"{DASHBOARD}/contributions/{contribution.pk}/",
    ]
    expected = {"secretariat": 200, "anonymous": 302}.get(role, 404)
    for page in pages:
        assert client.get(page).status_code == expected, page
    client.post(
        f"{DASHBOARD}/pledges/",
        {"contributor": partner.pk, "kind": "financial", "amount": "10", "currency": "CHF"}
        | {"pledged_on": "2022-04-01"},
    )
    client.post(
        f"{DASHBOARD}/contributions/{contribution.pk}/receipts/",
        {"amount": "10", "received_on": "2022-04-01"},
    )
    assert Contribution.objects.count() == (2 if role == "secretariat" else 1)
    assert Receipt.objects.count() == (1 if role == "secretariat" else 0)


def test_a_secretariat_of_another_fund_gets_404(client, fund):
    other = TrustFund.objects.create(name="Other fund", slug="other", year=2023, currency="CHF")
    user = UserFactory(email="other.secretariat@example.org")
    grant_role(user=user, role=Role.SECRETARIAT, scope=other)
    user.totp_secret = enrol_totp(user)
    sign_in(client, user)
    assert client.get("/en/secretariat/funds/other/").status_code == 200
    assert client.get(f"{DASHBOARD}/").status_code == 404
    assert client.get(f"{DASHBOARD}/contributions.csv").status_code == 404


# --- The secretariat's forms: clear errors, nothing half saved -------------------------------


def pledge_data(contributor, **overrides):
    return {
        "contributor": contributor.pk,
        "kind": "financial",
        "amount": "25000",
        "currency": "CHF",
        "pledged_on": "2022-05-02",
    } | overrides


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"amount": "-100"}, "An amount must be greater than zero."),
        ({"amount": "0"}, "An amount must be greater than zero."),
        ({"amount": "lots"}, "“lots” is not an amount."),
        ({"amount": "12.345"}, "Amounts have at most two decimals."),
        ({"currency": "XYZ"}, "XYZ is not an ISO 4217 currency code."),
        ({"currency": "EUR"}, "There is no EUR → CHF rate on or before 2022-05-02; add one first."),
        ({"kind": "in_kind"}, "Describe what is given in kind."),
        ({"amount_public": "on"}, "The amount can only be shown when the contributor is listed"),
    ],
)
def test_a_bad_pledge_is_refused_with_a_clear_message(
    client, fund, partner, secretariat, overrides, message
):
    sign_in(client, secretariat)
    entries = AuditEntry.objects.count()
    response = client.post(f"{DASHBOARD}/pledges/", pledge_data(partner, **overrides))
    assert response.status_code == 200
    assert message in text(response)
    assert not Contribution.objects.exists()
    assert AuditEntry.objects.count() == entries  # nothing logged either: nothing happened


def test_a_pledge_in_another_currency_is_valued_at_the_rate_of_its_date(
    client, fund, partner, secretariat
):
    sign_in(client, secretariat)
    for valid_from, rate in (("2022-01-01", "0.95"), ("2022-06-01", "0.80")):
        response = client.post(
            f"{DASHBOARD}/rates/",
            {"from_currency": "EUR", "rate": rate, "valid_from": valid_from, "source": "UN"},
        )
        assert response.status_code == 302
    response = client.post(
        f"{DASHBOARD}/pledges/",
        pledge_data(partner, amount="1 000.50", currency="EUR", publicly_listed="on"),
    )
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert (contribution.amount, contribution.currency) == (Decimal("1000.50"), "EUR")
    assert contribution.fund_amount == Decimal("950.48")
    assert contribution.publicly_listed
    assert not contribution.amount_public
    # The rates' history stays visible, newest first.
    page = text(client.get(f"{DASHBOARD}/"))
    assert page.index("1 EUR = 0.80000000 CHF") < page.index("1 EUR = 0.95000000 CHF")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rate": "abc"}, "“abc” is not a rate."),
        ({"rate": "-1"}, "A rate must be greater than zero."),
        ({"from_currency": "CHF"}, "The fund's own currency needs no rate"),
        ({"from_currency": "QQQ"}, "QQQ is not an ISO 4217 currency code."),
    ],
)
def test_a_bad_rate_is_refused(client, fund, secretariat, data, message):
    sign_in(client, secretariat)
    response = client.post(
        f"{DASHBOARD}/rates/",
        {"from_currency": "USD", "rate": "0.9", "valid_from": "2022-01-01"} | data,
    )
    assert response.status_code == 200
    assert message in text(response)
    assert not ExchangeRate.objects.exists()


def test_a_second_rate_on_the_same_day_is_refused(client, fund, secretariat):
    sign_in(client, secretariat)
    data = {"from_currency": "USD", "rate": "0.9", "valid_from": "2022-01-01"}
    client.post(f"{DASHBOARD}/rates/", data)
    response = client.post(f"{DASHBOARD}/rates/", data | {"rate": "0.91"})
    assert "A USD rate from 2022-01-01 exists; add one for another day." in text(response)
    assert ExchangeRate.objects.get().rate == Decimal("0.9")


def test_receipts_partial_then_over_the_pledge_only_when_confirmed(
    client, fund, partner, secretariat, give
):
    contribution = give(partner, "50000.00")
    url = f"{DASHBOARD}/contributions/{contribution.pk}"
    sign_in(client, secretariat)
    assert 'name="confirm_over"' not in client.get(f"{url}/").content.decode()

    client.post(f"{url}/receipts/", {"amount": "20000", "received_on": "2022-04-01"})
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.PARTIALLY_RECEIVED

    over = {"amount": "40000", "received_on": "2022-05-01", "reference": "UBS-2"}
    response = client.post(f"{url}/receipts/", over)
    assert response.status_code == 200
    page = text(response)
    assert (
        "That makes " + m("60000.00") + " received against " + m("50000.00") + " pledged." in page
    )
    assert 'name="confirm_over"' in response.content.decode()  # the box shows now
    assert Receipt.objects.count() == 1

    response = client.post(f"{url}/receipts/", over | {"confirm_over": "on"})
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.RECEIVED
    assert Receipt.objects.count() == 2


@pytest.mark.parametrize(
    ("amount", "message"),
    [("-5", "An amount must be greater than zero."), ("1,5", "“1,5” is not an amount.")],
)
def test_a_bad_receipt_is_refused(client, fund, partner, secretariat, give, amount, message):
    contribution = give(partner)
    sign_in(client, secretariat)
    response = client.post(
        f"{DASHBOARD}/contributions/{contribution.pk}/receipts/",
        {"amount": amount, "received_on": "2022-04-01"},
    )
    assert message in text(response)
    assert not Receipt.objects.exists()


def test_acknowledge_only_once_received_in_full(client, fund, partner, secretariat, give):
    contribution = give(partner, "1000.00", received=["400.00"])
    url = f"{DASHBOARD}/contributions/{contribution.pk}"
    sign_in(client, secretariat)
    response = client.post(f"{url}/acknowledge/", follow=True)
    assert "Acknowledge a contribution once it is received in full." in text(response)
    services.record_receipt(
        contribution=contribution, amount="600.00", received_on=dt.date(2022, 4, 1), by=None
    )
    assert b"Acknowledge the contribution" in client.get(f"{url}/").content
    client.post(f"{url}/acknowledge/")
    contribution.refresh_from_db()
    assert contribution.state == ContributionState.ACKNOWLEDGED


def test_the_secretariat_records_the_contributors_consent(client, fund, partner, secretariat, give):
    contribution = give(partner, received=["1000.00"])
    url = f"{DASHBOARD}/contributions/{contribution.pk}"
    sign_in(client, secretariat)
    response = client.post(f"{url}/consent/", {"amount_public": "on"}, follow=True)
    assert "The amount can only be shown when the contributor is listed" in text(response)
    contribution.refresh_from_db()
    assert not contribution.publicly_listed
    client.post(f"{url}/consent/", {"publicly_listed": "on", "amount_public": "on"})
    contribution.refresh_from_db()
    assert contribution.publicly_listed
    assert contribution.amount_public
    assert m("1000.00") in text(client.get(f"{FUND}/contributors/"))


# --- The dashboard ---------------------------------------------------------------------------


def test_the_dashboard_shows_totals_chart_breakdowns_and_outstanding_pledges(
    client, fund, secretariat, give, day
):
    ministry = OrganizationFactory(
        name="Ministry of ICT", stakeholder_type="government", country="KE"
    )
    company = OrganizationFactory(
        name="Andes SatCom", stakeholder_type="private_sector", country="PE"
    )
    give(ministry, "100000.00", on=day(2022, 1, 10), received=["40000.00"])
    give(company, "10000.00", "USD", on=day(2022, 3, 15), received=["10000.00"])
    sign_in(client, secretariat)
    response = client.get(f"{DASHBOARD}/")
    html = response.content.decode()
    page = text(response)
    # Totals per currency, and in the fund's currency at the recorded rate (USD 10,000 = CHF 9,000).
    assert m("109000.00") in page
    assert m("10000.00", "USD") in page
    assert m("49000.00") in page  # received, in CHF
    # The chart: an SVG with a title, and the same figures in a table, month by month.
    assert re.search(r"<svg[^>]+role=\"img\"", html)
    assert '<title id="fund-chart-title">Pledged and received over time' in html
    assert 'data-series="pledged"' in html
    assert 'data-series="received"' in html
    assert "January 2022 " + m("100000.00") + " " + m("40000.00") in page
    assert "February 2022" not in page  # nothing happened then: the table skips the month,
    assert re.search(r'<polyline points="(\S+ ){2}\S+"', html)  # the chart draws it
    assert "March 2022 " + m("109000.00") + " " + m("49000.00") in page
    # By stakeholder type and by ITU region (Kenya: Africa; Peru: Americas).
    assert "Government 1 " + m("100000.00") + " " + m("40000.00") in page
    assert "Private sector 1 " + m("9000.00") + " " + m("9000.00") in page
    assert f"Africa 1 {m('100000.00')} {m('40000.00')}" in page
    assert f"Americas 1 {m('9000.00')} {m('9000.00')}" in page
    # The outstanding pledge, with the days since it was pledged.
    days = (timezone.localdate() - dt.date(2022, 1, 10)).days
    amounts = " ".join(m(value) for value in ("100000.00", "40000.00", "60000.00"))
    assert f"Ministry of ICT {amounts} Partially received {days}" in page


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("page", ["contributors", "dashboard"])
def test_pages_take_a_fixed_number_of_queries(
    client, fund, secretariat, give, package, page, django_assert_max_num_queries
):
    """Measured with one contribution (a confirmed package), then held with thirty."""
    url = f"{FUND}/contributors/" if page == "contributors" else f"{DASHBOARD}/"
    if page == "dashboard":
        sign_in(client, secretariat)
    first = OrganizationFactory(country="KE")
    order = services.request_package(
        package=package, partner=first, by=None, list_publicly=True, show_amount=True
    )
    order = services.confirm_order(order=order, by=None)
    services.record_receipt(
        contribution=order.contribution, amount="100.00", received_on=dt.date(2022, 1, 1), by=None
    )
    assert Contribution.objects.count() == 1
    with_one = count_queries(client, url)
    for n in range(29):
        organization = OrganizationFactory(country=["FR", "BR", "JP", "KE", ""][n % 5])
        contribution = give(
            organization,
            f"{100 + n}.00",
            "USD" if n % 2 else "CHF",
            on=dt.date(2021 + n % 2, 1 + n % 12, 1),
            received=[f"{50 + n}.00"],
            listed=True,
            amount_public=bool(n % 3),
        )
        assert contribution.state == ContributionState.PARTIALLY_RECEIVED
        services.request_package(package=package, partner=organization, by=None)
    assert Contribution.objects.count() == 30
    with django_assert_max_num_queries(with_one):
        response = client.get(url)
    assert response.status_code == 200


# --- Exports for finance ---------------------------------------------------------------------

EXPORT_HEADERS = [
    "Reference",
    "Contributor",
    "Country",
    "Stakeholder type",
    "Kind",
    "Earmarked for",
    "Pledged on",
    "Amount pledged",
    "Currency",
    "Amount received",
    "Outstanding",
    "Last received on",
    "Bank references",
    "State",
    "In CHF",
    "Rate",
    "Rate valid from",
    "Listed publicly",
    "Amount public",
    "Acknowledged on",
]


@pytest.fixture
def exported(fund, give, partner, secretariat, day):
    dollars = give(partner, "12345.67", "USD", on=day(2022, 2, 3))
    services.record_receipt(
        contribution=dollars,
        amount="10000.00",
        received_on=day(2022, 3, 1),
        reference="=HYPERLINK(1)",
        by=secretariat,
    )
    francs = give(
        OrganizationFactory(name="Ministry", stakeholder_type="government"),
        "5000.00",
        on=day(2022, 1, 5),
        received=["5000.00"],
        listed=True,
    )
    services.acknowledge(contribution=francs, by=secretariat)
    return dollars, francs


def test_the_csv_export_has_the_columns_finance_needs(client, secretariat, exported):
    dollars, francs = exported
    sign_in(client, secretariat)
    response = client.get(f"{DASHBOARD}/contributions.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "wsis-trust-fund-2022-contributions.csv" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == EXPORT_HEADERS
    by_reference = {row[0]: dict(zip(EXPORT_HEADERS, row, strict=True)) for row in rows[1:]}
    usd = by_reference[str(dollars.pk)]
    assert usd["Contributor"] == "Andes SatCom"
    assert usd["Amount pledged"] == "12345.67"
    assert usd["Currency"] == "USD"
    assert usd["Amount received"] == "10000.00"
    assert usd["Outstanding"] == "2345.67"
    assert usd["In CHF"] == "11111.10"
    assert usd["Rate"] == "0.90000000"
    assert usd["Pledged on"] == "2022-02-03"
    assert usd["Last received on"] == "2022-03-01"
    assert usd["Bank references"] == "'=HYPERLINK(1)"  # never a formula in Excel
    assert usd["State"] == "Partially received"
    chf = by_reference[str(francs.pk)]
    assert chf["State"] == "Acknowledged"
    assert chf["Listed publicly"] == "yes"
    assert chf["Acknowledged on"] == timezone.localdate().isoformat()
    assert chf["Rate"] == ""


def test_the_xlsx_export_holds_numbers_with_two_decimals(client, secretariat, exported):
    dollars, _francs = exported
    sign_in(client, secretariat)
    response = client.get(f"{DASHBOARD}/contributions.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == EXPORT_HEADERS
    usd = next(row for row in rows[1:] if row[0].value == dollars.pk)
    cells = dict(zip(EXPORT_HEADERS, usd, strict=True))
    for column, expected in (
        ("Amount pledged", "12345.67"),
        ("Amount received", "10000.00"),
        ("Outstanding", "2345.67"),
        ("In CHF", "11111.10"),
    ):
        cell = cells[column]
        assert cell.data_type == "n", column
        assert cell.number_format == "#,##0.00", column
        assert Decimal(str(cell.value)) == Decimal(expected), column
    assert cells["Pledged on"].value.date() == dt.date(2022, 2, 3)
    assert cells["Bank references"].value == "=HYPERLINK(1)"
    assert cells["Bank references"].data_type == "s"


# --- The chart -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [("0", "1"), ("7", "10"), ("120", "200"), ("250", "250"), ("251", "500"), ("0.3", "0.5")],
)
def test_the_chart_axis_ends_on_a_round_amount(value, ceiling):
    assert charts.nice_ceiling(Decimal(value)) == Decimal(ceiling)


def test_the_chart_runs_month_by_month_and_escapes_its_text():
    months = charts.cumulative_by_month(
        [(dt.date(2022, 1, 5), Decimal("10.00")), (dt.date(2022, 3, 1), Decimal("5.00"))],
        [(dt.date(2022, 3, 9), Decimal("12.50"))],
    )
    assert [(m.start.month, m.pledged, m.received, m.changed) for m in months] == [
        (1, Decimal("10.00"), Decimal("0"), True),
        (2, Decimal("10.00"), Decimal("0"), False),
        (3, Decimal("15.00"), Decimal("12.50"), True),
    ]
    svg = charts.line_chart(
        months[:1], title="<script>", description="A & B", legend=("P", "R", "T")
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "A &amp; B" in svg
    # One month: its point stands in the middle of the plot.
    middle = charts.LEFT + (charts.WIDTH - charts.LEFT - charts.RIGHT) / 2
    assert f'cx="{middle:.1f}"' in svg


def test_the_secretariat_downloads_the_acknowledgement_letter(client, fund, partner, secretariat):
    import datetime as dt

    from pypdf import PdfReader

    from convoca.partnerships import services
    from tests.conftest import sign_in

    contribution = services.pledge(
        fund=fund,
        contributor=partner,
        amount="1000.00",
        currency="CHF",
        pledged_on=dt.date(2022, 1, 10),
        by=secretariat,
    )
    sign_in(client, secretariat)
    url = f"/en/secretariat/funds/{fund.slug}/contributions/{contribution.pk}/acknowledgement.pdf"
    assert client.get(url).status_code == 302  # not received yet: explained, no letter
    services.record_receipt(
        contribution=contribution, amount="1000.00", received_on=dt.date(2022, 2, 1), by=secretariat
    )
    services.acknowledge(contribution=contribution, by=secretariat)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    import io

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Andes SatCom" in text
