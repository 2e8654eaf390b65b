from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from .models import Question, Questionnaire


@transaction.atomic
def build_questionnaire(*, name: str, questions: list[dict]) -> Questionnaire:
    """A questionnaire with its questions in the given order. A label may be a string (English)
    or a {language: text} mapping; the other keys are Question fields."""
    questionnaire = Questionnaire.objects.create(name=name)
    for position, spec in enumerate(questions):
        add_question(questionnaire=questionnaire, position=position, **spec)
    return questionnaire


def add_question(*, questionnaire: Questionnaire, label, help_text="", **fields) -> Question:
    """One question; `label`/`help_text` as a string or a {language: text} mapping."""
    question = Question(questionnaire=questionnaire, **fields)
    for field, value in (("label", label), ("help_text", help_text)):
        texts = dict(value) if isinstance(value, dict) else {"en": value}
        texts.setdefault("en", next(iter(texts.values()), ""))
        for language, text in texts.items():
            setattr(question, build_localized_fieldname(field, language), text)
    question.full_clean(exclude=["questionnaire"])
    question.save()
    return question
