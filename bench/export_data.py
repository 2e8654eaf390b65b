"""Setup of `bench.exports`, not timed: the generated edition whose exports are measured.

A new forum and edition over 13 weeks (7 March to 5 June 2022, in Europe/Zurich, so across the
switch to summer time) with 4 tracks, 5 session types and 60 rooms (a third virtual), N public
sessions all scheduled (2-hour slots, no room double-booked), 3 to 5 speakers each from a pool
of 0.6 × N people, 2 organizers, 2 action lines and 2 SDGs each, made with bulk_create, then
published with `services.publish_programme`. See `bench.exports` for what is measured.
"""

import datetime as dt
import math
import random
from dataclasses import dataclass

DAYS = 91  # 13 weeks: "3 months"
OPENING = dt.date(2022, 3, 7)
TIME_ZONE = "Europe/Zurich"
ROOMS = 60
SLOTS_PER_DAY = 6  # 2-hour slots from 08:00


@dataclass(frozen=True)
class GeneratedEdition:
    slug: str
    sessions: int
    speakers: int
    people: int
    rooms: int
    tracks: int
    session_types: int
    days: int
    version: int


def generate(sessions: int, tag: str) -> GeneratedEdition:
    """Bulk-create the edition and its sessions, then publish it; return what was made."""
    from zoneinfo import ZoneInfo

    from django.db import transaction

    from convoca.accounts.models import User
    from convoca.programme import models as m
    from convoca.programme import services
    from convoca.stakeholders.models import Organization, Person
    from convoca.taxonomy.models import SDG, ActionLine

    rng = random.Random(sessions)  # noqa: S311 -- test data: same content for the same size
    zone = ZoneInfo(TIME_ZONE)
    slug = f"bench-exports-{tag}"
    rooms_count = max(ROOMS, math.ceil(sessions / (DAYS * SLOTS_PER_DAY)))
    per_day = math.ceil(sessions / DAYS)
    languages = [["en"], ["en", "fr"], ["ar", "en", "zh-hans"], ["es"], ["en", "ru"]]
    roles = list(m.SpeakerRole.values)
    with transaction.atomic():
        publisher = User.objects.create_user(email=f"publisher@{slug}.example.org", password=None)
        forum = m.Forum.objects.create(name=f"Bench forum {tag}", slug=slug, acronym="BENCH")
        edition = m.Edition.objects.create(
            forum=forum,
            name=f"Bench edition {tag}",
            slug=slug,
            time_zone=TIME_ZONE,
            venue="International Conference Centre",
            city="Geneva",
            opening_date=OPENING,
            final_week_start=OPENING + dt.timedelta(days=DAYS - 7),
            final_week_end=OPENING + dt.timedelta(days=DAYS - 3),
            interpretation_languages=["ar", "zh-hans", "en", "fr", "ru", "es"],
        )
        tracks = m.Track.objects.bulk_create(
            m.Track(edition=edition, name=f"Track {i}", slug=f"track-{i}", order=i)
            for i in range(4)
        )
        types = m.SessionType.objects.bulk_create(
            m.SessionType(edition=edition, name=name, slug=f"type-{i}", order=i)
            for i, name in enumerate(
                ["Thematic workshop", "Policy statements", "High-level dialogue", "Training",
                 "Country workshop"]
            )
        )  # fmt: skip
        rooms = m.Room.objects.bulk_create(
            m.Room(
                edition=edition,
                name=f"Room {i}",
                slug=f"room-{i}",
                kind=m.RoomKind.VIRTUAL if i % 3 == 0 else m.RoomKind.PHYSICAL,
                capacity=None if i % 3 == 0 else 100 + i,
                platform="Zoom" if i % 3 == 0 else "",
                order=i,
            )
            for i in range(rooms_count)
        )
        organizations = Organization.objects.bulk_create(
            (
                Organization(name=f"Organization {i} & partners", slug=f"{slug}-org-{i}")
                for i in range(max(2, min(500, sessions // 20)))
            ),
            batch_size=2000,
        )
        people = Person.objects.bulk_create(
            (
                Person(
                    given_name=f"Given{i}",
                    family_name=f"Family-{i}",
                    organization=organizations[i % len(organizations)],
                )
                for i in range(max(8, sessions * 6 // 10))
            ),
            batch_size=2000,
        )
        rows = []
        for i in range(sessions):
            day, k = divmod(i, per_day)
            slot, room = divmod(k, len(rooms))
            starts_at = dt.datetime.combine(
                OPENING + dt.timedelta(days=day),
                dt.time(8 + 2 * slot, rng.choice([0, 15, 30])),
                tzinfo=zone,
            )
            url = f"https://media.example.org/{slug}/{i}" if i % 5 == 0 else ""
            rows.append(
                m.Session(
                    edition=edition,
                    code=f"s{i}",
                    title=f"Session {i}: Bridging the digital divide — ‘quotes’ & <tags>",
                    abstract=("An abstract, with text; & <markup> to escape.\n" * 12).strip(),
                    session_type=types[i % len(types)],
                    track=tracks[i % len(tracks)],
                    room=rooms[room],
                    starts_at=starts_at,
                    ends_at=starts_at + dt.timedelta(minutes=rng.choice([45, 60, 90])),
                    languages=rng.choice(languages),
                    recording_url=url,
                    slides_url=url,
                    is_public=True,
                )
            )
        made = m.Session.objects.bulk_create(rows, batch_size=2000)
        del rows
        speakers = m.SessionSpeaker.objects.bulk_create(
            (
                m.SessionSpeaker(session=session, person=person, role=rng.choice(roles), order=o)
                for session in made
                for o, person in enumerate(rng.sample(people, rng.choice([3, 4, 4, 5])))
            ),
            batch_size=5000,
        )
        action_lines, sdgs = list(ActionLine.objects.all()), list(SDG.objects.all())
        links = (
            (m.Session.action_lines.through, "actionline", action_lines),
            (m.Session.sdgs.through, "sdg", sdgs),
            (m.Session.organizers.through, "organization", organizations),
        )
        for through, name, choices in links:
            through.objects.bulk_create(
                (
                    through(session=session, **{name: choice})
                    for session in made
                    for choice in rng.sample(choices, min(2, len(choices)))
                ),
                batch_size=5000,
            )
    version = services.publish_programme(edition=edition, by=publisher, note="bench.exports")
    return GeneratedEdition(
        slug=slug,
        sessions=len(made),
        speakers=len(speakers),
        people=len(people),
        rooms=len(rooms),
        tracks=len(tracks),
        session_types=len(types),
        days=DAYS,
        version=version.number,
    )


def checkpoint() -> None:
    """Fold SQLite's write-ahead log into the database file, as a database at rest has it."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
