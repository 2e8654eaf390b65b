"""The URLs the benchmark measures; append a `Target` to `TARGETS` to measure one more.

Each target is fetched once from the app; those exact bytes become its reference, served
statically, so every target is compared with the cost of merely delivering its own response.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One anonymous GET request that must answer 200."""

    name: str
    path: str
    # The least app/reference ratio the product promises for this target, if it promises one.
    goal: float | None = None

    @property
    def slug(self) -> str:
        """A file-name-safe form of the name, used for the reference file."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "target"


TARGETS: list[Target] = [
    Target(name="organizations page", path="/en/organizations/"),
    Target(name="API organizations", path="/api/v1/organizations?page_size=50"),
    Target(name="API action lines", path="/api/v1/action-lines"),
    # Cached for anonymous visitors per published version: at least half a static server.
    Target(
        name="programme page (cached)",
        path="/en/editions/wsis-forum-2022/programme/",
        goal=0.5,
    ),
    Target(name="API 2022 sessions", path="/api/v1/editions/wsis-forum-2022/sessions?page_size=50"),
]
