from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from .models import FocalPoint, FocalPointState, Organization, RoleAssignment


def role_scopes(obj: Model | None) -> list[Model]:
    """The object and everything above it whose roles apply to it (obj.role_parents())."""
    scopes: list[Model] = []
    pending: list[Model] = [obj] if obj is not None else []
    while pending:
        current = pending.pop()
        if current in scopes:
            continue
        scopes.append(current)
        parents = getattr(current, "role_parents", None)
        if callable(parents):
            pending.extend(p for p in parents() if p is not None)
    return scopes


def holds_role(
    *, user, role: str, on: Model | Iterable[Model] | None = None, anywhere=False
) -> bool:
    """Does `user` hold `role` platform-wide or on `on` (or its parents)? `anywhere`: on any."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    assignments = RoleAssignment.objects.filter(user=user, role=role)
    if anywhere:
        return assignments.exists()
    condition = Q(scope_type__isnull=True)
    objects = (
        role_scopes(on) if isinstance(on, Model) else [s for o in on or [] for s in role_scopes(o)]
    )
    for scope in objects:
        condition |= Q(
            scope_type=ContentType.objects.get_for_model(scope, for_concrete_model=True),
            scope_id=str(scope.pk),
        )
    return assignments.filter(condition).exists()


def approved_focal_point(*, user, organization: Organization) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return FocalPoint.objects.filter(
        user=user, organization=organization, state=FocalPointState.APPROVED
    ).exists()


def organizations_for(*, user) -> QuerySet[Organization]:
    """Organizations the user may act for as an approved focal point."""
    return Organization.objects.filter(
        focal_points__user=user, focal_points__state=FocalPointState.APPROVED
    ).distinct()


def public_organizations(
    *, q: str = "", stakeholder_type: str = "", country: str = ""
) -> QuerySet[Organization]:
    organizations = Organization.objects.all()
    if q:
        organizations = organizations.filter(Q(name__icontains=q) | Q(acronym__icontains=q))
    if stakeholder_type:
        organizations = organizations.filter(stakeholder_type=stakeholder_type)
    if country:
        organizations = organizations.filter(country=country.upper())
    return organizations.order_by("name")


def focal_point_requests(*, state: str = FocalPointState.REQUESTED) -> QuerySet[FocalPoint]:
    return (
        FocalPoint.objects.filter(state=state)
        .select_related("user", "organization", "decided_by")
        .order_by("created_at")
    )
