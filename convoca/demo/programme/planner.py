# ruff: noqa: E501  (one row of reference data per line reads better than wrapped tuples)
"""Plans one edition's programme in memory: what sessions, where, when, and who speaks."""

import datetime as dt
import random
import re
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import translation
from django_countries import countries

from convoca.accounts.models import Gender
from convoca.demo.programme.data import (
    ALL_LANGUAGES,
    ANGLES,
    CHANGEOVER,
    CLOSINGS,
    DIALOGUES,
    FACILITATORS,
    FRENCH_SPEAKING,
    GENEVA,
    HIGH_LEVEL_TYPES,
    NIGHT_END,
    POLICY_THEMES,
    REGION_NAMES,
    REGION_OF,
    REGIONS,
    SPECIAL_TRACKS,
    TOPICS,
    TRAININGS,
    TYPE_MINUTES,
    TYPE_PREFIX,
    EditionSpec,
)
from convoca.demo.programme.speakers import (
    Speaker,
)
from convoca.programme.models import (
    SpeakerRole,
)


def _mid(text: str) -> str:
    """Text for mid-sentence: 'Digital skills' → 'digital skills', 'ICT access' unchanged."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


# --- Planning --------------------------------------------------------------------------------


@dataclass
class Item:
    """A session as planned, before it is written."""

    kind: str
    title_en: str
    abstract_en: str
    action_lines: list[str]
    organizers: list[str]
    languages: list[str]
    region: str | None = None
    title_es: str = ""
    abstract_es: str = ""
    minutes: int = 0
    public: bool = True
    code: str = ""
    room: str = ""
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    sdgs: list[int] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)
    expected: int | None = None

    def __post_init__(self):
        self.minutes = self.minutes or TYPE_MINUTES[self.kind]

    @property
    def high_level(self) -> bool:
        return self.kind in HIGH_LEVEL_TYPES


class Planner:
    """Plans one edition's programme: what sessions, where, when, and who speaks."""

    def __init__(self, spec: EditionSpec, *, organizations, action_lines, sdgs, matrix, speakers):
        self.spec = spec
        self.sdgs = sdgs  # number -> SDG
        self.rng = random.Random(spec.year)  # noqa: S311 (demo data, not security)
        self.organizations = organizations  # slug -> Organization (demo ones)
        self.action_lines = action_lines  # code -> ActionLine
        self.matrix = matrix  # code -> [SDG numbers]
        self.speakers = speakers
        self.titles: set[str] = set()
        self.by_region = defaultdict(list)
        for slug, organization in organizations.items():
            region = REGION_OF.get(str(organization.country))
            if region:
                self.by_region[region].append(slug)
        self.label_en = f"WSIS Forum {spec.year}"
        self.label_es = f"Foro de la CMSI {spec.year}"

    # Content ---------------------------------------------------------------------------------

    def _languages(self, region: str | None, country: str, spanish: bool) -> list[str]:
        rng = self.rng
        if spanish:
            return ["es"] if rng.random() < 0.5 else ["es", "en"]
        if region == "ARB" and rng.random() < 0.35:
            return ["ar", "en"]
        if region == "CIS" and rng.random() < 0.35:
            return ["ru", "en"]
        if country == "CN" or (region == "ASP" and rng.random() < 0.08):
            return ["zh-hans", "en"]
        if country in FRENCH_SPEAKING and rng.random() < 0.5:
            return ["fr", "en"]
        return ["en"]

    def _unique(self, title: str) -> bool:
        if title in self.titles:
            return False
        self.titles.add(title)
        return True

    def _abstract(self, lead_en, lead_es, lines, organizers):
        code = lines[0]
        line = self.action_lines[code]
        sdg = self.rng.choice(self.matrix[code]) if self.matrix.get(code) else None
        closing_en, closing_es = self.rng.choice(CLOSINGS)
        names = ", ".join(
            self.organizations[s].name if s in self.organizations else s.upper() for s in organizers
        )
        text_en = f"{lead_en} Organized by {names}. It discusses how WSIS Action Line {code} ({line.name_en}) "
        text_es = f"{lead_es} Organizado por {names}. Examina cómo la Línea de Acción {code} de la CMSI ({line.name_es or line.name_en}) "
        if sdg is not None:
            goal = self.sdgs[sdg]
            text_en += f"can speed up progress on SDG {sdg} ({goal.name_en})."
            text_es += (
                f"puede acelerar los avances hacia el ODS {sdg} ({goal.name_es or goal.name_en})."
            )
        else:
            text_en += "can speed up progress on the SDGs."
            text_es += "puede acelerar los avances hacia los ODS."
        return f"{text_en} {closing_en}", f"{text_es} {closing_es}", [sdg] if sdg else []

    def _organizers(self, region: str, country: str = "") -> list[str]:
        rng = self.rng
        local = [
            s
            for s in self.by_region[region]
            if not country or str(self.organizations[s].country) == country
        ]
        first = rng.choice(local or self.by_region[region] or ["itu"])
        chosen = [first]
        if rng.random() < 0.35:
            other = rng.choice(sorted(self.organizations))
            if other != first:
                chosen.append(other)
        return chosen

    def forum_item(self, kind: str, *, country: str = "") -> Item:
        """A Forum Track session of `kind` with an invented, unique title."""
        rng = self.rng
        region = REGION_OF[country] if country else rng.choice(sorted(REGIONS))
        region_en, region_es = REGION_NAMES[region]
        while True:
            if kind == "training":
                en, es, lines = rng.choice(TRAININGS)
                title_en, title_es = f"Training: {en}", f"Formación: {es}"
                if not self._unique(title_en):
                    title_en, title_es = f"{title_en} ({region_en})", f"{title_es} ({region_es})"
                    if not self._unique(title_en):
                        continue
                lead_en = "A hands-on training: participants practise with tools and templates they can reuse at home."
                lead_es = "Una formación práctica: los participantes trabajan con herramientas y modelos que pueden reutilizar en sus países."
                break
            if kind == "special-track":
                track_en, track_es, lines, subjects = rng.choice(SPECIAL_TRACKS)
                t_en, t_es = rng.choice(subjects)
                title_en, title_es = (
                    f"Special track on {track_en}: {_mid(t_en)}",
                    f"Serie especial sobre {_mid(track_es)}: {_mid(t_es)}",
                )
                if not self._unique(title_en):
                    title_en, title_es = f"{title_en} ({region_en})", f"{title_es} ({region_es})"
                    if not self._unique(title_en):
                        continue
                lead_en = f"Part of the special track on {_mid(track_en)}, this session looks at {_mid(t_en)}."
                lead_es = f"En el marco de la serie especial sobre {_mid(track_es)}, esta sesión examina {_mid(t_es)}."
                break
            t_en, t_es, lines = rng.choice(TOPICS)
            if kind == "country-workshop":
                with translation.override("en"):
                    name_en = str(countries.name(country))
                with translation.override("es"):
                    name_es = str(countries.name(country))
                title_en, title_es = (
                    f"Country workshop: {name_en} — {_mid(t_en)}",
                    f"Taller de país: {name_es} — {_mid(t_es)}",
                )
                lead_en = f"The country workshop presents the national experience of {name_en} with {_mid(t_en)}."
                lead_es = f"El taller de país presenta la experiencia nacional de {name_es} en materia de {_mid(t_es)}."
            elif kind == "knowledge-cafe":
                title_en, title_es = (
                    f"Knowledge café: {_mid(t_en)}",
                    f"Café del conocimiento: {_mid(t_es)}",
                )
                lead_en = f"An informal knowledge café: small groups rotate between tables to swap ideas on {_mid(t_en)}."
                lead_es = f"Un café del conocimiento informal: pequeños grupos rotan entre mesas para intercambiar ideas sobre {_mid(t_es)}."
            elif kind == "exhibition":
                title_en, title_es = (
                    f"Exhibition spotlight: {_mid(t_en)}",
                    f"Exposición: {_mid(t_es)}",
                )
                lead_en = (
                    f"A guided visit of the exhibition stands that show projects on {_mid(t_en)}."
                )
                lead_es = f"Una visita guiada a los stands de la exposición con proyectos sobre {_mid(t_es)}."
            else:
                angle_en, angle_es = rng.choice(ANGLES)
                title_en = angle_en.format(t=t_en, r=region_en)
                title_es = angle_es.format(t=t_es, r=region_es)
                lead_en = f"This workshop looks at {_mid(t_en)}, with speakers from {region_en} and beyond."
                lead_es = f"Este taller examina {_mid(t_es)}, con oradores de {region_es} y de otras regiones."
            if self._unique(title_en):
                break
        organizers = self._organizers(region, country)
        spanish_speaking = region == "AMS" and country not in {"US", "JM", "CA", "BR"}
        in_spanish = spanish_speaking and rng.random() < 0.5
        translated = in_spanish or rng.random() < 0.2
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, organizers)
        return Item(
            kind=kind,
            title_en=title_en,
            abstract_en=abstract_en,
            title_es=title_es if translated else "",
            abstract_es=abstract_es if translated else "",
            action_lines=lines,
            organizers=organizers,
            languages=self._languages(region, country, in_spanish),
            region=region,
            sdgs=sdgs,
        )

    def high_level_item(self, kind: str, number: int = 0) -> Item:
        """A High-Level Track session: always in the six languages and in Spanish too."""
        rng = self.rng
        organizers = ["itu"]
        if kind == "opening-ceremony":
            if number:
                title_en, title_es = (
                    f"Opening ceremony of the {self.label_en} final week",
                    f"Ceremonia de apertura de la semana final del {self.label_es}",
                )
            else:
                title_en, title_es = (
                    f"Opening of the {self.label_en}",
                    f"Apertura del {self.label_es}",
                )
            lead_en = f"The official opening of the {self.label_en}, by its co-organizers ITU, UNESCO, UNCTAD and UNDP. Theme: {self.spec.theme_en}."
            lead_es = f"Apertura oficial del {self.label_es} por sus coorganizadores, la UIT, la UNESCO, la UNCTAD y el PNUD. Tema: {self.spec.theme_es}."
            lines, organizers = ["C1", "C11"], ["itu", "unesco", "unctad", "undp"]
        elif kind == "policy-statements":
            en, es, lines = POLICY_THEMES[(number - 1) % len(POLICY_THEMES)]
            title_en, title_es = (
                f"High-Level Policy Session {number}: {en}",
                f"Sesión de Política de Alto Nivel {number}: {es}",
            )
            lead_en = f"Ministers and heads of delegation deliver policy statements on {_mid(en)}."
            lead_es = f"Ministros y jefes de delegación pronuncian declaraciones de política sobre {_mid(es)}."
        elif kind == "high-level-dialogue":
            en, es, lines = DIALOGUES[(number - 1) % len(DIALOGUES)]
            title_en, title_es = f"High-level dialogue: {en}", f"Diálogo de alto nivel: {es}"
            lead_en = f"An interactive dialogue between high-level representatives of all stakeholders on {_mid(en)}."
            lead_es = f"Un diálogo interactivo entre representantes de alto nivel de todas las partes interesadas sobre {_mid(es)}."
            organizers = ["itu", rng.choice(["unesco", "unctad", "undp"])]
        elif kind == "wsis-prizes":
            title_en, title_es = (
                f"WSIS Prizes {self.spec.year} ceremony",
                f"Ceremonia de entrega de los Premios CMSI {self.spec.year}",
            )
            lead_en = f"The winners and champions of the WSIS Prizes {self.spec.year} are announced and celebrated."
            lead_es = f"Se anuncian y celebran los ganadores y campeones de los Premios CMSI {self.spec.year}."
            lines = ["C11", "C1"]
        else:
            title_en, title_es = (
                f"Ministerial round table: {self.spec.theme_en.split(':')[0].split(' (')[0]}",
                f"Mesa redonda ministerial: {self.spec.theme_es.split(':')[0].split(' (')[0]}",
            )
            lead_en = f"Ministers discuss the Forum's theme: {self.spec.theme_en}."
            lead_es = f"Los ministros debaten sobre el tema del Foro: {self.spec.theme_es}."
            lines = ["C1", "C6", "C11"]
        self.titles.add(title_en)
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, organizers)
        return Item(
            kind=kind,
            title_en=title_en,
            title_es=title_es,
            abstract_en=abstract_en,
            abstract_es=abstract_es,
            action_lines=lines,
            organizers=organizers,
            languages=list(ALL_LANGUAGES),
            sdgs=sdgs,
        )

    def facilitation_item(self, code: str) -> Item:
        line = self.action_lines[code]
        lines = [code, code.split(".")[0]] if "." in code else [code]
        title_en = f"Action Line {code} facilitation meeting: {line.name_en}"
        title_es = (
            f"Reunión de facilitación de la Línea de Acción {code}: {line.name_es or line.name_en}"
        )
        lead_en = f"The annual facilitation meeting of Action Line {code} reviews progress since the last Forum, emerging trends and the priorities of its facilitators and stakeholders."
        lead_es = f"La reunión anual de facilitación de la Línea de Acción {code} examina los avances desde el último Foro, las nuevas tendencias y las prioridades de sus facilitadores y partes interesadas."
        self.titles.add(title_en)
        organizers = FACILITATORS[code]
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, organizers)
        return Item(
            kind="action-line-facilitation",
            title_en=title_en,
            title_es=title_es,
            abstract_en=abstract_en,
            abstract_es=abstract_es,
            action_lines=lines,
            organizers=organizers,
            languages=["en", "fr", "es"],
            code=f"alf-{code.lower().replace('.', '-')}",
            sdgs=sdgs,
        )

    def hackathon_item(self, step_en: str, step_es: str, minutes: int = 0) -> Item:
        theme_en, theme_es = ("ICTs and older persons", "TIC y personas de edad avanzada")
        title_en, title_es = (
            f"WSIS Hackathon {self.spec.year}: {theme_en} — {step_en}",
            f"Hackatón de la CMSI {self.spec.year}: {theme_es} — {step_es}",
        )
        self.titles.add(title_en)
        lead_en = "Teams design prototypes that help older persons use digital services safely and with confidence."
        lead_es = "Los equipos diseñan prototipos que ayudan a las personas de edad avanzada a utilizar los servicios digitales con seguridad y confianza."
        lines = ["C3", "C4", "C10"]
        abstract_en, abstract_es, sdgs = self._abstract(lead_en, lead_es, lines, ["itu"])
        return Item(
            kind="hackathon",
            title_en=title_en,
            title_es=title_es,
            abstract_en=abstract_en,
            abstract_es=abstract_es,
            action_lines=lines,
            organizers=["itu"],
            languages=["en"],
            minutes=minutes,
            sdgs=sdgs,
        )

    def forum_queue(self, counts: dict[str, int], countries_cycle: list[str]) -> list[Item]:
        items = []
        turn = 0
        for kind, count in counts.items():
            for _n in range(count):
                if kind == "country-workshop":
                    items.append(
                        self.forum_item(kind, country=countries_cycle[turn % len(countries_cycle)])
                    )
                    turn += 1
                else:
                    items.append(self.forum_item(kind))
        self.rng.shuffle(items)
        return items

    # Time --------------------------------------------------------------------------------------

    @staticmethod
    def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=GENEVA)

    def place(self, item: Item, room: str, start: dt.datetime) -> Item:
        item.room, item.start = room, start
        item.end = start + dt.timedelta(minutes=item.minutes)
        return item

    def virtual_slots(self, weekdays, room_times, *, count: int | None = None):
        """(day, room, start) for every virtual week before the final week, evenly thinned
        to `count` when given."""
        slots = []
        day = self.spec.opening
        while day < self.spec.final_start:
            if day.weekday() in weekdays:
                for room, (hour, minute) in room_times.get(day.weekday(), []):
                    slots.append((day, room, self.at(day, hour, minute)))
            day += dt.timedelta(days=1)
        if count is not None and count < len(slots):
            step = len(slots) / count
            slots = [slots[int(i * step)] for i in range(count)]
        return slots

    def pack(self, blocks, queues, placed, *, max_per_block=99):
        """Fill free (room, start, end) blocks in order with the first queued item that fits,
        leaving a changeover between sessions. `queues` maps a room to the lists it draws from."""
        busy = defaultdict(list)
        for item in placed:
            busy[item.room].append((item.start, item.end + CHANGEOVER))
        for room, start, end in blocks:
            cursor, count = start, 0
            while count < max_per_block:
                cursor = self._after_busy(busy[room], cursor)
                following = min((b for b, _e in busy[room] if b >= cursor), default=None)
                limit = end if following is None else min(end, following - CHANGEOVER)
                chosen = None
                for queue in queues[room]:
                    for index, item in enumerate(queue):
                        if cursor + dt.timedelta(minutes=item.minutes) <= limit:
                            chosen = queue.pop(index)
                            break
                    if chosen:
                        break
                if chosen is None:
                    if following is not None and following < end:
                        cursor = following  # a fixed session sits here: try after it
                        continue
                    break
                placed.append(self.place(chosen, room, cursor))
                busy[room].append((chosen.start, chosen.end + CHANGEOVER))
                cursor, count = chosen.end + CHANGEOVER, count + 1
        return placed

    @staticmethod
    def _after_busy(intervals, cursor):
        moved = True
        while moved:
            moved = False
            for start, end in intervals:
                if start <= cursor < end:
                    cursor, moved = end, True
        return cursor

    # People -------------------------------------------------------------------------------------

    def assign_speakers(self, items: list[Item]) -> None:
        """2–5 speakers per session, nobody in two places at once or speaking in their night;
        everyone speaks once before anyone speaks twice, and panels include a woman."""
        rng = self.rng
        uses: dict[int, int] = defaultdict(int)
        busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
        awake_cache: dict[tuple[str, dt.datetime, dt.datetime], bool] = {}
        for item in sorted(items, key=lambda i: (i.start, i.room)):

            def available(person, item=item):
                key = (person.zone, item.start, item.end)
                if key not in awake_cache:
                    awake_cache[key] = _awake(item.start, item.end, person.zone)
                return awake_cache[key] and all(
                    item.start >= end or item.end <= start for start, end in busy[person.index]
                )

            def ranked(people, item=item):
                keyed = [
                    (uses[p.index], p.region != item.region, rng.random(), p.index, p)
                    for p in people
                    if available(p)
                ]
                return [row[-1] for row in sorted(keyed)]

            everyone = ranked(self.speakers)
            if item.high_level:
                main_role, pool = (
                    SpeakerRole.HIGH_LEVEL_SPEAKER,
                    ranked([p for p in self.speakers if p.high_level]),
                )
                main_count = 2 if item.kind == "wsis-prizes" else rng.randint(2, 4)
                rapporteur = False
            else:
                main_role, pool = SpeakerRole.SPEAKER, everyone
                main_count = {"training": rng.randint(1, 2), "exhibition": 1, "hackathon": 2}.get(
                    item.kind, rng.randint(1, 3)
                )
                rapporteur = (
                    item.kind
                    in {
                        "thematic-workshop",
                        "action-line-facilitation",
                        "special-track",
                        "country-workshop",
                    }
                    and rng.random() < 0.35
                )
            chosen: list[tuple[Speaker, str]] = []
            taken: set[int] = set()

            def take(people, role, taken=taken, chosen=chosen):
                for person in people:
                    if person.index not in taken:
                        taken.add(person.index)
                        chosen.append((person, role))
                        return person
                return None

            take(everyone, SpeakerRole.MODERATOR)
            for _n in range(main_count):
                take(pool, main_role)
            if rapporteur:
                take(everyone, SpeakerRole.RAPPORTEUR)
            if len(chosen) >= 3 and not any(p.gender == Gender.WOMAN for p, _r in chosen):
                women = [p for p in pool if p.gender == Gender.WOMAN and p.index not in taken]
                if women:
                    index = next(i for i, (_p, r) in enumerate(chosen) if r == main_role)
                    taken.discard(chosen[index][0].index)
                    chosen[index] = (women[0], main_role)
                    taken.add(women[0].index)
            assert 2 <= len(chosen) <= 5, item.title_en
            for person, _role in chosen:
                uses[person.index] += 1
                busy[person.index].append((item.start, item.end))
            item.speakers = [(person.index, role) for person, role in chosen]

    # Finishing ------------------------------------------------------------------------------------

    def finish(self, items: list[Item], rooms: dict[str, int | None]) -> list[Item]:
        """Codes in time order per type, SDGs from the WSIS–SDG Matrix, expected attendance
        within the room's capacity."""
        rng = self.rng
        items.sort(key=lambda i: (i.start, i.room))
        numbers: dict[str, int] = defaultdict(int)
        for item in items:
            if not item.code:
                prefix = TYPE_PREFIX[item.kind] if item.public else "internal"
                numbers[prefix] += 1
                item.code = f"{prefix}-{numbers[prefix]:02d}"
                if item.kind == "policy-statements":  # numbered in the order they are held
                    n = numbers[prefix]
                    item.title_en = re.sub(r"Session \d+", f"Session {n}", item.title_en)
                    item.title_es = re.sub(r"Alto Nivel \d+", f"Alto Nivel {n}", item.title_es)
            goals = sorted(
                {n for code in item.action_lines for n in self.matrix.get(code, [])}
                - set(item.sdgs)
            )
            extra = rng.sample(goals, min(len(goals), rng.randint(0, 2)))
            item.sdgs = sorted(set(item.sdgs) | set(extra)) or sorted(goals[:1])
            capacity = rooms[item.room]
            if capacity:
                item.expected = max(10, int(capacity * rng.uniform(0.45, 0.95)))
            else:
                item.expected = rng.randrange(40, 420, 10)
        assert len({i.code for i in items}) == len(items)
        return items


def _awake(start: dt.datetime, end: dt.datetime, zone_name: str) -> bool:
    """Not the speaker's night (00:00–06:00 local), as convoca.programme.conflicts judges it."""
    zone = zoneinfo.ZoneInfo(zone_name)
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    if local_start.time() < NIGHT_END:
        return False
    return not (local_end.date() > local_start.date() and local_end.time() > dt.time(0, 0))
