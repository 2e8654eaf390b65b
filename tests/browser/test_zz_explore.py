import pytest


@pytest.mark.browser
def test_explore(page, participant):
    page.goto("/en/accounts/login/")
    print(page.locator("form").inner_html())
    page.get_by_placeholder("Email address").fill(participant.email)
    page.get_by_placeholder("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/profile/")
    print(page.url)
    print(page.content())
