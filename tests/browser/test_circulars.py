"""A circular's life in the browser: written in Spanish, approved, issued, mailed, then read by
anyone in the public archive, on the page and as a PDF."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import TIMEOUT_MS, sign_in_with_code
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.browser

REFERENCE = "Fondo Fiduciario de la CMSI 2022"
SUBJECT = "Invitación a contribuir al Fondo Fiduciario de la CMSI – 2022"
BODY = (
    "Me complace invitarle a contribuir al **Fondo Fiduciario de la CMSI**.\n"
    "\n"
    "Las contribuciones permiten:\n"
    "\n"
    "- organizar el Foro de la CMSI;\n"
    "- apoyar la participación de los países menos adelantados.\n"
)
GOVERNMENT_EMAILS = [
    "ana@gov-a.example.org",
    "ben@gov-b.example.org",
    "carla@gov-c.example.org",
]
MANAGE_URL = re.compile(r"/en/secretariat/circulars/\d+/$")
DETAIL_URL = re.compile(r"/es/circulars/\d+/$")


def required(label: str) -> re.Pattern:
    """A required field's label, which ends in an asterisk."""
    return re.compile(rf"^{re.escape(label)} \*$")


@pytest.fixture
def government_people(transactional_db):
    """One reachable person in each of three governments: the circular goes to three people."""
    for n, email in enumerate(GOVERNMENT_EMAILS):
        ministry = OrganizationFactory(name=f"Ministry {n}", stakeholder_type="government")
        PersonFactory(organization=ministry, email=email)
    return GOVERNMENT_EMAILS


def test_secretariat_writes_issues_and_mails_a_spanish_circular_that_the_public_reads_in_spanish(
    page: Page, browser: Browser, live_server, secretariat, government_people, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path  # the issued letter's PDF is kept in storage

    # The secretariat signs in: password, then the authenticator's code.
    sign_in_with_code(page, secretariat)

    # Write a circular.
    page.goto("/en/secretariat/circulars/")
    page.get_by_role("link", name="Write a circular").click()
    expect(page).to_have_url(re.compile(r"/en/secretariat/circulars/new/$"))
    expect(page.get_by_role("heading", name="Write a circular")).to_be_visible()
    main = page.get_by_role("main")

    main.get_by_label("Series").select_option("")  # no numbered series: the reference is typed
    main.get_by_label("Reference", exact=True).fill(REFERENCE)
    main.get_by_label("Original language").select_option("es")

    main.locator("summary[lang=es]").click()  # the Spanish section opens
    main.get_by_label("Subject (Español)").fill(SUBJECT)
    main.get_by_label("Place (Español)").fill("Ginebra")
    main.get_by_label("Body (Español)").fill(BODY)

    addressees = main.locator("fieldset").filter(has=page.locator("legend", has_text="Addressees"))
    addressee = addressees.locator(".formset-row").first
    addressee.get_by_label("Kind", exact=True).select_option(label="Stakeholder type")
    addressee.get_by_label("Stakeholder type", exact=True).select_option(label="Government")
    addressee.get_by_label("Printed line", exact=True).fill("Gobiernos")
    # The form offers a second addressee row too; left untouched, it is no line of the letter.

    main.get_by_label(required("Signatory")).fill("Houlin ZHAO")
    main.get_by_role("button", name="Save draft").click()

    # The management page: a draft, with its typed reference, in Spanish, to governments.
    expect(page).to_have_url(MANAGE_URL)
    state = page.get_by_test_id("state")
    expect(state).to_have_text("Draft")
    expect(page.get_by_role("heading", level=1)).to_have_text(REFERENCE)
    expect(main.get_by_text(SUBJECT, exact=True)).to_be_visible()
    expect(main.get_by_text("Gobiernos", exact=True)).to_be_visible()

    page.get_by_role("button", name="Approve").click()
    expect(state).to_have_text("Approved")
    page.get_by_role("button", name="Issue", exact=True).click()
    expect(state).to_have_text("Issued")
    expect(page).to_have_url(MANAGE_URL)
    manage_url = page.url

    # Send it to the three government addressees; the mail-out's progress shows.
    page.get_by_role("button", name="Send to 3 addressees").click()
    expect(page).to_have_url(manage_url)
    expect(page.get_by_role("heading", name="Mail-out")).to_be_visible()
    sent = page.get_by_role("progressbar", name="Sent")
    expect(sent).to_have_attribute("max", "3")
    expect(sent).to_have_attribute("value", "3")
    expect(page.get_by_test_id("progress")).to_contain_text("3 of 3 sent")
    expect(page.get_by_role("button", name=re.compile(r"^Send to"))).to_have_count(0)

    # Each government's person received the letter, in Spanish.
    expected_subject = f"{REFERENCE} — {SUBJECT}"
    to_governments = [m for m in mail.outbox if set(m.to) & set(government_people)]
    assert sorted(address for m in to_governments for address in m.to) == sorted(government_people)
    assert [m.subject for m in to_governments] == [expected_subject] * 3

    # Anyone, signed out, finds the letter in the Spanish archive and reads it in Spanish.
    visitor_context = browser.new_context(base_url=live_server.url, locale="es-ES")
    try:
        visitor_context.set_default_timeout(TIMEOUT_MS)
        visitor_context.set_default_navigation_timeout(TIMEOUT_MS)
        visitor = visitor_context.new_page()

        visitor.goto("/es/circulars/")
        expect(visitor.locator("html")).to_have_attribute("lang", "es")
        search = visitor.get_by_role("search")
        search.locator("input[name=q]").fill("Fondo")
        search.locator("button[type=submit]").click()
        expect(visitor).to_have_url(re.compile(r"/es/circulars/\?(.*&)?q=Fondo(&|$)"))
        row = visitor.get_by_role("row").filter(
            has=visitor.get_by_role("link", name=REFERENCE, exact=True)
        )
        expect(row).to_have_count(1)
        expect(row).to_contain_text(SUBJECT)
        expect(row).to_contain_text("Gobiernos")
        row.get_by_role("link", name=REFERENCE, exact=True).click()

        expect(visitor).to_have_url(DETAIL_URL)
        expect(visitor.locator("html")).to_have_attribute("lang", "es")
        letter = visitor.locator("article.letter")
        expect(letter).to_have_attribute("lang", "es")
        expect(letter.locator(".letter__subject-text")).to_have_text(SUBJECT)
        expect(letter.locator(".letter__dateline")).to_contain_text("Ginebra")
        expect(letter.locator(".letter__reference")).to_contain_text(REFERENCE)
        expect(letter.locator(".letter__addressee-lines")).to_have_text("Gobiernos")
        body = letter.locator(".letter__body")
        expect(body.locator("strong")).to_have_text("Fondo Fiduciario de la CMSI")
        expect(body.get_by_role("listitem")).to_have_text(
            [
                "organizar el Foro de la CMSI;",
                "apoyar la participación de los países menos adelantados.",
            ]
        )
        expect(letter.locator(".letter__signatory-name")).to_have_text("Houlin ZHAO")
        expect(letter.locator(".letter__watermark")).to_have_count(0)  # issued: no "draft" mark

        # The Spanish PDF answers.
        pdf_link = visitor.get_by_role("main").locator('a[hreflang="es"]')
        expect(pdf_link).to_have_attribute("href", re.compile(r"/es/circulars/\d+/es\.pdf$"))
        response = visitor.request.get(pdf_link.get_attribute("href"))
        assert response.status == 200, response.status
        assert response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF")
    finally:
        visitor_context.close()
