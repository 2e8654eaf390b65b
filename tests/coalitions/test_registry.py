import datetime as dt
import random
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import translation
from django_countries.fields import Country

from convoca.coalitions import selectors, services
from convoca.coalitions.models import Member
from convoca.core.models import CountryRegion
from convoca.stakeholders.models import StakeholderType
from convoca.taxonomy.models import SDG, FocusArea
from tests.factories import OrganizationFactory

from .conftest import P2C

REGISTRY = f"/en/coalitions/{P2C}/pledges/"
COUNTRIES = ["KE", "TZ", "PE", "BR", "IN", "FR", "EG", "FJ", "KZ", "SN"]
KINDS = ["infrastructure", "skills", "policy", "financing", "devices"]


@pytest.fixture
def seed_registry(coalition, secretariat):
    """`count` published pledges from random members, countries, areas, SDGs and values."""

    def seed(count: int, *, seed: int = 7):
        rng = random.Random(seed)
        areas = list(FocusArea.objects.all())
        sdgs = list(SDG.objects.all())
        types = StakeholderType.values
        members = []
        for n in range(max(1, count // 2)):
            organization = OrganizationFactory(
                name=f"Member {n}", country=rng.choice(COUNTRIES), stakeholder_type=types[n % 5]
            )
            members.append(
                Member.objects.create(
                    coalition=coalition, organization=organization, joined_on=dt.date(2022, 1, 1)
                )
            )
        pledges = []
        for n in range(count):
            pledge = services.save_pledge(
                coalition=coalition,
                organization=rng.choice(members).organization,
                by=secretariat,
                countries=rng.sample(COUNTRIES, rng.randint(1, 3)),
                focus_areas=rng.sample(areas, rng.randint(1, 2)),
                sdgs=rng.sample(sdgs, 2),
                kind=rng.choice(KINDS),
                title=f"Pledge {n}",
                amount=Decimal(rng.randint(0, 10_000_000)) / 100 if n % 4 else None,
                currency="USD",
                pledged_on=dt.date(2022, 6, 8),
                starts_on=dt.date(2022, 7, 1),
                ends_on=dt.date(2025, 6, 30),
            )
            pledges.append(
                services.transition_pledge(pledge=pledge, to="published", by=secretariat)
            )
        return pledges

    return seed


def _random_filters(rng) -> selectors.RegistryFilters:
    choices = {
        "focus_area": ["", *FocusArea.objects.values_list("slug", flat=True)],
        "kind": ["", *KINDS],
        "country": ["", *COUNTRIES],
        "region": ["", "AFR", "EUR", "ASP", "AMS", "002"],
        "stakeholder_type": ["", *StakeholderType.values],
        "sdg": [None, *range(1, 18)],
        "status": ["", "published"],
    }
    return selectors.RegistryFilters(**{k: rng.choice(v) for k, v in choices.items()})


def test_totals_equal_the_sums_of_the_listed_pledges_for_random_filters(coalition, seed_registry):
    seed_registry(40)
    rng = random.Random(2023)
    for _ in range(40):
        filters = _random_filters(rng)
        listed = list(selectors.registry(coalition=coalition, filters=filters))
        totals = selectors.totals(coalition=coalition, filters=filters)
        assert totals.pledges == len(listed), filters
        assert totals.entities == len({p.organization_id for p in listed}), filters
        assert totals.countries == len(
            {c.country.code for p in listed for c in p.countries.all()}
        ), filters
        assert totals.usd == sum((p.usd_amount or Decimal(0) for p in listed), Decimal("0.00"))


def test_a_region_filter_lists_pledges_for_its_countries(coalition, seed_registry):
    seed_registry(20)
    africa = set(
        CountryRegion.objects.filter(itu_region__code="AFR").values_list("country", flat=True)
    )
    listed = selectors.registry(
        coalition=coalition, filters=selectors.RegistryFilters(region="AFR")
    )
    assert listed
    for pledge in listed:
        assert {c.country.code for c in pledge.countries.all()} & africa


def test_drafts_never_reach_the_registry(coalition, make_pledge, client):
    make_pledge(title="Secret draft")
    page = client.get(REGISTRY)
    assert "Secret draft" not in page.text
    assert selectors.totals(coalition=coalition, filters=selectors.RegistryFilters()).pledges == 0


@pytest.mark.parametrize("count", [1, 30])
def test_the_registry_page_takes_a_fixed_number_of_queries(
    seed_registry, client, django_assert_max_num_queries, count
):
    seed_registry(count)
    with django_assert_max_num_queries(10):
        page = client.get(REGISTRY + "?focus_area=connect-people&region=AFR&sdg=4&kind=skills")
    assert page.status_code == 200
    with django_assert_max_num_queries(10):
        page = client.get(REGISTRY)
    assert page.status_code == 200
    assert f">{count}</strong> pledges" in page.text


@pytest.mark.parametrize("count", [1, 30])
def test_country_and_world_pages_take_a_fixed_number_of_queries(
    seed_registry, client, django_assert_max_num_queries, count
):
    seed_registry(count)
    with django_assert_max_num_queries(10):
        assert client.get(f"/en/coalitions/{P2C}/countries/ke/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(f"/en/coalitions/{P2C}/world/?kind=skills").status_code == 200


def test_a_full_registry_page_stays_under_100_kb(seed_registry, client):
    seed_registry(60)
    page = client.get(REGISTRY)
    assert len(page.content) < 100_000
    assert 'rel="next"' in page.text


def test_a_visitor_finds_a_pledge_on_its_country_page(make_pledge, publish, client):
    publish(make_pledge(title="Fibre for Dodoma schools", countries=["TZ"]))
    publish(make_pledge(title="Skills in Lima", countries=["PE"]))
    page = client.get(f"/en/coalitions/{P2C}/countries/TZ/")
    assert "Pledges for Tanzania" in page.text
    assert "Fibre for Dodoma schools" in page.text
    assert "Skills in Lima" not in page.text
    assert client.get(f"/en/coalitions/{P2C}/countries/XX/").status_code == 404


def test_a_filter_value_that_is_not_a_choice_is_shown_and_ignored(make_pledge, publish, client):
    publish(make_pledge())
    page = client.get(REGISTRY + "?kind=rockets")
    assert "Select a valid choice" in page.text
    assert ">1</strong> pledges" in page.text


def test_the_world_view_shades_countries_without_javascript(make_pledge, publish, client):
    publish(make_pledge(countries=["TZ", "KE"]))
    page = client.get(f"/en/coalitions/{P2C}/world/")
    assert 'class="shade-5"' in page.text
    assert "Tanzania" in page.text
    assert "Kenya" in page.text


def test_exports_list_what_the_filters_list(make_pledge, publish, client):
    publish(make_pledge(title="=HYPERLINK(evil)", countries=["TZ"]))
    publish(make_pledge(title="Skills in Lima", countries=["PE"]))
    csv = client.get(f"/en/coalitions/{P2C}/pledges.csv?country=TZ").content.decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in csv
    assert "Skills in Lima" not in csv
    xlsx = client.get(f"/en/coalitions/{P2C}/pledges.xlsx")
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"


def test_the_headline_reads_the_registry_against_the_goal(coalition, make_pledge, publish, client):
    publish(make_pledge(amount="36780000000.00"))
    page = client.get(f"/en/coalitions/{P2C}/")
    assert "36 % reached" in page.text


def test_progress_reminders_command_runs(make_pledge, publish, mailoutbox, time_machine):
    publish(make_pledge())
    time_machine.move_to("2023-01-05 08:00+00:00")
    call_command("send_progress_reminders")
    assert len(mailoutbox) == 1


def test_a_visitor_sees_a_new_pledge_at_once_though_the_registry_is_cached(
    make_pledge, publish, client
):
    publish(make_pledge(title="Fibre for Dodoma schools"))
    assert client.get(REGISTRY)["X-Cache"] == "miss"
    again = client.get(REGISTRY)
    assert again["X-Cache"] == "hit"
    assert "Fibre for Dodoma schools" in again.text

    publish(make_pledge(title="Skills in Lima", countries=["PE"]))
    page = client.get(REGISTRY)
    assert "Skills in Lima" in page.text
    assert ">2</strong> pledges" in page.text


def test_a_renamed_organization_shows_on_the_cached_country_page(
    make_pledge, publish, member, client
):
    publish(make_pledge(countries=["TZ"]))
    country = f"/en/coalitions/{P2C}/countries/TZ/"
    assert "Kilimanjaro Fibre" in client.get(country).text
    member.organization.name = "Kilimanjaro Fibre Networks"
    member.organization.save()
    assert "Kilimanjaro Fibre Networks" in client.get(country).text


def test_a_signed_in_member_never_gets_a_cached_page(make_pledge, publish, member_focal, client):
    publish(make_pledge(title="Fibre for Dodoma schools"))
    client.get(REGISTRY)
    client.force_login(member_focal)
    page = client.get(REGISTRY)
    assert "X-Cache" not in page
    assert "Sign out" in page.text


def test_the_country_filter_names_countries_in_the_page_language(client, coalition):
    with translation.override("fr"):
        germany = str(Country("DE").name)
    page = client.get(f"/fr/coalitions/{P2C}/pledges/")
    assert f'<option value="DE">{germany}</option>' in page.text
    assert germany != "Germany"
