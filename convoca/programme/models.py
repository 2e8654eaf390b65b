import uuid
import zoneinfo

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModel

from convoca.accounts.models import time_zone_choices
from convoca.core.models import TimeStampedModel
from convoca.stakeholders import rules as stakeholder_rules
from convoca.stakeholders.models import Organization, Person
from convoca.taxonomy.models import SDG, ActionLine

COLOR = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Use a colour like #005A9C."))


class Forum(TimeStampedModel):
    """A series of editions (the WSIS Forum): what editions share and inherit when cloned."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=time_zone_choices, default="Europe/Zurich"
    )
    co_organizers = models.ManyToManyField(
        Organization, blank=True, related_name="+", verbose_name=_("co-organizers")
    )

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EditionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")


class EditionStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    CALL_OPEN = "call_open", _("Call open")
    PROGRAMME_PUBLISHED = "programme_published", _("Programme published")
    LIVE = "live", _("Live")
    CLOSED = "closed", _("Closed")
    REPORT_PUBLISHED = "report_published", _("Report published")


EDITION_TRANSITIONS = {
    EditionStatus.PLANNING: {EditionStatus.CALL_OPEN, EditionStatus.PROGRAMME_PUBLISHED},
    EditionStatus.CALL_OPEN: {EditionStatus.PROGRAMME_PUBLISHED},
    EditionStatus.PROGRAMME_PUBLISHED: {EditionStatus.LIVE},
    EditionStatus.LIVE: {EditionStatus.CLOSED},
    EditionStatus.CLOSED: {EditionStatus.REPORT_PUBLISHED},
    EditionStatus.REPORT_PUBLISHED: set(),
}


class Edition(TimeStampedModel, RulesModel):
    """One year of a forum: its dates, place, format and programme."""

    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="editions")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    theme = models.CharField(_("theme"), max_length=500, blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=EditionFormat.choices, default=EditionFormat.HYBRID
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=time_zone_choices, default="Europe/Zurich"
    )
    opening_date = models.DateField(_("opening"))
    final_week_start = models.DateField(_("final week starts"))
    final_week_end = models.DateField(_("final week ends"))
    virtual_weeks = models.PositiveSmallIntegerField(
        _("virtual period (weeks)"),
        default=0,
        help_text=_("Weeks of virtual sessions before the final week (2020: from 22 June)."),
    )
    interpretation_languages = models.JSONField(
        _("interpretation languages"), default=list, blank=True
    )
    co_organizers = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="co_organized_editions",
        verbose_name=_("co-organizers"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=EditionStatus.choices, default=EditionStatus.PLANNING
    )

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-opening_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(final_week_end__gte=F("final_week_start"))
                & Q(final_week_start__gte=F("opening_date")),
                name="programme_edition_dates_in_order",
            )
        ]
        rules_permissions = {
            "view": stakeholder_rules.always,
            "change": stakeholder_rules.is_secretariat,
            "schedule": stakeholder_rules.is_secretariat,
            "publish": stakeholder_rules.is_secretariat,
        }

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def role_parents(self):
        return [self.forum]


class Track(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"))
    is_high_level = models.BooleanField(_("high-level"), default=False)
    color = models.CharField(_("colour"), max_length=7, validators=[COLOR], default="#005A9C")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="programme_track_slug")
        ]

    def __str__(self) -> str:
        return self.name


class SessionType(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="session_types")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"))
    default_duration = models.PositiveSmallIntegerField(_("default duration (minutes)"), default=60)
    is_high_level = models.BooleanField(_("high-level"), default=False)
    color = models.CharField(_("colour"), max_length=7, validators=[COLOR], default="#57606A")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("session type")
        verbose_name_plural = _("session types")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="programme_type_slug")
        ]

    def __str__(self) -> str:
        return self.name


class RoomKind(models.TextChoices):
    PHYSICAL = "physical", _("Physical")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")


class Room(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"))
    kind = models.CharField(_("kind"), max_length=20, choices=RoomKind.choices)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    floor = models.CharField(_("floor"), max_length=50, blank=True)
    accessible = models.BooleanField(_("step-free access"), default=True)
    platform = models.CharField(_("platform"), max_length=100, blank=True)
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("Shown only to registered participants, from 15 minutes before a session."),
    )
    interpretation_channels = models.JSONField(
        _("interpretation channels"), default=list, blank=True
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="programme_room_slug"),
            models.CheckConstraint(
                condition=Q(kind="virtual") | Q(capacity__isnull=False),
                name="programme_physical_room_has_capacity",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_physical(self) -> bool:
        return self.kind in (RoomKind.PHYSICAL, RoomKind.HYBRID)

    @property
    def is_virtual(self) -> bool:
        return self.kind in (RoomKind.VIRTUAL, RoomKind.HYBRID)


class Session(TimeStampedModel):
    """A slot in the programme: a workshop, a policy statement, a training, a café…"""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sessions")
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    abstract = models.TextField(_("abstract"), blank=True)
    session_type = models.ForeignKey(
        SessionType, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("type")
    )
    track = models.ForeignKey(
        Track, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("track")
    )
    room = models.ForeignKey(
        Room,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        verbose_name=_("room"),
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, db_index=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    action_lines = models.ManyToManyField(ActionLine, blank=True, related_name="sessions")
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="sessions")
    organizers = models.ManyToManyField(Organization, blank=True, related_name="organized_sessions")
    expected_attendance = models.PositiveIntegerField(
        _("expected attendance"), null=True, blank=True
    )
    outcome = models.TextField(_("outcome"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    slides_url = models.URLField(_("slides"), blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    registration_required = models.BooleanField(_("registration required"), default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="programme_session_code"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True, ends_at__isnull=True)
                | Q(starts_at__isnull=False, ends_at__gt=F("starts_at")),
                name="programme_session_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["edition", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def role_parents(self):
        return [self.edition]


class SpeakerRole(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    SPEAKER = "speaker", _("Speaker")
    HIGH_LEVEL_SPEAKER = "high_level_speaker", _("High-level speaker")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class SessionSpeaker(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="session_roles")
    role = models.CharField(_("role"), max_length=30, choices=SpeakerRole.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="programme_speaker_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ProgrammeVersion(models.Model):
    """A published state of the programme; public pages and exports are built per version."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    changes = models.JSONField(default=list, blank=True)
    snapshot = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("programme version")
        verbose_name_plural = _("programme versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="programme_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.edition} v{self.number}"


class AgendaItem(models.Model):
    """A session a signed-in person starred for their personal agenda."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "session"], name="programme_agenda_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ★ {self.session}"
