from modeltranslation.translator import TranslationOptions, register

from .models import AddresseeGroup, Annex, Circular, Letterhead, Signatory


@register(Circular)
class CircularTranslation(TranslationOptions):
    fields = ("office", "place", "subject", "salutation", "body", "closing", "annex_note")
    # The original may be in any of the six languages: none is required.
    required_languages = ()


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("title", "signed_note")


@register(AddresseeGroup)
class AddresseeGroupTranslation(TranslationOptions):
    fields = ("label",)


@register(Annex)
class AnnexTranslation(TranslationOptions):
    fields = ("title",)


@register(Letterhead)
class LetterheadTranslation(TranslationOptions):
    fields = ("office", "footer")
