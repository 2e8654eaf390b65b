"""One Django form per questionnaire: a field per question, named by the question's key.

`AnswersForm(...).answers()` turns the cleaned data into the JSON stored on a submission;
`answers=` gives it the stored JSON back, so a draft reopens with what was typed and a file
already uploaded does not have to be sent again."""

import datetime as dt
import os
import secrets
from decimal import Decimal

from django import forms
from django.core.files.storage import default_storage
from django.core.validators import FileExtensionValidator
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from convoca.stakeholders.models import Organization
from convoca.taxonomy.models import SDG, ActionLine

from .models import Question, QuestionKind, Questionnaire

UPLOAD_DIR = "answers"


class FileSizeValidator:
    def __init__(self, megabytes: int):
        self.megabytes = megabytes

    def __call__(self, upload) -> None:
        if upload.size > self.megabytes * 1024 * 1024:
            raise forms.ValidationError(
                ngettext(
                    "The file is larger than %(mb)d MB.",
                    "The file is larger than %(mb)d MB.",
                    self.megabytes,
                )
                % {"mb": self.megabytes},
                code="file_too_large",
            )


def _field(question: Question, *, required: bool) -> forms.Field:
    common = {"label": question.label, "help_text": question.help_text, "required": required}
    kind = question.kind
    if kind == QuestionKind.TEXT:
        return forms.CharField(max_length=question.max_length or 500, **common)
    if kind == QuestionKind.LONG_TEXT:
        return forms.CharField(
            max_length=question.max_length or 20000, widget=forms.Textarea, **common
        )
    if kind == QuestionKind.NUMBER:
        return forms.DecimalField(max_digits=18, decimal_places=4, **common)
    if kind == QuestionKind.EMAIL:
        return forms.EmailField(**common)
    if kind == QuestionKind.URL:
        return forms.URLField(assume_scheme="https", **common)
    if kind == QuestionKind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == QuestionKind.BOOLEAN:
        return forms.TypedChoiceField(
            choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
            coerce=lambda value: value == "yes",
            empty_value=None,
            **common,
        )
    if kind == QuestionKind.CONSENT:
        return forms.BooleanField(**common)
    if kind == QuestionKind.CHOICE:
        return forms.ChoiceField(choices=[("", "—"), *question.choice_pairs()], **common)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=question.choice_pairs(), widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.FILE:
        validators = [FileSizeValidator(question.max_file_mb)]
        if question.allowed_extensions:
            validators.append(FileExtensionValidator(question.allowed_extensions))
        return forms.FileField(validators=validators, **common)
    if kind == QuestionKind.COUNTRY:
        return forms.ChoiceField(choices=[("", "—"), *countries], **common)
    if kind == QuestionKind.COUNTRIES:
        return forms.MultipleChoiceField(choices=list(countries), **common)
    if kind == QuestionKind.ACTION_LINES:
        return forms.ModelMultipleChoiceField(
            ActionLine.objects.all(),
            to_field_name="code",
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if kind == QuestionKind.SDGS:
        return forms.ModelMultipleChoiceField(
            SDG.objects.all(),
            to_field_name="number",
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if kind == QuestionKind.ORGANIZATION:
        return forms.ModelChoiceField(
            Organization.objects.order_by("name"), to_field_name="slug", **common
        )
    raise ValueError(f"unknown question kind {kind!r}")


def _initial(question: Question, value):
    """The stored JSON value as the form field expects it."""
    if value in (None, ""):
        return None
    if question.kind == QuestionKind.BOOLEAN:
        return "yes" if value else "no"
    if question.kind == QuestionKind.FILE:
        return None
    return value


def _stored(question: Question, value):
    """A cleaned value as JSON."""
    if value in (None, "", []):
        return None
    kind = question.kind
    if kind == QuestionKind.NUMBER:
        return str(value.normalize() if isinstance(value, Decimal) else value)
    if kind == QuestionKind.DATE and isinstance(value, dt.date):
        return value.isoformat()
    if kind == QuestionKind.ACTION_LINES:
        return sorted((line.code for line in value), key=_line_order) or None
    if kind == QuestionKind.SDGS:
        return sorted(goal.number for goal in value) or None
    if kind == QuestionKind.CONSENT:
        return True if value else None
    if kind == QuestionKind.ORGANIZATION:
        return value.slug
    if kind == QuestionKind.FILE:
        return _save_upload(value)
    return value


def _line_order(code: str) -> tuple[int, int]:
    main, _dot, sub = code.removeprefix("C").partition(".")
    return int(main), int(sub or 0)


def _save_upload(upload) -> dict:
    name = get_valid_filename(os.path.basename(upload.name)) or "file"
    path = default_storage.save(f"{UPLOAD_DIR}/{secrets.token_hex(8)}/{name}", upload)
    return {"name": name, "path": path, "size": upload.size}


class AnswersForm(forms.Form):
    """The questions of one questionnaire; `require=False` accepts a half-filled draft."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        data=None,
        files=None,
        *,
        answers: dict | None = None,
        prefix: str | None = None,
        require: bool = True,
    ):
        super().__init__(data=data, files=files, prefix=prefix)
        self.questionnaire = questionnaire
        self.stored = dict(answers or {})
        self.questions = list(questionnaire.questions.all())
        for question in self.questions:
            kept_file = question.kind == QuestionKind.FILE and self.stored.get(question.key)
            field = _field(question, required=require and question.required and not kept_file)
            field.initial = _initial(question, self.stored.get(question.key))
            if kept_file:
                field.help_text = _("Uploaded: %(name)s. Choose a file to replace it.") % {
                    "name": kept_file["name"]
                }
            self.fields[question.key] = field

    def answers(self) -> dict:
        """The cleaned answers as JSON; a file not sent again keeps the stored one."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.key)
            if question.kind == QuestionKind.FILE and not value:
                value = self.stored.get(question.key)
                if value:
                    result[question.key] = value
                continue
            stored = _stored(question, value)
            if stored is not None:
                result[question.key] = stored
        return result
