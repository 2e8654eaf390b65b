from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404


def object_or_404(user, perm: str, queryset: type[Model] | QuerySet, **lookup) -> Model:
    """The object, if `user` has `perm` on it; otherwise 404, so a denial never leaks existence."""
    obj = get_object_or_404(queryset, **lookup)
    require_or_404(user, perm, obj)
    return obj


def require_or_404(user, perm: str, obj: Model | None = None) -> None:
    if not user.has_perm(perm, obj):
        raise Http404
