"""The trust funds in the Django admin, for the secretariat's superuser.

Money moves only through the services, which convert each pledge at the fund's rate, update
states and counters and write the audit log: what a contribution pledges (fund, amount,
currency, date), its publication consent, state, converted amount, rate and dates, a package's
confirmed count and a request's package and state are read-only here; exchange rates,
receipts and ticked benefits are shown, never edited (a rate once used must not change under
the pledges converted with it). Pledges and package requests are recorded on the secretariat's
pages, not added here.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from convoca.core.admin_views import ViewOnlyInline

from .models import (
    Benefit,
    BenefitDelivery,
    Contribution,
    ExchangeRate,
    PackageOrder,
    PartnershipPackage,
    Receipt,
    TrustFund,
)


class ExchangeRateInline(ViewOnlyInline):
    model = ExchangeRate
    fields = ["from_currency", "to_currency", "rate", "valid_from", "source"]


@admin.register(TrustFund)
class TrustFundAdmin(TranslationAdmin):
    list_display = ["name", "year", "currency", "target", "edition"]
    list_filter = ["year", "currency", "edition"]
    search_fields = ["name", "slug"]
    list_select_related = ["edition"]
    raw_id_fields = ["edition", "circular"]
    inlines = [ExchangeRateInline]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["fund", "from_currency", "to_currency", "rate", "valid_from", "source"]
    list_filter = ["fund", "from_currency", "valid_from"]
    search_fields = ["source", "from_currency", "fund__name"]
    list_select_related = ["fund"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReceiptInline(ViewOnlyInline):
    model = Receipt
    fields = ["amount", "received_on", "reference", "recorded_by", "created_at"]
    readonly_fields = fields


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["contributor", "fund", "kind", "amount", "currency", "pledged_on", "state"]
    list_filter = ["state", "kind", "fund", "currency", "publicly_listed"]
    search_fields = ["contributor__name", "contributor__acronym", "earmark"]
    date_hierarchy = "pledged_on"
    list_select_related = ["contributor", "fund"]
    # What was pledged, in which currency and on which day fixed the conversion and the
    # contributor's public-listing consent is logged: both change only through the services.
    readonly_fields = [
        "fund",
        "contributor",
        "amount",
        "currency",
        "pledged_on",
        "state",
        "fund_amount",
        "fund_rate",
        "publicly_listed",
        "amount_public",
        "acknowledged_at",
        "reminded_at",
    ]
    inlines = [ReceiptInline]

    def has_add_permission(self, request):
        return False


class BenefitInline(TranslationTabularInline):
    model = Benefit
    extra = 0


@admin.register(PartnershipPackage)
class PartnershipPackageAdmin(TranslationAdmin):
    list_display = ["name", "tier", "fund", "price", "currency", "quantity", "confirmed_count"]
    list_filter = ["fund", "currency"]
    search_fields = ["name", "tier", "slug"]
    list_select_related = ["fund"]
    readonly_fields = ["confirmed_count"]
    inlines = [BenefitInline]


class BenefitDeliveryInline(ViewOnlyInline):
    model = BenefitDelivery
    fields = ["benefit", "done_at", "note"]
    readonly_fields = fields


@admin.register(PackageOrder)
class PackageOrderAdmin(admin.ModelAdmin):
    list_display = ["partner", "package", "state", "created_at", "decided_at"]
    list_filter = ["state", "package__fund", "package"]
    search_fields = ["partner__name", "partner__acronym", "package__name"]
    list_select_related = ["partner", "package"]
    raw_id_fields = ["requested_by"]
    # Confirming or declining counts the package's seats and makes the pledge.
    readonly_fields = ["package", "partner", "state", "contribution", "decided_at"]
    inlines = [BenefitDeliveryInline]

    def has_add_permission(self, request):
        return False
