"""Configurable question forms: a call, a registration form, a prize nomination or an
expression of interest each hold one questionnaire; the answers live as JSON on whatever
was submitted, keyed by each question's `key`."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from convoca.core.models import TimeStampedModel


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    EMAIL = "email", _("Email address")
    URL = "url", _("Web address")
    DATE = "date", _("Date")
    BOOLEAN = "boolean", _("Yes or no")
    CONSENT = "consent", _("Consent (must be ticked)")
    CHOICE = "choice", _("One choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
    FILE = "file", _("File")
    COUNTRY = "country", _("Country")
    COUNTRIES = "countries", _("Countries")
    ACTION_LINES = "action_lines", _("WSIS Action Lines")
    SDGS = "sdgs", _("Sustainable Development Goals")
    ORGANIZATION = "organization", _("Organization")


CHOICE_KINDS = {QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE}


class Questionnaire(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    key = models.SlugField(_("key"), max_length=60, help_text=_("Column name in exports."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("label"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    # [{"value": "panel", "label": {"en": "Panel", "es": "Panel"}}, ...]
    choices = models.JSONField(_("choices"), default=list, blank=True)
    max_length = models.PositiveIntegerField(_("maximum length"), null=True, blank=True)
    file_types = models.CharField(
        _("file types"), max_length=100, blank=True, help_text=_("For example: pdf,docx")
    )
    max_file_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "key"], name="questionnaires_question_unique_key"
            )
        ]

    def __str__(self) -> str:
        return self.label

    def choice_pairs(self, language: str | None = None) -> list[tuple[str, str]]:
        """(value, label) in the active language, falling back to English, then the value."""
        language = (language or get_language() or "en").lower()
        pairs = []
        for choice in self.choices or []:
            labels = choice.get("label") or {}
            if isinstance(labels, str):
                labels = {"en": labels}
            label = labels.get(language) or labels.get("en") or choice["value"]
            pairs.append((str(choice["value"]), label))
        return pairs

    @property
    def allowed_extensions(self) -> list[str]:
        return [
            ext.strip().lower().lstrip(".") for ext in self.file_types.split(",") if ext.strip()
        ]
