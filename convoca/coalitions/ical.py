"""A working group's meetings as an iCalendar feed, each in its own time zone."""

from django.conf import settings

from convoca.core.ical import CalendarEvent, feed

from .models import WorkingGroup


def meetings_calendar(group: WorkingGroup) -> bytes:
    url = settings.SITE_URL + group.get_absolute_url()
    return feed(
        name=f"{group.coalition.name}: {group.name}",
        product="Working group meetings",
        events=(
            CalendarEvent(
                uid=f"coalition-meeting-{meeting.pk}",
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                time_zone=meeting.time_zone,
                summary=f"{group.name}: {meeting.title}",
                location=meeting.join_url,
                description="\n\n".join(p for p in (meeting.agenda, url) if p),
                url=url,
            )
            for meeting in group.meetings.all()
        ),
    )
