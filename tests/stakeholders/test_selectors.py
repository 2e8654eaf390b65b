import pytest

from convoca.core import timeline
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 30])
def test_organization_directory_costs_the_same_for_1_or_30(
    client, count, django_assert_max_num_queries
):
    OrganizationFactory.create_batch(count)
    with django_assert_max_num_queries(2):
        response = client.get("/en/organizations/")
    assert response.context["page"].paginator.count == count


def test_directory_search_and_filter(client):
    OrganizationFactory(name="Andes SatCom", stakeholder_type="private_sector")
    OrganizationFactory(name="Seniors Online")
    found = client.get("/en/organizations/?q=andes").context["page"]
    assert [o.name for o in found] == ["Andes SatCom"]
    by_type = client.get("/en/organizations/?stakeholder_type=private_sector").context["page"]
    assert [o.name for o in by_type] == ["Andes SatCom"]
    invalid = client.get("/en/organizations/?stakeholder_type=pirates")
    assert invalid.status_code == 200
    assert "Select a valid choice" in invalid.text


@pytest.mark.parametrize("page", ["/en/action-lines/", "/en/sdgs/", "/en/focus-areas/", "/en/"])
def test_reference_pages_read_in_a_fixed_number_of_queries(
    client, page, django_assert_max_num_queries
):
    # The home page's "Coming up" asks each app's timeline provider once.
    budget = 3 + (len(timeline.provider_names()) if page == "/en/" else 0)
    with django_assert_max_num_queries(budget):
        assert client.get(page).status_code == 200
