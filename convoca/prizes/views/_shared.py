"""Finding a cycle, and what every prizes page shows in its navigation."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from convoca.core.permissions import object_or_404

from ..models import PrizeCycle

MANAGE = "prizes.manage_prizecycle"
JUDGE = "prizes.judge_prizecycle"


def cycle_or_404(slug: str) -> PrizeCycle:
    return get_object_or_404(PrizeCycle.objects.select_related("edition", "ceremony"), slug=slug)


def managed_cycle(request: HttpRequest, slug: str) -> PrizeCycle:
    return object_or_404(
        request.user, MANAGE, PrizeCycle.objects.select_related("edition"), slug=slug
    )


def judged_cycle(request: HttpRequest, slug: str) -> PrizeCycle:
    return object_or_404(request.user, JUDGE, PrizeCycle.objects.all(), slug=slug)


def nav(request: HttpRequest, cycle: PrizeCycle, current: str) -> dict:
    return {
        "cycle": cycle,
        "current": current,
        "phase": cycle.phase,
        "can_manage": request.user.has_perm(MANAGE, cycle),
        "can_judge": request.user.has_perm(JUDGE, cycle),
    }


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")
