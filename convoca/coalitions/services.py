"""Every write to a coalition's pledges, their progress, the USD rates and the working groups.

The pipeline of expressions of interest is in pipeline.py."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.audit import log_action
from convoca.core.money import Money, validate_currency
from convoca.stakeholders.models import Organization

from .errors import CoalitionError
from .models import (
    PLEDGE_TRANSITIONS,
    Coalition,
    Document,
    Meeting,
    Member,
    Pledge,
    PledgeCountry,
    PledgeState,
    PledgeTarget,
    ProgressFigure,
    ProgressReport,
    Unit,
    UsdRate,
    WorkingGroup,
)

MAX_AMOUNT = Decimal(10) ** 16  # what an 18-digit, 2-decimal column holds
EDITABLE_FIELDS = (
    "kind",
    "title",
    "description",
    "amount",
    "currency",
    "pledged_on",
    "starts_on",
    "ends_on",
    "announced_at",
)


def parse_decimal(value, *, field: str, allow_zero: bool = True) -> Decimal:
    """A non-negative Decimal with at most two decimals from user input; never a float."""
    if isinstance(value, float):
        raise TypeError("amounts are Decimals or strings, never floats")
    if isinstance(value, Decimal):
        number = value
    else:
        text = str(value).strip().replace(" ", "").replace("\u202f", "").replace(",", "")
        try:
            number = Decimal(text)
        except (InvalidOperation, ValueError) as error:
            raise CoalitionError(
                _("“%(value)s” is not a number.") % {"value": value}, field=field
            ) from error
    if not number.is_finite():
        raise CoalitionError(_("“%(value)s” is not a number.") % {"value": value}, field=field)
    if number < 0:
        raise CoalitionError(_("A value cannot be negative."), code="negative", field=field)
    if number == 0 and not allow_zero:
        raise CoalitionError(_("A target must be greater than zero."), field=field)
    if number.as_tuple().exponent < -2:
        raise CoalitionError(_("Give at most two decimals."), field=field)
    if number >= MAX_AMOUNT:
        raise CoalitionError(_("That number is too large to record."), field=field)
    return number


# --- USD rates --------------------------------------------------------------------------------


def rate_on(*, currency: str, day: dt.date) -> UsdRate | None:
    return (
        UsdRate.objects.filter(currency=currency, valid_from__lte=day)
        .order_by("-valid_from")
        .first()
    )


def _convert(pledge: Pledge) -> None:
    """Fix the pledge's USD value with the rate of its pledge date (none yet: left empty)."""
    if pledge.amount is None:
        pledge.usd_amount, pledge.usd_rate = None, None
        return
    if pledge.currency == "USD":
        pledge.usd_amount, pledge.usd_rate = pledge.amount, None
        return
    rate = rate_on(currency=pledge.currency, day=pledge.pledged_on)
    pledge.usd_rate = rate
    pledge.usd_amount = (
        Money(pledge.amount, pledge.currency).convert(rate=rate.rate, to="USD").amount
        if rate
        else None
    )


def _parse_rate(value) -> Decimal:
    if isinstance(value, float):
        raise TypeError("rates are Decimals or strings, never floats")
    try:
        rate = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as error:
        raise CoalitionError(
            _("“%(value)s” is not a rate.") % {"value": value}, field="rate"
        ) from error
    if not rate.is_finite() or rate <= 0 or rate.as_tuple().exponent < -8:
        raise CoalitionError(
            _("A rate is greater than zero, with at most eight decimals."), field="rate"
        )
    return rate


@transaction.atomic
def add_usd_rate(*, currency: str, rate, valid_from: dt.date, by, source: str = "") -> UsdRate:
    """Record a rate to USD from a date on; pledges in that currency still without a USD value
    from that date on get one now. Rates are added, never edited."""
    try:
        validate_currency(currency)
    except ValidationError as error:
        raise CoalitionError(
            _("%(code)s is not an ISO 4217 currency code.") % {"code": currency}, field="currency"
        ) from error
    value = _parse_rate(rate)
    try:
        with transaction.atomic():
            found = UsdRate.objects.create(
                currency=currency, rate=value, valid_from=valid_from, source=source
            )
    except IntegrityError as error:
        raise CoalitionError(
            _("A %(currency)s rate from %(date)s exists; add one for another day.")
            % {"currency": currency, "date": valid_from}
        ) from error
    waiting = Pledge.objects.select_for_update().filter(
        currency=currency, usd_amount__isnull=True, amount__isnull=False, pledged_on__gte=valid_from
    )
    for pledge in waiting:
        _convert(pledge)
        pledge.save(update_fields=["usd_amount", "usd_rate", "updated_at"])
    log_action(found, "coalitions.rate.added", by=by, data={"currency": currency, "rate": value})
    return found


# --- Pledges ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    indicator: str
    unit: str
    target: Decimal | str


def _ensure_member(coalition: Coalition, organization: Organization) -> None:
    if not Member.objects.filter(coalition=coalition, organization=organization).exists():
        raise CoalitionError(
            _("%(organization)s is not a member of %(coalition)s: only members pledge.")
            % {"organization": organization, "coalition": coalition},
            code="not_member",
        )


def _check(pledge: Pledge, countries: Sequence[str], focus_areas: Sequence, targets) -> None:
    if not pledge.title.strip():
        raise CoalitionError(_("Give the pledge a title."), field="title")
    if not countries:
        raise CoalitionError(
            _("Name at least one country the pledge targets."), code="countries", field="countries"
        )
    if not focus_areas:
        raise CoalitionError(_("Choose at least one focus area."), field="focus_areas")
    if pledge.starts_on and pledge.ends_on and pledge.ends_on < pledge.starts_on:
        raise CoalitionError(
            _("A pledge cannot end (%(end)s) before it starts (%(start)s).")
            % {"end": pledge.ends_on, "start": pledge.starts_on},
            code="dates",
            field="ends_on",
        )
    if pledge.amount is not None:
        pledge.amount = parse_decimal(pledge.amount, field="amount")
        if not pledge.currency:
            raise CoalitionError(_("Give the currency of the value."), field="currency")
        try:
            validate_currency(pledge.currency)
        except ValidationError as error:
            raise CoalitionError(
                _("%(code)s is not an ISO 4217 currency code.") % {"code": pledge.currency},
                field="currency",
            ) from error
    if (
        pledge.announced_at_id
        and not pledge.coalition.roundtables.filter(pk=pledge.announced_at_id).exists()
    ):
        raise CoalitionError(
            _("Pledges are announced at one of the coalition's roundtables."),
            field="announced_at",
        )
    for target in targets:
        if target.unit not in Unit.values:
            raise CoalitionError(_("Choose a unit for each target."), field="targets")
        if not target.indicator.strip():
            raise CoalitionError(_("Name what each target counts."), field="targets")


@transaction.atomic
def save_pledge(
    *,
    coalition: Coalition,
    organization: Organization,
    by,
    countries: Iterable[str],
    focus_areas: Iterable,
    sdgs: Iterable = (),
    action_lines: Iterable = (),
    targets: Iterable[Target] = (),
    pledge: Pledge | None = None,
    **fields,
) -> Pledge:
    """Create or edit a pledge of a member organization: at least one target country and focus
    area, an end on or after its start, a value that is not negative, in an ISO currency; its
    USD value is fixed at the rate of its pledge date."""
    _ensure_member(coalition, organization)
    countries = sorted({str(c).upper() for c in countries if c})
    focus_areas, targets = list(focus_areas), list(targets)
    created = pledge is None
    if created:
        pledge = Pledge(coalition=coalition, organization=organization, created_by=by)
    else:
        pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
        if pledge.state in {PledgeState.FULFILLED, PledgeState.LAPSED}:
            raise CoalitionError(_("A fulfilled or lapsed pledge can no longer change."))
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise TypeError(f"save_pledge() got an unexpected field {name!r}")
        setattr(pledge, name, value)
    if pledge.amount in ("", None):
        pledge.amount, pledge.currency = None, ""
    pledge.pledged_on = pledge.pledged_on or timezone.localdate()
    parsed = [
        Target(t.indicator, t.unit, parse_decimal(t.target, field="targets", allow_zero=False))
        for t in targets
    ]
    _check(pledge, countries, focus_areas, parsed)
    _convert(pledge)
    pledge.save()
    pledge.countries.exclude(country__in=countries).delete()
    have = set(pledge.countries.values_list("country", flat=True))
    PledgeCountry.objects.bulk_create(
        PledgeCountry(pledge=pledge, country=code) for code in countries if code not in have
    )
    pledge.focus_areas.set(focus_areas)
    pledge.sdgs.set(sdgs)
    pledge.action_lines.set(action_lines)
    if created or targets:
        _replace_targets(pledge, parsed)
    log_action(
        pledge,
        "coalitions.pledge.created" if created else "coalitions.pledge.changed",
        by=by,
        data={"usd": pledge.usd_amount, "countries": countries},
    )
    return pledge


def _replace_targets(pledge: Pledge, targets: list[Target]) -> None:
    """Targets already reported on keep their figures; others are replaced."""
    existing = {(t.indicator, t.unit): t for t in pledge.targets.all()}
    wanted = {(t.indicator.strip(), t.unit): t for t in targets}
    for key, old in existing.items():
        if key not in wanted and not old.figures.exists():
            old.delete()
    for key, new in wanted.items():
        if key in existing:
            existing[key].target = new.target
            existing[key].save(update_fields=["target"])
        else:
            PledgeTarget.objects.create(
                pledge=pledge, indicator=key[0], unit=key[1], target=new.target
            )


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@transaction.atomic
def transition_pledge(*, pledge: Pledge, to: str, by, today: dt.date | None = None) -> Pledge:
    """Move a pledge along PLEDGE_TRANSITIONS; publishing dates it and sets its first report."""
    locked = Pledge.objects.select_for_update().select_related("coalition").get(pk=pledge.pk)
    previous = locked.state
    if to not in PLEDGE_TRANSITIONS[previous]:
        raise CoalitionError(
            _("A pledge cannot go from “%(from)s” to “%(to)s”.")
            % {"from": PledgeState(previous).label, "to": PledgeState(to).label},
            code="transition",
        )
    today = today or timezone.localdate()
    locked.state = to
    if to == PledgeState.PUBLISHED:
        locked.published_at = timezone.now()
        locked.next_report_due = _add_months(
            max(today, locked.starts_on), locked.coalition.report_every_months
        )
    if to in {PledgeState.FULFILLED, PledgeState.LAPSED}:
        locked.next_report_due = None
    locked.save()
    log_action(locked, "coalitions.pledge.transitioned", by=by, data={"from": previous, "to": to})
    return locked


@dataclass(frozen=True)
class Figure:
    target: PledgeTarget
    achieved: Decimal | str
    unit: str


def _clean_links(links: Iterable[str]) -> list[str]:
    validate = URLValidator(schemes=["http", "https"])
    cleaned = []
    for link in links:
        link = link.strip()
        if not link:
            continue
        try:
            validate(link)
        except ValidationError as error:
            raise CoalitionError(
                _("“%(link)s” is not a web address (http:// or https://).") % {"link": link},
                field="evidence",
            ) from error
        cleaned.append(link)
    return cleaned


@transaction.atomic
def report_progress(
    *,
    pledge: Pledge,
    by,
    reported_on: dt.date,
    narrative: str,
    figures: Iterable[Figure],
    evidence: Iterable[str] = (),
) -> ProgressReport:
    """A progress report: for each target, the total achieved so far in the target's own unit;
    the first report puts a published pledge in progress and the next report is due a period
    later. A figure in another unit refuses the whole report."""
    pledge = Pledge.objects.select_for_update().select_related("coalition").get(pk=pledge.pk)
    if pledge.state not in {PledgeState.PUBLISHED, PledgeState.IN_PROGRESS}:
        raise CoalitionError(_("Only a published pledge in progress takes progress reports."))
    if not narrative.strip():
        raise CoalitionError(_("Say in a few words what happened."), field="narrative")
    if reported_on > timezone.localdate():
        raise CoalitionError(_("A report cannot be dated in the future."), field="reported_on")
    targets = {t.pk: t for t in pledge.targets.all()}
    parsed: list[tuple[PledgeTarget, Decimal, str]] = []
    for figure in figures:
        target = targets.get(figure.target.pk)
        if target is None:
            raise CoalitionError(_("That target belongs to another pledge."))
        if figure.unit != target.unit:
            raise CoalitionError(
                _("“%(indicator)s” is counted in %(unit)s, not in %(given)s.")
                % {
                    "indicator": target.indicator,
                    "unit": target.get_unit_display(),
                    "given": Unit(figure.unit).label if figure.unit in Unit.values else figure.unit,
                },
                code="unit",
                field=f"target_{target.pk}",
            )
        parsed.append(
            (target, parse_decimal(figure.achieved, field=f"target_{target.pk}"), figure.unit)
        )
    report = ProgressReport.objects.create(
        pledge=pledge,
        reported_on=reported_on,
        narrative=narrative.strip(),
        evidence=_clean_links(evidence),
        submitted_by=by,
    )
    ProgressFigure.objects.bulk_create(
        ProgressFigure(report=report, target=target, achieved=achieved, unit=unit)
        for target, achieved, unit in parsed
    )
    for target, achieved, _unit in parsed:
        target.achieved = achieved
        target.save(update_fields=["achieved"])
    pledge.progress = progress_of(targets.values())
    pledge.next_report_due = _add_months(reported_on, pledge.coalition.report_every_months)
    pledge.reminded_for = None
    if pledge.state == PledgeState.PUBLISHED:
        pledge.state = PledgeState.IN_PROGRESS
    pledge.save()
    log_action(
        pledge,
        "coalitions.pledge.reported",
        by=by,
        data={"report": report.pk, "progress": pledge.progress},
    )
    return report


def progress_of(targets: Iterable[PledgeTarget]) -> Decimal | None:
    """The mean share achieved over the targets, each capped at 100 %."""
    shares = [min(Decimal(1), t.achieved / t.target) for t in targets if t.target > 0]
    if not shares:
        return None
    return (sum(shares) / len(shares)).quantize(Decimal("0.0001"))


# --- Working groups ---------------------------------------------------------------------------


@transaction.atomic
def save_working_group(
    *, coalition: Coalition, slug: str, name: str, by, focus_area=None, description: str = ""
) -> WorkingGroup:
    """A working group of the coalition (one per focus area, and others); the slug is its key."""
    group, created = WorkingGroup.objects.update_or_create(
        coalition=coalition,
        slug=slug,
        defaults={"name": name, "focus_area": focus_area, "description": description},
    )
    log_action(group, "coalitions.group.created" if created else "coalitions.group.changed", by=by)
    return group


@transaction.atomic
def join_working_group(*, group: WorkingGroup, member: Member, by) -> None:
    """Add a member organization to a working group of its own coalition."""
    if member.coalition_id != group.coalition_id:
        raise CoalitionError(_("Only members of the coalition join its working groups."))
    group.members.add(member)
    log_action(group, "coalitions.group.joined", by=by, data={"member": str(member)})


@transaction.atomic
def schedule_meeting(
    *,
    group: WorkingGroup,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    by,
    time_zone: str = "Europe/Zurich",
    join_url: str = "",
    agenda: str = "",
) -> Meeting:
    """A dated meeting of a working group; it ends after it starts."""
    if ends_at <= starts_at:
        raise CoalitionError(_("A meeting ends after it starts."), field="ends_at")
    meeting = Meeting.objects.create(
        working_group=group,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
        join_url=join_url,
        agenda=agenda,
    )
    log_action(group, "coalitions.group.meeting_scheduled", by=by, data={"title": title})
    return meeting


@transaction.atomic
def add_document(
    *, group: WorkingGroup, title: str, by, url: str = "", file=None, meeting=None
) -> Document:
    """A document of a working group: a file or a link."""
    if not url and not file:
        raise CoalitionError(_("Attach a file or give a link."), field="url")
    document = Document.objects.create(
        working_group=group, title=title, url=url, file=file or "", meeting=meeting
    )
    log_action(group, "coalitions.group.document_added", by=by, data={"title": title})
    return document
