"""The language switcher in the header: same page, another language, reference data included."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from convoca.taxonomy.reference import SDGS

pytestmark = pytest.mark.browser

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
CHINESE_SCRIPT = re.compile(r"[\u4e00-\u9fff]")
LOCALE_DIR = settings.LOCALE_PATHS[0]


def expect_sdg_names(page: Page, language: str) -> None:
    """Every goal's card shows its official short name in `language` (as in reference.py)."""
    for goal in SDGS:
        card_heading = page.locator(f"#sdg-{goal['number']} h2")
        expect(card_heading).to_contain_text(goal["name"][language])


@pytest.fixture
def compiled_catalogues():
    missing = [
        str(path.with_suffix(".mo"))
        for path in LOCALE_DIR.glob("*/LC_MESSAGES/django.po")
        if not path.with_suffix(".mo").exists()
    ]
    if missing:
        pytest.fail(f"compile the message catalogues first (make setup): {', '.join(missing)}")


@pytest.mark.usefixtures("reference_data", "compiled_catalogues")
def test_language_switcher_shows_sdgs_right_to_left_in_arabic_and_then_in_chinese(page: Page):
    html = page.locator("html")
    languages = page.locator("header nav.language-nav")

    page.goto("/en/sdgs/")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sustainable Development Goals")
    expect_sdg_names(page, "en")

    languages.get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/sdgs/$"))
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect_sdg_names(page, "ar")
    expect(languages.get_by_role("link", name="العربية")).to_have_attribute("aria-current", "true")
    expect(page.get_by_role("heading", level=1)).to_have_text(ARABIC_SCRIPT)

    languages.get_by_role("link", name="中文").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/sdgs/$"))
    expect(html).to_have_attribute("lang", "zh-Hans")
    expect(html).to_have_attribute("dir", "ltr")
    expect_sdg_names(page, "zh_hans")
    expect(page.get_by_role("heading", level=1)).to_have_text(CHINESE_SCRIPT)
