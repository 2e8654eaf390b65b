"""Pledged against received over time, as an SVG drawn on the server (no JavaScript).

Amounts stay Decimals from the database to the drawing: coordinates are computed with Decimal
arithmetic and written with one decimal. The chart is an image with a <title> and a <desc>; the
page shows the same numbers in a table next to it.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_compact_decimal
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, to_locale

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 40, 40, 44
MOST_DOTS = 24  # beyond this many months, dots on every month would blur the lines
PLEDGED_COLOUR = "#005a9c"
RECEIVED_COLOUR = "#1a7f37"
TARGET_COLOUR = "#57606a"
INK = "#1b1f24"
GRID = "#d0d7de"
ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Month:
    start: dt.date
    pledged: Decimal  # cumulative, in the fund's currency
    received: Decimal  # cumulative, in the fund's currency
    changed: bool  # something was pledged or received in the month

    @property
    def label(self) -> str:
        return date_format(self.start, "YEAR_MONTH_FORMAT")

    @property
    def short_label(self) -> str:
        return date_format(self.start, "M Y")


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def cumulative_by_month(
    pledges: Iterable[tuple[dt.date, Decimal]], receipts: Iterable[tuple[dt.date, Decimal]]
) -> list[Month]:
    """Running totals at the end of every month from the first pledge or receipt to the last."""
    pledged: dict[dt.date, Decimal] = defaultdict(Decimal)
    received: dict[dt.date, Decimal] = defaultdict(Decimal)
    for day, amount in pledges:
        pledged[_month(day)] += amount
    for day, amount in receipts:
        received[_month(day)] += amount
    months = set(pledged) | set(received)
    if not months:
        return []
    first, last = min(months), max(months)
    series, month = [], first
    total_pledged = total_received = Decimal("0")
    while month <= last:
        total_pledged += pledged.get(month, Decimal("0"))
        total_received += received.get(month, Decimal("0"))
        series.append(
            Month(month, total_pledged, total_received, month in pledged or month in received)
        )
        month = _next_month(month)
    return series


def nice_ceiling(value: Decimal) -> Decimal:
    """A round top for the axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return Decimal("1")
    power = Decimal(1).scaleb(value.adjusted())
    for step in (Decimal("1"), Decimal("2"), Decimal("2.5"), Decimal("5"), Decimal("10")):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover - 10 × power always reaches value


def _number(value: Decimal) -> str:
    return str(value.quantize(ONE_PLACE))


def _compact(value: Decimal, language: str) -> str:
    return format_compact_decimal(value, locale=to_locale(language), fraction_digits=1)


def line_chart(
    months: list[Month],
    *,
    title: str,
    description: str,
    legend: tuple[str, str, str],
    target: Decimal | None = None,
    element_id: str = "fund-chart",
    language: str | None = None,
) -> SafeString:
    """The SVG: cumulative pledged (dashed) and received (solid) lines, and the target if any.

    `legend` names the pledged line, the received line and the target line, in that order.
    """
    language = language or get_language() or "en"
    top_value = max(
        [m.pledged for m in months] + [m.received for m in months] + [target or Decimal("0")]
    )
    ceiling = nice_ceiling(top_value)
    plot_width = Decimal(WIDTH - LEFT - RIGHT)
    plot_height = Decimal(HEIGHT - TOP - BOTTOM)

    def x(index: int) -> Decimal:
        if len(months) == 1:
            return Decimal(LEFT) + plot_width / 2
        return Decimal(LEFT) + plot_width * index / (len(months) - 1)

    def y(value: Decimal) -> Decimal:
        return Decimal(TOP) + plot_height - plot_height * value / ceiling

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" direction="ltr" font-size="12" font-family="sans-serif" '
        f'aria-labelledby="{element_id}-title {element_id}-desc">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
        f'<desc id="{element_id}-desc">{escape(description)}</desc>',
    ]
    # Grid and the amounts on the vertical axis: four steps up to the round ceiling.
    for step in range(5):
        value = ceiling * step / 4
        level = _number(y(value))
        parts.append(
            f'<line x1="{LEFT}" y1="{level}" x2="{WIDTH - RIGHT}" y2="{level}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{level}" text-anchor="end" dominant-baseline="middle" '
            f'fill="{INK}">{escape(_compact(value, language))}</text>'
        )
    # Months along the bottom; with many months only every so many, counted from the last.
    every = max(1, -(-len(months) // 8))
    for index, month in enumerate(months):
        if (len(months) - 1 - index) % every == 0:
            parts.append(
                f'<text x="{_number(x(index))}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                f'fill="{INK}">{escape(month.short_label)}</text>'
            )
    if target:
        level = _number(y(target))
        parts.append(
            f'<line x1="{LEFT}" y1="{level}" x2="{WIDTH - RIGHT}" y2="{level}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="1.5" stroke-dasharray="2 4"/>'
        )
    for attribute, colour, dashes in (
        ("pledged", PLEDGED_COLOUR, ' stroke-dasharray="8 4"'),
        ("received", RECEIVED_COLOUR, ""),
    ):
        points = " ".join(
            f"{_number(x(i))},{_number(y(getattr(m, attribute)))}" for i, m in enumerate(months)
        )
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"'
            f'{dashes} data-series="{attribute}"/>'
        )
        for index, month in enumerate(months if len(months) <= MOST_DOTS else ()):
            parts.append(
                f'<circle cx="{_number(x(index))}" cy="{_number(y(getattr(month, attribute)))}" '
                f'r="3.5" fill="{colour}"/>'
            )
    # Legend along the top, with the line styles of the series.
    legend_items = [(legend[0], PLEDGED_COLOUR, "8 4"), (legend[1], RECEIVED_COLOUR, "")]
    if target:
        legend_items.append((legend[2], TARGET_COLOUR, "2 4"))
    offset = LEFT
    for label, colour, dashes in legend_items:
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        parts.append(
            f'<line x1="{offset}" y1="14" x2="{offset + 28}" y2="14" stroke="{colour}" '
            f'stroke-width="2.5"{dash}/>'
        )
        parts.append(
            f'<text x="{offset + 34}" y="14" dominant-baseline="middle" fill="{INK}">'
            f"{escape(label)}</text>"
        )
        offset += 34 + 8 * len(label) + 24
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
