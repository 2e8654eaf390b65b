import pytest

from .conftest import P2C

API = f"/api/v1/coalitions/{P2C}"


def test_the_api_lists_pledges_with_organization_and_iso_countries(client, make_pledge, publish):
    publish(make_pledge(countries=["TZ", "KE"], amount="1500000.00"))
    make_pledge(title="Still a draft")
    body = client.get(API + "/pledges").json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["countries"] == ["KE", "TZ"]
    assert item["organization"]["slug"] == "kilimanjaro-fibre"
    assert item["usd_amount"] == "1500000.00"
    assert item["status"] == "published"


def test_the_api_filters_like_the_registry(client, make_pledge, publish):
    publish(make_pledge(countries=["TZ"], kind="skills"))
    publish(make_pledge(countries=["PE"], kind="infrastructure"))
    assert client.get(API + "/pledges?country=pe").json()["count"] == 1
    assert client.get(API + "/pledges?kind=skills&region=AFR").json()["count"] == 1
    assert client.get(API + "/pledges?region=EUR").json()["count"] == 0
    assert client.get(API + "/pledges?kind=rockets").status_code == 422
    assert client.get(API + "/pledges?sdg=18").status_code == 422


def test_the_coalition_answers_its_totals(client, make_pledge, publish):
    publish(make_pledge(amount="2500000.00", countries=["TZ", "KE"]))
    body = client.get(API).json()
    assert body["totals"] == {"pledges": 1, "entities": 1, "countries": 2, "usd": "2500000.00"}
    assert client.get("/api/v1/coalitions/nowhere").status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_the_pledge_list_takes_a_fixed_number_of_queries(
    client, make_pledge, publish, count, django_assert_max_num_queries
):
    for n in range(count):
        publish(make_pledge(title=f"Pledge {n}"))
    with django_assert_max_num_queries(6):
        body = client.get(API + "/pledges?focus_area=connect-people").json()
    assert body["count"] == count
