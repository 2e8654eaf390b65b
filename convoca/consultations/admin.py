"""The consultations in the Django admin, for the secretariat's superuser.

The services own the transitions and write their audit log: a call opens, closes and is decided
through the call state machine, a submission moves through `transition`, reviewers are assigned
only after the conflict-of-interest check and reviews are scored by the reviewers. So call and
submission states and decision dates are read-only here, and deadline extensions, review
assignments, reviews and their scores are view-only (as the prizes' jury reviews are).
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from convoca.core.admin_views import ViewOnlyAdmin

from .models import (
    Call,
    Consultation,
    EventInput,
    Extension,
    Phase,
    PhaseDocument,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    Score,
    Submission,
    SubmissionSpeaker,
)


class PhaseInline(TranslationStackedInline):
    model = Phase
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(TranslationAdmin):
    list_display = ["title", "slug", "edition", "time_zone", "is_public"]
    list_filter = ["is_public", "edition"]
    search_fields = ["title", "slug"]
    list_select_related = ["edition"]
    inlines = [PhaseInline]


@admin.register(PhaseDocument)
class PhaseDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "phase"]
    list_filter = ["phase__consultation", "phase__kind"]
    search_fields = ["title", "url", "phase__title"]
    list_select_related = ["phase"]


class CriterionInline(TranslationStackedInline):
    model = ReviewCriterion
    extra = 0


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    list_display = ["title", "kind", "state", "opens_at", "closes_at", "consultation"]
    list_filter = ["kind", "state", "consultation"]
    search_fields = ["title", "slug"]
    list_select_related = ["consultation"]
    raw_id_fields = ["questionnaire"]
    readonly_fields = ["state"]
    inlines = [CriterionInline]


@admin.register(Extension)
class ExtensionAdmin(ViewOnlyAdmin):
    """Granted on the call's secretariat page, which checks the new deadline and logs it."""

    list_display = ["call", "user", "closes_at", "granted_by", "granted_at"]
    list_filter = ["call", "granted_at"]
    search_fields = ["user__email", "reason", "call__title"]
    list_select_related = ["call", "user", "granted_by"]


class SpeakerInline(admin.TabularInline):
    model = SubmissionSpeaker
    extra = 0


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["title", "call", "state", "submitter", "organization", "submitted_at"]
    list_filter = ["state", "call", "format"]
    search_fields = ["title", "submitter__email", "organization__name"]
    list_select_related = ["call", "submitter", "organization"]
    raw_id_fields = ["submitter", "session"]
    autocomplete_fields = ["organization", "co_organizations"]
    filter_horizontal = ["action_lines", "sdgs"]
    readonly_fields = ["state", "submitted_at", "decided_at", "decision_note"]
    inlines = [SpeakerInline]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(ViewOnlyAdmin):
    list_display = ["submission", "reviewer", "assigned_by", "assigned_at"]
    list_filter = ["submission__call", "assigned_at"]
    search_fields = ["submission__title", "reviewer__email"]
    list_select_related = ["submission", "reviewer", "assigned_by"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    can_delete = False
    fields = ["criterion", "value"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Review)
class ReviewAdmin(ViewOnlyAdmin):
    list_display = ["submission", "reviewer", "total", "submitted_at"]
    list_filter = ["submission__call", "submitted_at"]
    search_fields = ["submission__title", "reviewer__email"]
    list_select_related = ["submission", "reviewer"]
    inlines = [ScoreInline]


@admin.register(EventInput)
class EventInputAdmin(admin.ModelAdmin):
    list_display = ["event_name", "event_date", "country", "region", "consultation", "is_public"]
    list_filter = ["is_public", "region", "consultation"]
    search_fields = ["event_name", "city", "summary", "organization__name"]
    list_select_related = ["region", "consultation"]
    raw_id_fields = ["submitted_by"]
    autocomplete_fields = ["organization"]
    filter_horizontal = ["action_lines"]
