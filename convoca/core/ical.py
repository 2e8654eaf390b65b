"""Small iCalendar feeds (RFC 5545) built with the icalendar package: a handful of dated
events, each written in its own time zone with the VTIMEZONEs it needs. (The programme's
10,000-session feeds are written as text instead, for speed: see programme/exports/ical.py.)"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # unique within the site, e.g. "consultation-phase-12"
    starts_at: dt.datetime
    time_zone: str
    summary: str
    url: str
    ends_at: dt.datetime | None = None
    location: str = ""
    description: str = ""
    categories: list[str] = field(default_factory=list)


def feed(*, name: str, product: str, events: Iterable[CalendarEvent], time_zone: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//convoca//{product} 1.0//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if time_zone:
        calendar.add("x-wr-timezone", time_zone)
    host = settings.SITE_URL.split("://")[-1].rstrip("/")
    stamp = timezone.now()
    for item in events:
        zone = ZoneInfo(item.time_zone)
        event = Event()
        event.add("uid", f"{item.uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(item.starts_at, zone))
        if item.ends_at:
            event.add("dtend", timezone.localtime(item.ends_at, zone))
        event.add("summary", item.summary)
        if item.location:
            event.add("location", item.location)
        event.add("description", item.description)
        event.add("url", item.url)
        if item.categories:
            event.add("categories", item.categories)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
