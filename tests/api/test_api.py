import pytest

from convoca.stakeholders.models import StakeholderType
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_lists_answer_items_and_count_and_paginate(client):
    OrganizationFactory.create_batch(7)
    first = client.get("/api/v1/organizations?page=1&page_size=5").json()
    second = client.get("/api/v1/organizations?page=2&page_size=5").json()
    assert first["count"] == second["count"] == 7
    assert len(first["items"]) == 5
    assert len(second["items"]) == 2
    assert not {o["slug"] for o in first["items"]} & {o["slug"] for o in second["items"]}


@pytest.mark.parametrize("query", ["page=0", "page=abc", "page_size=0", "stakeholder_type=pirates"])
def test_malformed_input_answers_422_naming_the_field(client, query):
    response = client.get(f"/api/v1/organizations?{query}")
    assert response.status_code == 422
    fields = {error["loc"][-1] for error in response.json()["detail"]}
    assert fields & {"page", "page_size", "stakeholder_type"}


def test_organizations_show_public_fields_only(client, focal_point, organization):
    item = client.get("/api/v1/organizations/mama-tech").json()
    assert item == {
        "slug": "mama-tech",
        "name": "Mama Tech Collective",
        "acronym": "",
        "country": {"code": "CH", "name": "Switzerland"},
        "stakeholder_type": "civil_society",
        "itu_status": "none",
        "website": "",
    }
    assert "focal@example.org" not in client.get("/api/v1/organizations").text


def test_organizations_filter_by_type_country_and_text(client):
    OrganizationFactory(
        name="Andes SatCom", country="PE", stakeholder_type=StakeholderType.PRIVATE_SECTOR
    )
    OrganizationFactory(name="Seniors Online", country="ES")
    assert [
        o["name"]
        for o in client.get("/api/v1/organizations?stakeholder_type=private_sector").json()["items"]
    ] == ["Andes SatCom"]
    assert client.get("/api/v1/organizations?country=es").json()["count"] == 1
    assert client.get("/api/v1/organizations?q=satcom").json()["count"] == 1


def test_an_unknown_slug_answers_404(client):
    assert client.get("/api/v1/organizations/nowhere").status_code == 404
    assert client.get("/api/v1/action-lines/C99").status_code == 404
    assert client.get("/api/v1/sdgs/18").status_code == 404


def test_action_lines_come_in_plan_of_action_order_with_their_sdgs(client):
    body = client.get("/api/v1/action-lines?page_size=50").json()
    codes = [line["code"] for line in body["items"]]
    assert body["count"] == 19
    assert codes[:8] == ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C7.1"]
    assert codes[-2:] == ["C10", "C11"]
    health = client.get("/api/v1/action-lines/c7.4").json()
    assert health["parent"] == "C7"
    assert 3 in [sdg["number"] for sdg in health["sdgs"]]


def test_names_follow_the_accept_language_header(client):
    english = client.get("/api/v1/sdgs/5").json()
    arabic = client.get("/api/v1/sdgs/5", HTTP_ACCEPT_LANGUAGE="ar").json()
    chinese = client.get("/api/v1/sdgs/5", HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert english["name"] == "Gender equality"
    assert arabic["name"] == english["names"]["ar"] != english["name"]
    assert chinese["name"] == english["names"]["zh_hans"]
    assert set(english["names"]) == {"ar", "zh_hans", "en", "fr", "ru", "es"}


def test_the_matrix_links_every_goal_to_some_action_line(client):
    body = client.get("/api/v1/matrix?page_size=200").json()
    assert {cell["sdg"] for cell in body["items"]} == set(range(1, 18))
    assert body["count"] == len(body["items"])


def test_focus_areas_are_the_four_of_partner2connect(client):
    body = client.get("/api/v1/focus-areas", HTTP_ACCEPT_LANGUAGE="es").json()
    assert [area["name"] for area in body["items"]] == [
        "Conectar a las personas en cualquier lugar",
        "Empoderar a las comunidades",
        "Crear ecosistemas digitales",
        "Incentivar la inversión",
    ]


def test_openapi_schema_and_docs_are_published(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/organizations" in schema["paths"]
    assert (
        "BearerAuth" in str(schema["components"]["securitySchemes"])
        or schema["components"]["securitySchemes"]
    )
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_organization_list_costs_the_same_queries_for_1_or_30(
    client, count, django_assert_max_num_queries
):
    OrganizationFactory.create_batch(count)
    with django_assert_max_num_queries(2):
        assert client.get("/api/v1/organizations?page_size=50").json()["count"] == count


@pytest.mark.parametrize("page_size", [1, 19])
def test_action_line_list_prefetches_its_goals(client, page_size, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(f"/api/v1/action-lines?page_size={page_size}")


def test_me_needs_a_token_and_describes_its_owner(client):
    from convoca.accounts.services import issue_token

    user = UserFactory(email="amina@example.org", preferred_language="fr")
    _token, raw = issue_token(user=user, name="cli")
    me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    assert me["email"] == "amina@example.org"
    assert me["preferred_language"] == "fr"
    assert "gender" not in me


def test_api_docs_load_their_assets_from_our_server_not_a_cdn(client):
    page = client.get("/api/v1/docs").text
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
