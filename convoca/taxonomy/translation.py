from modeltranslation.translator import TranslationOptions, register

from .models import SDG, ActionLine, FocusArea, Theme


@register(ActionLine)
class ActionLineTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(SDG)
class SDGTranslation(TranslationOptions):
    fields = ("name", "title")
    required_languages = ("en",)


@register(FocusArea)
class FocusAreaTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
