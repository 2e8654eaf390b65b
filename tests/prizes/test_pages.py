"""The prizes pages: the ballot and voting without JavaScript, privacy of the count, the
secretariat's and the jury's pages (a denied page is a 404), certificates and results."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from convoca.prizes import services
from convoca.prizes.models import Vote
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.conftest import sign_in
from tests.factories import UserFactory

from .conftest import make_project, move_to

C = "/en/prizes/wsis-prizes-2022"


def test_the_ballot_of_a_category_lists_its_projects(client, cycle, projects):
    page = client.get(f"{C}/ballot/c1-role-of-stakeholders/").content.decode()
    for project in projects:
        assert project.title in page


def test_search_finds_projects_across_categories(client, cycle, projects, other_category):
    make_project(cycle, other_category, title="Solar schools")
    page = client.get(f"{C}/ballot/", {"q": "solar"}).content.decode()
    assert "Solar schools" in page
    assert "Project 1" not in page


def test_a_signed_in_voter_votes_and_changes_from_the_page(client, cycle, projects, participant):
    sign_in(client, participant)
    url = f"{C}/ballot/c1-role-of-stakeholders/"
    response = client.post(
        f"{C}/vote/",
        {"category": "c1-role-of-stakeholders", "nomination": projects[0].pk, "next": url},
        follow=True,
    )
    assert "Your vote in" in response.content.decode()
    client.post(f"{C}/vote/", {"category": "c1-role-of-stakeholders", "nomination": projects[1].pk})
    assert Vote.objects.get(voter=participant).nomination == projects[1]
    mine = client.get(f"{C}/my-votes/").content.decode()
    assert "Project 2" in mine


def test_an_unverified_account_gets_the_reason_on_the_page(client, cycle, projects):
    user = UserFactory(email="unverified@example.org", verified=False)
    client.force_login(user)
    response = client.post(
        f"{C}/vote/",
        {"category": "c1-role-of-stakeholders", "nomination": projects[0].pk},
        follow=True,
    )
    assert "Confirm your email address" in response.content.decode()
    assert not Vote.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in_to_vote(client, cycle, projects):
    response = client.post(
        f"{C}/vote/", {"category": "c1-role-of-stakeholders", "nomination": projects[0].pk}
    )
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


@pytest.mark.parametrize("role", ["anonymous", "participant", "focal_point", "jury"])
def test_the_live_count_is_only_for_the_secretariat(as_role, cycle, projects, role):
    assert as_role(role).get(f"{C}/manage/").status_code == 404


def test_the_secretariat_sees_the_live_count_and_bursts(client, cycle, projects, secretariat):
    for n in range(10):
        voter = UserFactory(email=f"burst{n}@example.org")
        services.cast_vote(
            cycle=cycle, category=projects[0].category, nomination=projects[0], voter=voter,
            network="203.0.113.0/24",
        )  # fmt: skip
    page = sign_in(client, secretariat).get(f"{C}/manage/").content.decode()
    assert f'data-testid="count-{projects[0].pk}">10<' in page
    assert "203.0.113.0/24: 10" in page


def test_the_secretariat_voids_a_network_with_a_reason(client, cycle, projects, secretariat):
    voter = UserFactory(email="bot@example.org")
    services.cast_vote(
        cycle=cycle, category=projects[0].category, nomination=projects[0], voter=voter,
        network="203.0.113.0/24",
    )  # fmt: skip
    sign_in(client, secretariat)
    empty = client.post(
        f"{C}/manage/void/", {"network": "203.0.113.0/24", "reason": ""}, follow=True
    )
    assert "Give the reason" in empty.content.decode()
    assert not Vote.objects.get().is_void
    client.post(f"{C}/manage/void/", {"network": "203.0.113.0/24", "reason": "Bot farm"})
    assert Vote.objects.get().void_reason == "Bot farm"


def test_the_ballot_page_needs_few_queries_for_many_projects(
    client, cycle, category, participant, django_assert_max_num_queries
):
    make_project(cycle, category, title="Only")
    sign_in(client, participant)
    with django_assert_max_num_queries(18):
        client.get(f"{C}/ballot/c1-role-of-stakeholders/")
    for n in range(30):
        make_project(cycle, category, title=f"Many {n}")
    with django_assert_max_num_queries(18):
        client.get(f"{C}/ballot/c1-role-of-stakeholders/")


@pytest.fixture
def published(cycle, projects, secretariat):
    voters = [UserFactory(email=f"pub{n}@example.org") for n in range(3)]
    for index, voter in enumerate(voters):
        services.cast_vote(
            cycle=cycle, category=projects[0].category, nomination=projects[index % 2], voter=voter
        )
    move_to(cycle, "jury")
    cycle.champions_published_at = timezone.now() + timedelta(hours=1)
    cycle.save()
    services.compute_champions(cycle=cycle, by=secretariat)
    services.decide_winner(nomination=projects[0], by=secretariat)
    cycle.refresh_from_db()
    return cycle


def test_results_wait_for_their_publication_dates(client, published, projects):
    page = client.get(f"{C}/results/").content.decode()
    assert "The champions will be published on" in page
    assert "Project 1" not in page
    published.champions_published_at = timezone.now() - timedelta(minutes=1)
    published.save()
    page = client.get(f"{C}/results/").content.decode()
    assert "Project 1" in page
    assert 'data-testid="winner"' not in page
    move_to(published, "announcement")
    page = client.get("/en/prizes/winners/").content.decode()
    assert 'data-testid="winner"' in page
    assert "Project 1" in page


def test_a_winner_gets_a_certificate_pdf_once_announced(client, published, projects):
    url = f"{C}/projects/{projects[0].pk}/certificate.pdf"
    assert client.get(url).status_code == 404
    move_to(published, "announcement")
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(__import__("io").BytesIO(response.content)).pages[0].extract_text()
    assert "Winner" in text
    assert "Project 1" in text
    assert projects[0].organization.name in text


def test_jury_pages_are_for_the_cycles_jury_and_hide_others_scores(client, published, projects):
    projects[0].refresh_from_db()
    services.add_criterion(cycle=published, name="Impact", by=None)
    ana, ben = UserFactory(email="ana@jury.org"), UserFactory(email="ben@jury.org")
    for juror in (ana, ben):
        grant_role(user=juror, role=Role.JURY, scope=published)
    criterion = published.criteria.get()
    services.score_champion(
        nomination=projects[0],
        juror=ben,
        scores={criterion.pk: 9},
        comment="Ben's view",
        submit=True,
    )
    client.force_login(ana)
    url = f"{C}/jury/{projects[0].pk}/"
    assert "Ben&#x27;s view" not in client.get(url).content.decode()
    client.post(url, {f"criterion_{criterion.pk}": "7", "submit": "1"})
    assert "Ben&#x27;s view" in client.get(url).content.decode()
    client.force_login(UserFactory(email="nobody@example.org"))
    assert client.get(url).status_code == 404
