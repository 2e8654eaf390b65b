"""Who comes to an edition, in person or remotely: the registration form, each registration with
its accreditation, the seats of sessions that need registration, invitations, arrivals at the
venue and joins to virtual sessions.

Seats are counted in the database (`seats_taken` beside `capacity`, with a CheckConstraint that
the first never exceeds the second) and taken by one conditional UPDATE, so no number of web
workers can oversell a seat.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from rules.contrib.models import RulesModel

from convoca.accounts.models import Gender
from convoca.core.models import TimeStampedModel
from convoca.stakeholders.models import Organization, StakeholderType

from . import rules as perms

# Unambiguous letters and digits only (no 0/O, 1/I/L): the code is read aloud and typed.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")


class RegistrationState(models.TextChoices):
    PENDING = "pending", _("Awaiting accreditation")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CONFIRMED = "confirmed", _("Confirmed")
    CHECKED_IN = "checked_in", _("Checked in")
    CANCELLED = "cancelled", _("Cancelled")


REGISTRATION_TRANSITIONS = {
    RegistrationState.PENDING: {RegistrationState.CONFIRMED, RegistrationState.CANCELLED},
    RegistrationState.WAITLISTED: {
        RegistrationState.CONFIRMED,
        RegistrationState.PENDING,
        RegistrationState.CANCELLED,
    },
    RegistrationState.CONFIRMED: {RegistrationState.CHECKED_IN, RegistrationState.CANCELLED},
    RegistrationState.CHECKED_IN: set(),
    RegistrationState.CANCELLED: set(),
}
# A registration in these states holds its in-person seat.
SEAT_HOLDING = (
    RegistrationState.PENDING,
    RegistrationState.CONFIRMED,
    RegistrationState.CHECKED_IN,
)
LIVE = (*SEAT_HOLDING, RegistrationState.WAITLISTED)


class Accreditation(models.TextChoices):
    NOT_REQUIRED = "not_required", _("Not required")
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class RegistrationForm(TimeStampedModel, RulesModel):
    """How people register for one edition: modes offered, the in-person cap, accreditation,
    identity data and the consent they give."""

    edition = models.OneToOneField(
        "programme.Edition", on_delete=models.CASCADE, related_name="registration_form"
    )
    opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    in_person = models.BooleanField(_("in-person attendance offered"), default=True)
    remote = models.BooleanField(_("remote attendance offered"), default=True)
    capacity = models.PositiveIntegerField(
        _("in-person seats"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. When full, people join the waiting list."),
    )
    seats_taken = models.PositiveIntegerField(default=0, editable=False)
    requires_accreditation = models.BooleanField(
        _("in-person attendance needs accreditation"), default=False
    )
    collects_identity = models.BooleanField(
        _("collect an identity document number"),
        default=False,
        help_text=_("Only when the host country or the venue needs it for accreditation."),
    )
    identity_retention_days = models.PositiveSmallIntegerField(
        _("erase identity data after (days)"),
        default=30,
        help_text=_("Counted from the last day of the edition."),
    )
    consent_text = models.TextField(
        _("consent"),
        blank=True,
        help_text=_("Markdown. What participants agree to; they must tick it to register."),
    )
    questionnaire = models.ForeignKey(
        "questionnaires.Questionnaire",
        verbose_name=_("questions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Extra questions every participant answers (dietary needs, interests…)."),
    )

    class Meta:
        verbose_name = _("registration form")
        verbose_name_plural = _("registration forms")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="registration_edition_not_oversold",
            ),
            models.CheckConstraint(
                condition=Q(in_person=True) | Q(remote=True),
                name="registration_some_mode_offered",
            ),
        ]
        rules_permissions = {
            "view": perms.always,
            "change": perms.is_secretariat,
            "manage": perms.is_secretariat,
            "accredit": perms.is_accreditation_staff,
            "check_in": perms.is_check_in_staff,
        }

    def __str__(self) -> str:
        return str(self.edition)

    def role_parents(self):
        return [self.edition]

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)


class Registration(TimeStampedModel):
    """One person coming to one edition, registered by themselves or by a focal point."""

    form = models.ForeignKey(
        RegistrationForm, on_delete=models.CASCADE, related_name="registrations"
    )
    edition = models.ForeignKey(
        "programme.Edition", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    code = models.CharField(_("code"), max_length=16, unique=True, default=new_code)
    given_name = models.CharField(_("given name"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150, blank=True)
    email = models.EmailField(_("email"))
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    organization_name = models.CharField(_("organization"), max_length=300, blank=True)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=40, choices=StakeholderType.choices
    )
    country = CountryField(_("country"))
    gender = models.CharField(
        _("gender"),
        max_length=20,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional, self-declared; only ever counted in groups of five or more."),
    )
    attendance = models.CharField(_("attendance"), max_length=20, choices=AttendanceMode.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=RegistrationState.choices, db_index=True
    )
    accreditation = models.CharField(
        _("accreditation"),
        max_length=20,
        choices=Accreditation.choices,
        default=Accreditation.NOT_REQUIRED,
    )
    accreditation_reason = models.TextField(_("reason"), blank=True)
    accredited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accredited_at = models.DateTimeField(null=True, blank=True)
    # Fernet token of the identity document number; emptied by the erasure job.
    identity_token = models.TextField(blank=True, editable=False)
    identity_erased_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["family_name", "given_name", "pk"]
        constraints = [
            # Registering twice gives back the live registration; a cancelled one may be redone.
            models.UniqueConstraint(
                fields=["edition", "email"],
                condition=~Q(state="cancelled"),
                name="registration_once_per_email",
            ),
            models.UniqueConstraint(
                fields=["edition", "user"],
                condition=~Q(state="cancelled") & Q(user__isnull=False),
                name="registration_once_per_account",
            ),
            models.CheckConstraint(
                condition=Q(attendance="in_person") | ~Q(state__in=["pending", "waitlisted"]),
                name="registration_remote_needs_no_seat",
            ),
            models.CheckConstraint(
                condition=~Q(state="waitlisted") | Q(waitlisted_at__isnull=False),
                name="registration_waitlist_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["form", "state", "waitlisted_at"]),
            models.Index(fields=["edition", "state"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def organization_label(self) -> str:
        return str(self.organization) if self.organization_id else self.organization_name

    @property
    def holds_seat(self) -> bool:
        return self.attendance == AttendanceMode.IN_PERSON and self.state in SEAT_HOLDING

    @property
    def is_active(self) -> bool:
        return self.state in (RegistrationState.CONFIRMED, RegistrationState.CHECKED_IN)


class SessionQuota(models.Model):
    """The seats of a session that needs registration (a training, the ministerial round
    table); `invitation_only` sessions are open only to holders of an invitation code."""

    session = models.OneToOneField(
        "programme.Session", on_delete=models.CASCADE, related_name="quota"
    )
    capacity = models.PositiveIntegerField(_("seats"))
    seats_taken = models.PositiveIntegerField(default=0, editable=False)
    invitation_only = models.BooleanField(_("by invitation only"), default=False)

    class Meta:
        verbose_name = _("session seats")
        verbose_name_plural = _("session seats")
        constraints = [
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")),
                name="registration_session_not_oversold",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} ({self.seats_taken}/{self.capacity})"

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)


class SeatState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class SessionSeat(TimeStampedModel):
    quota = models.ForeignKey(SessionQuota, on_delete=models.CASCADE, related_name="seats")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="session_seats"
    )
    state = models.CharField(_("state"), max_length=20, choices=SeatState.choices)
    waitlisted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("session seat")
        verbose_name_plural = _("session seats")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["quota", "registration"],
                condition=~Q(state="cancelled"),
                name="registration_one_seat_per_session",
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} → {self.quota.session}"


class Invitation(TimeStampedModel):
    """A single-use code: for an invitation-only session, or to be accredited on registering."""

    edition = models.ForeignKey(
        "programme.Edition", on_delete=models.CASCADE, related_name="invitations"
    )
    session = models.ForeignKey(
        "programme.Session",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    code = models.CharField(_("code"), max_length=16, unique=True, default=new_code)
    email = models.EmailField(_("for"), blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(used_at__isnull=True) | Q(used_by__isnull=False),
                name="registration_used_invitation_names_user",
            )
        ]

    def __str__(self) -> str:
        return self.code


class CheckIn(models.Model):
    """The arrival of an in-person participant at the venue; once per registration."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="check_in"
    )
    at = models.DateTimeField(_("arrived"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.registration} @ {self.at:%Y-%m-%d %H:%M}"


class SessionJoin(models.Model):
    """A registered participant joined a virtual or hybrid session: counted once per person and
    session, however many times they click."""

    session = models.ForeignKey("programme.Session", on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="joins")
    first_at = models.DateTimeField()
    last_at = models.DateTimeField()
    times = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("virtual attendance")
        verbose_name_plural = _("virtual attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="registration_join_once"
            )
        ]
        indexes = [models.Index(fields=["session", "first_at"])]

    def __str__(self) -> str:
        return f"{self.registration} ⇢ {self.session_id}"
