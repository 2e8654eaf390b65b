"""axe-core finds no serious or critical accessibility problem on the public pages, in a
left-to-right and a right-to-left language."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]

PAGES = [
    "/{lang}/",
    "/{lang}/organizations/",
    "/{lang}/sdgs/",
    "/{lang}/action-lines/",
    "/{lang}/accounts/signup/",
    "/{lang}/accounts/login/",
    "/{lang}/consultations/",
    "/{lang}/consultations/open-consultation/",
    "/{lang}/calls/open-workshops/",
    "/{lang}/prizes/",
    "/{lang}/coalitions/",
]


@pytest.fixture
def consultation(reference_data):
    """A consultation with a phase in another time zone and an open workshop call."""
    import datetime as dt

    from django.utils import timezone

    from convoca.consultations.models import Consultation, Phase, PhaseKind
    from tests.consultations.conftest import make_call

    consultation = Consultation.objects.create(
        slug="open-consultation", title="Open consultation", time_zone="Europe/Zurich"
    )
    Phase.objects.create(
        consultation=consultation,
        number=1,
        kind=PhaseKind.OPEN_FORUM,
        title="Open forum",
        starts_at=timezone.now() + dt.timedelta(days=3),
        time_zone="Europe/Warsaw",
        venue="Katowice",
        remote_participation=True,
    )
    now = timezone.now()
    make_call(
        consultation,
        slug="open-workshops",
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=30),
    )
    return consultation


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.usefixtures("consultation")
def test_public_pages_have_no_serious_accessibility_violations(page: Page, language):
    axe = Axe()
    problems = {}
    for path in PAGES:
        page.goto(path.format(lang=language))
        results = axe.run(page)
        serious = [
            f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}×)"
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        if serious:
            problems[path.format(lang=language)] = serious
    assert problems == {}
