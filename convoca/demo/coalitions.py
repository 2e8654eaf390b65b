"""The Partner2Connect Digital Coalition of seed 000 (circular BDT/DIR/110): four focus areas and
their working groups, the expression of interest call (deadline 31 October 2021), a pipeline in
every state, the Digital Development Roundtable (7–9 June 2022, with the WTDC), and a registry of
invented pledges that reads like the real one (845 pledges, 408 entities, 138 countries,
USD 36.78 billion). Volume goes in with bulk_create; running it again changes nothing."""

import datetime as dt
import random
import zoneinfo
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from convoca.coalitions import pipeline, services
from convoca.coalitions.models import (
    Coalition,
    EoiState,
    ExpressionOfInterest,
    Meeting,
    Member,
    Pledge,
    PledgeCountry,
    PledgeKind,
    PledgeState,
    PledgeTarget,
    ProgressFigure,
    ProgressReport,
    UsdRate,
)
from convoca.core.models import CountryRegion
from convoca.core.money import Money
from convoca.stakeholders.models import Organization, StakeholderType
from convoca.taxonomy.models import SDG, ActionLine, FocusArea

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
SLUG = "partner2connect"
PLEDGES, ENTITIES, COUNTRIES = 845, 408, 138
TOTAL_USD = Decimal("36780000000.00")
RATES = {"EUR": "1.0700", "GBP": "1.2500", "JPY": "0.0075", "CHF": "1.0300", "INR": "0.0128"}
TARGETS = {
    PledgeKind.INFRASTRUCTURE: ("People connected", "people"),
    PledgeKind.SKILLS: ("People trained", "people"),
    PledgeKind.POLICY: ("Countries supported", "communities"),
    PledgeKind.FINANCING: ("Sites financed", "sites"),
    PledgeKind.DEVICES: ("Devices distributed", "devices"),
    PledgeKind.CONTENT: ("Schools served", "schools"),
    PledgeKind.RESEARCH: ("Communities surveyed", "communities"),
    PledgeKind.OTHER: ("Households reached", "households"),
}
NAME_PARTS = (
    ["Horizon", "Bridge", "Savanna", "Andes", "Pacific", "Baltic", "Sahel", "Delta", "Atlas",
     "Mekong", "Nile", "Orinoco", "Steppe", "Coral", "Aurora", "Monsoon", "Lagoon", "Summit"],
    ["Telecom", "Networks", "Digital", "Connect", "Skills Trust", "Foundation", "Labs",
     "Ministry of ICT", "University", "Institute", "Broadband", "Alliance"],
)  # fmt: skip


def build_coalitions(*, secretariat, organizations) -> str:
    """Builds the coalitions demo data idempotently; answers one summary line for load_demo."""
    coalition = _coalition(secretariat)
    if not coalition.pledges.exists():
        rng = random.Random(845)  # noqa: S311 - invented demo data, not secrets
        countries = _countries(rng)
        members = _members(coalition, organizations, countries, rng)
        _pipeline(coalition, organizations, members, secretariat)
        _pledges(coalition, members, countries, secretariat, rng)
    totals = Pledge.objects.filter(coalition=coalition).exclude(state="draft")
    usd = totals.aggregate(total=Sum("usd_amount"))["total"] or Decimal(0)
    entities = totals.values("organization").distinct().count()
    reached = PledgeCountry.objects.filter(pledge__in=totals).values("country").distinct().count()
    return (
        f"Coalition: {coalition.name} ({totals.count()} public pledges from {entities} entities "
        f"in {reached} countries, USD {usd / 10**9:.2f} billion; "
        f"{coalition.expressions_of_interest.count()} expressions of interest in every state)."
    )


def _coalition(secretariat) -> Coalition:
    from convoca.circulars.models import Circular
    from convoca.programme.models import Edition, Forum

    coalition, created = Coalition.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name_en": "Partner2Connect Digital Coalition",
            "name_fr": "Coalition numérique Partner2Connect",
            "name_es": "Coalición Digital Partner2Connect",
            "name_ar": "التحالف الرقمي Partner2Connect",
            "name_ru": "Цифровая коалиция Partner2Connect",
            "name_zh_hans": "Partner2Connect 数字联盟",
            "description_en": (
                "A leadership-level platform for all stakeholders to mobilize and announce new "
                "resources, partnerships and commitments to achieve universal and meaningful "
                "connectivity by 2030, in line with the Secretary-General's Roadmap for Digital "
                "Cooperation."
            ),
            "description_es": (
                "Una plataforma a nivel de dirigentes para que todas las partes interesadas se "
                "movilicen y anuncien nuevos recursos, asociaciones y compromisos con el fin de "
                "lograr una conectividad universal y efectiva para 2030."
            ),
            "contact_email": "partner2connect@itu.int",
            "goal_usd": Decimal("100000000000.00"),
            "goal_date": dt.date(2026, 12, 31),
            "circular": Circular.objects.filter(reference__contains="BDT/DIR/110").first(),
        },
    )
    if not created:
        return coalition
    coalition.focus_areas.set(FocusArea.objects.all())
    forum, _ = Forum.objects.get_or_create(
        slug="p2c-roundtable",
        defaults={
            "name": "Partner2Connect Digital Development Roundtable",
            "time_zone": "Africa/Kigali",
        },
    )
    roundtable, _ = Edition.objects.get_or_create(
        slug="p2c-roundtable-2022",
        defaults={
            "forum": forum,
            "name": "Partner2Connect Digital Development Roundtable 2022",
            "format": "hybrid",
            "city": "Kigali",
            "venue": "WTDC-22, Kigali Convention Centre",
            "time_zone": "Africa/Kigali",
            "opening_date": dt.date(2022, 6, 7),
            "final_week_start": dt.date(2022, 6, 7),
            "final_week_end": dt.date(2022, 6, 9),
        },
    )
    coalition.roundtables.add(roundtable)
    pipeline.set_up_eoi_call(
        coalition=coalition,
        slug="partner2connect-expression-of-interest",
        opens_at=dt.datetime(2021, 9, 20, 9, 0, tzinfo=GENEVA),
        closes_at=dt.datetime(2021, 10, 31, 23, 59, tzinfo=GENEVA),
        by=secretariat,
    )
    for area in FocusArea.objects.all():
        group = services.save_working_group(
            coalition=coalition, slug=area.slug, name=area.name, focus_area=area, by=secretariat
        )
        Meeting.objects.bulk_create(
            Meeting(
                working_group=group,
                title=title,
                starts_at=dt.datetime(2022, month, 3 + area.order, 13, 0, tzinfo=GENEVA),
                ends_at=dt.datetime(2022, month, 3 + area.order, 14, 30, tzinfo=GENEVA),
                join_url="https://itu.zoom.example/p2c",
            )
            for month, title in ((1, "Kick-off"), (3, "Framework for action"), (5, "Pledges"))
        )
    for currency, rate in RATES.items():
        UsdRate.objects.get_or_create(
            currency=currency,
            valid_from=dt.date(2021, 1, 1),
            defaults={"rate": Decimal(rate), "source": "UN operational rates (demo)"},
        )
    return coalition


def _countries(rng) -> list[str]:
    codes = sorted(CountryRegion.objects.exclude(itu_region=None).values_list("country", flat=True))
    return sorted(rng.sample(codes, min(COUNTRIES, len(codes))))


def _members(coalition, organizations, countries, rng) -> list[Member]:
    """The demo organizations plus invented ones, ~408 entities, all members."""
    types = StakeholderType.values
    existing = set(
        Organization.objects.filter(slug__startswith="p2c-").values_list("slug", flat=True)
    )
    invented = []
    for n in range(ENTITIES - len(organizations)):
        slug = f"p2c-{n:03d}"
        if slug in existing:
            continue
        first, second = NAME_PARTS[0][n % 18], NAME_PARTS[1][(n // 18 + n) % 12]
        country = countries[(n * 7) % len(countries)]
        invented.append(
            Organization(
                slug=slug,
                name=f"{first} {second} {country} {n}",
                country=country,
                stakeholder_type=types[(n * 3) % len(types)],
                website=f"https://{slug}.example.org/",
            )
        )
    Organization.objects.bulk_create(invented)
    chosen = [*organizations.values(), *Organization.objects.filter(slug__startswith="p2c-")]
    joined = dt.date(2021, 12, 1)
    Member.objects.bulk_create(
        [
            Member(
                coalition=coalition,
                organization=organization,
                joined_on=joined + dt.timedelta(days=rng.randint(0, 400)),
            )
            for organization in chosen
        ],
        ignore_conflicts=True,
    )
    return list(Member.objects.filter(coalition=coalition).select_related("organization"))


def _pipeline(coalition, organizations, members, secretariat) -> None:
    """EoIs in every state: members came in through it; some applicants are still on the way."""
    now = timezone.now()
    rows = [
        ExpressionOfInterest(
            coalition=coalition,
            organization=member.organization,
            state=EoiState.MEMBER,
            owner=secretariat,
            decided_at=now,
            next_step="Welcome pack sent; joined a working group.",
        )
        for member in members[:40]
    ]
    waiting = Organization.objects.exclude(coalition_memberships__coalition=coalition)[:20]
    pending = [
        EoiState.RECEIVED,
        EoiState.TRIAGED,
        EoiState.CONTACTED,
        EoiState.DECLINED,
    ]
    if len(waiting) < 8:
        waiting = Organization.objects.bulk_create(
            Organization(
                slug=f"p2c-applicant-{n}",
                name=f"Applicant Networks {n}",
                country="SN",
                stakeholder_type=StakeholderType.PRIVATE_SECTOR,
            )
            for n in range(12)
        )
    for n, organization in enumerate(waiting):
        state = pending[n % len(pending)]
        rows.append(
            ExpressionOfInterest(
                coalition=coalition,
                organization=organization,
                state=state,
                owner=secretariat if state != EoiState.RECEIVED else None,
                due_on=dt.date(2021, 11, 15) + dt.timedelta(days=n),
                next_step="Call to present the working groups." if state == "triaged" else "",
                decided_at=now if state == EoiState.DECLINED else None,
            )
        )
    ExpressionOfInterest.objects.bulk_create(rows, ignore_conflicts=True)


def _pledges(coalition, members, countries, secretariat, rng) -> None:
    areas = list(FocusArea.objects.all())
    sdgs = list(SDG.objects.filter(number__in=[1, 4, 5, 8, 9, 10, 11, 17]))
    lines = list(ActionLine.objects.filter(parent=None))
    rates = {r.currency: r for r in UsdRate.objects.filter(currency__in=RATES)}
    roundtable = coalition.roundtables.first()
    kinds = PledgeKind.values
    today = timezone.localdate()
    raw = [rng.paretovariate(1.2) if n % 5 else None for n in range(PLEDGES)]
    scale = TOTAL_USD / Decimal(str(sum(x for x in raw if x)))
    pledges, plans = [], []
    for n, weight in enumerate(raw):
        member = members[n % len(members)]
        pledged_on = dt.date(2022, 1, 10) + dt.timedelta(days=rng.randint(0, 560))
        starts_on = pledged_on + dt.timedelta(days=rng.randint(0, 90))
        ends_on = starts_on + dt.timedelta(days=rng.choice([365, 730, 1095, 1460]))
        state = PledgeState.DRAFT if n % 60 == 0 else rng.choice(
            [PledgeState.PUBLISHED, PledgeState.IN_PROGRESS, PledgeState.IN_PROGRESS,
             PledgeState.IN_PROGRESS, PledgeState.FULFILLED, PledgeState.LAPSED]
        )  # fmt: skip
        amount = currency = None
        usd = rate = None
        if weight:
            usd = (Decimal(str(weight)) * scale).quantize(Decimal("0.01"))
            currency = rng.choice(["USD", "USD", "USD", *RATES])
            rate = rates.get(currency)
            amount = usd if rate is None else (usd / rate.rate).quantize(Decimal("0.01"))
            usd = (
                amount
                if rate is None
                else Money(amount, currency).convert(rate=rate.rate, to="USD").amount
            )
        kind = kinds[n % len(kinds)]
        pledges.append(
            Pledge(
                coalition=coalition,
                organization=member.organization,
                kind=kind,
                title=f"{PledgeKind(kind).label} for {countries[n % len(countries)]} #{n + 1}",
                description="An invented demo pledge.",
                amount=amount,
                currency=currency or "",
                usd_amount=usd,
                usd_rate=rate,
                pledged_on=pledged_on,
                starts_on=starts_on,
                ends_on=ends_on,
                announced_at=roundtable if pledged_on <= dt.date(2022, 6, 9) else None,
                state=state,
                published_at=None if state == "draft" else timezone.now(),
                next_report_due=starts_on + dt.timedelta(days=182)
                if state in ("published", "in_progress")
                else None,
                created_by=secretariat,
            )
        )
        plans.append(
            {
                "countries": rng.sample(countries, rng.choice([1, 1, 1, 2, 3, 5])),
                "areas": rng.sample(areas, rng.choice([1, 1, 2])),
                "sdgs": rng.sample(sdgs, 2),
                "lines": rng.sample(lines, 1),
                "target": Decimal(rng.choice([500, 2000, 10000, 50000, 250000])),
            }
        )
    # Make sure every chosen country is targeted at least once.
    for index, code in enumerate(countries):
        plans[index * 5 % PLEDGES]["countries"] = [code]
    Pledge.objects.bulk_create(pledges, batch_size=500)
    focus = Pledge.focus_areas.through
    goals = Pledge.sdgs.through
    action = Pledge.action_lines.through
    PledgeCountry.objects.bulk_create(
        [
            PledgeCountry(pledge=p, country=c)
            for p, plan in zip(pledges, plans, strict=False)
            for c in set(plan["countries"])
        ],
        batch_size=2000,
    )
    focus.objects.bulk_create(
        [
            focus(pledge=p, focusarea=a)
            for p, plan in zip(pledges, plans, strict=False)
            for a in plan["areas"]
        ],
        batch_size=2000,
    )
    goals.objects.bulk_create(
        [
            goals(pledge=p, sdg=s)
            for p, plan in zip(pledges, plans, strict=False)
            for s in plan["sdgs"]
        ],
        batch_size=2000,
    )
    action.objects.bulk_create(
        [
            action(pledge=p, actionline=a)
            for p, plan in zip(pledges, plans, strict=False)
            for a in plan["lines"]
        ],
        batch_size=2000,
    )
    targets = [
        PledgeTarget(
            pledge=p, indicator=TARGETS[p.kind][0], unit=TARGETS[p.kind][1], target=plan["target"]
        )
        for p, plan in zip(pledges, plans, strict=False)
    ]
    PledgeTarget.objects.bulk_create(targets, batch_size=2000)
    _reports(pledges, targets, secretariat, today, rng)


def _reports(pledges, targets, secretariat, today, rng) -> None:
    reports, figures, changed = [], [], []
    for pledge, target in zip(pledges, targets, strict=False):
        if pledge.state not in ("in_progress", "fulfilled", "lapsed"):
            continue
        share = Decimal(1) if pledge.state == "fulfilled" else Decimal(rng.randint(5, 95)) / 100
        reported_on = min(today, pledge.starts_on + dt.timedelta(days=rng.randint(120, 600)))
        report = ProgressReport(
            pledge=pledge,
            reported_on=reported_on,
            narrative="Work under way; figures as of the date of the report.",
            evidence=[f"https://reports.example.org/p2c/{pledge.pk}"],
            submitted_by=secretariat,
        )
        reports.append(report)
        achieved = (target.target * share).quantize(Decimal("1"))
        target.achieved = achieved
        figures.append((report, target, achieved))
        pledge.progress = share.quantize(Decimal("0.0001"))
        changed.append(pledge)
    ProgressReport.objects.bulk_create(reports, batch_size=1000)
    ProgressFigure.objects.bulk_create(
        [ProgressFigure(report=r, target=t, achieved=a, unit=t.unit) for r, t, a in figures],
        batch_size=1000,
    )
    PledgeTarget.objects.bulk_update([t for _r, t, _a in figures], ["achieved"], batch_size=1000)
    Pledge.objects.bulk_update(changed, ["progress"], batch_size=1000)
