"""A working group's meetings as an iCalendar feed (RFC 5545), each in its own time zone."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import WorkingGroup


def meetings_calendar(group: WorkingGroup) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//convoca//Working group meetings 1.0//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{group.coalition.name}: {group.name}")
    host = settings.SITE_URL.split("://")[-1].rstrip("/")
    url = settings.SITE_URL + group.get_absolute_url()
    stamp = timezone.now()
    for meeting in group.meetings.all():
        zone = ZoneInfo(meeting.time_zone)
        event = Event()
        event.add("uid", f"coalition-meeting-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(meeting.starts_at, zone))
        event.add("dtend", timezone.localtime(meeting.ends_at, zone))
        event.add("summary", f"{group.name}: {meeting.title}")
        if meeting.join_url:
            event.add("location", meeting.join_url)
        event.add("description", "\n\n".join(p for p in (meeting.agenda, url) if p))
        event.add("url", url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
