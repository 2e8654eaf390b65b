"""A workshop proposal from draft to decision, in Spanish: a civil-society focal point finds
the open call, keeps a draft, is told a woman speaker is missing, submits with one; a reviewer
scores it; the secretariat accepts it; the proposer reads the decision.

Every word the pages show is looked up in the Spanish catalogue (`es(...)`), so the test reads
what a Spanish-speaking person reads, whatever the translators choose."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import Browser, Page, expect

from convoca.consultations import review
from convoca.consultations.models import (
    Call,
    CallKind,
    CallState,
    Consultation,
    ReviewCriterion,
    Submission,
    SubmissionState,
)
from convoca.questionnaires.services import build_questionnaire
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.browser.conftest import TIMEOUT_MS, sign_in, sign_in_with_code
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

TITLE = "Redes comunitarias gestionadas por mujeres"
NOTE = "Enhorabuena: el taller formará parte de la semana final."


def es(text: str) -> str:
    """What the Spanish pages say for an English message."""
    with translation.override("es"):
        return gettext(text)


def spanish_label(choice) -> str:
    with translation.override("es"):
        return str(choice.label)


@pytest.fixture
def call(transactional_db, reference_data):
    now = timezone.now()
    consultation = Consultation.objects.create(
        slug="wsis-forum-next",
        title="Open consultation for the next WSIS Forum",
        title_es="Consulta abierta para el próximo Foro de la CMSI",
        time_zone="Europe/Zurich",
    )
    questionnaire = build_questionnaire(
        name="workshops",
        questions=[
            {
                "key": "abstract",
                "kind": "long_text",
                "label": {"en": "Abstract of the workshop", "es": "Resumen del taller"},
                "required": True,
            }
        ],
    )
    call = Call.objects.create(
        consultation=consultation,
        kind=CallKind.WORKSHOP,
        slug="wsis-forum-next-workshops",
        title="Binding workshop requests",
        title_es="Solicitudes vinculantes para talleres",
        opens_at=now - dt.timedelta(days=7),
        closes_at=now + dt.timedelta(days=30),
        questionnaire=questionnaire,
        state=CallState.OPEN,
        binding=True,
        requires_organization=True,
        gender_balance_blocks=True,
    )
    for position, (en, spanish) in enumerate(
        [("Relevance", "Pertinencia"), ("Gender balance", "Equilibrio de género")]
    ):
        ReviewCriterion.objects.create(
            call=call, position=position, name=en, name_en=en, name_es=spanish, weight=Decimal(1)
        )
    return call


def person_at(browser: Browser, live_server) -> Page:
    """A browser of one's own, reading Spanish."""
    context = browser.new_context(base_url=live_server.url, locale="es-ES")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context.new_page()


def test_a_workshop_proposal_goes_from_draft_to_acceptance_in_spanish(
    browser: Browser, live_server, call, focal_point, reviewer, secretariat
):
    focal_point.preferred_language = "es"
    focal_point.save()
    grant_role(user=reviewer, role=Role.REVIEWER, scope=call)

    # The focal point of a civil-society organization finds the open call.
    proposer = person_at(browser, live_server)
    sign_in(proposer, focal_point.email, PASSWORD)
    proposer.goto("/es/consultations/")
    expect(proposer.locator("html")).to_have_attribute("lang", "es")
    proposer.get_by_role("link", name="Consulta abierta para el próximo Foro de la CMSI").click()
    proposer.get_by_role("link", name="Solicitudes vinculantes para talleres").click()
    expect(proposer).to_have_url(re.compile(r"/es/calls/wsis-forum-next-workshops/$"))
    expect(proposer.get_by_role("heading", level=1)).to_have_text(
        "Solicitudes vinculantes para talleres"
    )
    proposer.get_by_role("link", name=es("Propose a workshop")).click()

    # A first draft names one speaker, a man; saving it keeps everything and warns.
    proposer.locator("#id_title").fill(TITLE)
    expect(proposer.locator("#id_organization")).to_contain_text("Mama Tech Collective")
    proposer.locator("#id_speakers-0-name").fill("Luis Pérez")
    proposer.locator("#id_speakers-0-gender").select_option("man")
    proposer.get_by_role("button", name=es("Save draft")).click()
    expect(proposer).to_have_url(re.compile(r"/es/calls/wsis-forum-next-workshops/submit/\d+/$"))
    expect(proposer.get_by_test_id("gender-warning")).to_have_text(
        es("Name at least one woman speaker: this call requires it.")
    )
    expect(proposer.locator("#id_title")).to_have_value(TITLE)
    draft = Submission.objects.get(title=TITLE)
    assert draft.state == SubmissionState.DRAFT

    # Sending it as it is would be refused; with a woman speaker and the abstract it goes.
    proposer.locator("#id_speakers-1-name").fill("Amina Diallo")
    proposer.locator("#id_speakers-1-organization_name").fill("Mama Tech Collective")
    proposer.locator("#id_speakers-1-gender").select_option("woman")
    proposer.locator("#id_q-abstract").fill("Mujeres que gestionan redes comunitarias rurales.")
    proposer.get_by_role("button", name=es("Submit"), exact=True).click()
    expect(proposer).to_have_url(re.compile(rf"/es/submissions/{draft.pk}/$"))
    expect(proposer.get_by_test_id("state")).to_have_text(spanish_label(SubmissionState.SUBMITTED))
    draft.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED
    assert sorted(draft.speakers.values_list("gender", flat=True)) == ["man", "woman"]

    # The secretariat gives it to a reviewer, who scores it from the list of their reviews.
    review.assign_reviewer(submission=draft, reviewer=reviewer, by=secretariat)
    scorer = person_at(browser, live_server)
    sign_in(scorer, reviewer.email, PASSWORD)
    scorer.goto("/es/reviews/")
    scorer.get_by_test_id("assignments").get_by_role("link", name=TITLE).click()
    expect(scorer.get_by_test_id("blind")).to_be_visible()
    scorer.get_by_label("Pertinencia").fill("5")
    scorer.get_by_label("Equilibrio de género").fill("4")
    scorer.get_by_role("button", name=es("Send my review")).click()
    expect(scorer.locator(".messages")).to_contain_text(
        es("Your review is sent. The other reviewers' scores are shown below.")
    )
    assert draft.reviews.get().total == Decimal("9.00")

    # The secretariat accepts it, with a note the proposer will read.
    office = person_at(browser, live_server)
    sign_in_with_code(office, secretariat)
    office.goto(f"/es/secretariat/calls/{call.slug}/submissions/{draft.pk}/")
    expect(office.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(office.locator("#reviews")).to_contain_text("9")
    decision = office.locator("#decision")
    decision.get_by_label(es("Decision")).select_option("accepted")
    decision.get_by_label(es("Note to the submitters")).fill(NOTE)
    decision.get_by_role("button", name=es("Decide and mail the submitter")).click()
    with translation.override("es"):
        decided_message = ngettext(
            "%(count)d submission %(decision)s; its submitter will be mailed.",
            "%(count)d submissions %(decision)s; their submitters will be mailed.",
            1,
        ) % {"count": 1, "decision": SubmissionState.ACCEPTED.label.lower()}
    expect(office.locator(".messages")).to_contain_text(decided_message)
    draft.refresh_from_db()
    assert draft.state == SubmissionState.ACCEPTED
    (decided,) = [m for m in mail.outbox if m.to == [focal_point.email] and NOTE in m.body]
    assert TITLE in decided.body

    # The proposer sees the decision among their submissions, and its note.
    proposer.goto("/es/submissions/")
    row = proposer.get_by_role("row").filter(has_text=TITLE)
    expect(row.get_by_test_id("state")).to_have_text(spanish_label(SubmissionState.ACCEPTED))
    row.get_by_role("link", name=TITLE).click()
    expect(proposer.get_by_test_id("decision-note")).to_have_text(NOTE)
    for page in (proposer, scorer, office):
        page.context.close()
