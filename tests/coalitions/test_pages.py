import datetime as dt

import pytest
from django.urls import reverse

from convoca.coalitions import pipeline, services
from convoca.coalitions.models import EoiState, ExpressionOfInterest
from convoca.core import timeline
from tests.conftest import sign_in

from .conftest import BEFORE_DEADLINE, P2C

BOARD = f"/en/secretariat/coalitions/{P2C}/board/"


@pytest.fixture
def expression(coalition, eoi_call, participant, answers, andes, time_machine):
    time_machine.move_to(BEFORE_DEADLINE)
    return pipeline.express_interest(
        coalition=coalition, user=participant, applicant=andes, answers=answers
    ).expression


@pytest.mark.parametrize("role", ["anonymous", "participant", "focal_point"])
def test_only_the_secretariat_sees_the_board_and_an_expression(as_role, expression, role):
    client = as_role(role)
    assert client.get(BOARD).status_code in {302, 404}
    page = client.get(f"/en/secretariat/coalitions/{P2C}/expressions/{expression.pk}/")
    assert page.status_code in {302, 404}
    moved = client.post(
        f"/en/secretariat/coalitions/{P2C}/expressions/{expression.pk}/move/", {"to": "triaged"}
    )
    assert moved.status_code in {302, 404}
    expression.refresh_from_db()
    assert expression.state == EoiState.RECEIVED


def test_the_board_moves_a_card_with_htmx_and_without(
    client, secretariat, expression, django_assert_max_num_queries
):
    sign_in(client, secretariat)
    board = client.get(BOARD)
    assert "Andes SatCom S.A." in board.text
    assert 'data-state="received"' in board.text
    url = f"/en/secretariat/coalitions/{P2C}/expressions/{expression.pk}/move/"
    partial = client.post(url, {"to": "triaged"}, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert "<html" not in partial.text
    assert 'id="board"' in partial.text
    plain = client.post(url, {"to": "contacted"})
    assert plain.status_code == 302
    assert plain.url.endswith("/board/")
    refused = client.post(url, {"to": "received"}, headers={"HX-Request": "true"})
    assert "cannot go from “Contacted” to “Received”" in refused.text
    assert ExpressionOfInterest.objects.get().state == "contacted"


@pytest.mark.parametrize("count", [1, 30])
def test_the_board_takes_a_fixed_number_of_queries(
    client, secretariat, coalition, count, django_assert_max_num_queries
):
    from tests.factories import OrganizationFactory

    for n in range(count):
        ExpressionOfInterest.objects.create(
            coalition=coalition, organization=OrganizationFactory(name=f"Applicant {n}")
        )
    sign_in(client, secretariat)
    with django_assert_max_num_queries(20):
        assert client.get(BOARD).status_code == 200


def test_the_expression_form_refuses_after_the_deadline_and_keeps_the_text(
    client, participant, coalition, eoi_call, time_machine
):
    sign_in(client, participant)
    time_machine.move_to("2021-11-02 10:00+01:00")
    page = client.post(
        f"/en/coalitions/{P2C}/join/",
        {
            "name": "Late Networks",
            "country": "SN",
            "stakeholder_type": "private_sector",
            "q-focus_areas": ["connect-people"],
            "q-contribution": "Towers in Casamance",
            "q-consent": "on",
        },
    )
    assert page.status_code == 200
    assert "The deadline has passed" in page.text
    assert "Towers in Casamance" in page.text
    assert 'value="Late Networks"' in page.text
    assert not ExpressionOfInterest.objects.exists()


def test_a_draft_pledge_is_hidden_from_others(make_pledge, as_role):
    pledge = make_pledge()
    url = f"/en/coalitions/{P2C}/pledges/{pledge.pk}/"
    assert as_role("anonymous").get(url).status_code == 404


def test_a_member_writes_a_pledge_and_a_bad_one_keeps_what_was_typed(
    client, member_focal, coalition, connect
):
    sign_in(client, member_focal)
    data = {
        "organization": member_focal.focal_points.get().organization_id,
        "kind": "skills",
        "title": "Digital skills for 10,000 women",
        "focus_areas": [connect.pk],
        "countries": [],
        "amount": "-100",
        "currency": "USD",
        "pledged_on": "2022-06-08",
        "starts_on": "2022-07-01",
        "ends_on": "2023-06-30",
        "targets-TOTAL_FORMS": "2",
        "targets-INITIAL_FORMS": "0",
        "targets-0-indicator": "Women trained",
        "targets-0-unit": "people",
        "targets-0-target": "10000",
    }
    page = client.post(f"/en/coalitions/{P2C}/pledges/new/", data)
    assert "Name at least one country the pledge targets." in page.text
    assert "Digital skills for 10,000 women" in page.text
    page = client.post(f"/en/coalitions/{P2C}/pledges/new/", data | {"countries": ["SN"]})
    assert "A value cannot be negative." in page.text
    saved = client.post(
        f"/en/coalitions/{P2C}/pledges/new/", data | {"countries": ["SN"], "amount": "100"}
    )
    assert saved.status_code == 302
    assert client.get(saved.url).status_code == 200


def test_working_group_meetings_are_in_the_timeline_and_ical(
    client, coalition, secretariat, connect
):
    group = services.save_working_group(
        coalition=coalition,
        slug="connect",
        name="Connecting people",
        focus_area=connect,
        by=secretariat,
    )
    services.schedule_meeting(
        group=group,
        title="Framework for action",
        starts_at=dt.datetime(2022, 2, 3, 13, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2022, 2, 3, 14, 30, tzinfo=dt.UTC),
        by=secretariat,
    )
    events = timeline.events(start=dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    assert any(e.title == "Connecting people: Framework for action" for e in events)
    ical = client.get(f"/en/coalitions/{P2C}/working-groups/connect/meetings.ics")
    assert b"SUMMARY:Connecting people: Framework for action" in ical.content
    assert b"DTSTART;TZID=Europe/Zurich:20220203T140000" in ical.content


def test_the_coalitions_are_listed_and_linked_from_every_page(client, coalition):
    home = client.get("/en/").content.decode()
    assert reverse("coalitions:list") in home
    page = client.get(reverse("coalitions:list")).content.decode()
    assert coalition.name in page
    assert reverse("coalitions:registry", args=[coalition.slug]) in page
