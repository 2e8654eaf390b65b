"""Every dated deadline and meeting across convoca, in one list.

Apps register a provider: a function that yields `TimelineEvent`s for a time window. The home
page, the secretariat's calendar and iCal feeds read `events()`; nothing else keeps dates.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone


@dataclass(frozen=True, order=True)
class TimelineEvent:
    starts_at: datetime
    title: str = field(compare=False)
    kind: str = field(compare=False)  # "deadline", "meeting", "opening", "session", ...
    source: str = field(compare=False)  # the registering app label, e.g. "consultations"
    ends_at: datetime | None = field(default=None, compare=False)
    time_zone: str = field(default="UTC", compare=False)
    url: str = field(default="", compare=False)
    public: bool = field(default=True, compare=False)
    obj: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if timezone.is_naive(self.starts_at):
            raise ValueError("timeline events need aware datetimes")
        if self.ends_at is not None and self.ends_at < self.starts_at:
            raise ValueError("a timeline event cannot end before it starts")


Provider = Callable[..., Iterable[TimelineEvent]]
_providers: dict[str, Provider] = {}


def register(name: str) -> Callable[[Provider], Provider]:
    """Register `provider(start=, end=, public_only=)` under a name; the same name replaces."""

    def decorator(provider: Provider) -> Provider:
        _providers[name] = provider
        return provider

    return decorator


def provider_names() -> list[str]:
    return sorted(_providers)


def unregister(name: str) -> None:
    _providers.pop(name, None)


def events(
    *, start: datetime | None = None, end: datetime | None = None, public_only: bool = True
) -> list[TimelineEvent]:
    """All registered events that overlap [start, end), in chronological order."""
    found: list[TimelineEvent] = []
    for provider in _providers.values():
        for event in provider(start=start, end=end, public_only=public_only):
            if public_only and not event.public:
                continue
            finish = event.ends_at or event.starts_at
            if start is not None and finish < start:
                continue
            if end is not None and event.starts_at >= end:
                continue
            found.append(event)
    return sorted(found)


def upcoming(*, limit: int = 10, public_only: bool = True) -> list[TimelineEvent]:
    return events(start=timezone.now(), public_only=public_only)[:limit]
