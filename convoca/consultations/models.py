"""An open consultation in dated phases, the calls it opens, what people submit to them and
how the secretariat reviews and decides.

A call belongs to a consultation, or to whatever else holds a foreign key to it (a prize
cycle's nominations, a coalition's expressions of interest). Times are stored in UTC; each
consultation and call keeps the IANA time zone its dates are announced in."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from convoca.accounts.models import Gender
from convoca.core.models import TimeStampedModel
from convoca.programme.models import EditionFormat

TIME_ZONES = sorted((name, name) for name in zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


class Consultation(TimeStampedModel):
    edition = models.ForeignKey(
        "programme.Edition",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("edition"),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Zurich", validators=[validate_time_zone]
    )
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def role_parents(self):
        return [self.edition] if self.edition_id else []


class PhaseKind(models.TextChoices):
    LAUNCH = "launch", _("Launch")
    MEETING = "meeting", _("Meeting")
    OPEN_FORUM = "open_forum", _("Open forum")
    DEADLINE = "deadline", _("Deadline")
    CONSULTATION_MEETING = "consultation_meeting", _("Consultation meeting")


class Phase(models.Model):
    """A dated step of the consultation: a meeting (in person, online or both) or a deadline."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("phase"))
    kind = models.CharField(_("kind"), max_length=24, choices=PhaseKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Where the meeting takes place, if not the consultation's time zone."),
    )
    venue = models.CharField(_("place"), max_length=300, blank=True)
    join_url = models.URLField(_("online link"), blank=True)
    remote_participation = models.BooleanField(_("remote participation"), default=False)
    outcome = models.TextField(_("outcome summary"), blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["consultation", "starts_at", "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="consultations_phase_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone_name(self) -> str:
        return self.time_zone or self.consultation.time_zone

    @property
    def is_in_person(self) -> bool:
        return bool(self.venue)

    @property
    def is_online(self) -> bool:
        return bool(self.join_url) or self.remote_participation


class PhaseDocument(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="consultations/phases/", blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["phase", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url


class CallKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution on themes and format")
    WORKSHOP = "workshop", _("Workshop proposal")
    FACILITATOR = "facilitator", _("High-Level Track facilitator nomination")
    PHOTO = "photo", _("Photo contest entry")
    PRIZE_NOMINATION = "prize_nomination", _("Prize nomination")
    EXPRESSION_OF_INTEREST = "expression_of_interest", _("Expression of interest")


class CallState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    DECIDED = "decided", _("Decided")


CALL_TRANSITIONS = {
    CallState.DRAFT: {CallState.OPEN},
    CallState.OPEN: {CallState.CLOSED, CallState.DRAFT},
    CallState.CLOSED: {CallState.DECIDED, CallState.OPEN},
    CallState.DECIDED: set(),
}


class Call(TimeStampedModel):
    """A call for submissions, open from `opens_at` until `closes_at` (the server enforces both;
    the secretariat can extend the deadline for one person)."""

    consultation = models.ForeignKey(
        Consultation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calls",
        verbose_name=_("consultation"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=CallKind.choices)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Zurich", validators=[validate_time_zone]
    )
    questionnaire = models.ForeignKey(
        "questionnaires.Questionnaire",
        on_delete=models.PROTECT,
        related_name="calls",
        verbose_name=_("questions"),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=CallState.choices, default=CallState.DRAFT
    )
    limit_per_submitter = models.PositiveSmallIntegerField(
        _("submissions per person"), null=True, blank=True
    )
    limit_per_organization = models.PositiveSmallIntegerField(
        _("submissions per organization"), null=True, blank=True
    )
    requires_organization = models.BooleanField(_("submitted for an organization"), default=False)
    gender_balance_blocks = models.BooleanField(
        _("a proposal without a woman speaker is refused"),
        default=False,
        help_text=_("Otherwise the form only warns."),
    )
    binding = models.BooleanField(
        _("binding"),
        default=False,
        help_text=_("Submitting commits the submitter, e.g. a binding workshop request."),
    )

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["closes_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="consultations_call_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:call", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def accepts_at(self, moment) -> bool:
        """Open for everyone at `moment` (extensions are per person: see services.deadline_for)."""
        return self.state == CallState.OPEN and self.opens_at <= moment < self.closes_at

    @property
    def is_open(self) -> bool:
        return self.accepts_at(timezone.now())

    @property
    def is_workshop(self) -> bool:
        return self.kind == CallKind.WORKSHOP

    def role_parents(self):
        """The consultation, or whatever owns the call (a prize cycle, a coalition): their
        secretariat manages the call too."""
        # Looked up once per object: a page checks permissions on the same call many times.
        if "_role_parents" not in self.__dict__:
            parents = [self.consultation] if self.consultation_id else []
            for relation in self._meta.related_objects:
                if relation.many_to_one or relation.one_to_one:
                    continue
                if relation.related_model._meta.app_label == self._meta.app_label:
                    continue
                if relation.one_to_many and relation.field.name.endswith("call"):
                    parents.extend(getattr(self, relation.get_accessor_name()).all()[:10])
            self.__dict__["_role_parents"] = parents
        return self.__dict__["_role_parents"]


class Extension(models.Model):
    """A later deadline for one person, granted by the secretariat."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="extensions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_extensions"
    )
    closes_at = models.DateTimeField(_("new deadline"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="consultations_one_extension")
        ]

    def __str__(self) -> str:
        return f"{self.call} · {self.user}"


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SCHEDULED = "scheduled", _("Scheduled")


TRANSITIONS = {
    SubmissionState.DRAFT: {SubmissionState.SUBMITTED, SubmissionState.WITHDRAWN},
    SubmissionState.SUBMITTED: {
        SubmissionState.UNDER_REVIEW,
        SubmissionState.ACCEPTED,
        SubmissionState.REJECTED,
        SubmissionState.WITHDRAWN,
    },
    SubmissionState.UNDER_REVIEW: {
        SubmissionState.ACCEPTED,
        SubmissionState.REJECTED,
        SubmissionState.WITHDRAWN,
    },
    SubmissionState.ACCEPTED: {SubmissionState.SCHEDULED, SubmissionState.WITHDRAWN},
    SubmissionState.REJECTED: set(),
    SubmissionState.WITHDRAWN: set(),
    SubmissionState.SCHEDULED: set(),
}
DECIDED_STATES = {SubmissionState.ACCEPTED, SubmissionState.REJECTED, SubmissionState.SCHEDULED}
# What counts against a call's per-person and per-organization limits.
COUNTED_STATES = {
    SubmissionState.SUBMITTED,
    SubmissionState.UNDER_REVIEW,
    SubmissionState.ACCEPTED,
    SubmissionState.SCHEDULED,
}


class Submission(TimeStampedModel):
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="submissions")
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions"
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("organization"),
    )
    co_organizations = models.ManyToManyField(
        "stakeholders.Organization",
        blank=True,
        related_name="co_submissions",
        verbose_name=_("co-organizers"),
    )
    title = models.CharField(_("title"), max_length=300)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=SubmissionState.choices, default=SubmissionState.DRAFT
    )
    # A random key per opened form: a second click or a resent request finds the same row.
    form_key = models.CharField(max_length=40, blank=True, editable=False)
    format = models.CharField(_("format"), max_length=16, choices=EditionFormat.choices, blank=True)
    action_lines = models.ManyToManyField(
        "taxonomy.ActionLine", blank=True, related_name="submissions"
    )
    sdgs = models.ManyToManyField("taxonomy.SDG", blank=True, related_name="submissions")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    session = models.OneToOneField(
        "programme.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
        verbose_name=_("programme session"),
    )

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["call", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state__in=sorted(s.value for s in DECIDED_STATES))
                | Q(decided_at__isnull=False),
                name="consultations_decided_submission_has_date",
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(submitted_at__isnull=False),
                name="consultations_submission_has_submission_date",
            ),
            models.UniqueConstraint(
                fields=["submitter", "form_key"],
                condition=~Q(form_key=""),
                name="consultations_one_submission_per_form",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:submission", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.state == SubmissionState.DRAFT

    def role_parents(self):
        return [self.call]


class SubmissionSpeaker(models.Model):
    """A speaker a workshop proposal names; genders feed the balance check and statistics."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="speakers")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=200)
    organization_name = models.CharField(_("organization"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["submission", "position", "id"]

    def __str__(self) -> str:
        return self.name


class ReviewCriterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("criterion"), max_length=200)
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=2, default=1)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)

    class Meta:
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        ordering = ["call", "position", "id"]

    def __str__(self) -> str:
        return self.name


class ReviewAssignment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="consultations_one_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission} · {self.reviewer}"


class Review(TimeStampedModel):
    """A reviewer's scores and comment; others' scores stay hidden until this one is submitted."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews"
    )
    comment = models.TextField(_("comment"), blank=True)
    total = models.DecimalField(_("weighted score"), max_digits=7, decimal_places=2, default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="consultations_one_review"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission} · {self.reviewer}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="consultations_one_score")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class EventInput(TimeStampedModel):
    """The outcome of a regional or national event, uploaded as an input to the consultation."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="inputs")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="event_inputs"
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_inputs",
        verbose_name=_("organizer"),
    )
    event_name = models.CharField(_("event"), max_length=300)
    event_date = models.DateField(_("date"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.ForeignKey(
        "core.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    summary = models.TextField(_("outcome"))
    document = models.FileField(
        _("outcome document"), upload_to="consultations/inputs/", blank=True
    )
    url = models.URLField(_("link"), blank=True)
    action_lines = models.ManyToManyField(
        "taxonomy.ActionLine", blank=True, related_name="event_inputs"
    )
    is_public = models.BooleanField(_("listed publicly"), default=True)

    class Meta:
        verbose_name = _("event input")
        verbose_name_plural = _("event inputs")
        ordering = ["-event_date", "-id"]

    def __str__(self) -> str:
        return self.event_name
