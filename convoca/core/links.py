"""Links an app offers on a page another app owns, so the owner does not import it.

The programme's edition page lists "Register", "Open consultation", "WSIS Prizes" … without
knowing those apps: each registers a provider for the kind of object ("edition") and the page
asks `links_for("edition", edition)`. Same pattern as the timeline."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Link:
    order: int
    label: str
    url: str


Provider = Callable[[Any], Iterable[Link]]
_providers: dict[str, dict[str, Provider]] = {}


def register(kind: str, name: str) -> Callable[[Provider], Provider]:
    """Register `provider(obj)` for pages of `kind`; the same name replaces."""

    def decorator(provider: Provider) -> Provider:
        _providers.setdefault(kind, {})[name] = provider
        return provider

    return decorator


def links_for(kind: str, obj: Any) -> list[Link]:
    return sorted(link for provider in _providers.get(kind, {}).values() for link in provider(obj))
