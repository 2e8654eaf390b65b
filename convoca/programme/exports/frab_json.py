"""frab schedule JSON in the shape of ../standards/frab-schedule/schema2.json (C3VOC
"schedule2"): the conference with its days, rooms and tracks, and one flat list of events.

schema2 differs from the older pretalx/frab JSON (days holding rooms holding events): its
days carry no rooms and its events no `id`, `date` or `persons`; events carry `start`, `end`,
`participants` and references to their room and track instead.
"""

import json
import re
from collections.abc import Iterator

from .schedule import Programme, language_code, normal_slug

SCHEMA_ID = "https://c3voc.de/schema/schedule2"
EVENTS_LAST = '"events":[]}}'
BATCH = 1000
# schema2's own pattern for IANA names; anything else is left out rather than made invalid.
_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")

# Our session types in frab's fixed vocabulary, by the words their slugs contain.
EVENT_TYPES = (
    ("lightning", "LIGHTNING_TALK"),
    ("pitch", "LIGHTNING_TALK"),
    ("workshop", "WORKSHOP"),
    ("training", "HANDS-ON"),
    ("hands-on", "HANDS-ON"),
    ("tutorial", "HANDS-ON"),
    ("hackathon", "HANDS-ON"),
    ("dialogue", "DISCUSSION"),
    ("panel", "DISCUSSION"),
    ("debate", "DISCUSSION"),
    ("discussion", "DISCUSSION"),
    ("roundtable", "DISCUSSION"),
    ("round-table", "DISCUSSION"),
    ("cafe", "DISCUSSION"),
    ("interview", "DISCUSSION"),
    ("meeting", "MEETING"),
    ("consultation", "MEETING"),
    ("statement", "TALK"),
    ("keynote", "TALK"),
    ("talk", "TALK"),
    ("speech", "TALK"),
    ("address", "TALK"),
    ("lecture", "TALK"),
    ("presentation", "TALK"),
    ("concert", "CONCERT"),
    ("performance", "PERFORMANCE"),
    ("game", "GAME"),
)

PARTICIPANT_ROLES = {
    "moderator": "MODERATOR",
    "speaker": "SPEAKER",
    "high_level_speaker": "SPEAKER",
    "rapporteur": "CONTRIBUTOR",
}


def event_type(slug: str) -> str:
    slug = slug.lower()
    for word, kind in EVENT_TYPES:
        if word in slug:
            return kind
    return "OTHER"


def _iso_duration(minutes: int) -> str:
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def _document(programme: Programme) -> tuple[dict, Iterator[dict]]:
    """The document with an empty event list, and its events, made one by one."""
    edition = programme.edition
    days = programme.days
    rooms = {}
    for pk, room in programme.rooms.items():
        entry = {"name": programme.room_name(pk), "guid": programme.room_guid(room)}
        if slug := normal_slug(room.slug):
            entry["slug"] = slug
        if room.kind == "virtual":
            entry["type"] = "VIRTUAL"
        entry["capacity"] = room.capacity
        rooms[pk] = entry
    if any(item.room_id is None for item in programme.items):
        rooms[None] = {"name": programme.room_name(None), "guid": programme.room_guid(None)}
    tracks = {}
    for pk, track in programme.tracks.items():
        slug = normal_slug(track.slug) or f"track-{pk}"
        entry = {"name": programme.track_names[pk], "slug": slug}
        if track.color:
            entry["color"] = track.color.lower()
        tracks[pk] = entry
    types = {pk: event_type(kind.slug) for pk, kind in programme.session_types.items()}
    references = {
        pk: {key: room[key] for key in ("name", "slug", "guid") if key in room}
        for pk, room in rooms.items()
    }
    track_references = {pk: {"slug": t["slug"], "name": t["name"]} for pk, t in tracks.items()}

    conference = {
        "acronym": programme.acronym,
        "title": edition.name,
        "start": days[0].start.isoformat(),
        "end": days[-1].end.isoformat(),
        "timeslot_duration": _iso_duration(programme.timeslot_minutes),
        "url": programme.edition_url,
    }
    if edition.theme:
        conference["description"] = edition.theme
    if _ZONE_NAME.match(edition.time_zone):
        conference["time_zone_name"] = edition.time_zone
    languages = [
        code for code in dict.fromkeys(map(language_code, edition.interpretation_languages)) if code
    ]
    if languages:
        conference["languages"] = languages
    conference["tracks"] = list(tracks.values())
    conference["rooms"] = list(rooms.values())
    conference["days"] = [
        {
            "index": day.index,
            "date": day.date.isoformat(),
            "start": day.start.isoformat(),
            "end": day.end.isoformat(),
        }
        for day in days
    ]

    roles = PARTICIPANT_ROLES

    def events() -> Iterator[dict]:
        for item in programme.items:
            if not item.starts_at:
                continue
            yield {
                "guid": str(item.guid),
                "slug": programme.event_slug(item),
                "url": programme.session_url(item),
                "title": item.title,
                "subtitle": "",
                "start": programme.local(item.starts_at).isoformat(),
                "end": programme.local(item.ends_at).isoformat(),
                "duration": _iso_duration(item.minutes),
                "room": references[item.room_id],
                "track": track_references[item.track_id],
                "type": types[item.session_type_id],
                "language": programme.language(item),
                "abstract": item.abstract,
                "description": "\n".join(programme.details(item)),
                "participants": [
                    {
                        "name": speaker.name,
                        "role": roles.get(speaker.role, "SPEAKER"),
                        "guid": programme.person_guid(speaker.person_id),
                    }
                    for speaker in item.speakers
                ],
                "links": [
                    {"type": kind, "url": url, "title": title}
                    for url, title, kind in programme.links(item)
                ],
            }

    head = {
        "$schema": SCHEMA_ID,
        "generator": {"name": "convoca", "url": programme.site + "/"},
        "schedule": {
            "version": programme.version_label,
            "base_url": programme.edition_url,
            "url": programme.export_url("schedule_json"),
            "conference": conference,
            "events": [],  # last, so `build` can write the events after the rest
        },
    }
    return head, events()


def document(programme: Programme) -> dict:
    head, events = _document(programme)
    head["schedule"]["events"] = list(events)
    return head


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _batches(events: Iterator[dict]) -> Iterator[bytes]:
    """The events as JSON array items, BATCH at a time, comma-separated."""
    batch: list[dict] = []
    for event in events:
        batch.append(event)
        if len(batch) == BATCH:
            yield _dumps(batch)[1:-1].encode()
            batch.clear()
    if batch:
        yield _dumps(batch)[1:-1].encode()


def build(programme: Programme) -> bytes:
    """The document as UTF-8, its events encoded 1,000 at a time: 10,000 events never exist
    at once, as dicts or as one str."""
    head, events = _document(programme)
    text = _dumps(head)
    if not text.endswith(EVENTS_LAST):
        raise RuntimeError("the events must close the document")
    chunks = [text[: -len(EVENTS_LAST)].encode(), b'"events":[']
    for n, batch in enumerate(_batches(events)):
        if n:
            chunks.append(b",")
        chunks.append(batch)
    chunks.append(b"]}}")
    return b"".join(chunks)
