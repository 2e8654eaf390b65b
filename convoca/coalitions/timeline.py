"""Working group meetings and pledge report deadlines in the core timeline."""

from django.utils.translation import gettext as _

from convoca.core import timeline

from .models import Meeting


@timeline.register("coalitions.meetings")
def meeting_dates(*, start=None, end=None, public_only=True):
    meetings = Meeting.objects.select_related("working_group__coalition")
    if start is not None:
        meetings = meetings.filter(ends_at__gte=start)
    if end is not None:
        meetings = meetings.filter(starts_at__lt=end)
    for meeting in meetings:
        group = meeting.working_group
        yield timeline.TimelineEvent(
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            title=_("%(group)s: %(meeting)s") % {"group": group.name, "meeting": meeting.title},
            kind="meeting",
            source="coalitions",
            time_zone=meeting.time_zone,
            url=group.get_absolute_url(),
            obj=meeting,
        )
