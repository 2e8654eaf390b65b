from modeltranslation.translator import TranslationOptions, register

from .models import Question


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("label", "help_text")
