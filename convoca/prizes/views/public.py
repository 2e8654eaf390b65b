"""The public pages: cycles, ballots with search, project pages, voting, results, winners of
every year and certificates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import certificates, selectors, services
from ..abuse import network_of
from ..models import Nomination, NominationState
from ._shared import client_address, cycle_or_404, nav


def cycles(request: HttpRequest) -> HttpResponse:
    return render(request, "prizes/cycles.html", {"cycles": selectors.cycles()})


def cycle_detail(request: HttpRequest, cycle: str) -> HttpResponse:
    found = cycle_or_404(cycle)
    context = nav(request, found, "cycle") | {
        "phases": found.phases(),
        "categories": selectors.categories(cycle=found),
        "sizes": selectors.ballot_sizes(cycle=found),
    }
    return render(request, "prizes/cycle.html", context)


def ballot(request: HttpRequest, cycle: str, category: str = "") -> HttpResponse:
    """The ballot: every category, or one; `q` searches titles, descriptions, organizations."""
    found = cycle_or_404(cycle)
    chosen = get_object_or_404(found.categories, slug=category) if category else None
    q = request.GET.get("q", "")[:100]
    projects = list(selectors.ballot(cycle=found, category=chosen, q=q)) if (chosen or q) else []
    votes = selectors.my_votes(cycle=found, voter=request.user)
    context = nav(request, found, "ballot") | {
        "category": chosen,
        "categories": found.categories.order_by("number"),
        "sizes": selectors.ballot_sizes(cycle=found),
        "projects": projects,
        "q": q,
        "my_votes": {category_id: vote.nomination_id for category_id, vote in votes.items()},
        "voting_open": found.voting_open_at(),
    }
    return render(request, "prizes/ballot.html", context)


def project(request: HttpRequest, cycle: str, pk: int) -> HttpResponse:
    found = cycle_or_404(cycle)
    nomination = selectors.project(cycle=found, pk=pk)
    if nomination is None:
        raise Http404
    votes = selectors.my_votes(cycle=found, voter=request.user)
    context = nav(request, found, "ballot") | {
        "project": nomination,
        "my_votes": {category_id: vote.nomination_id for category_id, vote in votes.items()},
        "voting_open": found.voting_open_at(),
        "certificate": certificates.is_available(nomination),
    }
    return render(request, "prizes/project.html", context)


@login_required
@require_POST
def vote(request: HttpRequest, cycle: str) -> HttpResponse:
    found = cycle_or_404(cycle)
    category = found.categories.filter(slug=request.POST.get("category", "")).first()
    raw = request.POST.get("nomination", "")
    nomination = (
        Nomination.objects.filter(cycle=found, pk=int(raw)).first() if raw.isdigit() else None
    )
    back = request.POST.get("next", "")
    if not (back.startswith("/") and not back.startswith("//")):
        back = ""
    if category is None or nomination is None:
        messages.error(request, _("Choose a project on this category's ballot."))
        return redirect(back or found.get_absolute_url())
    try:
        services.cast_vote(
            cycle=found,
            category=category,
            nomination=nomination,
            voter=request.user,
            network=network_of(client_address(request)),
        )
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(
            request,
            _("Your vote in “%(category)s” is for “%(project)s”.")
            % {"category": category.name, "project": nomination.title},
        )
    if back:
        return redirect(back)
    return redirect("prizes:category", cycle=found.slug, category=category.slug)


@login_required
def my_votes(request: HttpRequest, cycle: str) -> HttpResponse:
    found = cycle_or_404(cycle)
    votes = selectors.my_votes(cycle=found, voter=request.user)
    rows = [(category, votes.get(category.pk)) for category in selectors.categories(cycle=found)]
    context = nav(request, found, "my_votes") | {
        "rows": rows,
        "voting_open": found.voting_open_at(),
    }
    return render(request, "prizes/my_votes.html", context)


def results(request: HttpRequest, cycle: str) -> HttpResponse:
    found = cycle_or_404(cycle)
    public = found.champions_public()
    context = nav(request, found, "results") | {
        "public": public,
        "rows": selectors.results(cycle=found) if public else [],
        "winners_public": found.winners_public(),
    }
    return render(request, "prizes/results.html", context)


def winners(request: HttpRequest) -> HttpResponse:
    """Champions and winners of every year whose results are public."""
    years = [(cycle, selectors.results(cycle=cycle)) for cycle in selectors.published_cycles()]
    return render(request, "prizes/winners.html", {"years": years})


def certificate(request: HttpRequest, cycle: str, pk: int) -> HttpResponse:
    found = cycle_or_404(cycle)
    nomination = get_object_or_404(
        Nomination.objects.select_related("organization", "category", "cycle"),
        cycle=found,
        pk=pk,
        state__in=[NominationState.CHAMPION, NominationState.WINNER],
    )
    if not certificates.is_available(nomination):
        raise Http404
    response = HttpResponse(
        certificates.certificate_pdf(nomination, get_language() or "en"),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{certificates.filename(nomination)}"'
    return response
