"""The secretariat's question editor, shared by every app that owns a questionnaire.

The owning app checks who may edit, then hands the request to `QuestionFormSet` and
`save_questions`; the template `questionnaires/_editor.html` renders the rows."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from convoca.core.audit import log_action

from .models import CHOICE_KINDS, Question, Questionnaire

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def localized(field: str) -> list[str]:
    return [build_localized_fieldname(field, code) for code in LANGUAGE_CODES]


def parse_choices(text: str) -> list[dict]:
    """One choice per line: `value | en=Panel | es=Panel de debate` (a bare label is English)."""
    choices, seen = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        value, *labels = [part.strip() for part in line.split("|")]
        if not value:
            raise forms.ValidationError(
                _("Line %(number)d: start with the value stored for this choice.")
                % {"number": number}
            )
        if value in seen:
            raise forms.ValidationError(
                _("Line %(number)d: the value “%(value)s” is used twice.")
                % {"number": number, "value": value}
            )
        seen.add(value)
        names = {}
        for label in labels:
            language, sep, name = label.partition("=")
            if not sep:
                language, name = "en", label
            language = language.strip().lower()
            if language not in LANGUAGE_CODES:
                raise forms.ValidationError(
                    _("Line %(number)d: “%(language)s” is not one of the six languages.")
                    % {"number": number, "language": language}
                )
            names[language] = name.strip()
        choices.append({"value": value, "label": names or {"en": value}})
    return choices


def format_choices(choices: list[dict]) -> str:
    lines = []
    for choice in choices or []:
        labels = choice.get("label") or {}
        parts = [choice["value"], *(f"{code}={name}" for code, name in labels.items())]
        lines.append(" | ".join(parts))
    return "\n".join(lines)


class QuestionForm(forms.ModelForm):
    choices_text = forms.CharField(
        label=gettext_lazy("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line: value | en=Label | es=Etiqueta …"),
    )

    class Meta:
        model = Question
        fields = [
            "key",
            "kind",
            *localized("label"),
            *localized("help_text"),
            "required",
            "max_length",
            "file_types",
            "max_file_mb",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        english = build_localized_fieldname("label", "en")
        self.fields[english].required = True
        if self.instance.pk:
            self.initial["choices_text"] = format_choices(self.instance.choices)

    def clean(self):
        data = super().clean()
        try:
            choices = parse_choices(data.get("choices_text") or "")
        except forms.ValidationError as error:
            self.add_error("choices_text", error)
            return data
        if data.get("kind") in CHOICE_KINDS and not choices:
            self.add_error("choices_text", _("A choice question needs at least one choice."))
        self.instance.choices = choices if data.get("kind") in CHOICE_KINDS else []
        return data


class BaseQuestionFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        keys = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            key = form.cleaned_data.get("key")
            if key in keys:
                form.add_error(
                    "key", _("Two questions cannot share the key “%(key)s”.") % {"key": key}
                )
            keys.add(key)


QuestionFormSet = forms.modelformset_factory(
    Question,
    form=QuestionForm,
    formset=BaseQuestionFormSet,
    extra=2,
    can_delete=True,
    can_order=True,
)


def question_formset(questionnaire: Questionnaire, data=None) -> BaseQuestionFormSet:
    return QuestionFormSet(data, queryset=questionnaire.questions.all(), prefix="questions")


@transaction.atomic
def save_questions(*, questionnaire: Questionnaire, formset, by) -> list[Question]:
    """Save the edited questions in the order given; deleted ones disappear from new forms
    (answers already given keep their values in the submissions)."""
    for form in formset.deleted_forms:
        if form.instance.pk:
            form.instance.delete()
    kept = [
        form
        for form in formset.forms
        if form not in formset.deleted_forms and (form.has_changed() or form.instance.pk)
    ]
    ordered = sorted(
        kept,
        key=lambda form: (form.cleaned_data.get("ORDER") or 10_000, form.instance.position),
    )
    saved = []
    for position, form in enumerate(ordered):
        question = form.save(commit=False)
        question.questionnaire = questionnaire
        question.position = position
        question.save()
        saved.append(question)
    log_action(
        questionnaire,
        "questionnaires.questions.saved",
        by=by,
        data={"keys": [question.key for question in saved]},
    )
    return saved
