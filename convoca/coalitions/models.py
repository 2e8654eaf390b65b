"""Digital coalitions (seed 000, Partner2Connect): the coalition, its expressions of interest,
members and working groups, and the public registry of the pledges its members make."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from rules.contrib.models import RulesModel

from convoca.core.models import TimeStampedModel
from convoca.core.money import AmountField, CurrencyField, Money

from . import rules as perms
from .choices import PledgeKind, Unit


class Coalition(TimeStampedModel, RulesModel):
    """A coalition a secretariat runs: its focus areas, call for expressions of interest,
    goal and the roundtables where pledges are announced."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    focus_areas = models.ManyToManyField(
        "taxonomy.FocusArea", related_name="coalitions", verbose_name=_("focus areas")
    )
    contact_email = models.EmailField(_("contact mailbox"))
    goal_usd = AmountField(
        _("pledging goal (USD)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    goal_date = models.DateField(_("goal to reach by"), null=True, blank=True)
    circular = models.ForeignKey(
        "circulars.Circular",
        verbose_name=_("circular"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coalitions",
    )
    eoi_call = models.ForeignKey(
        "consultations.Call",
        verbose_name=_("call for expressions of interest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coalitions",
    )
    roundtables = models.ManyToManyField(
        "programme.Edition",
        blank=True,
        related_name="coalitions",
        verbose_name=_("roundtables"),
        help_text=_("Programme editions where members announce pledges."),
    )
    report_every_months = models.PositiveSmallIntegerField(
        _("progress report every (months)"), default=6, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")
        ordering = ["name"]
        rules_permissions = {
            "view": perms.always,
            "manage": perms.is_secretariat,
        }

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coalitions:detail", kwargs={"slug": self.slug})

    def role_parents(self):
        return []


class EoiState(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGED = "triaged", _("Triaged")
    CONTACTED = "contacted", _("Contacted")
    MEMBER = "member", _("Member")
    DECLINED = "declined", _("Declined")


EOI_TRANSITIONS = {
    EoiState.RECEIVED: {EoiState.TRIAGED, EoiState.DECLINED},
    EoiState.TRIAGED: {EoiState.CONTACTED, EoiState.DECLINED},
    EoiState.CONTACTED: {EoiState.MEMBER, EoiState.DECLINED},
    EoiState.MEMBER: set(),
    EoiState.DECLINED: {EoiState.TRIAGED},
}
EOI_DECIDED = {EoiState.MEMBER, EoiState.DECLINED}


class ExpressionOfInterest(TimeStampedModel, RulesModel):
    """One organization's wish to join a coalition, as the secretariat follows it up: one per
    organization and coalition, however many forms its people send."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="expressions_of_interest"
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="expressions_of_interest",
        verbose_name=_("organization"),
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expressions_of_interest",
        verbose_name=_("contact person"),
    )
    submissions = models.ManyToManyField(
        "consultations.Submission",
        blank=True,
        related_name="expressions_of_interest",
        verbose_name=_("forms sent"),
    )
    focus_areas = models.ManyToManyField(
        "taxonomy.FocusArea", blank=True, related_name="+", verbose_name=_("focus areas")
    )
    state = models.CharField(
        _("state"), max_length=12, choices=EoiState.choices, default=EoiState.RECEIVED
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner in the secretariat"),
    )
    due_on = models.DateField(_("next step due"), null=True, blank=True)
    next_step = models.TextField(_("next step"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "organization"], name="coalitions_one_eoi_per_organization"
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["member", "declined"]) | Q(decided_at__isnull=False),
                name="coalitions_decided_eoi_has_date",
            ),
        ]
        rules_permissions = {"view": perms.is_secretariat, "change": perms.is_secretariat}

    def __str__(self) -> str:
        return f"{self.organization} → {self.coalition}"

    def role_parents(self):
        return [self.coalition]


class EmailTemplate(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", _("We received your expression of interest")
    NEXT_STEPS = "next_steps", _("Next steps and calendar")
    WELCOME = "welcome", _("Welcome to the coalition")
    DECLINE = "decline", _("Not this time")


class PipelineEmail(models.Model):
    """A mail the secretariat sent from the pipeline, as the applicant received it."""

    expression = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="emails"
    )
    template = models.CharField(_("template"), max_length=20, choices=EmailTemplate.choices)
    language = models.CharField(_("language"), max_length=10)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("pipeline email")
        verbose_name_plural = _("pipeline emails")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.subject


class Member(TimeStampedModel):
    """An organization in a coalition; its approved focal points act for it."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="members")
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="coalition_memberships",
        verbose_name=_("organization"),
    )
    joined_on = models.DateField(_("joined"))
    expression = models.OneToOneField(
        ExpressionOfInterest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership",
    )

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "organization"], name="coalitions_member_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)


class WorkingGroup(TimeStampedModel, RulesModel):
    """A working group of a coalition: one per focus area, and others the secretariat adds."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="working_groups"
    )
    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    focus_area = models.ForeignKey(
        "taxonomy.FocusArea",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="working_groups",
        verbose_name=_("focus area"),
    )
    members = models.ManyToManyField(
        Member, blank=True, related_name="working_groups", verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["focus_area__order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "slug"], name="coalitions_group_slug")
        ]
        rules_permissions = {"view": perms.always, "change": perms.is_secretariat}

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "coalitions:working_group", kwargs={"slug": self.coalition.slug, "group": self.slug}
        )

    def role_parents(self):
        return [self.coalition]


class Meeting(models.Model):
    """A dated meeting of a working group, on the core timeline and in its iCal feed."""

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Zurich")
    join_url = models.URLField(_("online meeting link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="coalitions_meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Document(models.Model):
    """A document of a working group (a framework for action, minutes), a file or a link."""

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="documents"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="coalitions/documents/", blank=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(file=""), name="coalitions_document_has_content"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url


class UsdRate(models.Model):
    """How many US dollars one unit of a currency was worth from a date on. Rates are only
    added: a pledge keeps the rate of its date, so a later rate never changes it."""

    currency = CurrencyField(_("currency"))
    rate = models.DecimalField(
        _("USD per unit"),
        max_digits=18,
        decimal_places=8,
        validators=[MinValueValidator(Decimal("0.00000001"))],
    )
    valid_from = models.DateField(_("valid from"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("USD rate")
        verbose_name_plural = _("USD rates")
        ordering = ["currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_from"], name="coalitions_rate_day"),
            models.CheckConstraint(condition=Q(rate__gt=0), name="coalitions_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.rate} USD ({self.valid_from})"


class PledgeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    IN_PROGRESS = "in_progress", _("In progress")
    FULFILLED = "fulfilled", _("Fulfilled")
    LAPSED = "lapsed", _("Lapsed")


PLEDGE_TRANSITIONS = {
    PledgeState.DRAFT: {PledgeState.PUBLISHED},
    PledgeState.PUBLISHED: {PledgeState.IN_PROGRESS, PledgeState.FULFILLED, PledgeState.LAPSED},
    PledgeState.IN_PROGRESS: {PledgeState.FULFILLED, PledgeState.LAPSED},
    PledgeState.FULFILLED: set(),
    PledgeState.LAPSED: set(),
}
PUBLIC_STATES = [
    PledgeState.PUBLISHED,
    PledgeState.IN_PROGRESS,
    PledgeState.FULFILLED,
    PledgeState.LAPSED,
]


class Pledge(TimeStampedModel, RulesModel):
    """A member organization's commitment: what, where, how much and until when."""

    coalition = models.ForeignKey(Coalition, on_delete=models.PROTECT, related_name="pledges")
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("organization"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=PledgeKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    focus_areas = models.ManyToManyField(
        "taxonomy.FocusArea", related_name="pledges", verbose_name=_("focus areas")
    )
    sdgs = models.ManyToManyField(
        "taxonomy.SDG", blank=True, related_name="pledges", verbose_name=_("SDGs")
    )
    action_lines = models.ManyToManyField(
        "taxonomy.ActionLine",
        blank=True,
        related_name="pledges",
        verbose_name=_("WSIS Action Lines"),
    )
    amount = AmountField(_("financial value"), null=True, blank=True)
    currency = CurrencyField(_("currency"), blank=True)
    usd_amount = AmountField(_("value in USD"), null=True, blank=True, db_index=True)
    usd_rate = models.ForeignKey(
        UsdRate,
        verbose_name=_("rate used"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    pledged_on = models.DateField(_("pledged on"))
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    announced_at = models.ForeignKey(
        "programme.Edition",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announced_pledges",
        verbose_name=_("announced at"),
    )
    state = models.CharField(
        _("status"), max_length=12, choices=PledgeState.choices, default=PledgeState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Share of the targets achieved at the last report (0–1), kept for the traffic light.
    progress = models.DecimalField(
        _("progress"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    next_report_due = models.DateField(_("next progress report due"), null=True, blank=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-pledged_on", "-pk"]
        indexes = [
            models.Index(fields=["coalition", "state"]),
            # The registry's order: a page walks 50 rows instead of sorting every pledge.
            models.Index(
                fields=["coalition", "-pledged_on", "-id"], name="coalitions_pledge_listing"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="coalitions_pledge_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0) & ~Q(currency=""),
                name="coalitions_pledge_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(published_at__isnull=False),
                name="coalitions_published_pledge_has_date",
            ),
        ]
        rules_permissions = {
            "view": perms.can_view_pledge,
            "change": perms.can_change_pledge,
            "report": perms.can_change_pledge,
        }

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coalitions:pledge", kwargs={"slug": self.coalition.slug, "pk": self.pk})

    def role_parents(self):
        return [self.coalition]

    @property
    def value(self) -> Money | None:
        return Money(self.amount, self.currency) if self.amount is not None else None

    @property
    def is_public(self) -> bool:
        return self.state != PledgeState.DRAFT


class PledgeCountry(models.Model):
    """A country a pledge targets (one row each, so the registry filters and counts them)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="countries")
    country = CountryField(_("country"))

    class Meta:
        verbose_name = _("target country")
        verbose_name_plural = _("target countries")
        ordering = ["country"]
        # The registry's country filter and its count of countries probe (country, pledge).
        indexes = [models.Index(fields=["country", "pledge"], name="coalitions_country_pledge")]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "country"], name="coalitions_country_once")
        ]

    def __str__(self) -> str:
        return str(self.country.name)


class PledgeTarget(models.Model):
    """What a pledge promises to reach, counted in one unit (e.g. 50,000 people trained)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="targets")
    indicator = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    target = models.DecimalField(
        _("target"), max_digits=18, decimal_places=2, validators=[MinValueValidator(0)]
    )
    achieved = models.DecimalField(
        _("achieved so far"), max_digits=18, decimal_places=2, default=Decimal("0")
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(target__gt=0), name="coalitions_target_positive"),
            models.CheckConstraint(
                condition=Q(achieved__gte=0), name="coalitions_achieved_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.target} {self.get_unit_display()}"


class ProgressReport(TimeStampedModel):
    """What a pledging organization reports at a date: figures, narrative and evidence."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="reports")
    reported_on = models.DateField(_("as of"))
    narrative = models.TextField(_("what happened"))
    evidence = models.JSONField(_("evidence links"), default=list, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-reported_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.pledge} — {self.reported_on}"


class ProgressFigure(models.Model):
    """The total achieved for one target at a report's date (cumulative, not the increment)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="figures")
    target = models.ForeignKey(PledgeTarget, on_delete=models.CASCADE, related_name="figures")
    achieved = models.DecimalField(_("achieved"), max_digits=18, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)

    class Meta:
        verbose_name = _("progress figure")
        verbose_name_plural = _("progress figures")
        constraints = [
            models.UniqueConstraint(fields=["report", "target"], name="coalitions_figure_once"),
            models.CheckConstraint(
                condition=Q(achieved__gte=0), name="coalitions_figure_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.achieved} {self.get_unit_display()}"
