import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from convoca.questionnaires import answers
from convoca.questionnaires.forms import AnswersForm
from convoca.questionnaires.services import build_questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire(db):
    return build_questionnaire(
        name="Workshop proposal",
        questions=[
            {
                "key": "summary",
                "kind": "long_text",
                "label": {"en": "Summary", "es": "Resumen"},
                "required": True,
            },
            {
                "key": "format",
                "kind": "choice",
                "label": "Format",
                "required": True,
                "choices": [
                    {"value": "panel", "label": {"en": "Panel", "es": "Panel de debate"}},
                    {"value": "training", "label": {"en": "Training", "es": "Formación"}},
                ],
            },
            {"key": "countries", "kind": "countries", "label": "Countries"},
            {"key": "lines", "kind": "action_lines", "label": "Action lines"},
            {"key": "goals", "kind": "sdgs", "label": "SDGs"},
            {"key": "budget", "kind": "number", "label": "Budget"},
            {
                "key": "concept",
                "kind": "file",
                "label": "Concept note",
                "file_types": "pdf",
                "max_file_mb": 1,
            },
            {"key": "consent", "kind": "consent", "label": "I agree", "required": True},
        ],
    )


def valid_data(**overrides):
    data = {"summary": "Bridging the gap", "format": "panel", "consent": "on"}
    data.update(overrides)
    return data


def test_complete_answers_are_stored_as_json_codes(questionnaire):
    form = AnswersForm(
        questionnaire,
        data={
            **valid_data(),
            "countries": ["KE", "PE"],
            "lines": ["C7.3", "C1"],
            "goals": ["5", "4"],
            "budget": "1500.50",
        },
    )
    assert form.is_valid(), form.errors
    assert form.answers() == {
        "summary": "Bridging the gap",
        "format": "panel",
        "countries": ["KE", "PE"],
        "lines": ["C1", "C7.3"],
        "goals": [4, 5],
        "budget": "1500.5",
        "consent": True,
    }


def test_missing_required_answer_and_wrong_type_are_named(questionnaire):
    form = AnswersForm(questionnaire, data={"format": "poetry", "budget": "a lot"})
    assert not form.is_valid()
    assert set(form.errors) == {"summary", "format", "budget", "consent"}


def test_a_draft_may_leave_required_questions_empty(questionnaire):
    form = AnswersForm(questionnaire, data={"summary": "Half"}, require=False)
    assert form.is_valid(), form.errors
    assert form.answers() == {"summary": "Half"}


def test_file_of_the_wrong_type_or_too_large_is_refused(questionnaire):
    wrong = SimpleUploadedFile("notes.exe", b"MZ", content_type="application/octet-stream")
    form = AnswersForm(questionnaire, data=valid_data(), files={"concept": wrong})
    assert not form.is_valid()
    assert "concept" in form.errors
    big = SimpleUploadedFile(
        "note.pdf", b"%PDF" + b"0" * (1024 * 1024 + 1), content_type="application/pdf"
    )
    form = AnswersForm(questionnaire, data=valid_data(), files={"concept": big})
    assert not form.is_valid()
    assert "larger than 1 MB" in form.errors["concept"][0]


def test_uploaded_file_is_kept_when_the_draft_is_saved_again(questionnaire):
    upload = SimpleUploadedFile("concept.pdf", b"%PDF-1.7 concept", content_type="application/pdf")
    form = AnswersForm(questionnaire, data=valid_data(), files={"concept": upload})
    assert form.is_valid(), form.errors
    stored = form.answers()
    assert stored["concept"]["name"] == "concept.pdf"
    assert default_storage.exists(stored["concept"]["path"])
    again = AnswersForm(questionnaire, data=valid_data(summary="Edited"), answers=stored)
    assert again.is_valid(), again.errors
    assert again.answers()["concept"] == stored["concept"]


def test_api_answers_follow_the_form_rules(questionnaire):
    assert answers.validate(
        questionnaire, {"summary": "S", "format": "training", "consent": True, "goals": [17]}
    )["goals"] == [17]
    with pytest.raises(ValidationError) as refused:
        answers.validate(
            questionnaire,
            {"summary": "S", "format": "training", "consent": True, "goals": [18], "colour": "red"},
        )
    assert set(refused.value.message_dict) == {"goals", "colour"}


def test_answers_are_shown_in_the_readers_language(questionnaire):
    stored = {
        "summary": "Texto",
        "format": "training",
        "countries": ["PE"],
        "goals": [5],
        "consent": True,
    }
    with translation.override("es"):
        shown = dict(answers.display(questionnaire, stored))
    assert shown["Resumen"] == "Texto"
    assert shown["Format"] == "Formación"
    assert shown["Countries"] == "Perú"
    assert shown["SDGs"] == "ODS 5" or shown["SDGs"].endswith("5")


def test_export_has_a_column_per_question(questionnaire):
    assert answers.columns(questionnaire) == [
        "summary",
        "format",
        "countries",
        "lines",
        "goals",
        "budget",
        "concept",
        "consent",
    ]
    assert answers.rows(questionnaire, [{"summary": "A", "lines": ["C1", "C2"]}, {}]) == [
        ["A", "", "", "C1, C2", "", "", "", ""],
        ["", "", "", "", "", "", "", ""],
    ]
