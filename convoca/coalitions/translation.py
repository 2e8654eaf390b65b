from modeltranslation.translator import TranslationOptions, register

from .models import Coalition, WorkingGroup


@register(Coalition)
class CoalitionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "description")
