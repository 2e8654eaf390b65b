"""The WSIS Prizes public vote in a real browser: a new user signs up and confirms their email,
votes in three categories, changes one vote, and after the announcement finds the winners on
the every-year winners page and their changed vote on their own list of votes.

The cycle is in public voting when the journey starts. Its dates then move on as the calendar
would (voting closes, the champions are counted, the secretariat decides the winners, the
announcement date passes), through the same services the secretariat's pages call."""

import re

import pytest
from playwright.sync_api import Page, expect

from convoca.prizes import services
from convoca.prizes.models import NominationState, Vote
from tests.browser.test_signup import confirmation_link
from tests.factories import PASSWORD
from tests.prizes.conftest import make_cycle, make_project, move_to

pytestmark = pytest.mark.browser

CYCLE = "/en/prizes/wsis-prizes-2022"
EMAIL = "first.voter@example.org"


@pytest.fixture
def ballot(transactional_db, reference_data):
    """Voting is open; categories 1 to 3 each have two projects on their ballot. One champion
    per category, so the public vote alone decides which project can win."""
    cycle = make_cycle("voting", champions_per_category=1)
    categories = list(cycle.categories.filter(number__in=[1, 2, 3]).order_by("number"))
    projects = {
        category.number: [
            make_project(cycle, category, title=f"{name} {category.number}")
            for name in ("Solar schools", "Village clinics online")
        ]
        for category in categories
    }
    return cycle, categories, projects


def sign_up_and_confirm(page: Page, mailoutbox) -> None:
    page.goto("/en/accounts/signup/")
    page.get_by_placeholder("Email address").fill(EMAIL)
    page.get_by_placeholder("Password", exact=True).fill(PASSWORD)
    page.get_by_placeholder("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    (message,) = [m for m in mailoutbox if m.to == [EMAIL]]
    page.goto(confirmation_link(message))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()


def vote_for(page: Page, category, title: str, button: str) -> None:
    """From the ballot, open the category and press the project's button."""
    page.goto(f"{CYCLE}/ballot/")
    page.get_by_role("navigation", name="Categories").get_by_role(
        "link", name=category.name, exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(category.name)
    card = page.get_by_test_id("project").filter(has_text=title)
    card.get_by_role("button", name=f"{button} “{title}”").click()
    expect(page.get_by_text(f"Your vote in “{category.name}” is for “{title}”.")).to_be_visible()
    card = page.get_by_test_id("project").filter(has_text=title)
    expect(card.get_by_test_id("my-vote")).to_have_text("Your vote")
    # The project voted for has no button any more; the others offer to change the vote.
    expect(card.get_by_role("button")).to_have_count(0)


def test_a_new_user_votes_in_three_categories_changes_one_and_sees_the_winners(
    page: Page, ballot, mailoutbox
):
    cycle, categories, projects = ballot
    first, second, third = categories

    # Before anything is decided, the winners page has nothing to show.
    page.goto("/en/prizes/winners/")
    expect(page.get_by_text("No results are published yet.")).to_be_visible()

    # Voting needs a confirmed address: the new user signs up and opens the emailed link.
    sign_up_and_confirm(page, mailoutbox)

    vote_for(page, first, "Solar schools 1", "Vote for")
    vote_for(page, second, "Solar schools 2", "Vote for")
    vote_for(page, third, "Village clinics online 3", "Vote for")

    # Changing their mind in the second category: the other project's button says so.
    vote_for(page, second, "Village clinics online 2", "Change my vote to")
    other = page.get_by_test_id("project").filter(has_text="Solar schools 2")
    expect(other.get_by_test_id("my-vote")).to_have_count(0)
    expect(other.get_by_role("button")).to_have_text("Change my vote to “Solar schools 2”")

    # The ballot marks the three categories voted in, and no other.
    page.goto(f"{CYCLE}/ballot/")
    expect(page.get_by_role("navigation", name="Categories").get_by_text("voted")).to_have_count(3)

    # Still one vote per category, the second one changed.
    assert sorted(Vote.objects.values_list("nomination__title", flat=True)) == [
        "Solar schools 1",
        "Village clinics online 2",
        "Village clinics online 3",
    ]

    # Time passes: voting closes, the champions are counted and the secretariat names each
    # category's winner, then the announcement date comes.
    move_to(cycle, "jury")
    cycle.champions_published_at = cycle.jury_closes_at
    cycle.save()
    champions = services.compute_champions(cycle=cycle, by=None)
    for category in categories:
        (champion,) = champions[category.pk]
        services.decide_winner(
            nomination=next(p for p in projects[category.number] if p.pk == champion), by=None
        )
    cycle.refresh_from_db()
    move_to(cycle, "announcement")
    assert set(
        cycle.nominations.filter(state=NominationState.WINNER).values_list("title", flat=True)
    ) == {
        "Solar schools 1",
        "Village clinics online 2",
        "Village clinics online 3",
    }

    # The winners page shows this year's winners, each in its category.
    page.goto("/en/prizes/winners/")
    year = page.get_by_role("region", name="WSIS Prizes 2022")
    expect(year).to_be_visible()
    for category, title in (
        (first, "Solar schools 1"),
        (second, "Village clinics online 2"),
        (third, "Village clinics online 3"),
    ):
        section = year.get_by_role("region", name=category.name, exact=True)
        winner = section.get_by_test_id("winner")
        expect(winner).to_contain_text("Winner:")
        expect(winner.get_by_role("link")).to_have_text(title)
    expect(year).not_to_contain_text("Solar schools 2")

    # The winner's page is one click away.
    year.get_by_role("region", name=second.name, exact=True).get_by_test_id("winner").get_by_role(
        "link"
    ).click()
    expect(page).to_have_url(re.compile(rf"{CYCLE}/projects/{projects[2][1].pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Village clinics online 2")

    # Their own list still shows what they chose, the changed vote included; voting is over,
    # so no page offers a vote button any more.
    page.goto(f"{CYCLE}/my-votes/")
    expect(page.get_by_role("heading", name="My votes")).to_be_visible()
    expect(page.get_by_test_id(f"vote-{first.slug}")).to_have_text("Solar schools 1")
    expect(page.get_by_test_id(f"vote-{second.slug}")).to_have_text("Village clinics online 2")
    expect(page.get_by_test_id(f"vote-{third.slug}")).to_have_text("Village clinics online 3")
    expect(page.get_by_test_id("vote-c4-capacity-building")).to_have_text("—")
    page.goto(f"{CYCLE}/ballot/{second.slug}/")
    expect(page.get_by_text("Public voting is not open.")).to_be_visible()
    expect(
        page.get_by_role("main").get_by_role("button", name=re.compile("vote", re.I))
    ).to_have_count(0)
