"""The secretariat's pages: nominations to decide, the live count, abuse signals and voiding,
champions, jury scores and winners, the ceremony."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import DecisionForm, VoidForm
from ..models import Nomination
from ._shared import managed_cycle, nav


def _back(cycle, anchor: str = "") -> HttpResponse:
    response = redirect("prizes:manage", cycle=cycle.slug)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _run(request, action, success: str):
    try:
        result = action()
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
        return None
    messages.success(request, success)
    return result


def manage(request: HttpRequest, cycle: str) -> HttpResponse:
    found = managed_cycle(request, cycle)
    context = nav(request, found, "manage") | {
        "to_decide": selectors.nominations_to_decide(cycle=found),
        "counts": selectors.live_counts(cycle=found),
        "signals": selectors.abuse_signals(cycle=found),
        "jury": selectors.jury_summary(cycle=found) if found.champions_computed_at else [],
        "decision_form": DecisionForm(),
        "void_form": VoidForm(),
    }
    return render(request, "prizes/manage.html", context)


@require_POST
def decide(request: HttpRequest, cycle: str, pk: int) -> HttpResponse:
    found = managed_cycle(request, cycle)
    nomination = get_object_or_404(Nomination, cycle=found, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
    else:
        _run(
            request,
            lambda: services.transition(
                nomination,
                to=form.cleaned_data["to"],
                by=request.user,
                note=form.cleaned_data["note"],
            ),
            _("Decision recorded; the nominator is told by email."),
        )
    return _back(found, "nominations")


@require_POST
def publish_ballot(request: HttpRequest, cycle: str) -> HttpResponse:
    found = managed_cycle(request, cycle)
    _run(
        request,
        lambda: services.put_on_ballot(cycle=found, by=request.user),
        _("The validated nominations are on the ballot."),
    )
    return _back(found)


@require_POST
def void(request: HttpRequest, cycle: str) -> HttpResponse:
    found = managed_cycle(request, cycle)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for voiding these votes."))
        return _back(found, "signals")
    try:
        count = services.void_votes(
            cycle=found, by=request.user, reason=form.cleaned_data["reason"],
            network=form.cleaned_data["network"].strip(), flag=form.cleaned_data["flag"],
        )  # fmt: skip
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, _("%(count)d votes voided.") % {"count": count})
    return _back(found, "signals")


@require_POST
def champions(request: HttpRequest, cycle: str) -> HttpResponse:
    found = managed_cycle(request, cycle)
    _run(
        request,
        lambda: services.compute_champions(cycle=found, by=request.user),
        _("The champions are counted from the valid votes."),
    )
    return _back(found, "jury")


@require_POST
def winner(request: HttpRequest, cycle: str, pk: int) -> HttpResponse:
    found = managed_cycle(request, cycle)
    nomination = get_object_or_404(Nomination, cycle=found, pk=pk)
    _run(
        request,
        lambda: services.decide_winner(nomination=nomination, by=request.user),
        _("“%(project)s” wins its category.") % {"project": nomination.title},
    )
    return _back(found, "jury")
