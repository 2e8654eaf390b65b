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
]


@pytest.mark.parametrize("language", ["en", "ar"])
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
