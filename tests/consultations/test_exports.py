"""CSV and XLSX exports of submissions: the columns, the answers as columns (the union across
calls), review figures, typed cells, and text that would run as a formula made harmless."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from convoca.consultations import exports
from convoca.consultations.models import (
    CallKind,
    Review,
    ReviewAssignment,
    SubmissionSpeaker,
    SubmissionState,
)
from convoca.questionnaires.services import build_questionnaire
from convoca.stakeholders.models import StakeholderType
from tests.factories import OrganizationFactory, UserFactory

from .conftest import make_call
from .review_builders import reviewer_account, sent

pytestmark = pytest.mark.django_db
CALL_EXPORT = "/en/secretariat/calls/workshops-2022/submissions"
CONSULTATION_EXPORT = "/en/secretariat/consultations/wsis-forum-2022/submissions"


@pytest.fixture
def workshop(call):
    submitter = UserFactory(email="amina@example.org", first_name="Amina", last_name="Diallo")
    organization = OrganizationFactory(
        name="SheTech", country="SN", stakeholder_type=StakeholderType.CIVIL_SOCIETY
    )
    submission = sent(
        call,
        title="Digital skills for rural women",
        submitter=submitter,
        organization=organization,
        answers={"summary": '=HYPERLINK("http://evil")', "goals": [4, 5]},
        submitted_at=dt.datetime(2022, 3, 1, 10, 30, tzinfo=dt.UTC),
        format="hybrid",
    )
    SubmissionSpeaker.objects.bulk_create(
        [
            SubmissionSpeaker(submission=submission, name="Amina Diallo", gender="woman"),
            SubmissionSpeaker(submission=submission, name="Luis Pérez", gender="man"),
            SubmissionSpeaker(submission=submission, name="Kim", gender=""),
        ]
    )
    for total in (8, 11):
        reviewer = reviewer_account()
        ReviewAssignment.objects.create(
            submission=submission, reviewer=reviewer, assigned_by=reviewer
        )
        Review.objects.create(
            submission=submission, reviewer=reviewer, total=total, submitted_at=timezone.now()
        )
    ReviewAssignment.objects.create(
        submission=submission, reviewer=reviewer_account(), assigned_by=reviewer
    )
    sent(call, state=SubmissionState.DRAFT, submitted_at=None, title="Private draft")
    return submission


def read_csv(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_csv_has_one_row_per_sent_submission_with_answers_as_columns(as_role, workshop):
    response = as_role("secretariat").get(f"{CALL_EXPORT}.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="workshops-2022-submissions.csv"' in response["Content-Disposition"]
    rows = read_csv(response.content)
    assert [row["Title"] for row in rows] == ["Digital skills for rural women"]
    row = rows[0]
    assert list(row)[-2:] == ["summary", "goals"]
    assert row["summary"] == '\'=HYPERLINK("http://evil")'  # never runs as a formula
    assert row["goals"] == "SDG 4, SDG 5"
    assert row["Submitter"] == "Amina Diallo"
    assert row["Organization"] == "SheTech"
    assert row["Stakeholder type"] == "Civil society"
    assert row["Country"] == "Senegal"
    assert row["ITU region"]  # Senegal has one
    assert row["Format"] == "Hybrid"
    assert row["Submitted (UTC)"] == "2022-03-01T10:30:00"
    assert (row["Women speakers"], row["Men speakers"], row["Other speakers"]) == ("1", "1", "1")
    assert (row["Reviews sent"], row["Reviewers assigned"]) == ("2", "3")
    assert row["Average score"] == "9.50"


def test_the_xlsx_types_numbers_and_dates(as_role, workshop):
    response = as_role("secretariat").get(f"{CALL_EXPORT}.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[1]]
    values = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert sheet.max_row == 2
    assert values["Submitted (UTC)"] == dt.datetime(2022, 3, 1, 10, 30)
    assert values["Average score"] == pytest.approx(9.5)
    assert values["Reviews sent"] == 2
    assert values["summary"] == '=HYPERLINK("http://evil")'
    assert sheet["A2"].data_type == "n"
    summary_column = headers.index("summary") + 1
    assert sheet.cell(row=2, column=summary_column).data_type == "s"  # text, not a formula


def test_a_consultation_export_joins_the_questions_of_every_call(consultation, workshop):
    questionnaire = build_questionnaire(
        name="facilitators",
        questions=[
            {"key": "summary", "kind": "long_text", "label": "Why", "required": True},
            {"key": "experience", "kind": "text", "label": "Experience"},
        ],
    )
    facilitators = make_call(
        consultation, slug="facilitators", kind=CallKind.FACILITATOR, questionnaire=questionnaire
    )
    sent(
        facilitators,
        title="Nominating Dr Okafor",
        answers={"summary": "Chaired two WSIS sessions", "experience": "12 years"},
    )
    export = exports.submissions_export(consultation=consultation)
    rows = read_csv(export.csv())
    assert export.headers[-3:] == ["summary", "goals", "experience"]
    by_title = {row["Title"]: row for row in rows}
    assert by_title["Nominating Dr Okafor"]["experience"] == "12 years"
    assert by_title["Nominating Dr Okafor"]["goals"] == ""
    assert by_title["Digital skills for rural women"]["experience"] == ""
    assert "Private draft" not in by_title


def test_an_export_of_many_rows_keeps_every_row(call):
    organization = OrganizationFactory()
    for i in range(exports.BATCH + 3):
        sent(call, organization=organization, title=f"Proposal {i:04d}")
    rows = read_csv(exports.submissions_export(call=call).csv())
    assert len(rows) == exports.BATCH + 3
    assert len({row["ID"] for row in rows}) == exports.BATCH + 3
    assert {row["Average score"] for row in rows} == {""}
    assert Decimal(rows[0]["ID"]) > 0
