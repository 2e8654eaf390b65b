"""The secretariat's dashboard of a consultation: submissions by call, state, stakeholder type,
ITU region, country and speakers' gender, as tables and SVG charts, in fixed queries."""

import re

import pytest

from convoca.consultations import dashboard
from convoca.consultations.models import CallKind, SubmissionSpeaker, SubmissionState
from convoca.core.models import CountryRegion
from convoca.stakeholders.models import StakeholderType
from tests.factories import OrganizationFactory

from .conftest import make_call
from .review_builders import sent

pytestmark = pytest.mark.django_db
DASHBOARD = "/en/secretariat/consultations/wsis-forum-2022/"


@pytest.fixture
def filled(consultation, call):
    facilitators = make_call(
        consultation,
        slug="facilitators",
        kind=CallKind.FACILITATOR,
        title="High-Level Track facilitators",
    )
    kenya = OrganizationFactory(country="KE", stakeholder_type=StakeholderType.GOVERNMENT)
    peru = OrganizationFactory(country="PE", stakeholder_type=StakeholderType.ACADEMIA)
    first = sent(call, organization=kenya)
    sent(call, organization=kenya, state=SubmissionState.ACCEPTED)
    sent(facilitators, organization=peru)
    sent(facilitators)  # a person, for no organization
    sent(call, state=SubmissionState.DRAFT, submitted_at=None)
    SubmissionSpeaker.objects.bulk_create(
        [
            SubmissionSpeaker(submission=first, name="Amina", gender="woman"),
            SubmissionSpeaker(submission=first, name="Wanjiru", gender="woman"),
            SubmissionSpeaker(submission=first, name="Luis", gender="man"),
            SubmissionSpeaker(submission=first, name="Kim"),
        ]
    )
    return consultation


def rows(breakdown) -> dict[str, int]:
    return {row.label: row.count for row in breakdown.rows}


def test_breakdowns_count_sent_submissions_by_each_dimension(filled):
    found = {b.slug: b for b in dashboard.breakdowns(filled)}
    assert rows(found["by-call"]) == {"Workshop requests": 2, "High-Level Track facilitators": 2}
    assert rows(found["by-state"]) == {"Submitted": 3, "Accepted": 1, "Draft": 1}
    assert rows(found["by-type"]) == {
        "Government": 2,
        "Academia / technical community": 1,
        "No organization": 1,
    }
    assert found["by-type"].rows[-1].label == "No organization"  # the unknowns come last
    assert rows(found["by-country"]) == {"Kenya": 2, "Peru": 1, "Not known": 1}
    africa = CountryRegion.objects.get(country="KE").itu_region.name
    americas = CountryRegion.objects.get(country="PE").itu_region.name
    assert rows(found["by-region"]) == {africa: 2, americas: 1, "Region not known": 1}
    assert rows(found["by-gender"]) == {"Woman": 2, "Man": 1, "Not given": 1}


def test_the_dashboard_shows_tables_and_charts(as_role, filled):
    page = as_role("secretariat").get(DASHBOARD).content.decode()
    assert page.count("<svg") == 6
    gender = re.search(r'data-testid="by-gender">(.*?)</table>', page, re.S).group(1)
    assert re.search(r"Woman</th><td>2</td><td>50%</td>", gender)
    assert "submissions.csv" in page
    assert "submissions.xlsx" in page


def test_a_chart_escapes_what_submitters_typed(consultation):
    call = make_call(consultation, slug="x", title="<script>alert(1)</script>")
    sent(call)
    by_call = dashboard.breakdowns(consultation)[0]
    assert "<script>" not in by_call.chart
    assert "&lt;script&gt;" in by_call.chart


@pytest.mark.parametrize("count", [1, 30])
def test_the_dashboard_costs_the_same_queries_for_1_or_30_submissions(
    as_role, call, count, django_assert_max_num_queries
):
    for i in range(count):
        submission = sent(call, organization=OrganizationFactory(country=["KE", "PE", "FR"][i % 3]))
        SubmissionSpeaker.objects.create(submission=submission, name="Speaker", gender="woman")
    client = as_role("secretariat")
    with django_assert_max_num_queries(20):
        assert client.get(DASHBOARD).status_code == 200
