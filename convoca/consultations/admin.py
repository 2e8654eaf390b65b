from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

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
    Submission,
    SubmissionSpeaker,
)


class PhaseInline(TranslationStackedInline):
    model = Phase
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(TranslationAdmin):
    list_display = ["title", "slug", "edition", "time_zone", "is_public"]
    search_fields = ["title", "slug"]
    inlines = [PhaseInline]


@admin.register(PhaseDocument)
class PhaseDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "phase"]


class CriterionInline(TranslationStackedInline):
    model = ReviewCriterion
    extra = 0


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    list_display = ["title", "kind", "state", "opens_at", "closes_at", "consultation"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "slug"]
    inlines = [CriterionInline]


@admin.register(Extension)
class ExtensionAdmin(admin.ModelAdmin):
    list_display = ["call", "user", "closes_at", "granted_by"]
    raw_id_fields = ["user", "granted_by"]


class SpeakerInline(admin.TabularInline):
    model = SubmissionSpeaker
    extra = 0


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["title", "call", "state", "submitter", "organization", "submitted_at"]
    list_filter = ["state", "call"]
    search_fields = ["title", "submitter__email", "organization__name"]
    raw_id_fields = ["submitter", "organization", "session"]
    readonly_fields = ["state", "submitted_at", "decided_at"]
    inlines = [SpeakerInline]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ["submission", "reviewer", "assigned_at"]
    raw_id_fields = ["submission", "reviewer", "assigned_by"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["submission", "reviewer", "total", "submitted_at"]
    raw_id_fields = ["submission", "reviewer"]


@admin.register(EventInput)
class EventInputAdmin(admin.ModelAdmin):
    list_display = ["event_name", "event_date", "country", "region", "consultation", "is_public"]
    list_filter = ["is_public", "region"]
    raw_id_fields = ["submitted_by", "organization"]
