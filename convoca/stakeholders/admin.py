from django.contrib import admin

from .models import FocalPoint, Organization, Person, RoleAssignment


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "stakeholder_type", "country", "itu_status"]
    list_filter = ["stakeholder_type", "itu_status", "country"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["family_name", "given_name", "organization", "country", "title"]
    list_filter = ["country", "organization__stakeholder_type"]
    search_fields = ["given_name", "family_name", "email", "organization__name"]
    raw_id_fields = ["user", "organization"]


@admin.register(FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "state", "decided_at"]
    list_filter = ["state"]
    search_fields = ["user__email", "organization__name"]
    raw_id_fields = ["user", "organization", "decided_by"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "scope_type", "scope_id", "created_at"]
    list_filter = ["role", "scope_type"]
    search_fields = ["user__email"]
    raw_id_fields = ["user", "granted_by"]
