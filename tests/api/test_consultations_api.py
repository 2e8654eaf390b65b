"""The consultations API: public consultations with their dated phases and calls, and
submissions to a call with a token, refused for the same reasons and in the same words as the
web form."""

import datetime as dt
import json
import zoneinfo

import pytest

from convoca.accounts.services import issue_token
from convoca.consultations.models import (
    CallKind,
    CallState,
    Consultation,
    EventInput,
    Phase,
    PhaseKind,
    Submission,
    SubmissionState,
)
from convoca.core.models import Region
from convoca.programme.models import Edition, Forum
from convoca.taxonomy.models import ActionLine
from tests.consultations.conftest import GENEVA, WORKSHOP_DEADLINE, make_call
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
BEFORE_DEADLINE = dt.datetime(2022, 2, 1, 10, 0, tzinfo=GENEVA)
WOMAN = {"name": "Amina Diallo", "organization": "SheTech", "country": "SN", "gender": "woman"}
MAN = {"name": "Luis Pérez", "country": "PE", "gender": "man"}


def bearer(user) -> dict:
    _token, raw = issue_token(user=user, name="cli")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, path, body, user=None, **headers):
    if user is not None:
        headers.update(bearer(user))
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


def put(client, path, body, user, **headers):
    headers.update(bearer(user))
    return client.put(path, json.dumps(body), content_type="application/json", **headers)


def make_consultation(slug="wsis-forum-2022", **fields):
    values = {
        "slug": slug,
        "title_en": "Open consultation process WSIS Forum 2022",
        "title_es": "Proceso de consultas abiertas Foro de la CMSI 2022",
        "time_zone": "Europe/Zurich",
    }
    values.update(fields)
    return Consultation.objects.create(**values)


@pytest.fixture
def consultation(db):
    consultation = make_consultation()
    Phase.objects.create(
        consultation=consultation, number=1, kind=PhaseKind.LAUNCH,
        title_en="Launch of the open consultation", title_es="Inicio de las consultas abiertas",
        starts_at=dt.datetime(2021, 8, 19, 14, 0, tzinfo=GENEVA),
        ends_at=dt.datetime(2021, 8, 19, 15, 0, tzinfo=GENEVA),
        outcome_en="The consultation opened.", join_url="https://example.org/join",
    )  # fmt: skip
    Phase.objects.create(
        consultation=consultation, number=2, kind=PhaseKind.OPEN_FORUM,
        title_en="Open Forum at the IGF 2021", time_zone="Europe/Warsaw",
        starts_at=dt.datetime(2021, 12, 8, 13, 50, tzinfo=WARSAW),
        ends_at=dt.datetime(2021, 12, 8, 14, 50, tzinfo=WARSAW),
        venue="Katowice, Poland", remote_participation=True,
    )  # fmt: skip
    return consultation


@pytest.fixture
def call(consultation):
    call = make_call(consultation, gender_balance_blocks=True, binding=True)
    call.questionnaire.questions.filter(key="summary").update(label_es="Resumen")
    return call


@pytest.fixture
def before_deadline(time_machine):
    time_machine.move_to(BEFORE_DEADLINE)


def proposal(**extra) -> dict:
    body = {
        "title": "Rural connectivity for women",
        "answers": {"summary": "Community networks run by women in the Sahel."},
        "speakers": [WOMAN, MAN],
        "action_lines": ["C2", "c7.4"],
        "sdgs": [5, 9],
        "format": "hybrid",
    }
    body.update(extra)
    return body


# --- Reading ---------------------------------------------------------------------------------


def test_a_consultation_lists_its_phases_in_their_own_time_zone_and_its_calls(
    client, consultation, call
):
    body = client.get("/api/v1/consultations").json()

    assert body["count"] == 1
    item = body["items"][0]
    assert item["slug"] == "wsis-forum-2022"
    assert item["title"] == "Open consultation process WSIS Forum 2022"
    assert item["translations"]["title"]["es"] == (
        "Proceso de consultas abiertas Foro de la CMSI 2022"
    )
    assert item["time_zone"] == "Europe/Zurich"
    launch, forum = item["phases"]
    assert launch["starts_at"] == "2021-08-19T14:00:00+02:00"  # CEST
    assert launch["ends_at"] == "2021-08-19T15:00:00+02:00"
    assert launch["kind"] == "launch"
    assert launch["join_url"] == "https://example.org/join"
    assert launch["outcome"] == "The consultation opened."
    assert forum["starts_at"] == "2021-12-08T13:50:00+01:00"  # CET, Katowice
    assert forum["time_zone"] == "Europe/Warsaw"
    assert forum["venue"] == "Katowice, Poland"
    assert forum["remote_participation"] is True
    (listed,) = item["calls"]
    assert listed["id"] == call.pk
    assert listed["kind"] == "workshop"
    assert listed["closes_at"] == "2022-03-07T14:00:00+01:00"  # 14:00 CET, seed 001
    assert listed["state"] == "open"
    assert listed["binding"] is True
    assert listed["gender_balance_blocks"] is True
    assert listed["is_open"] is False  # 2022 is long gone
    assert [(q["key"], q["kind"], q["required"]) for q in listed["questions"]] == [
        ("summary", "long_text", True),
        ("goals", "sdgs", False),
    ]
    assert listed["url"].endswith(f"/calls/{call.slug}/")


def test_titles_and_question_labels_follow_accept_language(client, call):
    item = client.get("/api/v1/consultations", HTTP_ACCEPT_LANGUAGE="es").json()["items"][0]
    assert item["title"] == "Proceso de consultas abiertas Foro de la CMSI 2022"
    assert item["phases"][0]["title"] == "Inicio de las consultas abiertas"
    assert item["calls"][0]["questions"][0]["label"] == "Resumen"


def test_choice_questions_list_their_choices_in_the_callers_language(client, consultation):
    call = make_call(consultation, kind=CallKind.CONTRIBUTION, slug="contributions")
    call.questionnaire.questions.create(
        key="format", kind="choice", label_en="Preferred format", position=5,
        choices=[{"value": "hybrid", "label": {"en": "Hybrid", "es": "Híbrido"}}],
    )  # fmt: skip
    item = client.get("/api/v1/consultations", HTTP_ACCEPT_LANGUAGE="es").json()["items"][0]
    question = item["calls"][0]["questions"][-1]
    assert question["choices"] == [{"value": "hybrid", "label": "Híbrido"}]


def test_hidden_consultations_and_draft_calls_stay_out_of_the_api(client, call, consultation):
    make_call(consultation, slug="not-yet", state=CallState.DRAFT)
    make_consultation(slug="internal", is_public=False)

    body = client.get("/api/v1/consultations").json()
    assert [item["slug"] for item in body["items"]] == ["wsis-forum-2022"]
    assert [c["slug"] for c in body["items"][0]["calls"]] == ["workshops-2022"]
    assert client.get("/api/v1/consultations/internal").status_code == 404
    assert client.get("/api/v1/consultations/nowhere").status_code == 404


def test_consultations_filter_by_edition_open_call_and_words(client, call, time_machine):
    forum = Forum.objects.create(name="WSIS Forum", slug="wsis-forum", acronym="WSIS")
    edition = Edition.objects.create(
        forum=forum, name="WSIS Forum 2023", slug="wsis-forum-2023", time_zone="Europe/Zurich",
        opening_date=dt.date(2023, 3, 13), final_week_start=dt.date(2023, 3, 13),
        final_week_end=dt.date(2023, 3, 17),
    )  # fmt: skip
    later = make_consultation(slug="wsis-forum-2023", title_en="Consultation 2023", edition=edition)
    make_call(later, slug="workshops-2023", opens_at=dt.datetime(2022, 8, 1, tzinfo=GENEVA),
              closes_at=dt.datetime(2023, 1, 31, 14, 0, tzinfo=GENEVA))  # fmt: skip
    time_machine.move_to(BEFORE_DEADLINE)

    def slugs(query):
        return [
            item["slug"] for item in client.get(f"/api/v1/consultations?{query}").json()["items"]
        ]

    assert slugs("edition=wsis-forum-2023") == ["wsis-forum-2023"]
    assert slugs("open_call=true") == ["wsis-forum-2022"]
    assert slugs("open_call=false") == ["wsis-forum-2023"]
    assert slugs("q=2023") == ["wsis-forum-2023"]
    assert client.get("/api/v1/consultations?open_call=maybe").status_code == 422


def test_a_consultation_shows_the_inputs_of_regional_events(client, consultation, participant):
    africa = Region.objects.get(scheme="itu", code="AFR")
    event = EventInput.objects.create(
        consultation=consultation, submitted_by=participant, event_name="WSIS Africa Day",
        event_date=dt.date(2021, 11, 3), city="Dakar", country="SN", region=africa,
        summary="Affordable access first.",
    )  # fmt: skip
    event.action_lines.set(ActionLine.objects.filter(code__in=["C2", "C4"]))
    EventInput.objects.create(
        consultation=consultation, submitted_by=participant, event_name="Unlisted",
        event_date=dt.date(2021, 11, 4), summary="-", is_public=False,
    )  # fmt: skip

    inputs = client.get("/api/v1/consultations/wsis-forum-2022").json()["inputs"]

    assert [i["event_name"] for i in inputs] == ["WSIS Africa Day"]
    assert inputs[0]["country"] == {"code": "SN", "name": "Senegal"}
    assert inputs[0]["region"] == africa.name
    assert inputs[0]["action_lines"] == ["C2", "C4"]


@pytest.mark.parametrize("count", [1, 30])
def test_the_consultation_list_costs_the_same_queries_for_1_or_30(
    client, count, django_assert_max_num_queries
):
    for n in range(count):
        consultation = make_consultation(slug=f"consultation-{n}")
        for number in (1, 2, 3):
            Phase.objects.create(
                consultation=consultation, number=number, kind=PhaseKind.MEETING,
                title_en=f"Meeting {number}", starts_at=dt.datetime(2022, 1, number, tzinfo=GENEVA),
            )  # fmt: skip
        make_call(consultation, slug=f"call-{n}")
    with django_assert_max_num_queries(7):
        body = client.get("/api/v1/consultations?page_size=50").json()
    assert body["count"] == count
    assert all(len(item["phases"]) == 3 for item in body["items"])


# --- Submitting ------------------------------------------------------------------------------


def test_submitting_needs_a_valid_token(client, call):
    url = f"/api/v1/calls/{call.pk}/submissions"
    assert post(client, url, proposal()).status_code == 401
    bad = post(client, url, proposal(), HTTP_AUTHORIZATION="Bearer cvk_forged")
    assert bad.status_code == 401
    assert client.get("/api/v1/submissions/mine").status_code == 401
    assert not Submission.objects.exists()


def test_a_workshop_proposal_sent_before_the_deadline_is_submitted(
    client, call, participant, before_deadline
):
    response = post(client, f"/api/v1/calls/{call.pk}/submissions", proposal(), participant)

    assert response.status_code == 201
    sent = response.json()
    assert sent["state"] == "submitted"
    assert sent["submitted_at"].startswith("2022-02-01T09:00:00")  # stored in UTC
    assert sent["call"] == {
        "id": call.pk, "slug": "workshops-2022", "kind": "workshop", "title": "Workshop requests"
    }  # fmt: skip
    assert sent["speakers"][0] == {**WOMAN, "organization": "SheTech"}
    assert sent["action_lines"] == ["C2", "C7.4"]
    assert sent["sdgs"] == [5, 9]
    assert sent["format"] == "hybrid"
    assert sent["editable"] is False
    submission = Submission.objects.get(pk=sent["id"])
    assert submission.submitter == participant
    assert submission.answers == {"summary": "Community networks run by women in the Sahel."}


def test_missing_answers_answer_422_in_the_callers_language_and_nothing_is_saved(
    client, call, participant, before_deadline
):
    response = post(
        client, f"/api/v1/calls/{call.pk}/submissions", proposal(answers={"nonsense": 1}),
        participant, HTTP_ACCEPT_LANGUAGE="es",
    )  # fmt: skip

    assert response.status_code == 422
    errors = {tuple(e["loc"]): e["msg"] for e in response.json()["detail"]}
    assert errors[("body", "payload", "answers", "summary")] == "Este campo es obligatorio."
    assert ("body", "payload", "answers", "nonsense") in errors
    assert not Submission.objects.exists()


def test_a_proposal_without_a_woman_speaker_is_refused_where_the_call_requires_balance(
    client, call, participant, before_deadline
):
    response = post(
        client, f"/api/v1/calls/{call.pk}/submissions", proposal(speakers=[MAN]), participant
    )
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "payload", "speakers"]
    assert "at least one woman speaker" in error["msg"]
    assert not Submission.objects.exists()


def test_unknown_codes_and_foreign_organizations_answer_422_naming_each_field(
    client, call, participant, before_deadline
):
    OrganizationFactory(slug="not-mine")
    body = proposal(action_lines=["C7.9"], organization="not-mine", co_organizations=["ghost"])
    body["speakers"] = [{**WOMAN, "country": "XX"}]

    response = post(client, f"/api/v1/calls/{call.pk}/submissions", body, participant)

    assert response.status_code == 422
    fields = {tuple(e["loc"][2:]): e["msg"] for e in response.json()["detail"]}
    assert fields == {
        ("organization",): "You do not act for this organization.",
        ("co_organizations", "ghost"): "Unknown organization.",
        ("action_lines", "C7.9"): "There is no such Action Line.",
        ("speakers", 0): "Unknown country code.",
    }
    assert not Submission.objects.exists()


def test_a_focal_point_submits_for_their_organization(
    client, call, focal_point, organization, before_deadline
):
    response = post(
        client, f"/api/v1/calls/{call.pk}/submissions",
        proposal(organization="mama-tech"), focal_point,
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["organization"] == "mama-tech"


def test_after_the_deadline_the_api_answers_409_with_the_deadline_in_my_time_zone(
    client, call, participant, time_machine
):
    participant.time_zone = "America/Lima"
    participant.save()
    time_machine.move_to(WORKSHOP_DEADLINE + dt.timedelta(minutes=1))

    response = post(client, f"/api/v1/calls/{call.pk}/submissions", proposal(), participant)

    assert response.status_code == 409
    message = response.json()["detail"]
    assert "deadline has passed" in message
    assert "14:00 CET" in message
    assert "08:00" in message  # the same moment in Lima
    assert not Submission.objects.exists()


def test_a_second_submission_beyond_the_calls_limit_answers_409(
    client, consultation, participant, before_deadline
):
    call = make_call(consultation, slug="one-each", limit_per_submitter=1)
    url = f"/api/v1/calls/{call.pk}/submissions"
    assert post(client, url, proposal(), participant).status_code == 201

    response = post(client, url, proposal(title="Another one"), participant)

    assert response.status_code == 409
    assert response.json()["detail"] == "You have already made 1 submission(s) to this call."
    assert Submission.objects.count() == 1


def test_a_draft_call_answers_404(client, consultation, participant, before_deadline):
    call = make_call(consultation, slug="unpublished", state=CallState.DRAFT)
    response = post(client, f"/api/v1/calls/{call.pk}/submissions", proposal(), participant)
    assert response.status_code == 404


def test_a_draft_keeps_half_done_work_and_is_submitted_later(
    client, call, participant, before_deadline
):
    half_done = proposal(answers={}, speakers=[], draft=True)
    created = post(client, f"/api/v1/calls/{call.pk}/submissions", half_done, participant)
    assert created.status_code == 201
    draft = created.json()
    assert draft["state"] == "draft"
    assert draft["submitted_at"] is None
    assert draft["editable"] is True

    url = f"/api/v1/submissions/{draft['id']}"
    refused = put(client, url, proposal(answers={}), participant)
    assert refused.status_code == 422
    assert Submission.objects.get(pk=draft["id"]).state == SubmissionState.DRAFT

    sent = put(client, url, proposal(), participant)
    assert sent.status_code == 200
    assert sent.json()["state"] == "submitted"
    assert sent.json()["id"] == draft["id"]

    too_late = put(client, url, proposal(title="Changed my mind", draft=True), participant)
    assert too_late.status_code == 409
    assert "can no longer be edited" in too_late.json()["detail"]
    assert Submission.objects.get().title == "Rural connectivity for women"


def test_someone_elses_draft_answers_404(client, call, participant, before_deadline):
    created = post(
        client, f"/api/v1/calls/{call.pk}/submissions", proposal(draft=True), participant
    ).json()
    response = put(client, f"/api/v1/submissions/{created['id']}", proposal(), UserFactory())
    assert response.status_code == 404
    assert Submission.objects.get().state == SubmissionState.DRAFT


def test_my_submissions_lists_only_mine_with_their_state(
    client, call, participant, before_deadline
):
    url = f"/api/v1/calls/{call.pk}/submissions"
    post(client, url, proposal(title="Sent"), participant)
    post(client, url, proposal(title="Kept", draft=True), participant)
    post(client, url, proposal(title="Someone else's"), UserFactory())

    mine = client.get("/api/v1/submissions/mine", **bearer(participant)).json()
    assert mine["count"] == 2
    assert {item["title"] for item in mine["items"]} == {"Sent", "Kept"}
    drafts = client.get("/api/v1/submissions/mine?state=draft", **bearer(participant)).json()
    assert [item["title"] for item in drafts["items"]] == ["Kept"]
    assert client.get("/api/v1/submissions/mine?state=lost", **bearer(participant)).status_code == (
        422
    )


@pytest.mark.parametrize("count", [1, 30])
def test_my_submissions_cost_the_same_queries_for_1_or_30(
    client, call, participant, count, before_deadline, django_assert_max_num_queries
):
    for n in range(count):
        post(client, f"/api/v1/calls/{call.pk}/submissions", proposal(title=f"P{n}"), participant)
    headers = bearer(participant)
    with django_assert_max_num_queries(10):
        body = client.get("/api/v1/submissions/mine?page_size=50", **headers).json()
    assert body["count"] == count
    assert all(item["speakers"] for item in body["items"])
