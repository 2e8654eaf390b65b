"""Partner2Connect in French, from an expression of interest to a pledge a visitor finds: an
organization sends its EoI, the secretariat moves it along the board to member, the focal
point writes and publishes a pledge and later reports progress, and a visitor finds the
pledge by its target country.

Every word the pages show is looked up in the French catalogue (`fr(...)`), so the test reads
what a French-speaking person reads, whatever the translators choose."""

import datetime as dt
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_countries.fields import Country
from playwright.sync_api import Browser, Page, expect

from convoca.coalitions import pipeline
from convoca.coalitions.models import (
    Coalition,
    EoiState,
    ExpressionOfInterest,
    Member,
    Pledge,
    PledgeState,
)
from convoca.taxonomy.models import FocusArea
from tests.browser.conftest import TIMEOUT_MS, sign_in, sign_in_with_code
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

P2C = "partner2connect"
ORGANIZATION = "Andes SatCom"
TITLE = "Liaisons satellitaires pour 300 écoles rurales"
NARRATIVE = "Les 120 premières écoles de la Sierra sont raccordées."


def fr(text: str) -> str:
    """What the French pages say for an English message."""
    with translation.override("fr"):
        return gettext(text)


def in_french(value) -> str:
    """A choice label, a country or a focus area name as the French pages show it."""
    with translation.override("fr"):
        return str(value)


def french_name(area: FocusArea) -> str:
    """A focus area's name as the French pages show it (its translated field)."""
    with translation.override("fr"):
        return str(area.name)


@pytest.fixture
def coalition(transactional_db, reference_data, secretariat):
    found = Coalition.objects.create(
        name="Partner2Connect Digital Coalition",
        name_fr="Coalition numérique Partner2Connect",
        slug=P2C,
        contact_email="partner2connect@itu.int",
    )
    found.focus_areas.set(FocusArea.objects.all())
    now = timezone.now()
    pipeline.set_up_eoi_call(
        coalition=found,
        slug="p2c-expression-of-interest",
        opens_at=now - dt.timedelta(days=7),
        closes_at=now + dt.timedelta(days=30),
        by=secretariat,
    )
    return found


def person_at(browser: Browser, live_server) -> Page:
    """A browser of one's own, reading French."""
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context.new_page()


def test_an_organization_joins_pledges_reports_and_a_visitor_finds_it_by_country_in_french(
    browser: Browser, live_server, coalition, participant, secretariat
):
    connect = FocusArea.objects.get(slug="connect-people")
    connect_fr = french_name(connect)
    with translation.override("fr"):
        peru = str(Country("PE").name)

    # An organization sends its expression of interest from the coalition's French page.
    applicant = person_at(browser, live_server)
    sign_in(applicant, participant.email, PASSWORD)
    applicant.goto(f"/fr/coalitions/{P2C}/")
    expect(applicant.locator("html")).to_have_attribute("lang", "fr")
    expect(applicant.get_by_role("heading", level=1)).to_have_text(
        "Coalition numérique Partner2Connect"
    )
    applicant.get_by_role("link", name=fr("Express interest")).click()
    expect(applicant.get_by_role("heading", level=1)).to_have_text(fr("Expression of interest"))
    applicant.locator("#id_name").fill(ORGANIZATION)
    applicant.locator("#id_country").select_option("PE")
    applicant.locator("#id_stakeholder_type").select_option("private_sector")
    applicant.get_by_label(connect_fr).check()
    applicant.get_by_label("Qu'apporterait votre organisation").fill(
        "Des liaisons satellitaires pour les écoles andines."
    )
    applicant.get_by_label("Le secrétariat peut me contacter au sujet de la coalition.").check()
    applicant.get_by_role("button", name=fr("Send"), exact=True).click()
    expect(applicant).to_have_url(re.compile(rf"/fr/coalitions/{P2C}/$"))
    expect(applicant.locator(".messages")).to_contain_text(
        fr(
            "Thank you: the secretariat will contact you about the next steps "
            "and the calendar of events."
        )
    )
    expression = ExpressionOfInterest.objects.get(organization__name=ORGANIZATION)
    assert expression.state == EoiState.RECEIVED

    # The secretariat moves it along the board, one step at a time, to member.
    office = person_at(browser, live_server)
    sign_in_with_code(office, secretariat)
    office.goto(f"/fr/secretariat/coalitions/{P2C}/board/")
    card = office.get_by_test_id(f"eoi-{expression.pk}")
    expect(office.locator('[data-state="received"]')).to_contain_text(ORGANIZATION)
    for step in (EoiState.TRIAGED, EoiState.CONTACTED, EoiState.MEMBER):
        card.get_by_label(fr("Move to")).select_option(step.value)
        card.get_by_role("button", name=fr("Move")).click()
        column = office.locator(f'[data-state="{step.value}"]')
        expect(column).to_contain_text(ORGANIZATION)
        expect(column.get_by_role("heading")).to_contain_text(in_french(step.label))
    expression.refresh_from_db()
    assert expression.state == EoiState.MEMBER
    assert Member.objects.filter(coalition=coalition, organization__name=ORGANIZATION).exists()

    # The applicant, now the organization's focal point, writes a pledge and publishes it.
    applicant.goto(f"/fr/coalitions/{P2C}/")
    applicant.get_by_role("link", name=fr("Our pledges")).click()
    expect(applicant.get_by_role("cell", name=fr("No pledge yet."))).to_be_visible()
    applicant.get_by_role("link", name=fr("New pledge")).click()
    today = timezone.localdate()
    applicant.locator("#id_kind").select_option("infrastructure")
    applicant.locator("#id_title").fill(TITLE)
    applicant.get_by_label(connect_fr).check()
    applicant.locator("#id_countries").select_option(["PE", "BO"])
    applicant.locator("#id_amount").fill("2500000")
    applicant.locator("#id_currency").select_option("USD")
    applicant.locator("#id_starts_on").fill((today - dt.timedelta(days=30)).isoformat())
    applicant.locator("#id_ends_on").fill((today + dt.timedelta(days=335)).isoformat())
    applicant.locator("#id_targets-0-indicator").fill("Écoles raccordées")
    applicant.locator("#id_targets-0-unit").select_option("schools")
    applicant.locator("#id_targets-0-target").fill("300")
    applicant.get_by_role("button", name=fr("Save as draft")).click()
    expect(applicant.locator(".messages")).to_contain_text(fr("Pledge saved."))
    expect(applicant.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(applicant.get_by_test_id("state")).to_have_text(in_french(PledgeState.DRAFT.label))
    applicant.get_by_role("button", name=fr("Publish")).click()
    published = fr("Your pledge is now “%(state)s”.") % {
        "state": in_french(PledgeState.PUBLISHED.label)
    }
    expect(applicant.locator(".messages")).to_contain_text(published)
    pledge = Pledge.objects.get(title=TITLE)
    assert pledge.state == PledgeState.PUBLISHED

    # Later, it reports the first schools connected; the pledge is then in progress.
    applicant.get_by_role("link", name=fr("Report progress")).click()
    target = pledge.targets.get()
    applicant.locator(f"#id_target_{target.pk}").fill("120")
    applicant.locator("#id_narrative").fill(NARRATIVE)
    applicant.get_by_role("button", name=fr("Publish the report")).click()
    expect(applicant.locator(".messages")).to_contain_text(
        fr("Thank you: your progress report is published.")
    )
    expect(applicant.get_by_test_id("state")).to_have_text(in_french(PledgeState.IN_PROGRESS.label))
    expect(applicant.get_by_test_id("achieved")).to_contain_text("120")

    # A visitor filters the registry by Peru, opens Peru's page, then the pledge.
    visitor = person_at(browser, live_server)
    visitor.goto(f"/fr/coalitions/{P2C}/pledges/")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text(
        "Coalition numérique Partner2Connect"
    )
    visitor.get_by_label(fr("Country")).select_option(label=peru)
    visitor.get_by_role("button", name=fr("Filter")).click()
    expect(visitor.get_by_test_id("total-pledges")).to_have_text("1")
    row = visitor.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("link", name="PE").click()
    with translation.override("fr"):
        heading = gettext("Pledges for %(country)s") % {"country": peru}
    expect(visitor.get_by_role("heading", level=1)).to_have_text(heading)
    expect(visitor.get_by_test_id("total-countries")).to_have_text("2")
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_test_id("state")).to_have_text(in_french(PledgeState.IN_PROGRESS.label))
    expect(visitor.get_by_role("article")).to_contain_text(NARRATIVE)
    expect(visitor.get_by_role("button", name=fr("Report progress"))).to_have_count(0)
    expect(visitor.get_by_role("link", name=fr("Report progress"))).to_have_count(0)
    for page in (applicant, office, visitor):
        page.context.close()
