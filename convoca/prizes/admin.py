"""The prizes in the Django admin. Nomination states, vote counts and ranks, votes and jury
scores change only through the services (each write is checked and logged there), so the admin
shows them read-only, and votes and jury reviews view-only."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from convoca.core.admin_views import ViewOnlyAdmin

from .models import Category, Criterion, JuryReview, Nomination, PrizeCycle, Vote


class CategoryInline(TranslationTabularInline):
    model = Category
    extra = 0
    fields = ["number", "slug", "name"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(PrizeCycle)
class PrizeCycleAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "slug", "edition", "voting_opens_at", "announced_at"]
    list_filter = ["year", "edition"]
    search_fields = ["name", "slug"]
    list_select_related = ["edition"]
    raw_id_fields = ["edition", "nomination_call", "ceremony"]
    readonly_fields = ["champions_computed_at"]
    inlines = [CategoryInline, CriterionInline]


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ["number", "name", "slug", "cycle"]
    list_filter = ["cycle"]
    search_fields = ["name", "slug"]
    list_select_related = ["cycle"]
    filter_horizontal = ["action_lines"]


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "organization", "state", "votes", "rank"]
    list_filter = ["state", "cycle"]
    search_fields = ["title", "organization__name", "contact_email"]
    list_select_related = ["category", "organization"]
    raw_id_fields = ["submitter", "submission"]
    autocomplete_fields = ["organization"]
    filter_horizontal = ["action_lines", "sdgs"]
    readonly_fields = ["state", "votes", "rank"]


@admin.register(Vote)
class VoteAdmin(ViewOnlyAdmin):
    """Votes are private: listed by account and project only for audits; voiding goes through
    the secretariat's page, which asks for a logged reason."""

    list_display = ["voter", "category", "nomination", "changed_at", "network", "flag", "is_void"]
    list_filter = ["cycle", "flag", "is_void"]
    search_fields = ["voter__email", "network"]
    list_select_related = ["voter", "category", "nomination"]
    raw_id_fields = ["voter", "nomination", "voided_by"]


@admin.register(JuryReview)
class JuryReviewAdmin(ViewOnlyAdmin):
    list_display = ["nomination", "juror", "total", "submitted_at"]
    list_filter = ["nomination__cycle", "nomination__category", "submitted_at"]
    search_fields = ["nomination__title", "juror__email"]
    list_select_related = ["nomination", "juror"]
    raw_id_fields = ["nomination", "juror"]
