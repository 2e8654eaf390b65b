import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from convoca.coalitions import reminders, services, traffic
from convoca.coalitions.models import Pledge, PledgeState, ProgressReport
from convoca.core.audit import history
from tests.factories import OrganizationFactory


def test_a_member_pledge_keeps_its_countries_targets_and_usd_value(make_pledge):
    pledge = make_pledge()
    assert pledge.state == PledgeState.DRAFT
    assert sorted(c.country.code for c in pledge.countries.all()) == ["KE", "TZ"]
    assert pledge.usd_amount == Decimal("2500000.00")
    assert pledge.usd_rate is None
    assert [(t.indicator, t.unit, t.target) for t in pledge.targets.all()] == [
        ("Schools connected", "schools", Decimal("200.00"))
    ]
    assert history(pledge)[0].action == "coalitions.pledge.created"


def test_the_usd_value_uses_the_rate_of_the_pledge_date(make_pledge, secretariat):
    services.add_usd_rate(
        currency="EUR", rate="1.13", valid_from=dt.date(2022, 1, 1), by=secretariat
    )
    june = services.add_usd_rate(
        currency="EUR", rate="1.07", valid_from=dt.date(2022, 6, 1), by=secretariat
    )
    services.add_usd_rate(
        currency="EUR", rate="0.98", valid_from=dt.date(2022, 9, 1), by=secretariat
    )
    pledge = make_pledge(amount="1000000.00", currency="EUR", pledged_on=dt.date(2022, 6, 8))
    assert pledge.usd_rate == june
    assert pledge.usd_amount == Decimal("1070000.00")


def test_a_pledge_without_a_rate_gets_its_usd_value_when_the_rate_is_added(
    make_pledge, secretariat
):
    pledge = make_pledge(amount="50000000", currency="KES", pledged_on=dt.date(2022, 6, 8))
    assert pledge.usd_amount is None
    services.add_usd_rate(
        currency="KES", rate="0.0085", valid_from=dt.date(2022, 6, 1), by=secretariat
    )
    pledge.refresh_from_db()
    assert pledge.usd_amount == Decimal("425000.00")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"countries": []}, "countries", "Name at least one country the pledge targets."),
        (
            {"starts_on": dt.date(2023, 1, 1), "ends_on": dt.date(2022, 1, 1)},
            "ends_on",
            "cannot end",
        ),
        ({"amount": "-5"}, "amount", "A value cannot be negative."),
        ({"amount": "12.345"}, "amount", "at most two decimals"),
        ({"amount": "lots"}, "amount", "is not a number"),
        ({"focus_areas": []}, "focus_areas", "Choose at least one focus area."),
    ],
)
def test_bad_pledges_are_refused_with_a_message_and_nothing_saved(
    make_pledge, overrides, field, message
):
    with pytest.raises(ValidationError) as refused:
        make_pledge(**overrides)
    assert message in " ".join(refused.value.message_dict[field])
    assert not Pledge.objects.exists()


def test_only_members_pledge(make_pledge):
    with pytest.raises(ValidationError) as refused:
        make_pledge(organization=OrganizationFactory(name="Outsider"))
    assert "is not a member" in refused.value.messages[0]


def test_a_pledge_goes_from_draft_to_fulfilled(make_pledge, publish, member_focal):
    pledge = publish(make_pledge())
    assert pledge.state == "published"
    assert pledge.published_at
    assert pledge.next_report_due == dt.date(2023, 1, 1)  # six months after its start
    pledge = services.transition_pledge(pledge=pledge, to="in_progress", by=member_focal)
    pledge = services.transition_pledge(pledge=pledge, to="fulfilled", by=member_focal)
    assert pledge.state == "fulfilled"
    assert pledge.next_report_due is None
    with pytest.raises(ValidationError):
        services.transition_pledge(pledge=pledge, to="lapsed", by=member_focal)
    steps = [e.data["to"] for e in history(pledge) if e.action == "coalitions.pledge.transitioned"]
    assert steps == ["fulfilled", "in_progress", "published"]


def test_a_draft_cannot_skip_publication(make_pledge, member_focal):
    with pytest.raises(ValidationError) as refused:
        services.transition_pledge(pledge=make_pledge(), to="fulfilled", by=member_focal)
    assert "cannot go from “Draft” to “Fulfilled”" in refused.value.messages[0]


@pytest.fixture
def reported(make_pledge, publish, member_focal, time_machine):
    pledge = publish(make_pledge())
    time_machine.move_to("2023-07-01 12:00+00:00")
    target = pledge.targets.get()
    services.report_progress(
        pledge=pledge,
        by=member_focal,
        reported_on=dt.date(2023, 6, 30),
        narrative="120 schools online.",
        figures=[services.Figure(target, "120", "schools")],
        evidence=["https://kilimanjaro.example/report-2023"],
    )
    pledge.refresh_from_db()
    return pledge


def test_a_progress_report_moves_the_pledge_into_progress(reported):
    assert reported.state == "in_progress"
    assert reported.progress == Decimal("0.6000")
    assert reported.targets.get().achieved == Decimal("120")
    assert reported.next_report_due == dt.date(2023, 12, 30)


def test_a_progress_figure_in_the_wrong_unit_is_refused_and_nothing_is_lost(reported, member_focal):
    target = reported.targets.get()
    with pytest.raises(ValidationError) as refused:
        services.report_progress(
            pledge=reported,
            by=member_focal,
            reported_on=dt.date(2023, 7, 1),
            narrative="Households this time.",
            figures=[services.Figure(target, "5000", "households")],
        )
    assert (
        "“Schools connected” is counted in schools, not in households."
        in (refused.value.message_dict[f"target_{target.pk}"])
    )
    assert ProgressReport.objects.count() == 1
    target.refresh_from_db()
    assert target.achieved == Decimal("120")


def test_an_evidence_link_must_be_a_web_address(reported, member_focal):
    with pytest.raises(ValidationError) as refused:
        services.report_progress(
            pledge=reported,
            by=member_focal,
            reported_on=dt.date(2023, 7, 1),
            narrative="More.",
            figures=[],
            evidence=["javascript:alert(1)"],
        )
    assert "evidence" in refused.value.message_dict
    assert ProgressReport.objects.count() == 1


@pytest.mark.parametrize(
    ("progress", "today", "colour"),
    [
        (None, dt.date(2023, 7, 1), "grey"),
        ("0.5", dt.date(2023, 7, 1), "green"),  # half the time, half the targets
        ("0.35", dt.date(2023, 7, 1), "amber"),  # 70 % of what the time calls for
        ("0.1", dt.date(2023, 7, 1), "red"),
        ("0", dt.date(2022, 6, 1), "green"),  # not started yet
        ("0.95", dt.date(2025, 1, 1), "green"),  # period over, nearly all done
    ],
)
def test_the_traffic_light_weighs_progress_against_time(make_pledge, progress, today, colour):
    pledge = make_pledge(starts_on=dt.date(2022, 7, 1), ends_on=dt.date(2024, 7, 1))
    pledge.state = "in_progress"
    pledge.progress = Decimal(progress) if progress is not None else None
    assert traffic.light(pledge, today=today).colour == colour


def test_fulfilled_and_lapsed_pledges_show_their_end(make_pledge):
    pledge = make_pledge()
    pledge.state = "fulfilled"
    assert traffic.light(pledge, today=dt.date(2030, 1, 1)).label == "Fulfilled"
    pledge.state = "lapsed"
    assert traffic.light(pledge, today=dt.date(2030, 1, 1)).colour == "red"


def test_report_reminders_are_sent_once_per_due_date(
    make_pledge, publish, member_focal, mailoutbox
):
    pledge = publish(make_pledge())
    assert reminders.send_progress_reminders(today=dt.date(2022, 12, 31)) == 0
    assert reminders.send_progress_reminders(today=dt.date(2023, 1, 2)) == 1
    assert reminders.send_progress_reminders(today=dt.date(2023, 1, 3)) == 0
    [mail] = mailoutbox
    assert mail.to == [member_focal.email]
    assert "Fibre to 200 rural schools" in mail.subject
    pledge.refresh_from_db()
    assert pledge.reminded_for == dt.date(2023, 1, 1)
