from modeltranslation.translator import TranslationOptions, register

from .models import Call, Consultation, Phase, ReviewCriterion


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("title", "description", "outcome")


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ReviewCriterion)
class ReviewCriterionTranslation(TranslationOptions):
    fields = ("name",)
