"""Reading an edition's programme for the exports: one pass, a fixed number of queries.

A 10,000-session edition must export in well under a second, so this reads columns with
`values_list` instead of building ~200,000 model instances through `selectors.sessions`
(right for pages, but seconds at that size). Rooms, tracks and session types are few and stay
model instances, so their names come in the active language.
"""

import datetime as dt
import uuid

from django.db.models import DateTimeField, F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import get_language
from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES
from modeltranslation.utils import build_localized_fieldname, resolution_order

from ..models import (
    AgendaItem,
    Edition,
    ProgrammeVersion,
    Room,
    Session,
    SessionSpeaker,
    SessionType,
    Track,
)
from .schedule import Item, Programme, Speaker, clean


def _translated(model, name: str):
    """`name` in the active language, else its first fallback with a value, as modeltranslation
    resolves it, but computed by the database instead of per row in Python."""
    descriptor = getattr(model, name)
    text = TextField()
    columns = [
        NullIf(F(build_localized_fieldname(name, language)), Value("", output_field=text))
        for language in resolution_order(get_language(), descriptor.fallback_languages)
    ]
    return Coalesce(*columns, Value("", output_field=text), output_field=text)


def _as_published(items: dict, snapshot: dict, titles: dict, rooms: dict) -> list[Item]:
    """Sessions as the snapshot recorded them (see `services._snapshot`). Rooms and titles were
    recorded in the publisher's language: a name or title that is still one of the current
    translations means nothing changed since, and the active language's text is shown."""
    room_names = {
        pk: {getattr(room, build_localized_fieldname("name", code), "") for code in LANGUAGES}
        - {"", None}
        for pk, room in rooms.items()
    }
    rooms_by_name: dict[str, int] = {}
    for pk, names in room_names.items():
        for name in names:
            rooms_by_name.setdefault(name, pk)
    published = []
    for pk, item in items.items():
        entry = snapshot.get(str(item.guid))
        if not isinstance(entry, dict):
            continue  # not public when the version was published
        item.starts_at = _moment(entry.get("start"))
        item.ends_at = _moment(entry.get("end"))
        if item.starts_at and (not item.ends_at or item.ends_at <= item.starts_at):
            item.starts_at = item.ends_at = None
        room = entry.get("room") or ""
        if not room:
            item.room_id = None
        elif room not in room_names.get(item.room_id, ()):
            item.room_id = rooms_by_name.get(room, item.room_id)
        title = entry.get("title")
        if title and title not in titles[pk]:
            item.title = clean(title)
        published.append(item)
    return published


def _moment(value) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
    return moment if moment is None or moment.tzinfo else None


def published_version(*, edition: Edition) -> ProgrammeVersion | None:
    """The latest published version, without its snapshot: revalidating a feed needs only its
    number and date, and a 10,000-session snapshot is megabytes of JSON."""
    return (
        ProgrammeVersion.objects.filter(edition=edition)
        .defer("snapshot", "changes")
        .order_by("-number")
        .first()
    )


def load(
    *,
    edition: Edition,
    version: ProgrammeVersion | None,
    preview: bool = False,
    public_only: bool = True,
    scheduled_only: bool = True,
    guid: uuid.UUID | None = None,
    starred_by=None,
    with_gender: bool = False,
) -> Programme:
    """Read the edition's programme for an export in a fixed number of queries (8, and 1 more
    for the published snapshot), whatever its size.

    Unless `preview`, sessions appear as `version` published them: only those it published,
    at the times, in the rooms and with the titles it recorded, so work the secretariat has
    not yet published never reaches the public, even when a cached export is rebuilt."""
    snapshot = None
    if version is not None and not preview:
        snapshot = ProgrammeVersion.objects.filter(pk=version.pk).values_list(
            "snapshot", flat=True
        )[0]
        snapshot = snapshot if isinstance(snapshot, dict) else {}
    found = Session.objects.filter(edition=edition)
    if public_only:
        found = found.filter(is_public=True)
    if scheduled_only and snapshot is None:
        found = found.filter(starts_at__isnull=False, ends_at__isnull=False)
    if guid is not None:
        found = found.filter(guid=guid)
    if starred_by is not None:
        found = found.filter(
            pk__in=AgendaItem.objects.filter(user=starred_by, session__edition=edition).values(
                "session"
            )
        )
    ids = found.values("pk")

    columns = [
        "pk",
        "guid",
        "code",
        _translated(Session, "title"),
        _translated(Session, "abstract"),
        "starts_at",
        "ends_at",
        "languages",
        "room_id",
        "track_id",
        "session_type_id",
        "is_public",
        "recording_url",
        "slides_url",
    ]
    width = len(columns)
    if snapshot is not None:
        # times come from the snapshot; the titles in every language tell a rename
        nothing = Value(None, output_field=DateTimeField())
        columns[5:7] = [nothing, nothing]
        columns += [build_localized_fieldname("title", code) for code in LANGUAGES]
    rows = (
        found.rewrite(False)
        .order_by(F("starts_at").asc(nulls_last=True), "pk")
        .values_list(*columns)
    )
    items: dict[int, Item] = {}
    titles: dict[int, set] = {}
    for row in rows:
        item = Item(*row[:width])
        item.title = clean(item.title)
        item.abstract = clean(item.abstract)
        item.recording_url = clean(item.recording_url)
        item.slides_url = clean(item.slides_url)
        items[item.pk] = item
        if snapshot is not None:
            titles[item.pk] = set(row[width:])
    rooms = {room.pk: room for room in Room.objects.filter(edition=edition)}
    if snapshot is not None:
        published = _as_published(items, snapshot, titles, rooms)
        if scheduled_only:
            published = [item for item in published if item.starts_at and item.ends_at]
        published.sort(key=lambda item: (item.starts_at is None, item.starts_at or 0, item.pk))
        items = {item.pk: item for item in published}
    # Rows of sessions left out above still come; they are skipped, not looked up one by one.
    nowhere = Item(0, None, "", "", "", None, None, [], None, 0, 0, False, "", "")

    people = ["session_id", "person_id", "role", "person__given_name", "person__family_name"]
    if with_gender:
        people += ["person__user__gender", "person__gender"]
    names: dict[int, str] = {}
    for session_id, person_id, role, given, family, *genders in (
        SessionSpeaker.objects.filter(session__in=ids)
        .order_by("session_id", "order", "pk")
        .values_list(*people)
    ):
        name = names.get(person_id)
        if name is None:
            name = names[person_id] = clean(f"{given} {family}".strip())
        # self-declared: the account's answer first, then the record's
        gender = (genders[0] or genders[1] or "") if genders else ""
        items.get(session_id, nowhere).speakers.append(Speaker(person_id, name, role, gender))
    for session_id, code in (
        Session.action_lines.through.objects.filter(session__in=ids)
        .order_by("actionline__position")
        .values_list("session_id", "actionline__code")
    ):
        items.get(session_id, nowhere).action_lines.append(code)
    for session_id, number in (
        Session.sdgs.through.objects.filter(session__in=ids)
        .order_by("sdg__number")
        .values_list("session_id", "sdg__number")
    ):
        items.get(session_id, nowhere).sdgs.append(number)
    for session_id, name in (
        Session.organizers.through.objects.filter(session__in=ids)
        .order_by("organization__name", "organization_id")
        .values_list("session_id", "organization__name")
    ):
        items.get(session_id, nowhere).organizers.append(clean(name))

    return Programme(
        edition=edition,
        version=version,
        preview=preview,
        rooms=rooms,
        tracks={track.pk: track for track in Track.objects.filter(edition=edition)},
        session_types={kind.pk: kind for kind in SessionType.objects.filter(edition=edition)},
        items=list(items.values()),
        generated_at=timezone.now().replace(microsecond=0),
    )
