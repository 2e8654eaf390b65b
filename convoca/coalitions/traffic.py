"""The traffic light of a pledge: how far its targets are against how much of its time is gone.

Green: on track (at least 90 % of the progress the time elapsed calls for) or fulfilled;
amber: behind (60–90 %); red: far behind, or lapsed; grey: nothing to judge yet."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

ON_TRACK = Decimal("0.9")
BEHIND = Decimal("0.6")


@dataclass(frozen=True)
class Light:
    colour: str  # "green", "amber", "red", "grey"
    label: str


LIGHTS = {
    "green": _("On track"),
    "amber": _("Behind schedule"),
    "red": _("Far behind"),
    "grey": _("No figures yet"),
    "done": _("Fulfilled"),
    "lapsed": _("Lapsed"),
}


def time_elapsed(*, starts_on: dt.date, ends_on: dt.date, today: dt.date) -> Decimal:
    """The share of the pledge's period gone by `today`, between 0 and 1."""
    if today <= starts_on:
        return Decimal(0)
    if today >= ends_on:
        return Decimal(1)
    return Decimal((today - starts_on).days) / Decimal((ends_on - starts_on).days)


def light(pledge, *, today: dt.date) -> Light:
    if pledge.state == "fulfilled":
        return Light("green", str(LIGHTS["done"]))
    if pledge.state == "lapsed":
        return Light("red", str(LIGHTS["lapsed"]))
    if pledge.progress is None:
        return Light("grey", str(LIGHTS["grey"]))
    elapsed = time_elapsed(starts_on=pledge.starts_on, ends_on=pledge.ends_on, today=today)
    if elapsed == 0 or pledge.progress >= elapsed * ON_TRACK:
        return Light("green", str(LIGHTS["green"]))
    if pledge.progress >= elapsed * BEHIND:
        return Light("amber", str(LIGHTS["amber"]))
    return Light("red", str(LIGHTS["red"]))
