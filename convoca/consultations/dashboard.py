"""The secretariat's dashboard of a consultation: submissions by call, state, stakeholder type,
ITU region and country, and the gender of the speakers they name, with a bar chart of each
drawn on the server as SVG (no JavaScript). The page shows the same numbers in tables.

Drafts are counted only in the table by state: the other breakdowns are of sent submissions."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_countries import countries

from convoca.accounts.models import Gender
from convoca.core.models import CountryRegion
from convoca.stakeholders.models import StakeholderType

from .models import Call, Consultation, Submission, SubmissionSpeaker, SubmissionState

BAR_COLOUR = "#005a9c"
INK = "#1b1f24"
WIDTH, ROW, LABEL, GAP = 720, 26, 260, 8


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    share: float  # of the breakdown's total, 0..1
    key: str = ""


@dataclass(frozen=True)
class Breakdown:
    slug: str
    title: str
    rows: list[Row]
    total: int

    @property
    def chart(self) -> SafeString:
        return bar_chart(self)


def _rows(counts: Counter, labels: dict[str, str], *, last: str = "") -> list[Row]:
    """Largest first; the unknowns (`last`) at the end."""
    total = sum(counts.values())
    ordered = sorted(counts.items(), key=lambda item: (item[0] == last, -item[1], str(item[0])))
    return [
        Row(
            label=str(labels.get(key, key)),
            count=count,
            share=count / total if total else 0.0,
            key=str(key),
        )
        for key, count in ordered
    ]


def _breakdown(slug: str, title: str, counts: Counter, labels: dict, last: str = "") -> Breakdown:
    return Breakdown(slug, title, _rows(counts, labels, last=last), sum(counts.values()))


def sent(consultation: Consultation) -> QuerySet[Submission]:
    return Submission.objects.filter(call__consultation=consultation).exclude(
        state=SubmissionState.DRAFT
    )


def breakdowns(consultation: Consultation) -> list[Breakdown]:
    """Every breakdown of the dashboard, in eight queries whatever the number of submissions."""
    unknown = "?"
    everything = Submission.objects.filter(call__consultation=consultation)
    by_state = Counter(dict(everything.values_list("state").annotate(n=Count("pk")).order_by()))
    submissions = sent(consultation)
    by_call = Counter(dict(submissions.values_list("call_id").annotate(n=Count("pk")).order_by()))
    # Titles through the model, so the active language falls back like everywhere else.
    call_titles = {call.pk: call.title for call in Call.objects.filter(pk__in=list(by_call))}
    by_type, by_country = Counter(), Counter()
    for stakeholder_type, country, n in (
        submissions.values_list("organization__stakeholder_type", "organization__country")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        by_type[stakeholder_type or unknown] += n
        by_country[country or unknown] += n
    regions = dict(
        CountryRegion.objects.filter(
            country__in=[c for c in by_country if c != unknown], itu_region__isnull=False
        ).values_list("country", "itu_region__name")
    )
    by_region = Counter()
    for country, n in by_country.items():
        by_region[regions.get(country, unknown)] += n
    by_gender = Counter(
        dict(
            SubmissionSpeaker.objects.filter(submission__in=submissions)
            .values_list("gender")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    if "" in by_gender:
        by_gender[unknown] += by_gender.pop("")
    not_known = {unknown: _("Not known")}
    return [
        _breakdown(
            "by-call",
            _("Sent submissions by call"),
            by_call,
            call_titles,
        ),
        _breakdown(
            "by-state", _("All submissions by state"), by_state, dict(SubmissionState.choices)
        ),
        _breakdown(
            "by-type",
            _("By stakeholder type of the submitting organization"),
            by_type,
            dict(StakeholderType.choices) | {unknown: _("No organization")},
            last=unknown,
        ),
        _breakdown(
            "by-region",
            _("By ITU region"),
            by_region,
            {unknown: _("Region not known")},
            last=unknown,
        ),
        _breakdown(
            "by-country",
            _("By country"),
            by_country,
            {code: countries.name(code) or code for code in by_country if code != unknown}
            | not_known,
            last=unknown,
        ),
        _breakdown(
            "by-gender",
            _("Speakers named in proposals, by gender"),
            by_gender,
            dict(Gender.choices) | {unknown: _("Not given")},
            last=unknown,
        ),
    ]


def bar_chart(breakdown: Breakdown) -> SafeString:
    """Horizontal bars, one per row, with the count at the end of each; an image with a title."""
    height = GAP * 2 + ROW * max(1, len(breakdown.rows))
    top = max((row.count for row in breakdown.rows), default=0) or 1
    span = WIDTH - LABEL - 60
    element_id = f"chart-{breakdown.slug}"
    summary = "; ".join(f"{row.label}: {row.count}" for row in breakdown.rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="chart" '
        f'role="img" direction="ltr" font-size="12" font-family="sans-serif" '
        f'aria-labelledby="{element_id}-title {element_id}-desc">',
        f'<title id="{element_id}-title">{escape(breakdown.title)}</title>',
        f'<desc id="{element_id}-desc">{escape(summary)}</desc>',
    ]
    for index, row in enumerate(breakdown.rows):
        y = GAP + index * ROW
        length = round(span * row.count / top, 1)
        label = row.label if len(row.label) <= 38 else row.label[:37] + "…"
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + ROW / 2}" text-anchor="end" '
            f'dominant-baseline="middle" fill="{INK}">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{LABEL}" y="{y + 4}" width="{length}" height="{ROW - 8}" '
            f'fill="{BAR_COLOUR}" data-count="{row.count}"/>'
        )
        parts.append(
            f'<text x="{LABEL + length + 6}" y="{y + ROW / 2}" dominant-baseline="middle" '
            f'fill="{INK}">{row.count}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
