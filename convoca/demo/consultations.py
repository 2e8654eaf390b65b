# ruff: noqa: E501  (one row of demo data per line reads better than wrapped tuples)
"""The open consultation for the WSIS Forum 2022, from the seed letter "Foro CMSI 2022" (Geneva,
16 August 2021), and one consultation whose calls are open now, so a visitor can submit.

From the seed: the five phases with their dates, hours and time zones (I: 19 August 2021,
14.00–15.00 CEST, virtual launch; II: 8 December 2021, 13.50–14.50 CET, open forum in Katowice
during the IGF 2021, in person and online; III: 31 January 2022, 14.00–15.00 CET; IV: 7 March
2022, 14.00–15.00 CET, deadline for official contributions and binding workshop requests;
V: 2 May 2022, 14.00–15.00 CEST), their Spanish titles, the calls (contributions on themes and
format, binding workshop requests, High-Level Track facilitator nominations), the inputs from
regional and national events and remote participation in every meeting. Invented: the English
wording, outcome summaries, online links, questionnaires, review criteria, every submission,
speaker, review and event, and the facilitator call's deadline (the letter gives none). Seed 002
asks stakeholders to name women speakers ("alentamos"): the 2022 workshop call warns about a
proposal without one, so some have none; the open demo call refuses them.

Past submissions and reviews are written with bulk inserts and their historical dates (the
services would stamp them now and refuse a closed call); the open call's submissions go through
`convoca.consultations.services`. Everything is looked up before it is made, so running the demo
again changes nothing.
"""

import datetime as dt
import random
import zoneinfo
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from convoca.accounts.models import Gender, User
from convoca.consultations import review, services
from convoca.consultations.models import (
    Call,
    CallKind,
    CallState,
    Consultation,
    EventInput,
    Phase,
    PhaseDocument,
    PhaseKind,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    Score,
    Submission,
    SubmissionSpeaker,
    SubmissionState,
)
from convoca.core.models import CountryRegion, Region
from convoca.demo.programme.data import ANGLES, REGION_NAMES, REGIONS, TOPICS
from convoca.programme.models import Edition, EditionFormat, Session
from convoca.questionnaires.services import build_questionnaire
from convoca.stakeholders.models import Organization, Person, Role
from convoca.stakeholders.services import grant_role
from convoca.taxonomy.models import SDG, ActionLine, ActionLineSDG

ZURICH = zoneinfo.ZoneInfo("Europe/Zurich")
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
SLUG = "wsis-forum-2022"
EDITION_SLUG = "wsis-forum-2022"
NEXT_SLUG = "wsis-forum-next-demo"
DEMO_REVIEWER = "reviewer@demo.convoca.example"
SPANISH_SPEAKING = {"CO", "PE", "MX", "ES"}


def at(year, month, day, hour, minute=0, zone=ZURICH) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=zone)


LAUNCH = at(2021, 8, 19, 14)  # Phase I, CEST
DEADLINE = at(2022, 3, 7, 14)  # Phase IV, CET: contributions and binding workshop requests

CONSULTATION = {
    "title_en": "Open consultation process on the themes and format of the WSIS Forum 2022",
    "title_es": "Proceso de consultas abiertas sobre los temas y el formato del Foro de la CMSI de 2022",
    "description_en": "The WSIS Forum is the only event of its kind whose programme and agenda are defined through a crowdsourcing consultation. Governments, civil society, the private sector, academia, the technical community and regional and international organizations take part in its preparation, to ensure broad ownership and further improve the Forum. The WSIS Forum 2022 will focus on ICTs for well-being, inclusion and resilience: WSIS cooperation for accelerating progress on the SDGs. The process also collects inputs from regional and national WSIS-related events, and remote participation is provided for every physical meeting.",
    "description_es": "El Foro de la CMSI es el único evento de esta índole cuyo programa y orden del día se definen a través de un proceso de consulta popular. En el marco de este Proceso, los Gobiernos, la sociedad civil, el sector privado, las instituciones académicas, la comunidad técnica y las organizaciones regionales e internacionales participan activamente en los preparativos, a fin de garantizar una amplia adhesión y seguir perfeccionando el Foro. El Foro de la CMSI de 2022 se centrará en las TIC para el bienestar, la inclusión y la resiliencia, con un énfasis especial en la cooperación de la CMSI para acelerar la consecución de los ODS. El Proceso de consultas abiertas incluirá una recopilación de contribuciones procedentes de eventos regionales y nacionales relacionados con la CMSI y se tomarán disposiciones para permitir la participación a distancia en todas las reuniones presenciales de dicho Proceso.",
}

# (number, kind, starts, ends, time zone where not the consultation's, venue, online link,
#  title en, title es, description en, description es, outcome en, outcome es)
PHASES = [
    (1, PhaseKind.LAUNCH, LAUNCH, at(2021, 8, 19, 15), "", "", "https://meet.example.org/wsis-forum-2022/phase-1",
     "Launch of the open consultation process (virtual opening, for all stakeholders)",
     "Inicio de las consultas abiertas (apertura virtual, para todas las partes interesadas)",
     "Launch of the WSIS Forum 2022 website for official submissions on thematic and innovative aspects of the format (www.wsis.org/forum); opening of the call for nominations of the High-Level Track facilitators of the WSIS Forum 2022; presentation of the WSIS 2022 Photo Contest.",
     "Lanzamiento del sitio web del Foro de la CMSI de 2022 para la presentación de contribuciones oficiales sobre aspectos temáticos e innovadores relacionados con el formato (www.wsis.org/forum); apertura de la convocatoria de candidaturas al puesto de Facilitador de la vía de alto nivel de múltiples partes interesadas del Foro de la CMSI de 2022; presentación del Concurso Fotográfico de la CMSI de 2022.",
     "Some 300 participants followed the online launch. The calls for official contributions and for High-Level Track facilitators opened the same day.",
     "Unas 300 personas siguieron la apertura en línea. Las convocatorias de contribuciones oficiales y de facilitadores de la vía de alto nivel se abrieron ese mismo día."),
    (2, PhaseKind.OPEN_FORUM, at(2021, 12, 8, 13, 50, WARSAW), at(2021, 12, 8, 14, 50, WARSAW), "Europe/Warsaw", "Katowice, Poland (IGF 2021)", "https://meet.example.org/wsis-forum-2022/phase-2",
     "1st meeting: Open Forum on the implementation of the WSIS Action Lines and the WSIS Forum (during the IGF 2021)",
     "1ª reunión virtual: Foro Abierto sobre la aplicación de las Líneas de Acción de la CMSI y el Foro de la CMSI (durante el FGI de 2021)",
     "An open forum held in Katowice, Poland, during the Internet Governance Forum 2021, in person and online.",
     "Foro abierto celebrado en Katowice (Polonia) durante el Foro para la Gobernanza de Internet de 2021, de manera presencial y virtual.",
     "Participants in Katowice and online asked for a hybrid Forum, more space for regional voices and a thematic focus on well-being and resilience.",
     "Los participantes, en Katowice y en línea, pidieron un Foro híbrido, más espacio para las voces regionales y un enfoque temático en el bienestar y la resiliencia."),
    (3, PhaseKind.CONSULTATION_MEETING, at(2022, 1, 31, 14), at(2022, 1, 31, 15), "", "ITU Headquarters, Geneva", "https://meet.example.org/wsis-forum-2022/phase-3",
     "2nd virtual/physical meeting", "2ª reunión virtual/presencial",
     "Second open consultation meeting, in Geneva and online.", "Segunda reunión de consulta abierta, en Ginebra y en línea.",
     "The first draft of the agenda was discussed: two tracks, a hybrid final week and thematic workshops on the themes most requested in the contributions.",
     "Se debatió el primer proyecto de orden del día: dos vías, una semana final híbrida y talleres temáticos sobre los temas más solicitados en las contribuciones."),
    (4, PhaseKind.DEADLINE, DEADLINE, at(2022, 3, 7, 15), "", "", "",
     "Deadline for official submissions and binding workshop requests",
     "Fecha límite para la presentación de contribuciones oficiales y solicitudes vinculantes para talleres",
     "", "",
     "The calls closed at 14:00 CET; the secretariat and the reviewers began assessing the workshop requests.",
     "Las convocatorias se cerraron a las 14.00 horas CET; la Secretaría y los evaluadores empezaron a examinar las solicitudes de talleres."),
    (5, PhaseKind.CONSULTATION_MEETING, at(2022, 5, 2, 14), at(2022, 5, 2, 15), "", "ITU Headquarters, Geneva", "https://meet.example.org/wsis-forum-2022/phase-5",
     "3rd virtual/physical meeting", "3ª reunión virtual/presencial",
     "Third open consultation meeting: the agenda of the final week.", "Tercera reunión de consulta abierta: el orden del día de la semana final.",
     "The agenda of the final week (30 May – 3 June 2022) was presented with the accepted workshops.",
     "Se presentó el orden del día de la semana final (30 de mayo – 3 de junio de 2022) con los talleres aceptados."),
]  # fmt: skip

UN_LANGUAGES = [("ar", "Arabic", "Árabe"), ("zh-hans", "Chinese", "Chino"), ("en", "English", "Inglés"), ("fr", "French", "Francés"), ("ru", "Russian", "Ruso"), ("es", "Spanish", "Español")]  # fmt: skip
LANGUAGE_CHOICES = [{"value": v, "label": {"en": en, "es": es}} for v, en, es in UN_LANGUAGES]
STAKEHOLDER_CHOICES = [
    {"value": v, "label": {"en": en, "es": es}}
    for v, en, es in [("government", "Government", "Gobierno"), ("private_sector", "Private sector", "Sector privado"), ("civil_society", "Civil society", "Sociedad civil"), ("academia", "Academia / technical community", "Instituciones académicas / comunidad técnica"), ("international_organization", "International organization", "Organización internacional")]
]  # fmt: skip
SESSION_FORMATS = [("panel", "Panel", "Panel"), ("roundtable", "Round table", "Mesa redonda"), ("interactive", "Interactive workshop", "Taller interactivo"), ("training", "Training", "Formación")]  # fmt: skip


def q(key, kind, en, es, required=False, **extra) -> dict:
    return {"key": key, "kind": kind, "label": {"en": en, "es": es}, "required": required, **extra}


QUESTIONS = {
    CallKind.CONTRIBUTION: [
        q("stakeholder_type", "choice", "You contribute as", "Contribuye en calidad de", True, choices=STAKEHOLDER_CHOICES),
        q("themes", "long_text", "Themes you propose for the Forum", "Temas que propone para el Foro", True, max_length=4000),
        q("format", "long_text", "Innovative aspects of the format", "Aspectos innovadores relacionados con el formato", max_length=4000),
        q("publish", "consent", "I agree that this contribution is published", "Acepto que se publique esta contribución", True),
    ],
    CallKind.WORKSHOP: [
        q("abstract", "long_text", "Abstract of the workshop", "Resumen del taller", True, max_length=3000),
        q("session_format", "choice", "Format of the session", "Formato de la sesión", True, choices=[{"value": v, "label": {"en": en, "es": es}} for v, en, es in SESSION_FORMATS]),
        q("language", "choice", "Working language", "Idioma de trabajo", True, choices=LANGUAGE_CHOICES),
        q("expected_outcome", "long_text", "Expected outcome", "Resultado esperado", max_length=2000),
        q("binding", "consent", "This request is binding: if it is accepted, we organize the workshop", "Esta solicitud es vinculante: si se acepta, organizaremos el taller", True),
    ],
    CallKind.FACILITATOR: [
        q("nominee_name", "text", "Name of the nominee", "Nombre de la persona propuesta", True),
        q("nominee_position", "text", "Position of the nominee", "Cargo de la persona propuesta", True),
        q("nominee_country", "country", "Country of the nominee", "País de la persona propuesta", True),
        q("nominee_email", "email", "Email address of the nominee", "Correo-e de la persona propuesta", True),
        q("experience", "long_text", "Experience in facilitating high-level multistakeholder dialogues", "Experiencia en la facilitación de diálogos de alto nivel de múltiples partes interesadas", True),
        q("languages", "multiple_choice", "Languages the nominee facilitates in", "Idiomas en los que facilitaría", choices=LANGUAGE_CHOICES),
    ],
}  # fmt: skip

# (English, Spanish, weight)
CRITERIA = {
    CallKind.CONTRIBUTION: [("Relevance to the theme of the Forum", "Pertinencia para el tema del Foro", "1"), ("Originality of the proposals", "Originalidad de las propuestas", "1")],
    CallKind.WORKSHOP: [("Relevance to the WSIS Action Lines and the SDGs", "Pertinencia para las Líneas de Acción de la CMSI y los ODS", "2"), ("Multistakeholder and gender-balanced speakers", "Oradores de múltiples partes interesadas y equilibrio de género", "1.5"), ("Innovation of the format", "Innovación del formato", "1"), ("Feasibility", "Viabilidad", "1")],
    CallKind.FACILITATOR: [("Experience of high-level facilitation", "Experiencia en la facilitación de alto nivel", "2"), ("Knowledge of the WSIS process", "Conocimiento del proceso de la CMSI", "1"), ("Regional and gender balance", "Equilibrio regional y de género", "1")],
}  # fmt: skip

# (kind, slug, title en, title es, opens, closes, state, binding, gender rule blocks, limit per organization, states and counts)
CALLS_2022 = [
    (CallKind.CONTRIBUTION, "wsis-forum-2022-contributions", "Official contributions on the themes and format of the WSIS Forum 2022", "Contribuciones oficiales sobre los temas y el formato del Foro de la CMSI de 2022", LAUNCH, DEADLINE, CallState.CLOSED, False, False, None,
     {"draft": 10, "withdrawn": 5, "submitted": 25, "under_review": 30, "accepted": 50, "rejected": 20}),
    (CallKind.WORKSHOP, "wsis-forum-2022-workshops", "Binding workshop requests for the WSIS Forum 2022", "Solicitudes vinculantes para talleres del Foro de la CMSI de 2022", LAUNCH, DEADLINE, CallState.CLOSED, True, False, None,
     {"draft": 12, "withdrawn": 8, "submitted": 20, "under_review": 40, "accepted": 44, "rejected": 30, "scheduled": 6}),
    # The letter opens this call at Phase I and gives no deadline: 31 January 2022 is invented.
    (CallKind.FACILITATOR, "wsis-forum-2022-hlt-facilitators", "Nominations for High-Level Track facilitators of the WSIS Forum 2022", "Candidaturas al puesto de Facilitador de la vía de alto nivel del Foro de la CMSI de 2022", LAUNCH, at(2022, 1, 31, 14), CallState.DECIDED, False, False, 1,
     {"draft": 3, "withdrawn": 2, "accepted": 5, "rejected": 20}),
]  # fmt: skip

# (event, date, city, country, ITU region, organizer slug, action lines, outcome)
EVENTS = [
    ("WSIS Regional Dialogue for Africa (demo)", dt.date(2021, 10, 14), "Nairobi", "KE", "AFR", "ke-ministry-digital", ["C2", "C4"], "Affordable access and digital skills come first; participants asked the Forum for a session on financing rural broadband."),
    ("Foro Nacional de la CMSI, Colombia (demo)", dt.date(2021, 11, 9), "Bogotá", "CO", "AMS", "co-agencia-conectividad", ["C1", "C3"], "Se pidió al Foro un espacio sobre conectividad rural significativa y acceso a la información pública en lenguas indígenas."),
    ("CIS Regional Forum on the Information Society (demo)", dt.date(2021, 11, 24), "Almaty", "KZ", "CIS", "kz-digital-development", ["C4", "C6"], "Digital skills of civil servants and an enabling environment for small providers were the two priorities."),
    ("Arab Regional WSIS Consultation (demo)", dt.date(2021, 12, 1), "Cairo", "EG", "ARB", "eg-digital-authority", ["C5", "C7.1"], "Trust in e-government services and Arabic content online should be themes of the Forum."),
    ("Asia-Pacific WSIS Stakeholder Meeting (demo)", dt.date(2022, 1, 20), "Suva", "FJ", "ASP", "fj-ministry-communications", ["C7.6", "C11"], "Small island States asked for a focus on climate resilience, disaster communications and regional cooperation."),
    ("European Youth Consultation on WSIS (demo)", dt.date(2022, 2, 3), "Madrid", "ES", "EUR", "seniors-online", ["C4", "C10"], "Young and older participants together asked for intergenerational digital skills and ethical AI."),
    ("Foro Regional de Redes Comunitarias (demo)", dt.date(2022, 2, 15), "Oaxaca", "MX", "AMS", "redes-comunitarias", ["C2", "C8"], "Las redes comunitarias necesitan espectro asequible y contenidos locales; se propuso un taller para el Foro."),
    ("Pacific Digital Resilience Roundtable (demo)", dt.date(2022, 2, 24), "Apia", "WS", "ASP", "pacific-islands-ict", ["C2", "C5"], "Submarine cable redundancy and cybersecurity capacity were the main asks to the Forum."),
]  # fmt: skip

REVIEWERS = [("Ngozi", "Eze", "NG"), ("Camila", "Rojas", "CL"), ("Hamid", "Qureshi", "PK"), ("Elena", "Vasquez", "ES"), ("Tomasz", "Nowak", "PL")]  # fmt: skip
NOTES = {
    "accepted": ("Accepted. The secretariat will contact you to schedule the session.", "Aceptada. La Secretaría se pondrá en contacto con usted para programar la sesión."),
    "rejected": ("Not retained this year: many proposals covered the same theme. Thank you for contributing.", "No se ha retenido este año: muchas propuestas trataban el mismo tema. Gracias por su contribución."),
}  # fmt: skip


def _questionnaire(kind: str, slug: str):
    return build_questionnaire(name=slug, questions=QUESTIONS[kind])


def _criteria(call: Call) -> list[ReviewCriterion]:
    if not call.criteria.exists():
        ReviewCriterion.objects.bulk_create(
            ReviewCriterion(call=call, position=n, name_en=en, name_es=es, name=en, weight=Decimal(weight))
            for n, (en, es, weight) in enumerate(CRITERIA[call.kind])
        )  # fmt: skip
    return list(call.criteria.all())


def _call(
    consultation, kind, slug, title_en, title_es, opens, closes, state, binding, blocks, limit
) -> Call:
    call = Call.objects.filter(slug=slug).first()
    if call is None:
        call = Call.objects.create(
            consultation=consultation, kind=kind, slug=slug, title_en=title_en, title_es=title_es,
            title=title_en, opens_at=opens, closes_at=closes, time_zone="Europe/Zurich",
            questionnaire=_questionnaire(kind, slug), state=state, binding=binding,
            gender_balance_blocks=blocks, limit_per_organization=limit, requires_organization=kind == CallKind.WORKSHOP,
        )  # fmt: skip
    _criteria(call)
    return call


def _consultation(slug: str, edition, texts: dict, phases) -> Consultation:
    consultation, created = Consultation.objects.get_or_create(
        slug=slug, defaults={"edition": edition, "time_zone": "Europe/Zurich", "title": texts["title_en"], **texts}
    )  # fmt: skip
    if created:
        for (
            number,
            kind,
            starts,
            ends,
            zone,
            venue,
            link,
            t_en,
            t_es,
            d_en,
            d_es,
            o_en,
            o_es,
        ) in phases:
            phase = Phase.objects.create(
                consultation=consultation, number=number, kind=kind, starts_at=starts, ends_at=ends,
                time_zone=zone, venue=venue, join_url=link, remote_participation=True,
                title=t_en, title_en=t_en, title_es=t_es, description_en=d_en, description_es=d_es,
                outcome_en=o_en, outcome_es=o_es,
            )  # fmt: skip
            if kind == PhaseKind.LAUNCH and slug == SLUG:
                PhaseDocument.objects.create(
                    phase=phase,
                    title="WSIS Forum 2022 – www.wsis.org/forum",
                    url="https://www.wsis.org/forum",
                )
    return consultation


# --- People ----------------------------------------------------------------------------------


def _users(rows: list[tuple[str, str, str, str]]) -> dict[str, User]:
    """Accounts for invented submitters and reviewers (email, given, family, language); they
    cannot sign in. Made once, in bulk."""
    have = set(User.objects.filter(email__in=[r[0] for r in rows]).values_list("email", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create(
        User(email=email, first_name=given, last_name=family, preferred_language=language, password=unusable)
        for email, given, family, language in rows
        if email not in have
    )  # fmt: skip
    return {u.email: u for u in User.objects.filter(email__in=[r[0] for r in rows])}


def _submitters(organizations: dict[str, Organization]) -> dict[str, list[User]]:
    """Two accounts per organization, named after its demo people."""
    people = (
        Person.objects.filter(
            organization__in=organizations.values(), email__endswith="@people.example.org"
        )
        .select_related("organization")
        .order_by("pk")
    )
    rows = [(p.email, p.given_name, p.family_name, "es" if p.organization.country in SPANISH_SPEAKING else "en") for p in people]  # fmt: skip
    users = _users(rows)
    by_organization: dict[str, list[User]] = {}
    for person in people:
        by_organization.setdefault(person.organization.slug, []).append(users[person.email])
    return by_organization


def _reviewers(calls: list[Call]) -> tuple[list[User], User | None]:
    rows = [(f"{g}.{f}@reviewers.example.org".lower(), g, f, "en") for g, f, _c in REVIEWERS]
    reviewers = list(_users(rows).values())
    demo = User.objects.filter(email=DEMO_REVIEWER).first()
    for call in calls:
        for user in [*reviewers, *([demo] if demo else [])]:
            grant_role(user=user, role=Role.REVIEWER, scope=call)
    return sorted(reviewers, key=lambda u: u.email), demo


# --- Invented submissions --------------------------------------------------------------------


class Plan:
    """Submissions of the 2022 calls, planned with a fixed seed so every run plans the same."""

    def __init__(self, organizations, submitters):
        self.rng = random.Random(2022)  # noqa: S311 (demo data, not secrets)
        self.organizations = list(organizations.values())
        self.submitters = submitters
        self.regions = dict(CountryRegion.objects.filter(country__in=[o.country for o in self.organizations]).values_list("country", "itu_region__code"))  # fmt: skip
        self.lines = {line.code: line for line in ActionLine.objects.all()}
        self.sdgs = {goal.number: goal for goal in SDG.objects.all()}
        self.matrix: dict[str, list[int]] = {}
        for code, number in ActionLineSDG.objects.values_list("action_line__code", "sdg__number"):
            self.matrix.setdefault(code, []).append(number)
        self.count = 0

    def person(self, gender: str, region: str) -> tuple[str, str]:
        names = REGIONS[region]
        given = self.rng.choice(names["women" if gender == Gender.WOMAN else "men"])
        family = self.rng.choice(names["family"])
        if isinstance(family, tuple):
            family = family[1] if gender == Gender.WOMAN else family[0]
        return f"{given} {family}", self.rng.choice(list(names["countries"]))

    def speakers(self, organization) -> list[SubmissionSpeaker]:
        """Two to five speakers; about one proposal in six names no woman."""
        count = self.rng.randint(2, 5)
        no_woman = self.rng.random() < 0.17
        genders = [
            Gender.MAN if no_woman else self.rng.choice([Gender.WOMAN, Gender.MAN])
            for _ in range(count)
        ]
        if not no_woman and Gender.WOMAN not in genders:
            genders[0] = Gender.WOMAN
        if no_woman and count > 3:
            genders[-1] = Gender.UNDISCLOSED
        rows = []
        for position, gender in enumerate(genders):
            partner = organization if position == 0 else self.rng.choice(self.organizations)
            name, country = self.person(gender, self.regions.get(partner.country) or "EUR")
            rows.append(
                SubmissionSpeaker(
                    position=position,
                    name=name,
                    organization_name=partner.name,
                    country=country,
                    gender=gender,
                )
            )
        return rows

    def one(self, call: Call, state: str, organization: Organization, submitter: User) -> dict:
        self.count += 1
        en, es, codes = TOPICS[self.rng.randrange(len(TOPICS))]
        angle_en, angle_es = self.rng.choice(ANGLES)
        region = self.regions.get(organization.country) or "EUR"
        spanish = organization.country in SPANISH_SPEAKING
        r_en, r_es = REGION_NAMES[region]
        topic = angle_es.format(t=es, r=r_es) if spanish else angle_en.format(t=en, r=r_en)
        sdgs = sorted({n for code in codes for n in self.matrix.get(code, [])[:2]})
        submitted = LAUNCH + (call.closes_at - LAUNCH) * (1 - self.rng.random() ** 2)
        row = {
            "submission": Submission(
                call=call,
                submitter=submitter,
                organization=organization,
                state=state,
                title=topic,
                submitted_at=None if state == SubmissionState.DRAFT else submitted,
                format=self.rng.choice(EditionFormat.values)
                if call.kind == CallKind.WORKSHOP
                else "",
            ),
            "created": submitted - dt.timedelta(days=self.rng.randint(1, 20)),
            "lines": [self.lines[c] for c in codes if c in self.lines],
            "sdgs": [self.sdgs[n] for n in sdgs if n in self.sdgs],
            "speakers": self.speakers(organization) if call.kind == CallKind.WORKSHOP else [],
        }
        submission = row["submission"]
        submission.answers = self.answers(
            call.kind, topic, organization, spanish, complete=state != SubmissionState.DRAFT
        )
        if state in {SubmissionState.ACCEPTED, SubmissionState.REJECTED, SubmissionState.SCHEDULED}:
            submission.decided_at = max(call.closes_at, submitted) + dt.timedelta(
                days=self.rng.randint(10, 40), hours=self.rng.randint(0, 8)
            )
            note = NOTES["rejected" if state == SubmissionState.REJECTED else "accepted"]
            submission.decision_note = note[1] if spanish else note[0]
        return row

    def answers(
        self, kind: str, topic: str, organization, spanish: bool, *, complete: bool
    ) -> dict:
        if kind == CallKind.CONTRIBUTION:
            answers = {
                "stakeholder_type": organization.stakeholder_type,
                "themes": (f"Proponemos el tema «{topic}», con ejemplos de {organization.name}." if spanish else f"We propose “{topic}” as a theme, with examples from {organization.name}."),
                "format": "Sesiones híbridas más cortas, con intérpretes." if spanish else "Shorter hybrid sessions, with interpretation and time for questions.",
                "publish": True,
            }  # fmt: skip
        elif kind == CallKind.WORKSHOP:
            answers = {
                "abstract": (f"{topic}. El taller reúne a todas las partes interesadas para compartir lo que funcionó y acordar los próximos pasos." if spanish else f"{topic}. The workshop brings all stakeholder groups together to share what worked and agree on next steps."),
                "session_format": self.rng.choice(SESSION_FORMATS)[0],
                "language": "es" if spanish else self.rng.choice(["en", "en", "fr", "ar", "ru", "zh-hans"]),
                "expected_outcome": "Compromisos concretos para 2023." if spanish else "Concrete commitments for 2023, published in the Forum's outcome document.",
                "binding": True,
            }  # fmt: skip
        else:
            name, country = self.person(
                self.rng.choice([Gender.WOMAN, Gender.MAN]),
                self.regions.get(organization.country) or "EUR",
            )
            answers = {
                "nominee_name": name,
                "nominee_position": self.rng.choice(["Former Minister of ICT", "Ambassador", "Director of a regional ICT organization", "Journalist and broadcaster", "University rector"]),
                "nominee_country": country,
                "nominee_email": f"{slugify(name.split()[0])}.{self.count}@nominees.example.org",
                "experience": "Moderated high-level dialogues at regional and global ICT conferences since 2015.",
                "languages": sorted(self.rng.sample(["en", "fr", "es", "ar", "ru", "zh-hans"], 2)),
            }  # fmt: skip
        if not complete:  # a draft left half-filled
            answers = dict(list(answers.items())[: len(answers) // 2])
        return answers


def _plan_2022(
    plan: Plan, calls: list[Call], spec: list[dict], focal_point, participant
) -> list[dict]:
    rows = []
    for call, counts in zip(calls, spec, strict=True):
        states = [state for state, count in counts.items() for _ in range(count)]
        plan.rng.shuffle(states)
        for index, state in enumerate(states):
            organization = plan.organizations[index % len(plan.organizations)]
            users = plan.submitters.get(organization.slug) or []
            submitter = users[index % len(users)] if users else None
            if submitter is not None:
                rows.append(plan.one(call, state, organization, submitter))
    # The demo accounts have their own history: Mama Tech's accepted workshop and the
    # participant's contributions, one taken on and one not.
    mama_tech = next((o for o in plan.organizations if o.slug == "mama-tech"), None)
    own = [(calls[1], SubmissionState.ACCEPTED, mama_tech, focal_point), (calls[0], SubmissionState.ACCEPTED, None, participant), (calls[0], SubmissionState.REJECTED, None, participant)]  # fmt: skip
    for call, state, organization, user in own:
        if user is not None:
            row = plan.one(call, state, organization or plan.organizations[0], user)
            row["submission"].organization = organization
            rows.append(row)
    return rows


def _schedule(rows: list[dict], edition) -> None:
    """Scheduled workshops become the 2022 programme's thematic workshops, under their titles."""
    scheduled = [r for r in rows if r["submission"].state == SubmissionState.SCHEDULED]
    sessions = list(Session.objects.filter(edition=edition, session_type__slug="thematic-workshop", proposal__isnull=True).order_by("code")[: len(scheduled)]) if edition else []  # fmt: skip
    for row, session in zip(scheduled, sessions, strict=False):
        row["submission"].session = session
        row["submission"].title = session.title
    for row in scheduled[len(sessions) :]:
        row["submission"].state = SubmissionState.ACCEPTED  # no session to schedule it in


def _write(rows: list[dict]) -> list[Submission]:
    submissions = Submission.objects.bulk_create([r["submission"] for r in rows])
    for row, submission in zip(rows, submissions, strict=True):
        submission.created_at = submission.updated_at = row["created"]
    Submission.objects.bulk_update(submissions, ["created_at", "updated_at"])
    Submission.action_lines.through.objects.bulk_create(
        Submission.action_lines.through(submission_id=s.pk, actionline_id=line.pk) for r, s in zip(rows, submissions, strict=True) for line in r["lines"]
    )  # fmt: skip
    Submission.sdgs.through.objects.bulk_create(
        Submission.sdgs.through(submission_id=s.pk, sdg_id=goal.pk) for r, s in zip(rows, submissions, strict=True) for goal in r["sdgs"]
    )  # fmt: skip
    speakers = []
    for row, submission in zip(rows, submissions, strict=True):
        for speaker in row["speakers"]:
            speaker.submission = submission
            speakers.append(speaker)
    SubmissionSpeaker.objects.bulk_create(speakers)
    return submissions


def record_past_reviews(
    submissions: list[Submission], reviewers: list[User], *, assigned_by, rng
) -> int:
    """Three reviews with their scores for every submission that was reviewed in 2022, dated
    between the deadline and the decision. Written through the models, since review.save_review
    dates a review now and refuses a decided submission; totals come from review.weighted_total."""
    reviewed = [s for s in submissions if s.state in {SubmissionState.UNDER_REVIEW, SubmissionState.ACCEPTED, SubmissionState.REJECTED, SubmissionState.SCHEDULED}]  # fmt: skip
    criteria = {}
    assignments, reviews, planned = [], [], []
    for submission in reviewed:
        if submission.call_id not in criteria:
            criteria[submission.call_id] = list(
                ReviewCriterion.objects.filter(call_id=submission.call_id)
            )
        good = submission.state != SubmissionState.REJECTED
        for reviewer in rng.sample(reviewers, 3):
            values = {c: min(c.max_score, max(1, rng.randint(3, 5) if good else rng.randint(1, 3))) for c in criteria[submission.call_id]}  # fmt: skip
            total = review.weighted_total(values, {c.pk: v for c, v in values.items()})
            last = submission.decided_at or submission.call.closes_at + dt.timedelta(days=30)
            when = submission.call.closes_at + (last - submission.call.closes_at) * rng.random()
            assignments.append(
                ReviewAssignment(submission=submission, reviewer=reviewer, assigned_by=assigned_by)
            )
            reviews.append(Review(submission=submission, reviewer=reviewer, total=total, submitted_at=when, comment=rng.choice(["Clear objectives and a balanced panel.", "Relevant, but the speakers are not yet confirmed.", "Strong link to the Action Lines.", "Overlaps with other proposals on the same theme."])))  # fmt: skip
            planned.append(values)
    ReviewAssignment.objects.bulk_create(assignments)
    reviews = Review.objects.bulk_create(reviews)
    Score.objects.bulk_create(Score(review=written, criterion=c, value=v) for written, values in zip(reviews, planned, strict=True) for c, v in values.items())  # fmt: skip
    return len(reviews)


def assign_demo_reviewer(submissions, reviewer, *, by) -> None:
    """The demo reviewer gets proposals still waiting for a score, so the reviewer's pages have
    work to show; through the review service, as the secretariat's pages assign them."""
    for submission in submissions:
        review.assign_reviewer(submission=submission, reviewer=reviewer, by=by)


def _inputs(consultation, secretariat, organizations) -> None:
    regions = {r.code: r for r in Region.objects.filter(scheme="itu")}
    lines = {line.code: line for line in ActionLine.objects.all()}
    for name, date, city, country, region, organizer, codes, summary in EVENTS:
        event, created = EventInput.objects.get_or_create(
            consultation=consultation, event_name=name,
            defaults={"submitted_by": secretariat, "organization": organizations.get(organizer), "event_date": date, "city": city, "country": country, "region": regions.get(region), "summary": summary},
        )  # fmt: skip
        if created:
            event.action_lines.set([lines[c] for c in codes if c in lines])


# --- The call open now -----------------------------------------------------------------------


def _open_now(secretariat, organizations, reviewer) -> Consultation:
    """A consultation for the next Forum whose calls opened two weeks ago and close in six,
    at 14:00 in Geneva; dated when first built and left alone afterwards."""
    if (existing := Consultation.objects.filter(slug=NEXT_SLUG).first()) is not None:
        return existing
    today = timezone.localdate(timezone=ZURICH)
    opens = dt.datetime.combine(today - dt.timedelta(days=14), dt.time(14), tzinfo=ZURICH)
    meeting = dt.datetime.combine(today + dt.timedelta(days=14), dt.time(14), tzinfo=ZURICH)
    closes = dt.datetime.combine(today + dt.timedelta(days=42), dt.time(14), tzinfo=ZURICH)
    texts = {
        "title_en": "Open consultation for the next WSIS Forum (demo, open now)",
        "title_es": "Consulta abierta para el próximo Foro de la CMSI (demostración, abierta ahora)",
        "description_en": "A demo consultation whose calls are open: submit a contribution or a binding workshop request. Workshop proposals must name at least one woman speaker.",
        "description_es": "Consulta de demostración con convocatorias abiertas: presente una contribución o una solicitud vinculante de taller. Las propuestas de taller deben incluir al menos una oradora.",
    }  # fmt: skip
    phases = [
        (1, PhaseKind.LAUNCH, opens, opens + dt.timedelta(hours=1), "", "", "https://meet.example.org/wsis-forum-next/launch", "Launch of the open consultation", "Inicio de las consultas abiertas", "", "", "The calls opened.", "Se abrieron las convocatorias."),
        (2, PhaseKind.CONSULTATION_MEETING, meeting, meeting + dt.timedelta(hours=1), "", "ITU Headquarters, Geneva", "https://meet.example.org/wsis-forum-next/meeting-1", "1st virtual/physical meeting", "1ª reunión virtual/presencial", "", "", "", ""),
        (3, PhaseKind.DEADLINE, closes, None, "", "", "", "Deadline for contributions and binding workshop requests", "Fecha límite para las contribuciones y las solicitudes vinculantes para talleres", "", "", "", ""),
    ]  # fmt: skip
    consultation = _consultation(NEXT_SLUG, None, texts, phases)
    contributions = _call(consultation, CallKind.CONTRIBUTION, "wsis-forum-next-contributions", "Contributions on the themes and format of the next WSIS Forum", "Contribuciones sobre los temas y el formato del próximo Foro de la CMSI", opens, closes, CallState.OPEN, False, False, None)  # fmt: skip
    workshops = _call(consultation, CallKind.WORKSHOP, "wsis-forum-next-workshops", "Binding workshop requests for the next WSIS Forum", "Solicitudes vinculantes para talleres del próximo Foro de la CMSI", opens, closes, CallState.OPEN, True, True, 3)  # fmt: skip
    _reviewers([contributions, workshops])
    people = _submitters({slug: organizations[slug] for slug in ("sahel-fibre", "digital-sisters-asia", "lyon-open-science") if slug in organizations})  # fmt: skip
    sent = []
    for slug, users in people.items():
        organization = organizations[slug]
        woman = services.Speaker(name=f"{users[0].first_name} {users[0].last_name}", organization_name=organization.name, country=str(organization.country), gender=Gender.WOMAN)  # fmt: skip
        answers = {"abstract": f"Connecting the unconnected with {organization.name}.", "session_format": "panel", "language": "en", "binding": True}  # fmt: skip
        sent.append(services.submit(call=workshops, user=users[0], title=f"Meaningful connectivity: the experience of {organization.name}", answers=answers, organization=organization, format=EditionFormat.HYBRID, speakers=[woman]))  # fmt: skip
        services.save_draft(call=contributions, user=users[-1], title=f"Themes proposed by {organization.name}", answers={"themes": "Digital skills for all ages."}, organization=organization)  # fmt: skip
    if reviewer is not None:
        assign_demo_reviewer(sent, reviewer, by=secretariat)
    return consultation


@transaction.atomic
def build_consultations(*, secretariat, organizations: dict[str, Organization]) -> str:
    """The WSIS Forum 2022 open consultation with its phases, calls, submissions, reviews and
    event inputs, and a consultation open now; running it again changes nothing."""
    edition = Edition.objects.filter(slug=EDITION_SLUG).first()
    consultation = _consultation(SLUG, edition, CONSULTATION, PHASES)
    calls = [_call(consultation, *spec[:-1]) for spec in CALLS_2022]
    reviewers, demo_reviewer = _reviewers(calls)
    _inputs(consultation, secretariat, organizations)
    if not Submission.objects.filter(call__in=calls).exists():
        plan = Plan(organizations, _submitters(organizations))
        participant = User.objects.filter(email="participant@demo.convoca.example").first()
        focal_point = User.objects.filter(email="focalpoint@demo.convoca.example").first()
        rows = _plan_2022(plan, calls, [spec[-1] for spec in CALLS_2022], focal_point, participant)
        _schedule(rows, edition)
        submissions = _write(rows)
        record_past_reviews(submissions, reviewers, assigned_by=secretariat, rng=plan.rng)
        if demo_reviewer is not None:
            waiting = [s for s in submissions if s.state == SubmissionState.UNDER_REVIEW and s.call.kind == CallKind.WORKSHOP][:8]  # fmt: skip
            assign_demo_reviewer(waiting, demo_reviewer, by=secretariat)
    following = _open_now(secretariat, organizations, demo_reviewer)
    workshops = following.calls.filter(kind=CallKind.WORKSHOP).first()
    total = Submission.objects.filter(call__in=calls).count()
    reviews = Review.objects.filter(submission__call__in=calls).count()
    closing = (
        timezone.localtime(workshops.closes_at, ZURICH).strftime("%d %b %Y %H:%M %Z")
        if workshops
        else "-"
    )
    return (
        f"Open consultation: {consultation.title_en} ({consultation.phases.count()} phases, {len(calls)} calls, "
        f"{total} submissions, {reviews} reviews, {consultation.inputs.count()} event inputs); "
        f"open now for the demo: “{following.title_en}” until {closing}."
    )
