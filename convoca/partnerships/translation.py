from modeltranslation.translator import TranslationOptions, register

from .models import Benefit, PartnershipPackage, TrustFund


@register(TrustFund)
class TrustFundTranslation(TranslationOptions):
    fields = ("name", "description", "legal_basis", "payment_instructions", "outcomes")


@register(PartnershipPackage)
class PackageTranslation(TranslationOptions):
    fields = ("name", "tier", "description")


@register(Benefit)
class BenefitTranslation(TranslationOptions):
    fields = ("description",)
