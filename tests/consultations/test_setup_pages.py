import datetime as dt

import pytest
from django.urls import reverse

from convoca.consultations.models import Call, Consultation
from convoca.core.audit import history
from tests.conftest import sign_in

from .conftest import GENEVA, WARSAW_ZONE

pytestmark = pytest.mark.django_db


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_the_secretariat_types_phase_times_in_each_phase_zone(client, secretariat):
    sign_in(client, secretariat)
    response = client.post(
        reverse("consultations:new_consultation"),
        {
            "slug": "wsis-2023",
            "title_en": "Open consultation 2023",
            "title_es": "Consulta abierta 2023",
            "time_zone": "Europe/Zurich",
            "is_public": "on",
            **management("phases", 2),
            "phases-0-number": "1",
            "phases-0-kind": "launch",
            "phases-0-title_en": "Launch",
            "phases-0-starts_at": "2022-08-19T14:00",
            "phases-1-number": "2",
            "phases-1-kind": "open_forum",
            "phases-1-title_en": "Open forum",
            "phases-1-starts_at": "2021-12-08T11:00",
            "phases-1-time_zone": "Europe/Warsaw",
            "phases-1-venue": "Katowice",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    consultation = Consultation.objects.get(slug="wsis-2023")
    launch, forum = consultation.phases.order_by("number")
    assert launch.starts_at == dt.datetime(2022, 8, 19, 14, tzinfo=GENEVA)
    assert forum.starts_at == dt.datetime(2021, 12, 8, 11, tzinfo=WARSAW_ZONE)
    assert consultation.title_es == "Consulta abierta 2023"
    assert history(consultation).exists()


def test_a_phase_ending_before_it_starts_is_refused_and_nothing_saved(client, secretariat):
    sign_in(client, secretariat)
    page = client.post(
        reverse("consultations:new_consultation"),
        {
            "slug": "broken",
            "title_en": "Broken",
            "time_zone": "Europe/Zurich",
            **management("phases", 1),
            "phases-0-number": "1",
            "phases-0-kind": "meeting",
            "phases-0-title_en": "Meeting",
            "phases-0-starts_at": "2022-03-01T10:00",
            "phases-0-ends_at": "2022-03-01T09:00",
        },
    ).content.decode()
    assert "cannot end before it starts" in page
    assert not Consultation.objects.exists()


def test_a_new_call_closes_at_the_typed_local_time_and_gets_questions(
    client, secretariat, consultation
):
    sign_in(client, secretariat)
    response = client.post(
        reverse("consultations:new_call", args=[consultation.slug]),
        {
            "kind": "workshop",
            "slug": "workshops-2023",
            "title_en": "Workshops",
            "opens_at": "2023-01-10T09:00",
            "closes_at": "2023-03-07T14:00",
            "time_zone": "Europe/Zurich",
            "binding": "on",
        },
    )
    call = Call.objects.get(slug="workshops-2023")
    assert response["Location"] == reverse("consultations:edit_questions", args=[call.slug])
    assert call.closes_at == dt.datetime(2023, 3, 7, 14, tzinfo=GENEVA)
    questions = reverse("consultations:edit_questions", args=[call.slug])
    refused = client.post(
        questions,
        {
            **management("questions", 1),
            "questions-0-key": "format",
            "questions-0-kind": "choice",
            "questions-0-label_en": "Format",
            "questions-0-choices_text": "panel | en=Panel | xx=Nope",
            "questions-0-max_file_mb": "10",
        },
    ).content.decode()
    assert "is not one of the six languages" in refused
    assert not call.questionnaire.questions.exists()
    client.post(
        questions,
        {
            **management("questions", 2),
            "questions-0-key": "format",
            "questions-0-kind": "choice",
            "questions-0-label_en": "Format",
            "questions-0-label_es": "Formato",
            "questions-0-choices_text": (
                "panel | en=Panel | es=Panel de debate\ntraining | Training"
            ),
            "questions-0-max_file_mb": "10",
            "questions-0-ORDER": "2",
            "questions-1-key": "summary",
            "questions-1-kind": "long_text",
            "questions-1-label_en": "Summary",
            "questions-1-required": "on",
            "questions-1-max_file_mb": "10",
            "questions-1-ORDER": "1",
        },
    )
    saved = list(call.questionnaire.questions.all())
    assert [q.key for q in saved] == ["summary", "format"]
    assert saved[1].choices[0] == {
        "value": "panel",
        "label": {"en": "Panel", "es": "Panel de debate"},
    }
    assert saved[1].label_es == "Formato"


@pytest.mark.parametrize("role", ["anonymous", "participant", "reviewer"])
def test_only_the_secretariat_sets_up_consultations(as_role, role, call):
    client = as_role(role)
    for url in (
        reverse("consultations:new_consultation"),
        reverse("consultations:edit_call", args=[call.slug]),
        reverse("consultations:edit_questions", args=[call.slug]),
    ):
        assert client.get(url).status_code in {302, 404}
        assert client.post(url, {}).status_code in {302, 404}
    assert Call.objects.count() == 1
