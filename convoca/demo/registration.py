"""Registrations for the WSIS Forum 2022 (hybrid, Geneva): thousands of invented participants
from every ITU region and stakeholder group, in person or remote, with arrivals at the venue and
joins to virtual and hybrid sessions, so the attendance figures look like a real edition.

Deterministic (a seeded random generator) and idempotent: the edition's form is built once with
its registrations; a second run finds them and changes nothing. Everything is bulk-created.
"""

import datetime as dt
import random
from collections import defaultdict

from django.db.models import Q

from convoca.core.models import CountryRegion
from convoca.programme.models import Edition, RoomKind, Session
from convoca.registration.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Accreditation,
    AttendanceMode,
    CheckIn,
    Registration,
    RegistrationForm,
    RegistrationState,
    SessionJoin,
    SessionQuota,
)
from convoca.stakeholders.models import StakeholderType

EDITION = "wsis-forum-2022"
PEOPLE = 6000
IN_PERSON_SHARE = 0.3
CAPACITY = 2000
GIVEN = [
    "Amina", "Kofi", "Lina", "Wanjiru", "Mateo", "Sofía", "Chen", "Mei", "Arjun", "Priya",
    "Olga", "Dmitri", "Fatima", "Omar", "Yuki", "Hiroshi", "Ana", "João", "Grace", "Samuel",
    "Nadia", "Karim", "Elena", "Luca", "Aisha", "Ibrahim", "Maya", "Tomás", "Zara", "Noah",
]  # fmt: skip
FAMILY = [
    "Diallo", "Mensah", "Haddad", "Mwangi", "García", "Pérez", "Wang", "Li", "Sharma", "Patel",
    "Ivanova", "Petrov", "Al-Sayed", "Benali", "Tanaka", "Sato", "Silva", "Santos", "Okafor",
    "Kamau", "Nguyen", "Kowalski", "Rossi", "Müller", "Dubois", "Hassan", "Rahman", "Cruz",
]  # fmt: skip
GENDERS = ["woman"] * 46 + ["man"] * 44 + ["non_binary"] * 1 + ["undisclosed"] * 4 + [""] * 5
TYPES = [
    (StakeholderType.GOVERNMENT, 30),
    (StakeholderType.PRIVATE_SECTOR, 20),
    (StakeholderType.CIVIL_SOCIETY, 25),
    (StakeholderType.ACADEMIA, 15),
    (StakeholderType.INTERNATIONAL_ORGANIZATION, 10),
]


def _countries() -> list[str]:
    """Every country with an ITU region, weighted so that each region is well represented."""
    by_region = defaultdict(list)
    for code, region in CountryRegion.objects.filter(itu_region__isnull=False).values_list(
        "country", "itu_region__code"
    ):
        by_region[region].append(code)
    weighted = []
    for codes in by_region.values():
        weighted += codes * max(1, 60 // len(codes))
    weighted += ["CH"] * 300 + ["FR"] * 80  # the host country and its neighbour send most
    return weighted


def build_registration(*, secretariat, organizations) -> str:
    """Builds the registration demo data idempotently; answers one summary line for load_demo."""
    edition = Edition.objects.filter(slug=EDITION).first()
    if edition is None:
        return ""
    form, created = RegistrationForm.objects.get_or_create(
        edition=edition,
        defaults={
            "capacity": CAPACITY,
            "requires_accreditation": True,
            "identity_retention_days": 30,
            "consent_text": (
                "I agree that my name, organization and country appear on the list of "
                "participants, and that ITU counts my attendance in anonymous statistics."
            ),
        },
    )
    if created or not form.registrations.exists():
        _build(form, edition, list(organizations.values()))
    registrations = form.registrations.count()
    joins = SessionJoin.objects.filter(session__edition=edition).count()
    countries = (
        form.registrations.exclude(state=RegistrationState.CANCELLED)
        .values("country")
        .distinct()
        .count()
    )
    return (
        f"Registration: {edition.name} with {registrations} registrations from {countries} "
        f"countries, {CheckIn.objects.filter(registration__form=form).count()} check-ins and "
        f"{joins} virtual attendances."
    )


def _code(rng: random.Random, taken: set[str]) -> str:
    while True:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            taken.add(code)
            return code


def _build(form: RegistrationForm, edition: Edition, organizations: list) -> None:
    rng = random.Random(2022)  # noqa: S311 - invented data, the same on every run
    countries = _countries()
    types = [kind for kind, weight in TYPES for _ in range(weight)]
    zone = edition.zone
    start = dt.datetime.combine(edition.final_week_start, dt.time(8, 30), tzinfo=zone)
    taken: set[str] = set(Registration.objects.values_list("code", flat=True))
    seats = 0
    people = []
    for n in range(PEOPLE):
        in_person = rng.random() < IN_PERSON_SHARE
        if in_person and seats >= CAPACITY:
            in_person = False
        organization = rng.choice(organizations) if organizations and rng.random() < 0.4 else None
        state = RegistrationState.CONFIRMED
        accreditation = Accreditation.NOT_REQUIRED
        if in_person:
            seats += 1
            accreditation = Accreditation.APPROVED
            if rng.random() < 0.03:
                accreditation, state = Accreditation.REFUSED, RegistrationState.CANCELLED
                seats -= 1
            elif rng.random() < 0.04:
                accreditation, state = Accreditation.PENDING, RegistrationState.PENDING
        elif rng.random() < 0.02:
            state = RegistrationState.CANCELLED
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        registered_at = start - dt.timedelta(days=rng.randint(1, 120), minutes=rng.randint(0, 1440))
        people.append(
            Registration(
                form=form,
                edition=edition,
                code=_code(rng, taken),
                given_name=given,
                family_name=family,
                email=f"{given.lower()}.{family.lower()}.{n}@demo.convoca.invalid".replace("'", ""),
                organization=organization,
                organization_name="" if organization else "Independent",
                stakeholder_type=organization.stakeholder_type
                if organization
                else rng.choice(types),
                country=organization.country.code
                if organization and organization.country
                else rng.choice(countries),
                gender=rng.choice(GENDERS),
                attendance=AttendanceMode.IN_PERSON if in_person else AttendanceMode.REMOTE,
                state=state,
                accreditation=accreditation,
                accreditation_reason="Incomplete documents" if accreditation == "refused" else "",
                accredited_at=registered_at + dt.timedelta(days=2) if in_person else None,
                consented_at=registered_at,
                confirmed_at=registered_at if state == RegistrationState.CONFIRMED else None,
                cancelled_at=registered_at + dt.timedelta(days=5)
                if state == RegistrationState.CANCELLED
                else None,
            )
        )
    created = Registration.objects.bulk_create(people, batch_size=1000)
    # Registrations "happened" over four months before the final week.
    RegistrationForm.objects.filter(pk=form.pk).update(seats_taken=seats)

    in_person = [r for r in created if r.attendance == "in_person" and r.state == "confirmed"]
    arrivals = []
    for registration in in_person:
        if rng.random() < 0.82:
            day = rng.randint(0, 4)
            arrivals.append(
                CheckIn(
                    registration=registration,
                    at=start + dt.timedelta(days=day, minutes=rng.randint(0, 150)),
                )
            )
    CheckIn.objects.bulk_create(arrivals, batch_size=1000)
    Registration.objects.filter(pk__in=[a.registration_id for a in arrivals]).update(
        state=RegistrationState.CHECKED_IN
    )

    sessions = list(
        Session.objects.filter(
            Q(room__kind=RoomKind.VIRTUAL) | Q(room__kind=RoomKind.HYBRID),
            edition=edition,
            starts_at__isnull=False,
        ).only("pk", "starts_at")
    )
    remote = [r for r in created if r.attendance == "remote" and r.state == "confirmed"]
    joins = []
    if sessions:
        for registration in remote:
            if rng.random() < 0.15:
                continue  # registered, never joined: attendance is real data, not an estimate
            for session in rng.sample(sessions, k=min(len(sessions), rng.randint(1, 12))):
                at = session.starts_at + dt.timedelta(minutes=rng.randint(-10, 20))
                times = rng.randint(1, 3)
                joins.append(
                    SessionJoin(
                        session=session,
                        registration=registration,
                        first_at=at,
                        last_at=at + dt.timedelta(minutes=5 * (times - 1)),
                        times=times,
                    )
                )
        SessionJoin.objects.bulk_create(joins, batch_size=2000)
    trainings = Session.objects.filter(edition=edition, title__icontains="training")[:3]
    SessionQuota.objects.bulk_create(
        [SessionQuota(session=session, capacity=60) for session in trainings],
        ignore_conflicts=True,
    )
