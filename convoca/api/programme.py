"""The programme in the API: editions, and the sessions and speakers of a published programme.

A programme is public once the secretariat has published a version of it; before that its
sessions and speakers answer 404, except to a token whose owner may change the edition (the
secretariat), who sees the public sessions as they will be published. Times are ISO 8601 in
the edition's own time zone, with its offset. Speakers' gender is never shown.
"""

import datetime as dt
from enum import StrEnum

from django.conf import settings
from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from convoca.programme import selectors
from convoca.programme.cache import mark_cacheable
from convoca.programme.models import Edition, ProgrammeVersion

from .schemas import Country, SDGRef, Translated, responses, translations

router = Router(tags=["programme"])

LANGUAGE_PATTERN = "^(|" + "|".join(code for code, _name in settings.LANGUAGES) + ")$"


class AttendanceFormat(StrEnum):
    IN_PERSON = "in_person"
    VIRTUAL = "virtual"


# --- Editions --------------------------------------------------------------------------------


class EditionOut(Schema):
    slug: str
    forum: str = Field(..., description="slug of the forum the edition belongs to")
    name: str
    names: Translated
    theme: str
    format: str
    status: str
    time_zone: str
    opening_date: dt.date
    final_week_start: dt.date
    final_week_end: dt.date
    venue: str
    city: str
    co_organizers: list[str] = Field(..., description="organization slugs")
    programme_version: int | None = Field(
        None, description="number of the latest published programme version; null if none"
    )

    @staticmethod
    def resolve_forum(obj):
        return obj.forum.slug

    @staticmethod
    def resolve_names(obj):
        return translations(obj, "name")

    @staticmethod
    def resolve_co_organizers(obj):
        return [organization.slug for organization in obj.co_organizers.all()]

    @staticmethod
    def resolve_programme_version(obj):
        return obj.programme_version


class TrackOut(Schema):
    slug: str
    name: str
    is_high_level: bool
    color: str


class SessionTypeOut(Schema):
    slug: str
    name: str
    is_high_level: bool
    default_duration: int = Field(..., description="minutes")
    color: str


class RoomOut(Schema):
    slug: str
    name: str
    kind: str
    capacity: int | None
    accessible: bool
    platform: str


class EditionDetailOut(EditionOut):
    tracks: list[TrackOut]
    session_types: list[SessionTypeOut]
    rooms: list[RoomOut]

    @staticmethod
    def resolve_tracks(obj):
        return list(obj.tracks.all())

    @staticmethod
    def resolve_session_types(obj):
        return list(obj.session_types.all())

    @staticmethod
    def resolve_rooms(obj):
        return list(obj.rooms.all())


def _editions():
    return selectors.editions().annotate(programme_version=Max("versions__number"))


@router.get("/editions", response=responses(list[EditionOut]))
@paginate(PageNumberPagination)
def list_editions(request):
    """Every edition, the newest first, with its dates and whether its programme is out."""
    return _editions()


@router.get("/editions/{slug}", response=responses(EditionDetailOut, found=True))
def get_edition(request, slug: str):
    """One edition with its tracks, session types and rooms (the programme's filters)."""
    return get_object_or_404(
        _editions().prefetch_related("tracks", "session_types", "rooms"), slug=slug
    )


def _programme_edition(request, slug: str) -> Edition:
    """The edition whose programme the request may read: published, or the secretariat's."""
    edition = get_object_or_404(Edition.objects.select_related("forum"), slug=slug)
    published = ProgrammeVersion.objects.filter(edition=edition).exists()
    if not published and not request.user.has_perm("programme.change_edition", edition):
        raise HttpError(404, _("Not Found"))
    if published:
        mark_cacheable(request)  # the same answer for every anonymous reader of this version
    return edition


# --- Sessions --------------------------------------------------------------------------------


class SessionFilter(Schema):
    day: dt.date | None = Field(None, description="a day in the edition's time zone")
    track: str = Field("", max_length=50, description="track slug")
    type: str = Field("", max_length=50, description="session type slug")
    room: str = Field("", max_length=50, description="room slug")
    action_line: str = Field("", pattern=r"^(|[Cc](1[01]|[1-9])(\.[1-9])?)$", examples=["C7.4"])
    sdg: int | None = Field(None, ge=1, le=17)
    language: str = Field("", pattern=LANGUAGE_PATTERN)
    format: AttendanceFormat | None = Field(
        None, description="in_person: physical or hybrid rooms; virtual: virtual or hybrid rooms"
    )
    q: str = Field("", max_length=200, description="words in the title, abstract or speakers")


class Ref(Schema):
    slug: str
    name: str


class RoomRef(Schema):
    slug: str
    name: str
    kind: str


class ActionLineRef(Schema):
    code: str
    name: str


class SpeakerRef(Schema):
    name: str
    role: str
    organization: str | None


class SessionOut(Schema):
    guid: str
    code: str
    title: str
    abstract: str
    type: Ref
    track: Ref
    room: RoomRef | None
    start: dt.datetime | None = Field(None, description="ISO 8601 in the edition's time zone")
    end: dt.datetime | None = None
    languages: list[str]
    action_lines: list[ActionLineRef]
    sdgs: list[SDGRef]
    organizers: list[Ref]
    speakers: list[SpeakerRef]
    registration_required: bool

    @staticmethod
    def resolve_guid(obj):
        return str(obj.guid)

    @staticmethod
    def resolve_type(obj):
        return obj.session_type

    @staticmethod
    def resolve_start(obj):
        return obj.starts_at.astimezone(obj.edition.zone) if obj.starts_at else None

    @staticmethod
    def resolve_end(obj):
        return obj.ends_at.astimezone(obj.edition.zone) if obj.ends_at else None

    @staticmethod
    def resolve_languages(obj):
        return list(obj.languages or [])

    @staticmethod
    def resolve_action_lines(obj):
        return list(obj.action_lines.all())

    @staticmethod
    def resolve_sdgs(obj):
        return list(obj.sdgs.all())

    @staticmethod
    def resolve_organizers(obj):
        return list(obj.organizers.all())

    @staticmethod
    def resolve_speakers(obj):
        return [
            {
                "name": str(row.person),
                "role": row.role,
                "organization": row.person.organization.name if row.person.organization else None,
            }
            for row in obj.speakers.all()
        ]


@router.get("/editions/{slug}/sessions", response=responses(list[SessionOut], found=True))
@paginate(PageNumberPagination)
def list_sessions(request, slug: str, filters: Query[SessionFilter]):
    """The public sessions of a published programme, in time order, with the public page's
    filters. 404 while the programme is unpublished, except for the edition's secretariat."""
    edition = _programme_edition(request, slug)
    found = selectors.sessions(edition=edition).select_related("edition")
    return selectors.filter_sessions(
        found,
        day=filters.day,
        track=filters.track,
        session_type=filters.type,
        room=filters.room,
        action_line=filters.action_line,
        sdg=filters.sdg,
        language=filters.language,
        format=filters.format.value if filters.format else "",
        q=filters.q,
        zone=edition.zone,
    ).order_by("starts_at", "pk")


# --- Speakers --------------------------------------------------------------------------------


class SpeakerOut(Schema):
    name: str
    title: str = Field(..., description="job title")
    organization: str | None
    country: Country | None
    sessions: list[str] = Field(..., description="codes of the person's public sessions")

    @staticmethod
    def resolve_name(obj):
        return str(obj)

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.name if obj.organization else None

    @staticmethod
    def resolve_country(obj):
        if not obj.country:
            return None
        return {"code": obj.country.code, "name": str(obj.country.name)}

    @staticmethod
    def resolve_sessions(obj):
        codes = []
        for row in obj.session_roles.all():
            if row.session.code not in codes:
                codes.append(row.session.code)
        return codes


@router.get("/editions/{slug}/speakers", response=responses(list[SpeakerOut], found=True))
@paginate(PageNumberPagination)
def list_speakers(request, slug: str):
    """The people who speak in a published programme's public sessions, by family name."""
    edition = _programme_edition(request, slug)
    return selectors.speakers(edition=edition).order_by("family_name", "given_name", "pk")
