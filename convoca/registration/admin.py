"""Registration in the Django admin, for the secretariat's superuser.

The services own every transition and write its audit log: registering takes a seat in one
conditional UPDATE, cancelling gives it back and promotes the waiting list, accreditation is
decided with a reason, arrivals are scanned at the venue. So states, accreditation decisions,
seat counters (`seats_taken`), capacities once set, used invitations, check-ins and virtual
attendance are read-only here, and registrations and seats are never added or deleted here.
The encrypted identity document number (`identity_token`) is never shown: only accreditation
staff read it, through their own page.
"""

from django.contrib import admin

from convoca.core.admin_views import ViewOnlyAdmin

from .models import (
    CheckIn,
    Invitation,
    Registration,
    RegistrationForm,
    SessionJoin,
    SessionQuota,
    SessionSeat,
)


@admin.register(RegistrationForm)
class RegistrationFormAdmin(admin.ModelAdmin):
    list_display = ["edition", "opens_at", "closes_at", "capacity", "seats_taken"]
    list_filter = ["in_person", "remote", "requires_accreditation", "collects_identity"]
    search_fields = ["edition__name", "edition__slug"]
    list_select_related = ["edition"]
    raw_id_fields = ["questionnaire"]

    def get_readonly_fields(self, request, obj=None):
        # Changing the cap moves people on or off the waiting list: the secretariat's
        # registration settings do that through `set_capacity`.
        return ["seats_taken", "capacity"] if obj else ["seats_taken"]


class CheckInInline(admin.TabularInline):
    model = CheckIn
    extra = 0
    can_delete = False
    fields = ["at", "by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class SessionSeatInline(admin.TabularInline):
    model = SessionSeat
    extra = 0
    can_delete = False
    fields = ["quota", "state", "waitlisted_at", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "family_name",
        "given_name",
        "email",
        "edition",
        "organization",
        "attendance",
        "state",
        "accreditation",
    ]
    list_filter = ["state", "attendance", "accreditation", "edition", "stakeholder_type"]
    search_fields = [
        "code",
        "given_name",
        "family_name",
        "email",
        "organization_name",
        "organization__name",
    ]
    list_select_related = ["edition", "organization"]
    raw_id_fields = ["user", "organization"]
    exclude = ["identity_token"]
    readonly_fields = [
        "form",
        "edition",
        "code",
        "attendance",
        "state",
        "accreditation",
        "accreditation_reason",
        "accredited_by",
        "accredited_at",
        "identity_erased_at",
        "consented_at",
        "waitlisted_at",
        "confirmed_at",
        "cancelled_at",
        "registered_by",
    ]
    inlines = [CheckInInline, SessionSeatInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["code", "edition", "session", "email", "expires_at", "used_at"]
    list_filter = ["edition", "expires_at", "used_at"]
    search_fields = ["code", "email", "note", "session__title"]
    list_select_related = ["edition", "session"]
    raw_id_fields = ["session", "created_by"]
    readonly_fields = ["used_at", "used_by"]


@admin.register(CheckIn)
class CheckInAdmin(ViewOnlyAdmin):
    list_display = ["registration", "at", "by"]
    list_filter = ["registration__edition", "at"]
    search_fields = ["registration__code", "registration__family_name", "registration__email"]
    list_select_related = ["registration", "by"]


@admin.register(SessionQuota)
class SessionQuotaAdmin(admin.ModelAdmin):
    list_display = ["session", "capacity", "seats_taken", "invitation_only"]
    list_filter = ["invitation_only", "session__edition"]
    search_fields = ["session__title", "session__code"]
    list_select_related = ["session"]
    raw_id_fields = ["session"]

    def get_readonly_fields(self, request, obj=None):
        # `set_session_quota` promotes the waiting list when seats are added.
        return ["seats_taken", "capacity", "session"] if obj else ["seats_taken"]


@admin.register(SessionSeat)
class SessionSeatAdmin(ViewOnlyAdmin):
    list_display = ["registration", "quota", "state", "waitlisted_at", "created_at"]
    list_filter = ["state", "quota__session__edition"]
    search_fields = [
        "registration__code",
        "registration__family_name",
        "registration__email",
        "quota__session__title",
    ]
    list_select_related = ["registration", "quota__session"]


@admin.register(SessionJoin)
class SessionJoinAdmin(ViewOnlyAdmin):
    list_display = ["registration", "session", "first_at", "last_at", "times"]
    list_filter = ["session__edition", "first_at"]
    search_fields = ["registration__code", "registration__email", "session__title"]
    list_select_related = ["registration", "session"]
