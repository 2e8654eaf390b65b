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

from .data import (
    CALLS_2022,
    CONSULTATION,
    CRITERIA,
    DEMO_REVIEWER,
    EDITION_SLUG,
    EVENTS,
    LAUNCH,
    NEXT_SLUG,
    NOTES,
    PHASES,
    QUESTIONS,
    REVIEWERS,
    SESSION_FORMATS,
    SLUG,
    SPANISH_SPEAKING,
    ZURICH,
)


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
