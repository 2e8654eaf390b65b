import logging

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from convoca.core import timeline
from convoca.core.audit import history
from convoca.core.permissions import object_or_404
from convoca.taxonomy import selectors as taxonomy

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {"upcoming": timeline.upcoming(limit=8), "focus_areas": taxonomy.focus_areas()},
    )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Database and cache reachable: 200; either down: 503. For load balancers and monitors."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("health check: database unreachable")
        return False


def _cache_ok() -> bool:
    try:
        cache.set("convoca:healthz", "1", timeout=10)
        return cache.get("convoca:healthz") == "1"
    except Exception:  # any backend error means "cache unreachable", which is the answer
        logger.exception("health check: cache unreachable")
        return False


@login_required
def object_history(request: HttpRequest, model: str, pk: str) -> HttpResponse:
    """The audit log of one object, for the secretariat responsible for it."""
    try:
        model_class = apps.get_model(model)
    except (LookupError, ValueError) as error:
        raise Http404 from error
    obj = object_or_404(request.user, "core.view_history", model_class, pk=pk)
    return render(request, "web/history.html", {"object": obj, "entries": history(obj)[:500]})


def action_lines(request: HttpRequest) -> HttpResponse:
    return render(request, "web/action_lines.html", {"action_lines": taxonomy.action_lines()})


def sdgs(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/sdgs.html",
        {"sdgs": taxonomy.sdgs(), "action_lines": taxonomy.action_lines()},
    )


def focus_areas(request: HttpRequest) -> HttpResponse:
    return render(request, "web/focus_areas.html", {"focus_areas": taxonomy.focus_areas()})


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """A friendly 500 that needs no database: the template reads nothing but the language."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"request_path": request.path}), status=500)
