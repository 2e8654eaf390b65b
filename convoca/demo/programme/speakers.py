"""Invented speakers: planned in memory (the same on every run), then written once."""

import random
from collections import defaultdict
from dataclasses import dataclass

from convoca.accounts.models import Gender
from convoca.demo.programme.data import (
    CO_ORGANIZER_SLUGS,
    CO_ORGANIZERS,
    JOB_TITLES,
    REGION_OF,
    REGIONS,
    SPEAKER_COUNT,
    SPEAKER_DOMAIN,
    STAFF_TITLES,
)
from convoca.stakeholders.models import Organization, Person, StakeholderType


@dataclass
class Speaker:
    index: int
    email: str
    given: str
    family: str
    honorific: str
    title: str
    organization: str  # slug
    country: str
    zone: str
    region: str
    gender: str
    high_level: bool
    pk: int | None = None


def plan_speakers(organizations: dict[str, Organization]) -> list[Speaker]:
    """SPEAKER_COUNT invented people, the same on every run (keyed by their demo email)."""
    rng = random.Random(2022)  # noqa: S311 (demo data, not security)
    by_region = defaultdict(list)
    for slug, organization in organizations.items():
        region = REGION_OF.get(str(organization.country))
        if region and slug not in CO_ORGANIZER_SLUGS:
            by_region[region].append(organization)
    genders = (
        [Gender.WOMAN] * round(SPEAKER_COUNT * 0.44)
        + [Gender.NON_BINARY] * round(SPEAKER_COUNT * 0.02)
        + [Gender.UNDISCLOSED] * round(SPEAKER_COUNT * 0.02)
        + [""] * round(SPEAKER_COUNT * 0.02)
    )
    genders += [Gender.MAN] * (SPEAKER_COUNT - len(genders))
    rng.shuffle(genders)
    regions = sorted(REGIONS)
    taken: set[tuple[str, str]] = set()
    title_turn: dict[str, int] = defaultdict(int)
    speakers = []
    for index in range(SPEAKER_COUNT):
        region = regions[index % len(regions)]
        data, gender = REGIONS[region], genders[index]
        while True:
            if gender == Gender.WOMAN or (gender != Gender.MAN and rng.random() < 0.5):
                given, feminine = rng.choice(data["women"]), True
            else:
                given, feminine = rng.choice(data["men"]), False
            family = rng.choice(data["family"])
            if isinstance(family, tuple):
                family = family[1] if feminine else family[0]
            if (given, family) not in taken:
                taken.add((given, family))
                break
        staff = rng.random() < 0.12 or not by_region[region]
        if staff:
            organization = rng.choice(CO_ORGANIZERS)[0]
            kind = StakeholderType.INTERNATIONAL_ORGANIZATION
            country = rng.choice(sorted(data["countries"]))
            high_level, title = False, rng.choice(STAFF_TITLES)
        else:
            org = rng.choice(by_region[region])
            organization, kind = org.slug, org.stakeholder_type
            country = (
                str(org.country)
                if kind == StakeholderType.GOVERNMENT or rng.random() < 0.5
                else rng.choice(sorted(data["countries"]))
            )
            high_level = rng.random() < 0.16
            senior, others = JOB_TITLES[kind]
            if high_level:
                title = senior[title_turn[organization] % len(senior)]
                title_turn[organization] += 1
            else:
                title = rng.choice(others)
        zones = data["countries"].get(country) or REGIONS[REGION_OF[country]]["countries"][country]
        if title.startswith(("Minister", "Deputy Minister", "Ambassador")):
            honorific = "H.E."
        elif title.startswith(("Professor", "Rector", "Dean", "Vice-Chancellor")):
            honorific = "Prof."
        else:
            honorific = "Dr" if rng.random() < 0.2 else ""
        speakers.append(
            Speaker(
                index=index,
                email=f"speaker{index + 1:04d}@{SPEAKER_DOMAIN}",
                given=given,
                family=family,
                honorific=honorific,
                title=title,
                organization=organization,
                country=country,
                zone=rng.choice(zones),
                region=region,
                gender=gender,
                high_level=high_level,
            )
        )
    return speakers


def _speakers(planned: list[Speaker], organizations: dict[str, Organization]) -> None:
    """Create the invented speakers that are missing; give every planned one its pk."""
    existing = dict(
        Person.objects.filter(email__endswith=f"@{SPEAKER_DOMAIN}").values_list("email", "pk")
    )
    Person.objects.bulk_create(
        Person(
            email=s.email,
            given_name=s.given,
            family_name=s.family,
            honorific=s.honorific,
            title=s.title,
            organization=organizations[s.organization],
            country=s.country,
            time_zone=s.zone,
            gender=s.gender,
        )
        for s in planned
        if s.email not in existing
    )
    if len(existing) < len(planned):
        existing = dict(
            Person.objects.filter(email__endswith=f"@{SPEAKER_DOMAIN}").values_list("email", "pk")
        )
    for speaker in planned:
        speaker.pk = existing[speaker.email]
