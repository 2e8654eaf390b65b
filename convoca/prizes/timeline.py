"""The phases of every prize cycle in the core timeline."""

from django.db.models import Q
from django.utils.translation import gettext as _

from convoca.core import timeline

from .models import PrizeCycle


@timeline.register("prizes.phases")
def phase_dates(*, start=None, end=None, public_only=True):
    cycles = PrizeCycle.objects.all()
    if start is not None:
        cycles = cycles.filter(Q(announced_at__gte=start))
    if end is not None:
        cycles = cycles.filter(nominations_open_at__lt=end)
    for cycle in cycles:
        for phase, label, starts, ends in cycle.phases():
            yield timeline.TimelineEvent(
                starts_at=starts,
                ends_at=ends,
                title=_("%(cycle)s: %(phase)s") % {"cycle": cycle.name, "phase": label},
                kind="opening" if phase == "announcement" else "deadline",
                source="prizes",
                time_zone=cycle.time_zone,
                url=cycle.get_absolute_url(),
                obj=cycle,
            )
