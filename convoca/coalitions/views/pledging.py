"""A member organization's pages: its pledges, writing and publishing one, reporting progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.permissions import object_or_404

from .. import selectors, services, traffic
from ..forms import PledgeForm, ProgressForm, TargetFormSet, targets_of
from ..models import Pledge, PledgeState
from ._shared import attach, coalition_or_404


def _organizations_or_404(coalition, user):
    organizations = selectors.member_organizations(coalition=coalition, user=user)
    if not organizations.exists():
        raise Http404
    return organizations


@login_required
def my_pledges(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = coalition_or_404(slug)
    organizations = _organizations_or_404(coalition, request.user)
    today = timezone.localdate()
    pledges = selectors.pledges_of(coalition=coalition, organizations=organizations)
    rows = [{"pledge": p, "light": traffic.light(p, today=today)} for p in pledges]
    context = {"coalition": coalition, "rows": rows, "today": today}
    return render(request, "coalitions/my_pledges.html", context)


def _target_initial(pledge) -> list[dict]:
    if pledge is None:
        return []
    return [
        {"indicator": t.indicator, "unit": t.unit, "target": f"{t.target:f}"}
        for t in pledge.targets.all()
    ]


@login_required
def edit_pledge(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    coalition = coalition_or_404(slug)
    organizations = _organizations_or_404(coalition, request.user)
    pledge = None
    if pk is not None:
        pledge = object_or_404(
            request.user, "coalitions.change_pledge", Pledge, pk=pk, coalition=coalition
        )
    kwargs = {"coalition": coalition, "organizations": organizations}
    if request.method == "POST":
        form = PledgeForm(request.POST, **kwargs)
        targets = TargetFormSet(request.POST, prefix="targets")
        if form.is_valid() and targets.is_valid():
            data = form.cleaned_data
            try:
                saved = services.save_pledge(
                    coalition=coalition,
                    organization=data["organization"],
                    by=request.user,
                    pledge=pledge,
                    countries=data["countries"],
                    focus_areas=data["focus_areas"],
                    sdgs=data["sdgs"],
                    action_lines=data["action_lines"],
                    targets=targets_of(targets),
                    **form.pledge_fields(),
                )
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, _("Pledge saved."))
                return redirect(saved)
    else:
        initial = (
            PledgeForm.initial_for(pledge)
            if pledge
            else {
                "pledged_on": timezone.localdate(),
                "organization": organizations.first(),
            }
        )
        form = PledgeForm(initial=initial, **kwargs)
        targets = TargetFormSet(initial=_target_initial(pledge), prefix="targets")
    context = {"coalition": coalition, "form": form, "targets": targets, "pledge": pledge}
    return render(request, "coalitions/edit_pledge.html", context)


@login_required
@require_POST
def publish_pledge(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    coalition = coalition_or_404(slug)
    pledge = object_or_404(
        request.user, "coalitions.change_pledge", Pledge, pk=pk, coalition=coalition
    )
    to = request.POST.get("to", PledgeState.PUBLISHED)
    if to not in PledgeState.values:
        raise Http404
    try:
        services.transition_pledge(pledge=pledge, to=to, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Your pledge is now “%(state)s”.") % {"state": PledgeState(to).label},
        )
    return redirect(pledge)


@login_required
def report_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    coalition = coalition_or_404(slug)
    pledge = object_or_404(
        request.user,
        "coalitions.report_pledge",
        Pledge.objects.select_related("coalition", "organization"),
        pk=pk,
        coalition=coalition,
    )
    targets = list(pledge.targets.all())
    if request.method == "POST":
        form = ProgressForm(request.POST, targets=targets)
        if form.is_valid():
            try:
                services.report_progress(
                    pledge=pledge,
                    by=request.user,
                    reported_on=form.cleaned_data["reported_on"],
                    narrative=form.cleaned_data["narrative"],
                    figures=form.figures(),
                    evidence=form.links(),
                )
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, _("Thank you: your progress report is published."))
                return redirect(pledge)
    else:
        form = ProgressForm(initial={"reported_on": timezone.localdate()}, targets=targets)
    context = {"coalition": coalition, "pledge": pledge, "form": form}
    return render(request, "coalitions/report_progress.html", context)
