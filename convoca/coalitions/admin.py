from django.contrib import admin

from .models import Coalition, ExpressionOfInterest, Member, Pledge, UsdRate, WorkingGroup


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "contact_email", "goal_usd", "goal_date"]
    filter_horizontal = ["focus_areas", "roundtables"]


@admin.register(ExpressionOfInterest)
class ExpressionAdmin(admin.ModelAdmin):
    list_display = ["organization", "coalition", "state", "owner", "due_on"]
    list_filter = ["coalition", "state"]
    raw_id_fields = ["organization", "contact", "owner"]
    filter_horizontal = ["submissions", "focus_areas"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["organization", "coalition", "joined_on"]
    raw_id_fields = ["organization", "expression"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "coalition", "focus_area"]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "coalition", "kind", "state", "usd_amount"]
    list_filter = ["coalition", "state", "kind"]
    raw_id_fields = ["organization", "created_by", "usd_rate"]
    search_fields = ["title", "organization__name"]


@admin.register(UsdRate)
class UsdRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "rate", "valid_from", "source"]
