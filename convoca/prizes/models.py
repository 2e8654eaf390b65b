"""The WSIS Prizes: a cycle per edition, its categories, the nominated projects, the public's
votes (one per verified account per category), the jury's scores and the winners."""

import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from rules.contrib.models import RulesModel

from convoca.core.models import TimeStampedModel
from convoca.stakeholders import rules as stakeholder_rules

from . import rules as prize_rules


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    NOMINATIONS = "nominations", _("Nominations")
    VALIDATION = "validation", _("Validation")
    VOTING = "voting", _("Public voting")
    JURY = "jury", _("Jury")
    ANNOUNCEMENT = "announcement", _("Announcement")


class PrizeCycle(TimeStampedModel, RulesModel):
    """One year of the WSIS Prizes. Each phase runs from its date until the next phase's date;
    the champions are public from `champions_published_at`, the winners from `announced_at`."""

    edition = models.ForeignKey(
        "programme.Edition",
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prize_cycles",
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.TextField(_("description"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Zurich")
    nominations_open_at = models.DateTimeField(_("nominations open"))
    nominations_close_at = models.DateTimeField(_("nominations close"))
    voting_opens_at = models.DateTimeField(_("public voting opens"))
    voting_closes_at = models.DateTimeField(_("public voting closes"))
    champions_published_at = models.DateTimeField(_("champions published"))
    jury_closes_at = models.DateTimeField(_("jury closes"))
    announced_at = models.DateTimeField(_("winners announced"))
    champions_per_category = models.PositiveSmallIntegerField(
        _("champions per category"), default=5, validators=[MinValueValidator(1)]
    )
    nominations_per_organization = models.PositiveSmallIntegerField(
        _("nominations per organization"), default=3
    )
    nomination_call = models.ForeignKey(
        "consultations.Call",
        verbose_name=_("nomination call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prize_cycles",
    )
    ceremony = models.ForeignKey(
        "programme.Session",
        verbose_name=_("ceremony"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prize_cycles",
    )
    champions_computed_at = models.DateTimeField(_("champions computed"), null=True, blank=True)

    class Meta:
        verbose_name = _("prize cycle")
        verbose_name_plural = _("prize cycles")
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nominations_close_at__gt=F("nominations_open_at"))
                & Q(voting_opens_at__gte=F("nominations_close_at"))
                & Q(voting_closes_at__gt=F("voting_opens_at"))
                & Q(champions_published_at__gte=F("voting_closes_at"))
                & Q(jury_closes_at__gte=F("champions_published_at"))
                & Q(announced_at__gte=F("jury_closes_at")),
                name="prizes_cycle_phases_in_order",
            )
        ]
        rules_permissions = {
            "view": stakeholder_rules.always,
            "manage": prize_rules.is_secretariat_of_cycle,
            "judge": prize_rules.is_jury_of_cycle,
        }

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("prizes:cycle", kwargs={"cycle": self.slug})

    def role_parents(self):
        return [self.edition] if self.edition_id else []

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def phases(self) -> list[tuple[str, str, "timezone.datetime", "timezone.datetime | None"]]:
        """(phase, label, starts, ends) in order; the announcement has no end."""
        return [
            (Phase.NOMINATIONS, Phase.NOMINATIONS.label, self.nominations_open_at,
             self.nominations_close_at),
            (Phase.VALIDATION, Phase.VALIDATION.label, self.nominations_close_at,
             self.voting_opens_at),
            (Phase.VOTING, Phase.VOTING.label, self.voting_opens_at, self.voting_closes_at),
            (Phase.JURY, Phase.JURY.label, self.voting_closes_at, self.jury_closes_at),
            (Phase.ANNOUNCEMENT, Phase.ANNOUNCEMENT.label, self.announced_at, None),
        ]  # fmt: skip

    def phase_at(self, moment=None) -> str:
        moment = moment or timezone.now()
        if moment < self.nominations_open_at:
            return Phase.UPCOMING
        if moment < self.nominations_close_at:
            return Phase.NOMINATIONS
        if moment < self.voting_opens_at:
            return Phase.VALIDATION
        if moment < self.voting_closes_at:
            return Phase.VOTING
        if moment < self.announced_at:
            return Phase.JURY
        return Phase.ANNOUNCEMENT

    @property
    def phase(self) -> str:
        return self.phase_at()

    def voting_open_at(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return self.voting_opens_at <= moment < self.voting_closes_at

    def champions_public(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return self.champions_computed_at is not None and moment >= self.champions_published_at

    def winners_public(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return moment >= self.announced_at


class Category(models.Model):
    """A prize category (18 by default), aligned to one or more WSIS Action Lines."""

    cycle = models.ForeignKey(PrizeCycle, on_delete=models.CASCADE, related_name="categories")
    number = models.PositiveSmallIntegerField(_("number"))
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=300)
    action_lines = models.ManyToManyField(
        "taxonomy.ActionLine", blank=True, related_name="prize_categories"
    )

    class Meta:
        verbose_name = _("prize category")
        verbose_name_plural = _("prize categories")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "slug"], name="prizes_category_slug"),
            models.UniqueConstraint(fields=["cycle", "number"], name="prizes_category_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class NominationState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    VALIDATED = "validated", _("Validated")
    REJECTED = "rejected", _("Rejected")
    ON_BALLOT = "on_ballot", _("On the ballot")
    CHAMPION = "champion", _("Champion")
    WINNER = "winner", _("Winner")
    NOT_SELECTED = "not_selected", _("Not selected")


TRANSITIONS = {
    NominationState.SUBMITTED: {
        NominationState.VALIDATED,
        NominationState.CHANGES_REQUESTED,
        NominationState.REJECTED,
    },
    NominationState.CHANGES_REQUESTED: {NominationState.SUBMITTED, NominationState.REJECTED},
    NominationState.VALIDATED: {NominationState.ON_BALLOT, NominationState.REJECTED},
    NominationState.REJECTED: set(),
    NominationState.ON_BALLOT: {NominationState.CHAMPION, NominationState.NOT_SELECTED},
    NominationState.CHAMPION: {NominationState.WINNER},
    NominationState.WINNER: {NominationState.CHAMPION},
    NominationState.NOT_SELECTED: set(),
}
# Projects the public can see (and, while voting is open, vote for when ON_BALLOT).
PUBLIC_STATES = {
    NominationState.ON_BALLOT,
    NominationState.CHAMPION,
    NominationState.WINNER,
    NominationState.NOT_SELECTED,
}
CHAMPION_STATES = {NominationState.CHAMPION, NominationState.WINNER}


class Nomination(TimeStampedModel):
    """A project nominated by an organization in one category, made from a call submission."""

    cycle = models.ForeignKey(PrizeCycle, on_delete=models.CASCADE, related_name="nominations")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="nominations")
    organization = models.ForeignKey(
        "stakeholders.Organization", on_delete=models.PROTECT, related_name="prize_nominations"
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prize_nominations",
    )
    submission = models.OneToOneField(
        "consultations.Submission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prize_nomination",
    )
    title = models.CharField(_("project"), max_length=300)
    description = models.TextField(_("description"))
    countries = CountryField(_("countries"), multiple=True, blank=True)
    action_lines = models.ManyToManyField(
        "taxonomy.ActionLine", blank=True, related_name="prize_nominations"
    )
    sdgs = models.ManyToManyField("taxonomy.SDG", blank=True, related_name="prize_nominations")
    image = models.FileField(_("image"), upload_to="prizes/", blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=NominationState.choices,
        default=NominationState.SUBMITTED,
        db_index=True,
    )
    decision_note = models.TextField(_("note from the secretariat"), blank=True)
    votes = models.PositiveIntegerField(_("valid votes counted"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank in the public vote"), null=True, blank=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["category__number", "title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["category"],
                condition=Q(state="winner"),
                name="prizes_one_winner_per_category",
            )
        ]
        indexes = [models.Index(fields=["cycle", "category", "state"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("prizes:project", kwargs={"cycle": self.cycle.slug, "pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES

    def role_parents(self):
        return [self.cycle]


class VoteFlag(models.TextChoices):
    NONE = "", _("None")
    DISPOSABLE_EMAIL = "disposable_email", _("Disposable email domain")
    NEW_ACCOUNT = "new_account", _("Account created just before voting")


class Vote(models.Model):
    """One verified account's vote in one category; changing it rewrites this row, so there is
    never a second one (the unique constraint holds under any number of web workers)."""

    cycle = models.ForeignKey(PrizeCycle, on_delete=models.CASCADE, related_name="votes")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prize_votes"
    )
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="+")
    cast_at = models.DateTimeField(_("cast"))
    changed_at = models.DateTimeField(_("took its current choice"))
    network = models.CharField(_("network"), max_length=64, blank=True)
    flag = models.CharField(
        _("abuse signal"), max_length=20, choices=VoteFlag.choices, blank=True, default=""
    )
    is_void = models.BooleanField(_("void"), default=False)
    void_reason = models.CharField(_("reason for voiding"), max_length=300, blank=True)
    voided_at = models.DateTimeField(_("voided"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "voter"], name="prizes_one_vote_per_category"
            ),
            models.CheckConstraint(
                condition=Q(is_void=False) | ~Q(void_reason=""), name="prizes_void_has_reason"
            ),
        ]
        indexes = [
            # The count: an index-only scan over the valid votes of a cycle.
            models.Index(
                fields=["cycle", "category", "nomination", "changed_at"],
                condition=Q(is_void=False),
                name="prizes_vote_count",
            ),
            models.Index(fields=["cycle", "network"], name="prizes_vote_network"),
            models.Index(fields=["voter", "cycle"], name="prizes_vote_voter"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} → {self.nomination_id} ({self.category_id})"


class Criterion(models.Model):
    """What the jury scores a champion on (impact, sustainability, …), 0 to `max_score`."""

    cycle = models.ForeignKey(PrizeCycle, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("criterion"), max_length=200)
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=2, default=Decimal(1))

    class Meta:
        verbose_name = _("jury criterion")
        verbose_name_plural = _("jury criteria")
        ordering = ["cycle", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class JuryReview(TimeStampedModel):
    """One jury member's scores for one champion; until `submitted_at` they can change them,
    and only then do they see the other jury members' scores."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="jury_reviews"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prize_reviews"
    )
    scores = models.JSONField(_("scores"), default=dict)  # {criterion id: score}
    total = models.DecimalField(_("weighted total"), max_digits=8, decimal_places=2, default=0)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("jury review")
        verbose_name_plural = _("jury reviews")
        ordering = ["nomination", "juror__email"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror"], name="prizes_one_review")
        ]

    def __str__(self) -> str:
        return f"{self.juror} · {self.nomination}"
