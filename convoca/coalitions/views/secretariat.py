"""The secretariat's pages: the EoI board (htmx moves, a form per card without JavaScript), an
EoI with its follow-up, mails and duplicates, USD rates, and working group management."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.audit import history
from convoca.questionnaires import answers as answer_display
from convoca.taxonomy.models import FocusArea

from .. import pipeline, selectors, services
from ..forms import (
    DocumentForm,
    EmailForm,
    FollowUpForm,
    MeetingForm,
    MoveForm,
    UsdRateForm,
)
from ..models import EoiState, ExpressionOfInterest, Member, UsdRate
from ._shared import attach, managed_coalition


def _board_context(coalition) -> dict:
    columns = selectors.board(coalition=coalition)
    return {
        "coalition": coalition,
        "columns": [
            {
                "state": state,
                "label": EoiState(state).label,
                "cards": [
                    {"expression": e, "moves": MoveForm.choices_from(e.state)}
                    for e in columns[state]
                ],
            }
            for state in EoiState.values
        ],
    }


@login_required
def board(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = managed_coalition(request, slug)
    return render(request, "coalitions/board.html", _board_context(coalition))


def _expression(coalition, pk: int) -> ExpressionOfInterest:
    expression = selectors.expression_page(coalition=coalition, pk=pk)
    if expression is None:
        raise Http404
    return expression


@login_required
@require_POST
def move_expression(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One step along the pipeline; htmx gets the board back, a plain form a redirect."""
    coalition = managed_coalition(request, slug)
    expression = _expression(coalition, pk)
    form = MoveForm(request.POST)
    error = None
    if form.is_valid():
        try:
            pipeline.transition(
                expression=expression,
                to=form.cleaned_data["to"],
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
    else:
        error = _("Choose where to move it.")
    if request.headers.get("HX-Request"):
        context = _board_context(coalition) | {"error": error}
        return render(request, "coalitions/_board.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("%(organization)s is now “%(state)s”.")
            % {
                "organization": expression.organization,
                "state": EoiState(form.cleaned_data["to"]).label,
            },
        )
    return redirect(
        (
            request.POST.get("next") == "detail"
            and reverse("coalitions:expression", kwargs={"slug": slug, "pk": pk})
        )
        or reverse("coalitions:board", kwargs={"slug": slug})
    )


@login_required
def expression_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    coalition = managed_coalition(request, slug)
    expression = _expression(coalition, pk)
    context = _detail_context(expression)
    return render(request, "coalitions/expression.html", context)


def _detail_context(expression, **forms) -> dict:
    submissions = [
        {
            "submission": s,
            "answers": answer_display.display(s.call.questionnaire, s.answers),
        }
        for s in expression.submissions.all()
    ]
    return {
        "coalition": expression.coalition,
        "expression": expression,
        "submissions": submissions,
        "moves": MoveForm.choices_from(expression.state),
        "move_form": forms.get("move_form") or MoveForm(),
        "follow_up_form": forms.get("follow_up_form")
        or FollowUpForm(
            initial={
                "owner": expression.owner_id,
                "due_on": expression.due_on,
                "next_step": expression.next_step,
            }
        ),
        "email_form": forms.get("email_form") or EmailForm(),
        "duplicates": selectors.possible_duplicates(expression),
        "history": history(expression)[:30],
    }


@login_required
@require_POST
def follow_up(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    coalition = managed_coalition(request, slug)
    expression = _expression(coalition, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            pipeline.follow_up(expression=expression, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("Follow-up saved."))
            return redirect("coalitions:expression", slug=slug, pk=pk)
    context = _detail_context(expression, follow_up_form=form)
    return render(request, "coalitions/expression.html", context, status=400)


@login_required
@require_POST
def email_expression(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    coalition = managed_coalition(request, slug)
    expression = _expression(coalition, pk)
    form = EmailForm(request.POST)
    if form.is_valid():
        try:
            email = pipeline.send_email(expression=expression, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("Sent to %(to)s.") % {"to": email.to})
            return redirect("coalitions:expression", slug=slug, pk=pk)
    context = _detail_context(expression, email_form=form)
    return render(request, "coalitions/expression.html", context, status=400)


@login_required
@require_POST
def merge_expression(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Merge another EoI (and its organization) into this one."""
    coalition = managed_coalition(request, slug)
    keep = _expression(coalition, pk)
    duplicate = get_object_or_404(
        ExpressionOfInterest, coalition=coalition, pk=request.POST.get("duplicate") or 0
    )
    try:
        pipeline.merge(keep=keep, duplicate=duplicate, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Merged: one organization, one expression of interest."))
    return redirect("coalitions:expression", slug=slug, pk=pk)


@login_required
def add_rate(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = managed_coalition(request, slug)
    form = UsdRateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_usd_rate(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("Rate added."))
            return redirect("coalitions:rates", slug=slug)
    context = {"coalition": coalition, "form": form, "rates": UsdRate.objects.all()[:200]}
    return render(request, "coalitions/rates.html", context, status=400 if form.errors else 200)


@login_required
def manage_group(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    """Meetings, documents and members of a working group."""
    coalition = managed_coalition(request, slug)
    found = selectors.working_group_page(coalition=coalition, slug=group)
    if found is None:
        raise Http404
    meeting_form, document_form = MeetingForm(prefix="meeting"), DocumentForm(prefix="document")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "meeting":
                meeting_form = MeetingForm(request.POST, prefix="meeting")
                if meeting_form.is_valid():
                    services.schedule_meeting(
                        group=found, by=request.user, **meeting_form.cleaned_data
                    )
                    messages.success(request, _("Meeting scheduled."))
                    return redirect(found)
            elif action == "document":
                document_form = DocumentForm(request.POST, request.FILES, prefix="document")
                if document_form.is_valid():
                    services.add_document(
                        group=found, by=request.user, **document_form.cleaned_data
                    )
                    messages.success(request, _("Document added."))
                    return redirect(found)
            elif action == "member":
                member = get_object_or_404(
                    Member, coalition=coalition, pk=request.POST.get("member") or 0
                )
                services.join_working_group(group=found, member=member, by=request.user)
                messages.success(request, _("%(member)s joined the group.") % {"member": member})
                return redirect(found)
        except ValidationError as error:
            attach(meeting_form if action == "meeting" else document_form, error)
    context = {
        "coalition": coalition,
        "group": found,
        "meeting_form": meeting_form,
        "document_form": document_form,
        "candidates": selectors.members(coalition=coalition).exclude(working_groups=found),
        "focus_areas": FocusArea.objects.all(),
    }
    return render(request, "coalitions/manage_group.html", context)
