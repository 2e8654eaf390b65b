from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import SDG, ActionLine, ActionLineSDG, FocusArea, Theme


class MatrixInline(admin.TabularInline):
    model = ActionLineSDG
    extra = 0


@admin.register(ActionLine)
class ActionLineAdmin(TranslationAdmin):
    list_display = ["code", "name", "parent"]
    list_filter = ["parent"]
    search_fields = ["code", "name"]
    inlines = [MatrixInline]


@admin.register(SDG)
class SDGAdmin(TranslationAdmin):
    list_display = ["number", "name", "color"]
    search_fields = ["name", "title"]


@admin.register(ActionLineSDG)
class ActionLineSDGAdmin(admin.ModelAdmin):
    list_display = ["action_line", "sdg"]
    list_filter = ["sdg", "action_line__parent"]
    search_fields = ["action_line__code", "action_line__name"]


@admin.register(FocusArea)
class FocusAreaAdmin(TranslationAdmin):
    list_display = ["order", "name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
