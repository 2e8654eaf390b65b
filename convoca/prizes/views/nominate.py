"""Nominating a project through the cycle's nomination call, and revising it on request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from convoca.consultations import services as calls
from convoca.consultations.services import accepts
from convoca.core.permissions import require_or_404
from convoca.questionnaires.forms import AnswersForm
from convoca.stakeholders.selectors import organizations_for
from convoca.taxonomy.models import SDG, ActionLine

from .. import services
from ..forms import NominatorForm, ReviseForm
from ..models import Nomination, NominationState
from ._shared import cycle_or_404, nav


def _refusal(form, refused: ValidationError) -> None:
    if hasattr(refused, "error_dict"):
        for key, errors in refused.message_dict.items():
            for error in errors:
                form.add_error(key if key in form.fields else None, error)
    else:
        for message in refused.messages:
            form.add_error(None, message)


@login_required
def nominate(request: HttpRequest, cycle: str) -> HttpResponse:
    """A focal point nominates a project for one of their organizations while the call is open."""
    found = cycle_or_404(cycle)
    require_or_404(request.user, "prizes.nominate")
    call = found.nomination_call
    if call is None:
        raise Http404
    organizations = organizations_for(user=request.user).order_by("name")
    data = request.POST if request.method == "POST" else None
    nominator = NominatorForm(data, organizations=organizations)
    answers = AnswersForm(
        call.questionnaire, data, request.FILES if data is not None else None, prefix="q"
    )
    if data is not None and nominator.is_valid() and answers.is_valid():
        given = answers.answers()
        try:
            calls.submit(
                call=call,
                user=request.user,
                organization=nominator.cleaned_data["organization"],
                title=nominator.cleaned_data["title"],
                answers=given,
                action_lines=ActionLine.objects.filter(code__in=given.get("action_lines") or []),
                sdgs=SDG.objects.filter(number__in=given.get("sdgs") or []),
            )
        except ValidationError as refused:
            _refusal(answers if hasattr(refused, "error_dict") else nominator, refused)
        else:
            messages.success(
                request, _("Your nomination is submitted. The secretariat will validate it.")
            )
            return redirect("prizes:my_nominations", cycle=found.slug)
    context = nav(request, found, "nominate") | {
        "call": call,
        "open": accepts(call, request.user),
        "organizations": organizations,
        "nominator": nominator,
        "answers": answers,
    }
    return render(request, "prizes/nominate.html", context)


@login_required
def my_nominations(request: HttpRequest, cycle: str) -> HttpResponse:
    found = cycle_or_404(cycle)
    mine = (
        Nomination.objects.filter(cycle=found, submitter=request.user)
        .select_related("organization", "category")
        .order_by("-created_at")
    )
    return render(
        request,
        "prizes/my_nominations.html",
        nav(request, found, "my_nominations") | {"nominations": mine},
    )


@login_required
def revise(request: HttpRequest, cycle: str, pk: int) -> HttpResponse:
    found = cycle_or_404(cycle)
    nomination = get_object_or_404(
        Nomination, cycle=found, pk=pk, state=NominationState.CHANGES_REQUESTED
    )
    require_or_404(request.user, "prizes.revise_nomination", nomination)
    links = [*nomination.links, "", ""]
    initial = {
        "title": nomination.title,
        "description": nomination.description,
        "website": links[0],
        "video": links[1],
        "contact_name": nomination.contact_name,
        "contact_email": nomination.contact_email,
    }
    form = ReviseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.revise_nomination(
                nomination=nomination, by=request.user, title=data["title"],
                description=data["description"], links=[data["website"], data["video"]],
                contact_name=data["contact_name"], contact_email=data["contact_email"],
            )  # fmt: skip
        except ValidationError as refused:
            _refusal(form, refused)
        else:
            messages.success(request, _("Your changes are sent to the secretariat."))
            return redirect("prizes:my_nominations", cycle=found.slug)
    context = nav(request, found, "my_nominations") | {"nomination": nomination, "form": form}
    return render(request, "prizes/revise.html", context)
