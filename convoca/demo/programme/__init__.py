"""The WSIS Forum and its 2020, 2021 and 2022 editions, with published programmes.

Dates, formats, themes, co-organizers, tracks and session types come from the seed letters
(CL-20/025 for 2020, "WSIS Forum 2021/01" for 2021, "Foro CMSI 2022" for 2022). Everything
else is invented: session titles and abstracts, ~700 speakers with made-up names from every
ITU region (no real person is named), and their schedules. Programmes are planned in memory
with `random.Random(<year>)`, so every run plans the same sessions under the same codes;
only what is missing is written (bulk inserts, to stay fast), and a programme is published
once. The plan has no conflict at all: no room or speaker is double-booked, no speaker talks
in their local night, no room is too small and nothing falls outside the edition's dates.
"""

import datetime as dt
from collections import defaultdict

from django.db import transaction

from convoca.demo.programme.data import EDITIONS, ROOMS_2022, ROOMS_VIRTUAL, SESSION_TYPES
from convoca.demo.programme.editions import _co_organizers, _edition, _forum, _publish, _structure
from convoca.demo.programme.planner import Planner
from convoca.demo.programme.sessions import _write_sessions, plan_2022, plan_small
from convoca.demo.programme.speakers import _speakers, plan_speakers
from convoca.programme.models import ProgrammeVersion
from convoca.stakeholders.models import Organization
from convoca.taxonomy.models import SDG, ActionLine, ActionLineSDG

__all__ = ["SESSION_TYPES", "build_programme"]


@transaction.atomic
def build_programme(*, secretariat, organizations: dict[str, Organization]) -> dict:
    """The WSIS Forum, its 2020–2022 editions and their published programmes; running it
    again changes nothing. Returns the forum, editions, co-organizers and counts."""
    co_organizers = _co_organizers()
    everyone = {**organizations, **co_organizers}
    forum = _forum(co_organizers)
    lines = {line.code: line for line in ActionLine.objects.all()}
    matrix: dict[str, list[int]] = defaultdict(list)
    for code, number in ActionLineSDG.objects.order_by("sdg__number").values_list(
        "action_line__code", "sdg__number"
    ):
        matrix[code].append(number)
    sdgs = {goal.number: goal for goal in SDG.objects.all()}
    speakers = plan_speakers(everyone)
    _speakers(speakers, everyone)

    editions, counts = {}, {}
    for spec in EDITIONS:
        edition = _edition(spec, forum, co_organizers)
        rooms = ROOMS_2022 if spec.year == 2022 else ROOMS_VIRTUAL
        _structure(edition, rooms)
        if ProgrammeVersion.objects.filter(edition=edition).exists():
            # Built and published by an earlier run, in the same transaction as its sessions.
            _publish(edition, added=0, spec=spec, secretariat=secretariat)
            editions[spec.slug] = edition
            counts[spec.slug] = edition.sessions.count()
            continue
        planner = Planner(
            spec,
            organizations=everyone,
            action_lines=lines,
            sdgs=sdgs,
            matrix=matrix,
            speakers=speakers,
        )
        if spec.year == 2022:
            items = plan_2022(planner)
        else:
            final_days = [
                spec.final_start + dt.timedelta(days=n)
                for n in range((spec.final_end - spec.final_start).days + 1)
            ]
            items = plan_small(planner, virtual_count=20, final_days=final_days)
        planner.assign_speakers(items)
        planner.finish(items, {slug: capacity for slug, _en, _es, _kind, capacity, *_rest in rooms})
        added = _write_sessions(edition, items, speakers, everyone)
        _publish(edition, added=added, spec=spec, secretariat=secretariat)
        edition.refresh_from_db()
        editions[spec.slug] = edition
        counts[spec.slug] = len(items)
    return {
        "forum": forum,
        "editions": editions,
        "co_organizers": co_organizers,
        "sessions": counts,
        "speakers": len(speakers),
    }
