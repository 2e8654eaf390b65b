"""Programmes, edition by edition (the 2022 one and the smaller virtual ones), and the
bulk writing of the planned sessions."""

import datetime as dt

from convoca.demo.programme.data import (
    ACTION_LINE_CODES,
    COUNTRY_WORKSHOPS,
)
from convoca.demo.programme.planner import (
    Item,
    Planner,
)
from convoca.demo.programme.speakers import (
    Speaker,
)
from convoca.programme.models import (
    Edition,
    Session,
    SessionSpeaker,
)
from convoca.taxonomy.models import SDG, ActionLine


def exhibition_opening(planner: Planner) -> Item:
    item = planner.forum_item("exhibition")
    item.title_en = f"Opening of the {planner.label_en} exhibition"
    item.title_es = f"Inauguración de la exposición del {planner.label_es}"
    item.abstract_en = (
        "The co-organizers open the exhibition, where governments, companies, civil society and "
        "universities show projects that implement the WSIS Action Lines."
    )
    item.abstract_es = (
        "Los coorganizadores inauguran la exposición, en la que gobiernos, empresas, sociedad "
        "civil y universidades presentan proyectos que aplican las Líneas de Acción de la CMSI."
    )
    item.organizers, item.languages = ["itu"], ["en", "fr", "es"]
    return item


def plan_2022(planner: Planner) -> list[Item]:
    """About 290 sessions: weekly virtual sessions from the opening on 15 March to 27 May in
    the Zoom rooms, then the final week (30 May–3 June, 09:00–18:00) in Geneva's rooms."""
    spec, p = planner.spec, planner
    placed: list[Item] = []

    # Virtual period: Tuesday to Thursday, two sessions a day in each Zoom room.
    times = {"zoom-1": [(9, 0), (14, 0)], "zoom-2": [(11, 0), (16, 0)]}
    room_times = {wd: [(room, t) for room, ts in times.items() for t in ts] for wd in (1, 2, 3)}
    slots = p.virtual_slots({1, 2, 3}, room_times)
    opening = p.place(p.high_level_item("opening-ceremony"), "zoom-1", p.at(spec.opening, 14))
    placed.append(opening)
    slots = [s for s in slots if s[0] != spec.opening or s[2] >= opening.end]
    virtual_queue = [p.high_level_item("high-level-dialogue", n) for n in range(11, 17)]
    virtual_queue += [
        p.hackathon_item("kick-off", "lanzamiento"),
        p.hackathon_item("mentoring session", "sesión de mentoría", minutes=120),
    ]
    virtual_queue += p.forum_queue(
        {
            "country-workshop": 24,
            "training": 14,
            "special-track": 20,
            "knowledge-cafe": 10,
            "exhibition": 2,
        },
        COUNTRY_WORKSHOPS,
    )
    thematic = len(slots) - len(virtual_queue)
    virtual_queue += p.forum_queue({"thematic-workshop": thematic}, COUNTRY_WORKSHOPS)
    p.rng.shuffle(virtual_queue)
    for (_day, room, start), item in zip(slots, virtual_queue, strict=True):
        placed.append(p.place(item, room, start))

    # Final week: fixed landmarks first, then every room's morning and afternoon filled.
    days = [
        spec.final_start + dt.timedelta(days=n)
        for n in range((spec.final_end - spec.final_start).days + 1)
    ]
    fixed = [
        (p.high_level_item("opening-ceremony", 1), "main-hall", p.at(days[0], 9)),
        (exhibition_opening(p), "main-hall", p.at(days[0], 10, 45)),
        (p.high_level_item("wsis-prizes"), "main-hall", p.at(days[1], 14)),
        (p.high_level_item("ministerial-round-table"), "main-hall", p.at(days[2], 14)),
        (p.hackathon_item("day 1, in person", "día 1, presencial"), "room-h2", p.at(days[0], 14)),
        (p.hackathon_item("final pitches", "presentaciones finales"), "room-h2", p.at(days[3], 14)),
    ]
    for day in days:
        meeting = Item(
            kind="action-line-facilitation",
            title_en=f"Action Line facilitators' coordination meeting ({day:%d %B})",
            abstract_en="Closed meeting of the Action Line facilitators and the WSIS secretariat.",
            action_lines=["C11"],
            organizers=["itu"],
            languages=["en"],
            minutes=45,
            public=False,
        )
        fixed.append((meeting, "room-h2", p.at(day, 12) if day == days[0] else p.at(day, 9)))
    for item, room, start in fixed:
        placed.append(p.place(item, room, start))
    high_level = [p.high_level_item("policy-statements", n) for n in range(1, 13)]
    high_level += [p.high_level_item("high-level-dialogue", n) for n in range(1, 11)]
    facilitation = [p.facilitation_item(code) for code in ACTION_LINE_CODES]
    forum = p.forum_queue(
        {
            "thematic-workshop": 70,
            "country-workshop": 24,
            "training": 12,
            "special-track": 22,
            "knowledge-cafe": 12,
            "exhibition": 3,
        },
        COUNTRY_WORKSHOPS[::-1],
    )
    queues = {
        "main-hall": [high_level, forum],
        "popov": [high_level, facilitation, forum],
        "room-a": [facilitation, forum],
        "room-b": [facilitation, forum],
        "room-c": [forum],
        "room-h2": [forum],
    }
    # Nothing runs against the opening ceremony but the exhibition that follows it.
    blocks = [
        (room, p.at(day, *begin), p.at(day, *end))
        for day in days
        for room in queues
        for begin, end in (((9, 0), (12, 45)), ((14, 0), (18, 0)))
        if not (day == days[0] and begin == (9, 0) and room != "main-hall")
    ]
    blocks += [(room, p.at(days[0], 10, 45), p.at(days[0], 12, 45)) for room in queues]
    blocks.sort(key=lambda block: (block[1].date(), list(queues).index(block[0]), block[1]))
    p.pack(blocks, queues, placed)
    assert not high_level, "the final week is too short for the High-Level Track"
    assert not facilitation, "the final week is too short for the facilitation meetings"
    return placed


def plan_small(planner: Planner, *, virtual_count: int, final_days: list[dt.date]) -> list[Item]:
    """About 30 sessions for a fully virtual edition: weekly virtual sessions, then a final
    week with the High-Level Track in one Zoom room and facilitation meetings in the other."""
    spec, p = planner.spec, planner
    placed = [p.place(p.high_level_item("opening-ceremony"), "zoom-1", p.at(spec.opening, 14))]
    room_times = {1: [("zoom-1", (14, 0))], 3: [("zoom-2", (15, 0))]}
    slots = [
        s for s in p.virtual_slots({1, 3}, room_times, count=virtual_count) if s[0] != spec.opening
    ]
    queue = [p.hackathon_item("kick-off", "lanzamiento")]
    queue += p.forum_queue(
        {
            "country-workshop": 4,
            "training": 2,
            "special-track": 3,
            "knowledge-cafe": 2,
            "exhibition": 1,
        },
        COUNTRY_WORKSHOPS[spec.year % 7 :],
    )
    queue += p.forum_queue({"thematic-workshop": len(slots) - len(queue)}, COUNTRY_WORKSHOPS)
    p.rng.shuffle(queue)
    for (_day, room, start), item in zip(slots, queue, strict=True):
        placed.append(p.place(item, room, start))
    high_level = [
        p.high_level_item("policy-statements", 1),
        p.high_level_item("high-level-dialogue", 1 + spec.year % 5),
        p.high_level_item("ministerial-round-table"),
        p.high_level_item("policy-statements", 2),
        p.high_level_item("high-level-dialogue", 6 + spec.year % 5),
    ]
    last = final_days[-1]
    placed.append(p.place(p.high_level_item("wsis-prizes"), "zoom-1", p.at(last, 14)))
    facilitation = [p.facilitation_item(code) for code in ("C1", "C3", "C5", "C7.4", "C11")]
    queues = {"zoom-1": [high_level], "zoom-2": [facilitation]}
    blocks = [
        (room, p.at(day, *begin), p.at(day, 18))
        for day in final_days
        for room, begin in (("zoom-1", (13, 0)), ("zoom-2", (15, 0)))
    ]
    p.pack(blocks, queues, placed, max_per_block=1)
    return placed


def _write_sessions(
    edition: Edition, items: list[Item], speakers: list[Speaker], organizations
) -> int:
    """Insert the planned sessions the edition lacks (by code), with their links."""
    have = set(Session.objects.filter(edition=edition).values_list("code", flat=True))
    missing = [item for item in items if item.code not in have]
    if not missing:
        return 0
    types = {t.slug: t for t in edition.session_types.all()}
    tracks = {t.slug: t for t in edition.tracks.all()}
    rooms = {r.slug: r for r in edition.rooms.all()}
    Session.objects.bulk_create(
        Session(
            edition=edition,
            code=item.code,
            title_en=item.title_en,
            title_es=item.title_es or None,
            abstract_en=item.abstract_en,
            abstract_es=item.abstract_es or None,
            session_type=types[item.kind],
            track=tracks["high-level" if item.high_level else "forum"],
            room=rooms[item.room],
            starts_at=item.start,
            ends_at=item.end,
            languages=item.languages,
            expected_attendance=item.expected,
            is_public=item.public,
            registration_required=item.kind in {"training", "hackathon"},
        )
        for item in missing
    )
    pks = dict(
        Session.objects.filter(edition=edition, code__in=[i.code for i in missing]).values_list(
            "code", "pk"
        )
    )
    lines = dict(ActionLine.objects.values_list("code", "pk"))
    goals = dict(SDG.objects.values_list("number", "pk"))
    people = {s.index: s.pk for s in speakers}
    Session.action_lines.through.objects.bulk_create(
        Session.action_lines.through(session_id=pks[item.code], actionline_id=lines[code])
        for item in missing
        for code in item.action_lines
    )
    Session.sdgs.through.objects.bulk_create(
        Session.sdgs.through(session_id=pks[item.code], sdg_id=goals[number])
        for item in missing
        for number in item.sdgs
    )
    Session.organizers.through.objects.bulk_create(
        Session.organizers.through(
            session_id=pks[item.code], organization_id=organizations[slug].pk
        )
        for item in missing
        for slug in item.organizers
    )
    SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session_id=pks[item.code], person_id=people[index], role=role, order=order)
        for item in missing
        for order, (index, role) in enumerate(item.speakers)
    )
    return len(missing)
