"""The secretariat sets up consultations, their phases, their calls and the calls' questions."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.core.permissions import require_or_404
from convoca.questionnaires.editor import question_formset, save_questions
from convoca.stakeholders.rules import is_secretariat

from .. import services
from ..models import Call, Consultation
from ..setup_forms import CallForm, ConsultationForm, PhaseFormSet


def _zone(request: HttpRequest, default: str) -> zoneinfo.ZoneInfo:
    name = request.POST.get("time_zone") or default
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(default)


@login_required
def manage_list(request: HttpRequest) -> HttpResponse:
    require_or_404(request.user, "consultations.set_up")
    consultations = Consultation.objects.select_related("edition").prefetch_related("calls")
    return render(request, "consultations/setup/list.html", {"consultations": consultations})


@login_required
def edit_consultation(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    consultation = None
    if slug is not None:
        consultation = Consultation.objects.filter(slug=slug).first()
        if consultation is None or not is_secretariat(request.user, consultation):
            raise Http404
    else:
        require_or_404(request.user, "consultations.set_up")
    zone = _zone(request, consultation.time_zone if consultation else "Europe/Zurich")
    with timezone.override(zone):
        form = ConsultationForm(request.POST or None, instance=consultation)
        phases = PhaseFormSet(request.POST or None, instance=consultation, prefix="phases")
        if request.method == "POST" and form.is_valid() & phases.is_valid():
            consultation = services.save_consultation(form=form, phases=phases, by=request.user)
            messages.success(request, _("The consultation is saved."))
            return redirect("consultations:edit_consultation", slug=consultation.slug)
        context = {"consultation": consultation, "form": form, "phases": phases}
        return render(request, "consultations/setup/consultation.html", context)


@login_required
def edit_call(
    request: HttpRequest, slug: str | None = None, consultation: str | None = None
) -> HttpResponse:
    call = owner = None
    if slug is not None:
        call = Call.objects.select_related("consultation").filter(slug=slug).first()
        if call is None or not is_secretariat(request.user, call):
            raise Http404
        owner = call.consultation
    else:
        owner = Consultation.objects.filter(slug=consultation).first()
        if owner is None or not is_secretariat(request.user, owner):
            raise Http404
    zone = _zone(request, call.time_zone if call else owner.time_zone)
    with timezone.override(zone):
        form = CallForm(
            request.POST or None,
            instance=call,
            initial={"time_zone": owner.time_zone if owner else "Europe/Zurich"},
        )
        if request.method == "POST" and form.is_valid():
            call = services.save_call(form=form, consultation=owner, by=request.user)
            messages.success(request, _("The call is saved. Now write its questions."))
            return redirect("consultations:edit_questions", slug=call.slug)
        return render(
            request,
            "consultations/setup/call.html",
            {"call": call, "consultation": owner, "form": form},
        )


@login_required
def edit_questions(request: HttpRequest, slug: str) -> HttpResponse:
    call = Call.objects.select_related("questionnaire", "consultation").filter(slug=slug).first()
    if call is None or not is_secretariat(request.user, call):
        raise Http404
    formset = question_formset(call.questionnaire, request.POST or None)
    if request.method == "POST" and formset.is_valid():
        save_questions(questionnaire=call.questionnaire, formset=formset, by=request.user)
        messages.success(request, _("The questions are saved."))
        return redirect("consultations:edit_questions", slug=call.slug)
    return render(request, "consultations/setup/questions.html", {"call": call, "formset": formset})
