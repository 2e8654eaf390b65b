"""Public pages: consultations with their phases, calls, and inputs from regional events."""

import zoneinfo

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .. import public_selectors as selectors
from ..ical import phases_calendar
from ..models import CallState, SubmissionState
from ..services import accepts, deadline_for


def viewer_zone(request: HttpRequest) -> zoneinfo.ZoneInfo | None:
    """The signed-in viewer's own time zone, shown beside the event's."""
    return request.user.zone if request.user.is_authenticated else None


def _consultation(slug: str):
    consultation = selectors.consultation_page(slug=slug)
    if consultation is None:
        raise Http404
    return consultation


def consultation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consultations/public/list.html",
        {"consultations": selectors.public_consultations()},
    )


def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    phases = list(consultation.phases.all())
    context = {
        "consultation": consultation,
        "phases": phases,
        "calls": list(consultation.calls.all()),
        "inputs": selectors.public_inputs(consultation=consultation)[:5],
        "viewer_zone": viewer_zone(request),
    }
    return render(request, "consultations/public/detail.html", context)


def phases_ical(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    response = HttpResponse(
        phases_calendar(consultation), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{consultation.slug}-phases.ics"'
    return response


def inputs(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    return render(
        request,
        "consultations/public/inputs.html",
        {
            "consultation": consultation,
            "inputs": selectors.public_inputs(consultation=consultation),
        },
    )


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = selectors.call_page(slug=slug)
    if call is None:
        raise Http404
    mine = []
    if request.user.is_authenticated:
        mine = list(
            call.submissions.filter(submitter=request.user)
            .exclude(state=SubmissionState.WITHDRAWN)
            .order_by("-updated_at")
        )
    context = {
        "call": call,
        "questions": list(call.questionnaire.questions.all()),
        "deadline": deadline_for(call, request.user),
        "accepting": accepts(call, request.user),
        "not_yet": call.state == CallState.DRAFT or call.opens_at > timezone.now(),
        "mine": mine,
        "viewer_zone": viewer_zone(request),
    }
    return render(request, "consultations/public/call.html", context)
