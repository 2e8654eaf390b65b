"""Bar charts of attendance, drawn as SVG on the server (no JavaScript, no CDN).

Each bar pair shows registered (light) and attended (dark) for one group; a group hidden for
being too small draws no bar and reads "fewer than 5". The page shows the same numbers in a
table beside each chart, which is what screen readers and exports use.
"""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .figures import SMALLEST_GROUP, Row

WIDTH = 640
LABEL = 200
BAR = 12
GAP = 10
TOP = 30
REGISTERED = "#9ecbf0"
ATTENDED = "#005a9c"
INK = "#1b1f24"
MOST_ROWS = 20


def bar_chart(rows: Sequence[Row], *, title: str, element_id: str) -> SafeString:
    """Horizontal bars for the first MOST_ROWS groups, registered beside attended."""
    rows = list(rows)[:MOST_ROWS]
    height = TOP + len(rows) * (2 * BAR + GAP) + 10
    top = max([r.registered or 0 for r in rows] + [r.attended or 0 for r in rows] + [1])
    scale = (WIDTH - LABEL - 60) / top
    hidden = _("fewer than %(n)s") % {"n": SMALLEST_GROUP}
    description = "; ".join(
        f"{r.label}: "
        + (_("%(n)s registered") % {"n": r.registered} if r.registered is not None else hidden)
        + ", "
        + (_("%(n)s attended") % {"n": r.attended} if r.attended is not None else hidden)
        for r in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="chart" '
        f'role="img" direction="ltr" font-size="12" font-family="sans-serif" '
        f'aria-labelledby="{element_id}-title {element_id}-desc">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
        f'<desc id="{element_id}-desc">{escape(description)}</desc>',
        f'<rect x="{LABEL}" y="6" width="12" height="12" fill="{REGISTERED}"/>',
        f'<text x="{LABEL + 18}" y="16" fill="{INK}">{escape(_("Registered"))}</text>',
        f'<rect x="{LABEL + 120}" y="6" width="12" height="12" fill="{ATTENDED}"/>',
        f'<text x="{LABEL + 138}" y="16" fill="{INK}">{escape(_("Attended"))}</text>',
    ]
    for index, row in enumerate(rows):
        y = TOP + index * (2 * BAR + GAP)
        label = row.label if len(row.label) <= 30 else row.label[:29] + "…"
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + BAR + 4}" text-anchor="end" fill="{INK}">'
            f"{escape(label)}</text>"
        )
        for offset, value, colour in (
            (0, row.registered, REGISTERED),
            (BAR, row.attended, ATTENDED),
        ):
            if value is None:
                parts.append(
                    f'<text x="{LABEL + 4}" y="{y + offset + BAR - 2}" fill="{INK}" '
                    f'font-style="italic">{escape(hidden)}</text>'
                )
                continue
            width = round(value * scale, 1)
            parts.append(
                f'<rect x="{LABEL}" y="{y + offset}" width="{width}" height="{BAR}" '
                f'fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{LABEL + width + 4}" y="{y + offset + BAR - 2}" fill="{INK}">'
                f"{value}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
