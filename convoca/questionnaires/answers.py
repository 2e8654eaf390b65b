"""Stored answers, read back: validated from JSON for the API, shown to people, exported.

`validate` runs the very same form as the web page, so the API and the form cannot disagree
about what is a valid answer."""

from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django_countries import countries

from convoca.stakeholders.models import Organization

from .forms import AnswersForm
from .models import Question, QuestionKind, Questionnaire

LIST_KINDS = {
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.COUNTRIES,
    QuestionKind.ACTION_LINES,
    QuestionKind.SDGS,
}


def _as_form_data(questionnaire: Questionnaire, raw: dict) -> MultiValueDict:
    data = MultiValueDict()
    for question in questionnaire.questions.all():
        value = raw.get(question.key)
        if value is None:
            continue
        if question.kind in LIST_KINDS:
            values = value if isinstance(value, list) else [value]
            data.setlist(question.key, [str(item) for item in values])
        elif question.kind == QuestionKind.BOOLEAN:
            data[question.key] = "yes" if value is True else "no" if value is False else value
        elif question.kind == QuestionKind.CONSENT:
            data[question.key] = "on" if value is True else ""
        else:
            data[question.key] = str(value)
    return data


def validate(
    questionnaire: Questionnaire, raw: dict, *, require: bool = True, stored: dict | None = None
) -> dict:
    """Answers given as JSON, checked by the web form's rules; files cannot come this way."""
    if not isinstance(raw, dict):
        raise ValidationError(_("Answers must be an object keyed by question."))
    known = {question.key for question in questionnaire.questions.all()}
    unknown = sorted(set(raw) - known)
    form = AnswersForm(
        questionnaire, data=_as_form_data(questionnaire, raw), answers=stored, require=require
    )
    errors = {}
    if not form.is_valid():
        errors = {key: list(messages) for key, messages in form.errors.items()}
    for key in unknown:
        errors[key] = [_("There is no question with this key.")]
    if errors:
        raise ValidationError(errors)
    return form.answers()


def _display_value(question: Question, value, organizations: dict[str, str]) -> str:
    if value in (None, "", []):
        return ""
    kind = question.kind
    if kind in {QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        labels = dict(question.choice_pairs())
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(item), str(item)) for item in values)
    if kind == QuestionKind.COUNTRY:
        return str(countries.name(value) or value)
    if kind == QuestionKind.COUNTRIES:
        return ", ".join(str(countries.name(code) or code) for code in value)
    if kind == QuestionKind.SDGS:
        return ", ".join(_("SDG %(number)s") % {"number": number} for number in value)
    if kind == QuestionKind.ACTION_LINES:
        return ", ".join(value)
    if kind in {QuestionKind.BOOLEAN, QuestionKind.CONSENT}:
        return _("Yes") if value else _("No")
    if kind == QuestionKind.FILE:
        return value.get("name", "")
    if kind == QuestionKind.ORGANIZATION:
        return organizations.get(value, value)
    return str(value)


def _organization_names(questions: list[Question], answers_list: list[dict]) -> dict[str, str]:
    keys = [q.key for q in questions if q.kind == QuestionKind.ORGANIZATION]
    slugs = {answers.get(key) for answers in answers_list for key in keys} - {None, ""}
    if not slugs:
        return {}
    return dict(Organization.objects.filter(slug__in=slugs).values_list("slug", "name"))


def display(questionnaire: Questionnaire, answers: dict) -> list[tuple[str, str]]:
    """(question label, answer) pairs in the active language, unanswered ones left out."""
    questions = list(questionnaire.questions.all())
    organizations = _organization_names(questions, [answers])
    pairs = []
    for question in questions:
        shown = _display_value(question, answers.get(question.key), organizations)
        if shown:
            pairs.append((question.label, shown))
    return pairs


def columns(questionnaire: Questionnaire) -> list[str]:
    """Export headers: one column per question, named by its key."""
    return [question.key for question in questionnaire.questions.all()]


def rows(questionnaire: Questionnaire, answers_list: list[dict]) -> list[list[str]]:
    """Export cells for many submissions at once, with one organization lookup in all."""
    questions = list(questionnaire.questions.all())
    organizations = _organization_names(questions, answers_list)
    return [
        [_display_value(q, answers.get(q.key), organizations) for q in questions]
        for answers in answers_list
    ]


def row(questionnaire: Questionnaire, answers: dict) -> list[str]:
    return rows(questionnaire, [answers])[0]
