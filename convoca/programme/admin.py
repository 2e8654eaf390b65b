"""The programme in the Django admin, for the secretariat's superuser.

An edition's status moves through `transition_edition` and a programme version is published
by the publishing service (both logged), so the status and the published versions are
read-only here.
"""

import datetime as dt

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from . import services
from .models import (
    AgendaItem,
    Edition,
    Forum,
    ProgrammeVersion,
    Room,
    Session,
    SessionSpeaker,
    SessionType,
    Track,
)


@admin.register(Forum)
class ForumAdmin(TranslationAdmin):
    list_display = ["name", "slug", "time_zone"]
    list_filter = ["time_zone"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["co_organizers"]


class TrackInline(TranslationTabularInline):
    model = Track
    extra = 0


class SessionTypeInline(TranslationTabularInline):
    model = SessionType
    extra = 0


class RoomInline(TranslationTabularInline):
    model = Room
    extra = 0


@admin.register(Edition)
class EditionAdmin(TranslationAdmin):
    list_display = ["name", "slug", "format", "opening_date", "final_week_start", "status"]
    list_filter = ["format", "status", "forum"]
    search_fields = ["name", "slug"]
    list_select_related = ["forum"]
    autocomplete_fields = ["co_organizers"]
    readonly_fields = ["status"]
    inlines = [TrackInline, SessionTypeInline, RoomInline]
    actions = ["clone_next_year"]

    @admin.action(description=_("Clone for the next year (tracks, types, rooms)"))
    def clone_next_year(self, request, queryset):
        for edition in queryset:
            year = edition.opening_date.year
            week = dt.timedelta(weeks=52)  # the same weekdays a year later
            try:
                clone = services.clone_edition(
                    source=edition,
                    slug=edition.slug.replace(str(year), str(year + 1))
                    if str(year) in edition.slug
                    else f"{edition.slug}-{year + 1}",
                    name=edition.name.replace(str(year), str(year + 1)),
                    opening_date=edition.opening_date + week,
                    final_week_start=edition.final_week_start + week,
                    final_week_end=edition.final_week_end + week,
                    by=request.user,
                )
            except services.ProgrammeError as error:
                self.message_user(request, error.message, level=messages.ERROR)
            else:
                self.message_user(request, _("Created %(name)s.") % {"name": clone.name})


class SpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Session)
class SessionAdmin(TranslationAdmin):
    list_display = ["title", "edition", "session_type", "track", "room", "starts_at", "is_public"]
    list_filter = ["edition", "session_type", "track", "is_public"]
    search_fields = ["title", "code"]
    list_select_related = ["edition", "session_type", "track", "room"]
    raw_id_fields = ["room"]
    autocomplete_fields = ["organizers"]
    filter_horizontal = ["action_lines", "sdgs"]
    inlines = [SpeakerInline]


@admin.register(Track)
class TrackAdmin(TranslationAdmin):
    list_display = ["name", "edition", "is_high_level"]
    list_filter = ["edition", "is_high_level"]
    search_fields = ["name", "slug"]
    list_select_related = ["edition"]


@admin.register(SessionType)
class SessionTypeAdmin(TranslationAdmin):
    list_display = ["name", "edition", "default_duration", "is_high_level"]
    list_filter = ["edition", "is_high_level"]
    search_fields = ["name", "slug"]
    list_select_related = ["edition"]


@admin.register(Room)
class RoomAdmin(TranslationAdmin):
    list_display = ["name", "edition", "kind", "capacity"]
    list_filter = ["edition", "kind"]
    search_fields = ["name", "slug"]
    list_select_related = ["edition"]


@admin.register(SessionSpeaker)
class SessionSpeakerAdmin(admin.ModelAdmin):
    list_display = ["person", "session", "role"]
    list_filter = ["role", "session__edition"]
    search_fields = ["person__family_name", "session__title"]
    list_select_related = ["person", "session"]
    raw_id_fields = ["person", "session"]


@admin.register(ProgrammeVersion)
class ProgrammeVersionAdmin(admin.ModelAdmin):
    list_display = ["edition", "number", "published_at", "published_by"]
    list_filter = ["edition"]
    search_fields = ["edition__name", "note"]
    list_select_related = ["edition", "published_by"]
    readonly_fields = ["edition", "number", "published_at", "published_by", "changes", "snapshot"]

    def has_add_permission(self, request):
        return False


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["user", "session", "created_at"]
    list_filter = ["session__edition"]
    search_fields = ["user__email", "session__title"]
    list_select_related = ["user", "session"]
    raw_id_fields = ["user", "session"]
