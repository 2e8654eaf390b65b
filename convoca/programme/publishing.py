"""Publishing the programme (secretariat) and the public list of what changed between versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.permissions import object_or_404

from . import services
from .cache import cacheable
from .models import Edition, ProgrammeVersion


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish what the timetable shows now as the next version, with a note."""
    edition = object_or_404(request.user, "programme.publish_edition", Edition, slug=slug)
    try:
        version = services.publish_programme(
            edition=edition, by=request.user, note=request.POST.get("note", "")[:2000]
        )
    except services.ProgrammeError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Version %(n)s is published with %(changes)s change(s).")
            % {"n": version.number, "changes": len(version.changes)},
        )
    return redirect("timetable:grid", slug=edition.slug)


@cacheable
def changes(request: HttpRequest, slug: str) -> HttpResponse:
    """Every published version, newest first, with what was added, moved, renamed or removed."""
    edition = get_object_or_404(Edition, slug=slug)
    versions = ProgrammeVersion.objects.filter(edition=edition).select_related("published_by")
    return render(
        request,
        "programme/changes.html",
        {"edition": edition, "versions": versions.order_by("-number")},
    )
