"""The programme as every export sees it (read by `source.load`): plain rows for the sessions,
and what all the formats derive from them the same way: frab days in the edition's zone,
slugs, addresses, stable UUIDs, and the lines that describe a session."""

import datetime as dt
import math
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from ..models import (
    Edition,
    ProgrammeVersion,
    Room,
    SessionType,
    Track,
)
from ..selectors import GenderBalance

# frab days run from one day change to the next: a session at 01:00 belongs to the evening before.
DEFAULT_DAY_CHANGE = dt.time(4, 0)
# Sessions are published by their edition page; the programme app owns these views.
SESSION_URL_NAME = "programme:session"
EDITION_URL_NAME = "programme:edition"

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_NOT_ACRONYM = re.compile(r"[^a-z0-9_]+")
_NOT_SLUG = re.compile(r"[^a-z0-9_-]+")
_SLUG = re.compile(r"^[a-z0-9_-]+[a-z0-9]$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


def clean(text: str | None) -> str:
    """Text without the control characters XML 1.0 and iCalendar forbid."""
    return _CONTROL.sub("", text) if text else ""


def day_change() -> dt.time:
    """When one frab day ends and the next begins, local time (setting PROGRAMME_DAY_CHANGE)."""
    value = getattr(settings, "PROGRAMME_DAY_CHANGE", DEFAULT_DAY_CHANGE)
    return dt.time.fromisoformat(value) if isinstance(value, str) else value


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def normal_slug(value: str) -> str:
    """A slug as frab JSON accepts it (lower case, ends with a letter or digit), or ''."""
    slug = _NOT_SLUG.sub("-", value.lower()).strip("-_")
    return slug if _SLUG.match(slug) else ""


def language_code(code: str) -> str:
    """The ISO 639-1 code frab wants for one of our language codes ('zh-hans' → 'zh')."""
    primary = str(code).lower().replace("_", "-").split("-", 1)[0]
    return primary if _LANGUAGE.match(primary) else ""


@dataclass(slots=True)
class Speaker:
    person_id: int
    name: str
    role: str
    gender: str  # self-declared, the account's answer first; '' when unknown or not read


@dataclass(slots=True)
class Item:
    """One session, with what its export rows need and nothing else."""

    pk: int
    guid: uuid.UUID
    code: str
    title: str
    abstract: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    languages: list
    room_id: int | None
    track_id: int
    session_type_id: int
    is_public: bool
    recording_url: str
    slides_url: str
    speakers: list[Speaker] = field(default_factory=list)
    action_lines: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    organizers: list[str] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def gender(self) -> GenderBalance:
        """Gender balance of the speakers, as `selectors.session_gender` counts it."""
        tally = {"woman": 0, "man": 0, "non_binary": 0, "undisclosed": 0}
        unknown = 0
        for speaker in self.speakers:
            if speaker.gender in tally:
                tally[speaker.gender] += 1
            else:
                unknown += 1
        return GenderBalance(
            tally["woman"], tally["man"], tally["non_binary"], tally["undisclosed"], unknown
        )


@dataclass(frozen=True, slots=True)
class Day:
    index: int
    date: dt.date
    start: dt.datetime
    end: dt.datetime


@dataclass
class Programme:
    """An edition's sessions as one export sees them, and the facts every format derives."""

    edition: Edition
    version: ProgrammeVersion | None
    preview: bool
    rooms: dict[int, Room]
    tracks: dict[int, Track]
    session_types: dict[int, SessionType]
    items: list[Item]
    generated_at: dt.datetime

    @cached_property
    def zone(self):
        return self.edition.zone

    @property
    def version_label(self) -> str:
        """What frab calls the schedule version: 'v3' for the third published programme."""
        if self.version is None:
            return "preview"
        return f"v{self.version.number}-preview" if self.preview else f"v{self.version.number}"

    @property
    def stamp(self) -> dt.datetime:
        """When this state of the programme was published (now, for a preview)."""
        if self.version is None or self.preview:
            return self.generated_at
        return self.version.published_at

    @cached_property
    def acronym(self) -> str:
        """The edition slug in the form both frab schemas accept: 'wsis-forum-2022' →
        'wsis_forum_2022' (no hyphen after the first character, at least four characters)."""
        acronym = _NOT_ACRONYM.sub("_", self.edition.slug.lower()).strip("_")
        if len(acronym) < 4:
            acronym = f"{acronym}_{self.edition.opening_date.year}".strip("_")
        return acronym

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)

    @cached_property
    def _day_shift(self) -> dt.timedelta:
        change = day_change()
        return dt.timedelta(hours=change.hour, minutes=change.minute)

    def frab_date(self, local_start: dt.datetime) -> dt.date:
        """The frab day of a local time: 02:00 on 1 June is still the night of 31 May."""
        return (local_start - self._day_shift).date()

    @cached_property
    def days(self) -> list[Day]:
        """Every day from the opening to the end of the final week, and any day a session falls
        on outside them, each from the day change to the next, in the edition's zone."""
        edition = self.edition
        dates = set()
        current = edition.opening_date
        while current <= edition.final_week_end:
            dates.add(current)
            current += dt.timedelta(days=1)
        dates.update(
            self.frab_date(self.local(item.starts_at)) for item in self.items if item.starts_at
        )
        change = day_change()
        return [
            Day(
                index=index,
                date=date,
                start=dt.datetime.combine(date, change, tzinfo=self.zone),
                end=dt.datetime.combine(date + dt.timedelta(days=1), change, tzinfo=self.zone),
            )
            for index, date in enumerate(sorted(dates), start=1)
        ]

    @cached_property
    def timeslot_minutes(self) -> int:
        """The largest grid (at most an hour) every start and duration falls on."""
        step = 0
        for item in self.items:
            if item.starts_at:
                start = self.local(item.starts_at)
                step = math.gcd(step, start.hour * 60 + start.minute, item.minutes)
                if step == 1:
                    break
        return min(step, 60) if step else 15

    def event_slug(self, item: Item) -> str:
        """A frab slug: 'wsis_forum_2022-57-bridging-the-divide' (acronym, id, session code)."""
        code = _NOT_SLUG.sub("-", item.code.lower()).strip("-_") or "session"
        tail = f"{item.pk}-{code}"
        if len(tail) < 4:
            tail = f"{tail}-session"
        return f"{self.acronym}-{tail}"

    # --- addresses ---------------------------------------------------------------------------

    @cached_property
    def site(self) -> str:
        return site_url()

    @cached_property
    def site_host(self) -> str:
        return site_host()

    @cached_property
    def _session_path(self) -> str:
        # reverse() once with a marker, then substitute each code: 10,000 reverses cost ~0.2 s.
        marker = "convoca-session-code"
        try:
            path = reverse(SESSION_URL_NAME, kwargs={"slug": self.edition.slug, "code": marker})
        except NoReverseMatch:
            path = f"{self.edition_path}sessions/{marker}/"
        return self.site + path.replace(marker, "{code}")

    @cached_property
    def edition_path(self) -> str:
        try:
            return reverse(EDITION_URL_NAME, kwargs={"slug": self.edition.slug})
        except NoReverseMatch:
            return reverse(
                "programme_exports:schedule_xml", kwargs={"slug": self.edition.slug}
            ).removesuffix("schedule.xml")

    @cached_property
    def edition_url(self) -> str:
        return self.site + self.edition_path

    def session_url(self, item: Item) -> str:
        return self._session_path.format(code=item.code)

    def export_url(self, name: str) -> str:
        return self.site + reverse(f"programme_exports:{name}", kwargs={"slug": self.edition.slug})

    # --- identities --------------------------------------------------------------------------

    @cached_property
    def _room_guids(self) -> dict[int | None, str]:
        found = {
            pk: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.site}/rooms/{pk}")) for pk in self.rooms
        }
        found[None] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.edition_url}rooms/none"))
        return found

    def room_guid(self, room: Room | None) -> str:
        """A stable UUID for a room (frab wants one; rooms have none of their own)."""
        return self._room_guids[room.pk if room else None]

    @cached_property
    def _person_guids(self) -> dict[int, str]:
        return {}

    def person_guid(self, person_id: int) -> str:
        """A stable UUID for a person that reveals nothing about them (no e-mail hash)."""
        known = self._person_guids
        if person_id not in known:
            known[person_id] = str(
                uuid.uuid5(uuid.NAMESPACE_URL, f"{self.site}/people/{person_id}")
            )
        return known[person_id]

    # --- per-session facts shared by the formats ------------------------------------------------

    def language(self, item: Item) -> str:
        for code in item.languages or ():
            if found := language_code(code):
                return found
        return language_code(settings.LANGUAGE_CODE) or "en"

    @cached_property
    def by_day_and_room(self) -> dict[dt.date, dict[int | None, list[Item]]]:
        """Scheduled sessions grouped by frab day, then room, in start order."""
        grouped: dict[dt.date, dict[int | None, list[Item]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for item in self.items:
            if item.starts_at:
                grouped[self.frab_date(self.local(item.starts_at))][item.room_id].append(item)
        return grouped

    @cached_property
    def _labels(self) -> dict[str, str]:
        # translated once per export, in the language of the request
        return {
            "no_room": _("Room to be announced"),
            "organizers": _("Organized by"),
            "action_lines": _("WSIS Action Lines"),
            "sdgs": _("SDGs"),
            "languages": _("Languages"),
            "speakers": _("Speakers"),
            "slides": _("Slides"),
            "recording": _("Recording"),
        }

    # Names in the active language, read once: modeltranslation resolves each read anew.

    @cached_property
    def _room_names(self) -> dict[int | None, str]:
        names = {pk: clean(room.name) for pk, room in self.rooms.items()}
        names[None] = self._labels["no_room"]
        return names

    @cached_property
    def track_names(self) -> dict[int, str]:
        return {pk: clean(track.name) for pk, track in self.tracks.items()}

    @cached_property
    def type_names(self) -> dict[int, str]:
        return {pk: clean(kind.name) for pk, kind in self.session_types.items()}

    def room_name(self, room_id: int | None) -> str:
        return self._room_names.get(room_id, "")

    @cached_property
    def _locations(self) -> dict[int | None, str]:
        venue = clean(self.edition.venue)
        found = {None: self._labels["no_room"]}
        for pk, room in self.rooms.items():
            place = venue if room.is_physical else clean(room.platform)
            found[pk] = ", ".join(part for part in (self._room_names[pk], place) if part)
        return found

    def location(self, item: Item) -> str:
        """Where to go: the room, and the venue for a room one can walk into."""
        return self._locations.get(item.room_id, "")

    @cached_property
    def _language_names(self) -> dict[str, str]:
        return {}

    def language_names(self, codes) -> list[str]:
        """Language names in the language of the export; an unknown code as it is."""
        known = self._language_names
        names = []
        for code in codes or ():
            code = str(code)
            if code not in known:
                try:
                    known[code] = str(get_language_info(code)["name_translated"])
                except KeyError:
                    known[code] = code
            names.append(known[code])
        return names

    def details(self, item: Item) -> list[str]:
        """What a listing says about a session besides its abstract, one line each."""
        labels = self._labels
        lines = []
        if item.organizers:
            lines.append(f"{labels['organizers']}: {', '.join(item.organizers)}")
        if item.action_lines:
            lines.append(f"{labels['action_lines']}: {', '.join(item.action_lines)}")
        if item.sdgs:
            lines.append(f"{labels['sdgs']}: {', '.join(map(str, item.sdgs))}")
        if item.languages:
            lines.append(f"{labels['languages']}: {', '.join(self.language_names(item.languages))}")
        return lines

    def links(self, item: Item) -> list[tuple[str, str, str]]:
        """(address, title, frab JSON type) of the slides and the recording, when there are."""
        found = []
        if item.slides_url.startswith(("https://", "http://")):
            found.append((item.slides_url, self._labels["slides"], "SLIDES"))
        if item.recording_url.startswith(("https://", "http://")):
            found.append((item.recording_url, self._labels["recording"], "MEDIA"))
        return found

    def speaker_line(self, item: Item) -> str:
        if not item.speakers:
            return ""
        roles = self.role_labels
        people = ", ".join(f"{s.name} ({roles.get(s.role, s.role)})" for s in item.speakers)
        return f"{self._labels['speakers']}: {people}"

    @cached_property
    def role_labels(self) -> dict[str, str]:
        from ..models import SpeakerRole

        return {role.value: str(role.label) for role in SpeakerRole}

    def room_order(self, room_ids) -> list[int | None]:
        """Rooms in the edition's order; sessions without a room last."""
        position = {pk: n for n, pk in enumerate(self.rooms)}
        return sorted(room_ids, key=lambda pk: (pk is None, position.get(pk, 0)))
