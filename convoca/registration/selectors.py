"""Reads for registration pages, the API and exports, with their joins."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from convoca.programme.models import RoomKind, Session

from .models import (
    LIVE,
    Registration,
    RegistrationForm,
    SeatState,
    SessionSeat,
)


def form_of(slug: str) -> RegistrationForm:
    """The registration form of the edition `slug`, or 404 when it has none."""
    return get_object_or_404(RegistrationForm.objects.select_related("edition"), edition__slug=slug)


def registration_of(*, form: RegistrationForm, user) -> Registration | None:
    """The signed-in person's live registration for the edition, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(form=form, user=user, state__in=LIVE)
        .select_related("organization", "edition", "check_in")
        .order_by("pk")
        .first()
    )


def staff_list(
    *,
    form: RegistrationForm,
    q: str = "",
    state: str = "",
    attendance: str = "",
    accreditation: str = "",
) -> QuerySet[Registration]:
    registrations = Registration.objects.filter(form=form).select_related(
        "organization", "check_in"
    )
    if q:
        registrations = registrations.filter(
            Q(given_name__icontains=q)
            | Q(family_name__icontains=q)
            | Q(email__icontains=q)
            | Q(code=q.replace("-", "").upper())
        )
    if state:
        registrations = registrations.filter(state=state)
    if attendance:
        registrations = registrations.filter(attendance=attendance)
    if accreditation:
        registrations = registrations.filter(accreditation=accreditation)
    return registrations.order_by("created_at", "pk")


def delegation(*, form: RegistrationForm, organization) -> QuerySet[Registration]:
    """The people an organization's focal points registered, or who registered for it."""
    return (
        Registration.objects.filter(form=form)
        .filter(Q(organization=organization))
        .select_related("organization")
        .order_by("family_name", "given_name", "pk")
    )


def remote_sessions(*, edition, day: dt.date | None = None) -> QuerySet[Session]:
    """Scheduled sessions in virtual or hybrid rooms with a join link, in time order."""
    sessions = Session.objects.filter(
        edition=edition,
        is_public=True,
        starts_at__isnull=False,
        room__kind__in=[RoomKind.VIRTUAL, RoomKind.HYBRID],
    ).exclude(room__join_url="")
    return sessions.select_related("room", "quota").order_by("starts_at", "pk")


def seats_of(*, registration: Registration) -> QuerySet[SessionSeat]:
    return (
        SessionSeat.objects.filter(registration=registration)
        .exclude(state=SeatState.CANCELLED)
        .select_related("quota__session__room")
        .order_by("quota__session__starts_at")
    )
