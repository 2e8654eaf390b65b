"""A partnership package from request to public thanks: a focal point asks for it for their
organization, the secretariat confirms it and records the money as it arrives (part, then the
rest), and anyone then finds the organization among the fund's contributors."""

import re
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from convoca.core.money import Money
from convoca.partnerships.models import Benefit, PartnershipPackage, TrustFund
from tests.browser.conftest import TIMEOUT_MS, sign_in, sign_in_with_code, sign_out
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

FUND = "/en/funds/wsis-trust-fund-2022"
CONTRIBUTION_URL = re.compile(
    r"/en/secretariat/funds/wsis-trust-fund-2022/contributions/\d+/(#.*)?$"
)


def chf(amount: str, language: str = "en") -> str:
    return Money(Decimal(amount), "CHF").format(language)


def serious_accessibility_problems(page: Page) -> list[str]:
    """What axe-core finds serious or critical on the page as it stands."""
    results = Axe().run(page)
    return [
        f"{page.url}: {violation['id']}: {violation['help']} ({len(violation['nodes'])}×)"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def trust_fund(transactional_db):
    fund = TrustFund.objects.create(
        name="WSIS Trust Fund 2022",
        slug="wsis-trust-fund-2022",
        year=2022,
        legal_basis="Plenipotentiary Resolution 140",
        currency="CHF",
        target="500000.00",
        payment_instructions="UBS Geneva, IBAN CH00 0000 0000 0000 0000 0",
    )
    package = PartnershipPackage.objects.create(
        fund=fund,
        name="Gold partner",
        slug="gold",
        tier="Gold",
        price="50000.00",
        currency="CHF",
        quantity=3,
    )
    for order, text in enumerate(["Logo on the website", "A speaking slot"]):
        Benefit.objects.create(package=package, order=order, description=text)
    return fund


def test_a_partner_requests_a_package_the_secretariat_confirms_and_the_public_sees_the_partner(
    page: Page, browser: Browser, live_server, focal_point, secretariat, trust_fund
):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    # The focal point of Mama Tech Collective asks for the Gold package, to be listed with the
    # amount.
    sign_in(page, focal_point.email, PASSWORD)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto(f"{FUND}/packages/")
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Gold partner", exact=True)
    )
    expect(card.get_by_test_id("price")).to_have_text(chf("50000.00"))
    expect(card.get_by_test_id("left")).to_have_text("3 of 3 left")
    card.get_by_label("For the organization").select_option(label="Mama Tech Collective")
    card.get_by_label("List us among the contributors").check()
    card.get_by_label("Show the amount").check()
    problems = serious_accessibility_problems(page)
    card.get_by_role("button", name="Request this package").click()

    expect(page).to_have_url(re.compile(r"/en/funds/wsis-trust-fund-2022/my-packages/$"))
    expect(page.locator(".messages")).to_contain_text(
        "Mama Tech Collective asked for the “Gold partner” package."
    )
    expect(page.get_by_test_id("order-state")).to_have_text("Requested")
    sign_out(page)

    # The secretariat signs in with the authenticator's code and confirms the request.
    sign_in_with_code(page, secretariat)
    page.goto("/en/secretariat/funds/wsis-trust-fund-2022/")
    requests = page.locator("#requests")
    request = requests.get_by_role("row").filter(has_text="Mama Tech Collective")
    expect(request).to_contain_text("Gold partner")
    expect(request).to_contain_text("Listed, with the amount")
    problems += serious_accessibility_problems(page)
    request.get_by_role("button", name="Confirm").click()

    expect(page.locator(".messages")).to_contain_text(
        f"Mama Tech Collective is confirmed for “Gold partner”; its pledge of "
        f"{chf('50000.00')} is recorded."
    )
    expect(requests).to_contain_text("No request waits for a decision.")
    expect(page.get_by_test_id("total-pledged")).to_have_text(chf("50000.00"))
    expect(page.locator("#benefits")).to_contain_text("A speaking slot")
    expect(page.locator("svg[role=img] title")).to_have_text(
        "Pledged and received over time, cumulative, in CHF"
    )

    # Part of the money arrives, then the rest.
    page.locator("#outstanding").get_by_role("link", name="Mama Tech Collective").click()
    expect(page).to_have_url(CONTRIBUTION_URL)
    state = page.get_by_test_id("state")
    expect(state).to_have_text("Pledged")
    page.get_by_label("Amount received").fill("20000")
    page.get_by_label("Bank reference").fill("UBS-2022-0001")
    page.get_by_role("button", name="Record the receipt").click()
    expect(state).to_have_text("Partially received")
    expect(page.get_by_test_id("outstanding")).to_have_text(chf("30000.00"))
    expect(page.get_by_role("row").filter(has_text="UBS-2022-0001")).to_contain_text(
        chf("20000.00")
    )

    # A slip of the finger: more than was pledged needs an explicit confirmation.
    page.get_by_label("Amount received").fill("300000")
    page.get_by_role("button", name="Record the receipt").click()
    expect(page.get_by_role("alert")).to_contain_text(
        f"That makes {chf('320000.00')} received against {chf('50000.00')} pledged."
    )
    expect(page.get_by_label("Confirm: more than pledged was received")).not_to_be_checked()
    expect(state).to_have_text("Partially received")

    page.get_by_label("Amount received").fill("30000")
    page.get_by_label("Bank reference").fill("UBS-2022-0002")
    page.get_by_role("button", name="Record the receipt").click()
    expect(page).to_have_url(CONTRIBUTION_URL)
    expect(state).to_have_text("Received")
    expect(page.get_by_test_id("received")).to_have_text(chf("50000.00"))
    expect(page.get_by_role("button", name="Acknowledge the contribution")).to_be_visible()
    page.reload()  # without the flash message: base.html's role="status" list is not ours to check
    problems += serious_accessibility_problems(page)
    assert refused == [], refused

    # Anyone, signed out and reading French, finds the partner and the amount among the
    # contributors of the year the pledge was made.
    visitor_context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    try:
        visitor_context.set_default_timeout(TIMEOUT_MS)
        visitor_context.set_default_navigation_timeout(TIMEOUT_MS)
        visitor = visitor_context.new_page()
        visitor.goto("/fr/funds/wsis-trust-fund-2022/contributors/")
        expect(visitor.locator("html")).to_have_attribute("lang", "fr")
        year = str(timezone.localdate().year)
        expect(visitor.get_by_role("heading", level=2)).to_have_text([year])
        row = visitor.get_by_role("row").filter(
            has=visitor.get_by_role("link", name="Mama Tech Collective", exact=True)
        )
        expect(row).to_have_count(1)
        expect(row.get_by_test_id("amount")).to_have_text(chf("50000.00", "fr"))
        problems += serious_accessibility_problems(visitor)

        visitor.goto("/fr/funds/wsis-trust-fund-2022/")
        expect(visitor.get_by_test_id("pledged")).to_have_text(chf("50000.00", "fr"))
        expect(visitor.get_by_role("progressbar")).to_have_attribute("value", "10")
    finally:
        visitor_context.close()
    assert problems == []
