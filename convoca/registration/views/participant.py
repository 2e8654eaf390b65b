"""A participant's pages: the registration form, their registration (state, QR code, badge,
cancel), remote sessions with the join link from 15 minutes before, and session seats."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.markup import render_markdown
from convoca.programme.models import Session

from .. import badges, selectors, services
from ..forms import ParticipantForm
from ..models import AttendanceMode, SeatState, SessionJoin
from ..services.sessions import JOIN_OPENS_BEFORE, JoinRefused
from ._shared import public_form, questions_form


def _initial(user) -> dict:
    person = getattr(user, "person", None)
    organization = person.organization if person else None
    return {
        "given_name": user.first_name or (person.given_name if person else ""),
        "family_name": user.last_name or (person.family_name if person else ""),
        "email": user.email,
        "organization_name": str(organization) if organization else "",
        "stakeholder_type": organization.stakeholder_type if organization else "",
        "country": (person.country.code if person and person.country else "")
        or (organization.country.code if organization and organization.country else ""),
        "gender": user.gender,
    }


@login_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    form = public_form(slug)
    mine = selectors.registration_of(form=form, user=request.user)
    if mine is not None:
        messages.info(request, _("You are already registered for this edition."))
        return redirect("registration:mine", slug=slug)
    participant = ParticipantForm(
        request.POST or None,
        registration_form=form,
        own_email=request.user.email,
        initial=_initial(request.user),
    )
    questions = questions_form(form, request)
    if request.method == "POST" and participant.is_valid() & (
        questions is None or questions.is_valid()
    ):
        data = participant.cleaned_data
        try:
            outcome = services.register(
                form=form,
                user=request.user,
                by=request.user,
                given_name=data["given_name"],
                family_name=data["family_name"],
                email=request.user.email,
                organization_name=data["organization_name"],
                stakeholder_type=data["stakeholder_type"],
                country=data["country"],
                gender=data["gender"],
                attendance=data["attendance"],
                consent=data.get("consent", False),
                identity_number=data.get("identity_number", ""),
                invitation_code=data["invitation_code"],
                answers=questions.answers() if questions is not None else None,
            )
        except services.RegistrationError as error:
            participant.add_error(None, error.message)
        else:
            messages.success(request, outcome.message)
            return redirect("registration:mine", slug=slug)
    return render(
        request,
        "registration/register.html",
        {
            "form": form,
            "edition": form.edition,
            "participant": participant,
            "questions": questions,
            "consent": render_markdown(form.consent_text) if form.consent_text else "",
        },
    )


@login_required
def mine(request: HttpRequest, slug: str) -> HttpResponse:
    form = public_form(slug)
    registration = selectors.registration_of(form=form, user=request.user)
    if registration is None:
        return render(
            request,
            "registration/not_registered.html",
            {"form": form, "edition": form.edition},
            status=404,
        )
    position = None
    if registration.state == "waitlisted":
        position = (
            form.registrations.filter(
                state="waitlisted", waitlisted_at__lte=registration.waitlisted_at
            )
            .exclude(waitlisted_at=registration.waitlisted_at, pk__gt=registration.pk)
            .count()
        )
    return render(
        request,
        "registration/mine.html",
        {
            "form": form,
            "edition": form.edition,
            "registration": registration,
            "position": position,
            "code": badges.display_code(registration.code),
            "qr": badges.qr_svg(registration, scale=6) if registration.holds_seat else "",
            "seats": selectors.seats_of(registration=registration),
            "in_person": registration.attendance == AttendanceMode.IN_PERSON,
        },
    )


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    form = public_form(slug)
    registration = selectors.registration_of(form=form, user=request.user)
    if registration is None:
        raise Http404
    try:
        services.cancel_registration(registration=registration, by=request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
        return redirect("registration:mine", slug=slug)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("programme:edition", slug=slug)


@login_required
def my_badge(request: HttpRequest, slug: str) -> HttpResponse:
    form = public_form(slug)
    registration = selectors.registration_of(form=form, user=request.user)
    if registration is None or not registration.holds_seat or not registration.is_active:
        raise Http404
    pdf = badges.render_pdf([registration])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="badge-{registration.code}.pdf"'
    return response


@login_required
def remote(request: HttpRequest, slug: str) -> HttpResponse:
    """Sessions with remote participation; the join button from 15 minutes before each."""
    form = public_form(slug)
    registration = selectors.registration_of(form=form, user=request.user)
    now = timezone.now()
    sessions = list(selectors.remote_sessions(edition=form.edition).filter(ends_at__gt=now)[:200])
    joined = set()
    seated = set()
    if registration is not None:
        joined = set(
            SessionJoin.objects.filter(registration=registration, session__in=sessions).values_list(
                "session_id", flat=True
            )
        )
        seated = set(
            selectors.seats_of(registration=registration)
            .filter(state=SeatState.CONFIRMED)
            .values_list("quota__session_id", flat=True)
        )
    for session in sessions:
        session.opens_at = session.starts_at - JOIN_OPENS_BEFORE
        session.is_open = session.opens_at <= now < session.ends_at
        session.joined = session.pk in joined
        session.needs_seat = hasattr(session, "quota") and session.pk not in seated
    return render(
        request,
        "registration/remote.html",
        {
            "form": form,
            "edition": form.edition,
            "registration": registration,
            "sessions": sessions,
            "zone": form.edition.zone,
        },
    )


@login_required
@require_POST
def join(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """Count the join and send the participant to the session's room."""
    form = public_form(slug)
    session = get_object_or_404(
        Session.objects.select_related("room", "edition"),
        edition=form.edition,
        code=code,
        is_public=True,
    )
    registration = selectors.registration_of(form=form, user=request.user)
    try:
        url = services.join_session(registration=registration, session=session)
    except JoinRefused as error:
        messages.error(request, error.message)
        return redirect("registration:remote", slug=slug)
    # A page that moves on to the room rather than a redirect: the site's CSP (form-action
    # 'self') forbids a form's answer to redirect to another origin.
    return render(
        request,
        "registration/joining.html",
        {"edition": form.edition, "session": session, "url": url},
    )


@login_required
@require_POST
def take_seat(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    form = public_form(slug)
    session = get_object_or_404(Session, edition=form.edition, code=code, is_public=True)
    registration = selectors.registration_of(form=form, user=request.user)
    if registration is None:
        messages.error(request, _("Register for the edition first."))
        return redirect("registration:register", slug=slug)
    try:
        seat = services.take_session_seat(
            registration=registration,
            session=session,
            by=request.user,
            invitation_code=request.POST.get("invitation_code", ""),
        )
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        if seat.state == SeatState.CONFIRMED:
            messages.success(
                request, _("Your seat in “%(session)s” is confirmed.") % {"session": session.title}
            )
        else:
            messages.warning(
                request,
                _("“%(session)s” is full: you are on its waiting list.")
                % {"session": session.title},
            )
    return redirect("registration:mine", slug=slug)


@login_required
@require_POST
def cancel_seat(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    form = public_form(slug)
    registration = selectors.registration_of(form=form, user=request.user)
    seat = None
    if registration is not None:
        seat = (
            selectors.seats_of(registration=registration).filter(quota__session__code=code).first()
        )
    if seat is None:
        raise Http404
    services.cancel_session_seat(seat=seat, by=request.user)
    messages.success(request, _("Your seat is given back."))
    return redirect("registration:mine", slug=slug)
