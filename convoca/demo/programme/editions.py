"""The forum, its co-organizers and editions, with their tracks, session types and rooms;
and the publication of an edition's programme."""

import contextlib

from convoca.demo.programme.data import (
    ALL_LANGUAGES,
    CO_ORGANIZERS,
    SESSION_TYPES,
    TRACKS,
    EditionSpec,
)
from convoca.programme import services
from convoca.programme.models import (
    Edition,
    EditionStatus,
    Forum,
    ProgrammeVersion,
    Room,
    RoomKind,
    SessionType,
    Track,
)
from convoca.stakeholders.models import ItuStatus, Organization, StakeholderType


def _co_organizers() -> dict[str, Organization]:
    found = {}
    for slug, name, acronym, country, website in CO_ORGANIZERS:
        found[slug], _created = Organization.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "acronym": acronym,
                "country": country,
                "stakeholder_type": StakeholderType.INTERNATIONAL_ORGANIZATION,
                "itu_status": ItuStatus.NONE,
                "website": website,
            },
        )
    return found


def _forum(co_organizers) -> Forum:
    forum, created = Forum.objects.get_or_create(
        slug="wsis-forum",
        defaults={
            "name_en": "WSIS Forum",
            "name_es": "Foro de la CMSI",
            "acronym": "WSIS",
            "time_zone": "Europe/Zurich",
        },
    )
    if created:
        forum.co_organizers.set(co_organizers.values())
    return forum


def _edition(spec: EditionSpec, forum: Forum, co_organizers) -> Edition:
    edition, created = Edition.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "forum": forum,
            "name_en": f"WSIS Forum {spec.year}",
            "name_es": f"Foro de la CMSI {spec.year}",
            "theme_en": spec.theme_en,
            "theme_es": spec.theme_es,
            "format": spec.format,
            "venue_en": spec.venue_en,
            "venue_es": spec.venue_es,
            "city_en": spec.city_en,
            "city_es": spec.city_es,
            "time_zone": "Europe/Zurich",
            "opening_date": spec.opening,
            "final_week_start": spec.final_start,
            "final_week_end": spec.final_end,
            "virtual_weeks": spec.virtual_weeks,
            "interpretation_languages": list(ALL_LANGUAGES),
        },
    )
    if created:
        edition.co_organizers.set(co_organizers.values())
    return edition


def _structure(edition: Edition, rooms) -> None:
    """Tracks, session types and rooms, each added once by its slug."""
    have = set(edition.tracks.values_list("slug", flat=True))
    Track.objects.bulk_create(
        Track(
            edition=edition,
            slug=slug,
            name_en=en,
            name_es=es,
            is_high_level=hl,
            color=color,
            order=n,
        )
        for n, (slug, en, es, hl, color) in enumerate(TRACKS, start=1)
        if slug not in have
    )
    have = set(edition.session_types.values_list("slug", flat=True))
    SessionType.objects.bulk_create(
        SessionType(
            edition=edition,
            slug=slug,
            name_en=en,
            name_es=es,
            default_duration=minutes,
            is_high_level=hl,
            color=color,
            order=n,
        )
        for n, (slug, en, es, minutes, hl, color, _prefix) in enumerate(SESSION_TYPES, start=1)
        if slug not in have
    )
    have = set(edition.rooms.values_list("slug", flat=True))
    Room.objects.bulk_create(
        Room(
            edition=edition,
            slug=slug,
            name_en=en,
            name_es=es,
            kind=kind,
            capacity=capacity,
            floor=floor,
            accessible=True,
            platform="Zoom" if kind != RoomKind.PHYSICAL else "",
            join_url=f"https://zoom.example.org/j/{edition.opening_date.year}{n:03d}"
            if kind != RoomKind.PHYSICAL
            else "",
            interpretation_channels=list(ALL_LANGUAGES) if interpreted else [],
            order=n,
        )
        for n, (slug, en, es, kind, capacity, floor, interpreted) in enumerate(rooms, start=1)
        if slug not in have
    )


STATUS_ORDER = [
    EditionStatus.PROGRAMME_PUBLISHED,
    EditionStatus.LIVE,
    EditionStatus.CLOSED,
    EditionStatus.REPORT_PUBLISHED,
]


def _publish(edition: Edition, *, added: int, spec: EditionSpec, secretariat) -> Edition:
    """Version 1 on the first run (a new version only if a later run added sessions); a past
    edition then goes on through live and closed to its report, as the secretariat would."""
    if added or not ProgrammeVersion.objects.filter(edition=edition).exists():
        with contextlib.suppress(services.ProgrammeError):  # nothing changed since the last one
            services.publish_programme(
                edition=edition,
                by=secretariat,
                note=f"Programme of the WSIS Forum {spec.year} (demo data).",
            )
        edition.refresh_from_db(fields=["status"])
    while edition.status != spec.status and edition.status in STATUS_ORDER[:-1]:
        following = STATUS_ORDER[STATUS_ORDER.index(edition.status) + 1]
        if STATUS_ORDER.index(following) > STATUS_ORDER.index(spec.status):
            break
        edition = services.transition_edition(edition=edition, to=following, by=secretariat)
    return edition
