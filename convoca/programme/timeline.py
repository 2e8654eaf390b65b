"""The programme's dates in the core timeline: each edition's opening and final week."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from convoca.core import timeline

from .models import Edition


@timeline.register("programme.editions")
def edition_dates(*, start=None, end=None, public_only=True):
    editions = Edition.objects.all()
    if start is not None:
        editions = editions.filter(final_week_end__gte=start.date())
    if end is not None:
        editions = editions.filter(opening_date__lte=end.date())
    for edition in editions.order_by("opening_date"):
        zone = edition.zone
        url = reverse("programme:edition", kwargs={"slug": edition.slug})
        yield timeline.TimelineEvent(
            starts_at=dt.datetime.combine(edition.opening_date, dt.time(9), tzinfo=zone),
            title=_("%(edition)s opens") % {"edition": edition.name},
            kind="opening",
            source="programme",
            time_zone=edition.time_zone,
            url=url,
            obj=edition,
        )
        yield timeline.TimelineEvent(
            starts_at=dt.datetime.combine(edition.final_week_start, dt.time(9), tzinfo=zone),
            ends_at=dt.datetime.combine(edition.final_week_end, dt.time(18), tzinfo=zone),
            title=_("Final week of %(edition)s") % {"edition": edition.name},
            kind="meeting",
            source="programme",
            time_zone=edition.time_zone,
            url=url,
            obj=edition,
        )
