"""The circulars in the Django admin, for the secretariat's superuser.

Approving, issuing and withdrawing a circular, and sending it, are the services' work: they
number the circular, check who may sign and log each step. So a circular's state and its
approval and issue marks, and the progress of mailings and deliveries, are read-only here.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    AddresseeGroup,
    Annex,
    Circular,
    CircularLink,
    CircularSeries,
    Contact,
    Delivery,
    Letterhead,
    Mailing,
    MailingList,
    MailingListEntry,
    RenderedLetter,
    SeriesCounter,
    Signatory,
    Unsubscription,
)


class AddresseeInline(TranslationTabularInline):
    model = AddresseeGroup
    extra = 0
    raw_id_fields = ["organization", "person", "mailing_list"]


class SignatoryInline(TranslationTabularInline):
    model = Signatory
    extra = 0


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class AnnexInline(TranslationTabularInline):
    model = Annex
    extra = 0
    readonly_fields = ["content_type", "size"]


@admin.register(Circular)
class CircularAdmin(TranslationAdmin):
    list_display = ["reference", "revision", "subject", "state", "issue_date"]
    list_filter = ["state", "series", "default_language", "statutory"]
    search_fields = ["reference", "subject"]
    date_hierarchy = "issue_date"
    readonly_fields = [
        "state",
        "number",
        "revision",
        "previous",
        "approved_by",
        "approved_at",
        "issued_by",
        "issued_at",
        "withdrawn_at",
    ]
    inlines = [AddresseeInline, SignatoryInline, ContactInline, AnnexInline]


@admin.register(CircularSeries)
class CircularSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "pattern", "yearly", "letterhead"]
    list_filter = ["yearly"]
    search_fields = ["name", "slug", "pattern"]
    list_select_related = ["letterhead"]


@admin.register(SeriesCounter)
class SeriesCounterAdmin(admin.ModelAdmin):
    list_display = ["series", "year", "last_number"]
    list_filter = ["series", "year"]
    search_fields = ["series__name"]
    list_select_related = ["series"]


@admin.register(Letterhead)
class LetterheadAdmin(TranslationAdmin):
    list_display = ["name", "organization"]
    list_filter = ["organization"]
    search_fields = ["name", "organization__name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]


class EntryInline(admin.TabularInline):
    model = MailingListEntry
    extra = 0


@admin.register(MailingList)
class MailingListAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    list_filter = ["created_at"]
    search_fields = ["name", "slug", "entries__email"]
    inlines = [EntryInline]


@admin.register(MailingListEntry)
class MailingListEntryAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "mailing_list", "language"]
    list_filter = ["mailing_list", "language"]
    search_fields = ["email", "name"]
    list_select_related = ["mailing_list"]


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = ["circular", "state", "total", "created_at", "finished_at"]
    list_filter = ["state"]
    search_fields = ["circular__reference"]
    list_select_related = ["circular"]
    raw_id_fields = ["circular", "created_by"]
    readonly_fields = ["state", "total", "finished_at"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["email", "mailing", "language", "state", "attempts", "sent_at"]
    list_filter = ["state", "language"]
    search_fields = ["email", "mailing__circular__reference"]
    list_select_related = ["mailing__circular"]
    raw_id_fields = ["mailing", "person"]
    readonly_fields = [
        "state",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "message_id",
    ]


@admin.register(Unsubscription)
class UnsubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["email"]


@admin.register(RenderedLetter)
class RenderedLetterAdmin(admin.ModelAdmin):
    list_display = ["circular", "language", "created_at"]
    list_filter = ["language"]
    search_fields = ["circular__reference"]
    list_select_related = ["circular"]


@admin.register(CircularLink)
class CircularLinkAdmin(admin.ModelAdmin):
    list_display = ["circular", "target_type", "target_id"]
    list_filter = ["target_type"]
    search_fields = ["circular__reference"]
    list_select_related = ["circular", "target_type"]


@admin.register(AddresseeGroup)
class AddresseeGroupAdmin(TranslationAdmin):
    list_display = ["circular", "kind", "label"]
    list_filter = ["kind"]
    search_fields = ["label", "circular__reference"]
    list_select_related = ["circular"]
    raw_id_fields = ["circular", "organization", "person", "mailing_list"]
