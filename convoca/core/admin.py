from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import AuditEntry, CountryRegion, Region


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The log is evidence: readable and searchable, never edited."""

    list_display = ["created_at", "action", "object_repr", "actor"]
    list_filter = ["action", "content_type", "created_at"]
    search_fields = ["action", "object_repr", "actor__email", "object_id"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["code", "name", "scheme", "parent"]
    list_filter = ["scheme"]
    search_fields = ["code", "name"]


@admin.register(CountryRegion)
class CountryRegionAdmin(admin.ModelAdmin):
    list_display = ["country", "m49_subregion", "itu_region"]
    list_filter = ["itu_region", "m49_subregion__parent"]
    search_fields = ["country"]
