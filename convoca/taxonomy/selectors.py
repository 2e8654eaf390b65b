from django.db.models import Prefetch, QuerySet

from .models import SDG, ActionLine, ActionLineSDG, FocusArea, Theme


def action_lines() -> QuerySet[ActionLine]:
    """All action lines, main lines before their sub-lines, with their SDGs (2 queries)."""
    return (
        ActionLine.objects.select_related("parent")
        .prefetch_related(Prefetch("sdgs", queryset=SDG.objects.order_by("number")))
        .order_by("position")
    )


def sdgs() -> QuerySet[SDG]:
    return SDG.objects.prefetch_related(
        Prefetch("action_lines", queryset=ActionLine.objects.order_by("code"))
    ).order_by("number")


def matrix() -> QuerySet[ActionLineSDG]:
    return ActionLineSDG.objects.select_related("action_line", "sdg").order_by(
        "action_line__code", "sdg__number"
    )


def focus_areas() -> QuerySet[FocusArea]:
    return FocusArea.objects.order_by("order")


def themes() -> QuerySet[Theme]:
    return Theme.objects.order_by("slug")
