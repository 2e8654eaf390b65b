"""The check-in page for staff at the venue: scan a badge (camera, through a small vendored
decoder) or type its code; the answer says who it is, their accreditation, and whether they may
come in. Light enough for a phone on a bad connection: the decoder loads only when the camera is
asked for, and with htmx only the answer is sent back."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .. import services
from ..forms import CheckInForm
from ..models import CheckIn
from ._shared import CHECK_IN, nav, staff_form


def check_in(request: HttpRequest, slug: str) -> HttpResponse:
    form = staff_form(request, slug, CHECK_IN)
    zone = form.edition.zone
    start = dt.datetime.combine(timezone.localdate(timezone=zone), dt.time(), tzinfo=zone)
    scan = CheckInForm(request.POST or None)
    result = error = registration = None
    status = 200
    if request.method == "POST" and scan.is_valid():
        try:
            result = services.check_in(
                form=form, scanned=scan.cleaned_data["code"], by=request.user
            )
            registration = result.registration
        except services.RegistrationError as refused:
            error = refused.message
            registration = refused.registration
            status = 422
        scan = CheckInForm()  # ready for the next badge
    context = {
        **nav(request, form, "check_in"),
        "scan": scan,
        "result": result,
        "message": result.message(zone) if result else "",
        "error": error,
        "person": registration,
        "arrived_today": CheckIn.objects.filter(
            registration__form=form, at__gte=start, at__lt=start + dt.timedelta(days=1)
        ).count()
        if request.method == "GET"
        else None,
    }
    template = (
        "registration/staff/_check_in_result.html"
        if request.headers.get("HX-Request")
        else "registration/staff/check_in.html"
    )
    return render(
        request, template, context, status=status if not request.headers.get("HX-Request") else 200
    )
