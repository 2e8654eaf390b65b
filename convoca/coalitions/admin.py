"""The coalitions in the Django admin. The services own the pipeline and pledge states, the USD
conversion and their audit log: those fields are read-only here, and pipeline mails,
memberships and progress reports are view-only."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from convoca.core.admin_views import ViewOnlyInline

from .models import (
    Coalition,
    Document,
    ExpressionOfInterest,
    Meeting,
    Member,
    PipelineEmail,
    Pledge,
    PledgeCountry,
    PledgeTarget,
    ProgressFigure,
    ProgressReport,
    UsdRate,
    WorkingGroup,
)


@admin.register(Coalition)
class CoalitionAdmin(TranslationAdmin):
    list_display = ["name", "slug", "contact_email", "goal_usd", "goal_date"]
    list_filter = ["focus_areas"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["focus_areas", "roundtables"]


class PipelineEmailInline(ViewOnlyInline):
    model = PipelineEmail


@admin.register(ExpressionOfInterest)
class ExpressionAdmin(admin.ModelAdmin):
    list_display = ["organization", "coalition", "state", "owner", "due_on"]
    list_filter = ["coalition", "state"]
    search_fields = ["organization__name", "contact__email"]
    raw_id_fields = ["organization", "contact", "owner"]
    readonly_fields = ["state"]
    filter_horizontal = ["submissions", "focus_areas"]
    list_select_related = ["organization", "coalition", "owner"]
    inlines = [PipelineEmailInline]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["organization", "coalition", "joined_on"]
    list_filter = ["coalition"]
    search_fields = ["organization__name"]
    raw_id_fields = ["organization", "expression"]
    list_select_related = ["organization", "coalition"]

    def has_add_permission(self, request):
        return False  # a membership comes from an expression of interest reaching "member"


class MeetingInline(admin.TabularInline):
    model = Meeting
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0


@admin.register(WorkingGroup)
class WorkingGroupAdmin(TranslationAdmin):
    list_display = ["name", "coalition", "focus_area"]
    list_filter = ["coalition", "focus_area"]
    search_fields = ["name"]
    inlines = [MeetingInline, DocumentInline]


class PledgeCountryInline(admin.TabularInline):
    model = PledgeCountry
    extra = 0


class PledgeTargetInline(admin.TabularInline):
    model = PledgeTarget
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "coalition", "kind", "state", "usd_amount"]
    list_filter = ["coalition", "state", "kind"]
    raw_id_fields = ["organization", "created_by"]
    search_fields = ["title", "organization__name"]
    readonly_fields = ["state", "usd_amount", "usd_rate"]
    list_select_related = ["organization", "coalition"]
    inlines = [PledgeCountryInline, PledgeTargetInline]


class ProgressFigureInline(ViewOnlyInline):
    model = ProgressFigure


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["pledge", "reported_on", "submitted_by"]
    list_filter = ["reported_on"]
    search_fields = ["pledge__title", "pledge__organization__name"]
    raw_id_fields = ["pledge", "submitted_by"]
    inlines = [ProgressFigureInline]

    def has_add_permission(self, request):
        return False  # reports are checked against the pledge's targets by the service

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(UsdRate)
class UsdRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "rate", "valid_from", "source"]
    list_filter = ["currency"]
    search_fields = ["currency", "source"]

    def has_change_permission(self, request, obj=None):
        return False  # pledges keep the rate of their date: a rate is only ever added
