"""The phases of a consultation as an iCalendar feed, each in its own time zone."""

from django.conf import settings

from convoca.core.ical import CalendarEvent, feed

from .models import Consultation


def phases_calendar(consultation: Consultation) -> bytes:
    url = settings.SITE_URL + consultation.get_absolute_url()
    return feed(
        name=consultation.title,
        product="Consultation phases",
        time_zone=consultation.time_zone,
        events=(
            CalendarEvent(
                uid=f"consultation-phase-{phase.pk}",
                starts_at=phase.starts_at,
                ends_at=phase.ends_at,
                time_zone=phase.zone_name,
                summary=f"{consultation.title}: {phase.title}",
                location=" · ".join(part for part in (phase.venue, phase.join_url) if part),
                description="\n\n".join(
                    part for part in (phase.description, phase.outcome, url) if part
                ),
                url=url,
                categories=[phase.get_kind_display()],
            )
            for phase in consultation.phases.all()
        ),
    )
