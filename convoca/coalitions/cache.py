"""The public coalition pages (the registry and its filters, a country, the world view, a
pledge) rendered once per generation for anonymous visitors and served from the cache.

Every anonymous visitor without a session or pending messages sees the same page for a URL and a
language, so its bytes are kept under a key holding the coalitions' generation. Any change to
what these pages show (a pledge, its countries, targets or reports, an organization, a member,
the coalition, the reference data they name) bumps the generation through the signals below,
and every cached page is rebuilt on its next request."""

from functools import wraps

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

from convoca.core import pagecache

GENERATION = pagecache.Generation("coalitions")


def generation() -> int:
    return GENERATION.value()


def bump() -> None:
    """Invalidate every cached public coalition page."""
    GENERATION.bump()


def changed(**kwargs) -> None:
    """Something the public pages show changed. Bumped now, so this transaction's own next read
    is fresh, and again on commit, so a page another request rendered from the old rows in
    between is dropped too."""
    bump()
    transaction.on_commit(bump)


def public_page(view):
    """Serve an anonymous visitor's page from the cache, or render it and keep it (a 200 only,
    one that set no cookie)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not pagecache.anonymous_get(request) or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        # The traffic lights depend on the day: a page is kept for one day at most.
        key = pagecache.page_key(
            GENERATION,
            str(timezone.localdate()),
            get_language() or "",
            str(bool(request.headers.get("HX-Request"))),
            request.get_full_path(),
        )
        if key is None:
            return view(request, *args, **kwargs)
        hit = pagecache.cached_page(request, key)
        if hit is not None:
            return hit
        return pagecache.keep(key, view(request, *args, **kwargs))

    return wrapped


def connect() -> None:
    """Bump the generation whenever a row the public pages show is saved or deleted."""
    from django.apps import apps

    from .models import Coalition, Pledge

    shown = [
        "coalitions.Coalition",
        "coalitions.Member",
        "coalitions.Pledge",
        "coalitions.PledgeCountry",
        "coalitions.PledgeTarget",
        "coalitions.ProgressReport",
        "coalitions.ProgressFigure",
        "coalitions.UsdRate",
        "stakeholders.Organization",
        "taxonomy.FocusArea",
        "taxonomy.SDG",
        "taxonomy.ActionLine",
        "core.Region",
        "core.CountryRegion",
        "programme.Edition",
    ]
    for label in shown:
        model = apps.get_model(label)
        uid = f"coalitions.cache.{label}"
        post_save.connect(changed, sender=model, dispatch_uid=f"{uid}.saved", weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}.deleted", weak=False)
    for relation in (
        Pledge.focus_areas,
        Pledge.sdgs,
        Pledge.action_lines,
        Coalition.focus_areas,
        Coalition.roundtables,
    ):
        through = relation.through
        m2m_changed.connect(
            changed, sender=through, dispatch_uid=f"coalitions.cache.{through._meta.label}"
        )
