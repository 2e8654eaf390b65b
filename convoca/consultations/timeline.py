"""Consultation phases and call deadlines in the core timeline."""

from django.db.models import Q
from django.utils.translation import gettext as _

from convoca.core import timeline

from .models import Call, CallState, Phase


@timeline.register("consultations.phases")
def phase_dates(*, start=None, end=None, public_only=True):
    phases = Phase.objects.select_related("consultation")
    if public_only:
        phases = phases.filter(consultation__is_public=True)
    if start is not None:
        phases = phases.filter(
            Q(ends_at__gte=start) | Q(ends_at__isnull=True, starts_at__gte=start)
        )
    if end is not None:
        phases = phases.filter(starts_at__lt=end)
    for phase in phases:
        yield timeline.TimelineEvent(
            starts_at=phase.starts_at,
            ends_at=phase.ends_at,
            title=f"{phase.consultation.title}: {phase.title}",
            kind="deadline" if phase.kind == "deadline" else "meeting",
            source="consultations",
            time_zone=phase.zone_name,
            url=phase.consultation.get_absolute_url(),
            public=phase.consultation.is_public,
            obj=phase,
        )


@timeline.register("consultations.calls")
def call_deadlines(*, start=None, end=None, public_only=True):
    calls = Call.objects.all()
    if public_only:
        calls = calls.exclude(state=CallState.DRAFT)
    if start is not None:
        calls = calls.filter(closes_at__gte=start)
    if end is not None:
        calls = calls.filter(closes_at__lt=end)
    for call in calls:
        yield timeline.TimelineEvent(
            starts_at=call.closes_at,
            title=_("Deadline: %(call)s") % {"call": call.title},
            kind="deadline",
            source="consultations",
            time_zone=call.time_zone,
            url=call.get_absolute_url(),
            public=call.state != CallState.DRAFT,
            obj=call,
        )
