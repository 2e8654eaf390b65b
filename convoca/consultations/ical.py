"""The phases of a consultation as an iCalendar feed (RFC 5545), each in its own time zone.

A handful of events, so the icalendar package builds it, VTIMEZONEs included."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Consultation


def phases_calendar(consultation: Consultation) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//convoca//Consultation phases 1.0//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", consultation.title)
    calendar.add("x-wr-timezone", consultation.time_zone)
    host = settings.SITE_URL.split("://")[-1].rstrip("/")
    url = settings.SITE_URL + consultation.get_absolute_url()
    stamp = timezone.now()
    for phase in consultation.phases.all():
        zone = phase.zone_name
        event = Event()
        event.add("uid", f"consultation-phase-{phase.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(phase.starts_at, ZoneInfo(zone)))
        if phase.ends_at:
            event.add("dtend", timezone.localtime(phase.ends_at, ZoneInfo(zone)))
        event.add("summary", f"{consultation.title}: {phase.title}")
        places = [part for part in (phase.venue, phase.join_url) if part]
        if places:
            event.add("location", " · ".join(places))
        description = "\n\n".join(part for part in (phase.description, phase.outcome, url) if part)
        event.add("description", description)
        event.add("url", url)
        event.add("categories", [phase.get_kind_display()])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
