from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModel

from convoca.core.models import TimeStampedModel
from convoca.stakeholders import rules as stakeholder_rules
from convoca.stakeholders.models import ItuStatus, Organization, Person, StakeholderType

LANGUAGE_CHOICES = settings.LANGUAGES


class Letterhead(TimeStampedModel):
    """The paper a bureau writes on: its logo block and footer, per issuing organization."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="letterheads"
    )
    name = models.CharField(_("name"), max_length=200)
    office = models.CharField(
        _("issuing office"),
        max_length=200,
        blank=True,
        help_text=_("Printed under the logo, e.g. “Telecommunication Development Bureau (BDT)”."),
    )
    image = models.ImageField(_("letterhead image"), upload_to="letterheads/", blank=True)
    footer = models.TextField(_("footer"), blank=True)

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterheads")
        ordering = ["organization__name", "name"]

    def __str__(self) -> str:
        return self.name


class CircularSeries(TimeStampedModel):
    """A numbering series, e.g. `CL-{yy}/{nnn}`: numbers are assigned on issue, never reused."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    pattern = models.CharField(
        _("reference pattern"),
        max_length=100,
        help_text=_(
            "{yyyy} or {yy} for the year, {n}, {nn} or {nnn} for the number (zero-padded); "
            "e.g. CL-{yy}/{nnn} gives CL-21/007."
        ),
    )
    yearly = models.BooleanField(_("numbering restarts each year"), default=True)
    letterhead = models.ForeignKey(
        Letterhead, null=True, blank=True, on_delete=models.SET_NULL, related_name="series"
    )

    class Meta:
        verbose_name = _("circular series")
        verbose_name_plural = _("circular series")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.pattern})"


class SeriesCounter(models.Model):
    """The last number handed out in a series (per year when the series restarts yearly)."""

    series = models.ForeignKey(CircularSeries, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="circulars_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_number}"


class CircularState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    ISSUED = "issued", _("Issued")
    WITHDRAWN = "withdrawn", _("Withdrawn")


TRANSITIONS = {
    CircularState.DRAFT: {CircularState.APPROVED},
    CircularState.APPROVED: {CircularState.ISSUED, CircularState.DRAFT},
    CircularState.ISSUED: {CircularState.WITHDRAWN},
    CircularState.WITHDRAWN: set(),
}


class Circular(TimeStampedModel, RulesModel):
    """A numbered letter to stakeholders; a correction is a new revision with the same reference."""

    series = models.ForeignKey(
        CircularSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="circulars",
        help_text=_("Numbered series; leave empty to type the reference yourself."),
    )
    reference = models.CharField(
        _("reference"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Assigned on issue for a series; otherwise typed, e.g. “Foro CMSI 2022”."),
    )
    number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1, editable=False)
    previous = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="correction",
        editable=False,
    )
    state = models.CharField(
        _("state"), max_length=20, choices=CircularState.choices, default=CircularState.DRAFT
    )
    letterhead = models.ForeignKey(
        Letterhead, null=True, blank=True, on_delete=models.SET_NULL, related_name="circulars"
    )
    office = models.CharField(_("issuing office"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=100, default="Geneva")
    issue_date = models.DateField(_("date"), null=True, blank=True)
    default_language = models.CharField(
        _("original language"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    subject = models.CharField(_("subject"), max_length=500)
    salutation = models.CharField(_("salutation"), max_length=200, blank=True)
    body = models.TextField(_("body"), help_text=_("Markdown: **bold**, *italic*, lists, links."))
    closing = models.CharField(_("closing"), max_length=200, blank=True)
    annex_note = models.CharField(_("annexes line"), max_length=300, blank=True)
    statutory = models.BooleanField(
        _("statutory"),
        default=False,
        help_text=_("Statutory letters reach every addressee; others respect unsubscriptions."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        verbose_name = _("circular")
        verbose_name_plural = _("circulars")
        ordering = ["-issue_date", "-issued_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference", "revision"],
                condition=~Q(reference=""),
                name="circulars_reference_revision_unique",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["issued", "withdrawn"])
                | (Q(issued_at__isnull=False) & Q(issue_date__isnull=False) & ~Q(reference="")),
                name="circulars_issued_has_reference_and_date",
            ),
        ]
        rules_permissions = {
            "view": stakeholder_rules.always,
            "add": stakeholder_rules.is_secretariat,
            "change": stakeholder_rules.is_secretariat,
            "issue": stakeholder_rules.is_secretariat,
            "send": stakeholder_rules.is_secretariat,
        }

    def __str__(self) -> str:
        label = self.reference or _("draft")
        return f"{label} — {self.subject}"

    @property
    def is_public(self) -> bool:
        return self.state in (CircularState.ISSUED, CircularState.WITHDRAWN)

    @property
    def is_editable(self) -> bool:
        return self.state == CircularState.DRAFT

    def role_parents(self):
        """The secretariat of whatever the circular announces may also manage it."""
        return [link.target for link in self.links.all() if link.target is not None]


class Signatory(models.Model):
    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="signatories")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=300, blank=True)
    signed_note = models.CharField(
        _("signature note"), max_length=100, blank=True, help_text=_("e.g. “(signed)”")
    )

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="contacts")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class MailingList(TimeStampedModel):
    """A custom list of addressees (e.g. Permanent Missions in Geneva)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MailingListEntry(models.Model):
    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="entries")
    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES, blank=True)

    class Meta:
        verbose_name = _("mailing list entry")
        verbose_name_plural = _("mailing list entries")
        constraints = [
            models.UniqueConstraint(fields=["mailing_list", "email"], name="circulars_list_email")
        ]

    def __str__(self) -> str:
        return self.email


class AddresseeKind(models.TextChoices):
    STAKEHOLDER_TYPE = "stakeholder_type", _("Stakeholder type")
    ITU_STATUS = "itu_status", _("ITU status")
    ORGANIZATION = "organization", _("Organization")
    PERSON = "person", _("Person")
    MAILING_LIST = "mailing_list", _("Mailing list")
    LABEL_ONLY = "label", _("Printed line only")


class AddresseeGroup(models.Model):
    """One line of the letter's addressee block, and whom it reaches when the letter is mailed."""

    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="addressees")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=AddresseeKind.choices)
    stakeholder_type = models.CharField(max_length=40, choices=StakeholderType.choices, blank=True)
    itu_status = models.CharField(max_length=20, choices=ItuStatus.choices, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mailing_list = models.ForeignKey(
        MailingList, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        _("printed line"),
        max_length=300,
        blank=True,
        help_text=_("As printed in the letter; defaults to the group's name."),
    )

    class Meta:
        verbose_name = _("addressee group")
        verbose_name_plural = _("addressee groups")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="stakeholder_type", stakeholder_type__gt="")
                | Q(kind="itu_status", itu_status__gt="")
                | Q(kind="organization", organization__isnull=False)
                | Q(kind="person", person__isnull=False)
                | Q(kind="mailing_list", mailing_list__isnull=False)
                | Q(kind="label", label__gt=""),
                name="circulars_addressee_has_target",
            )
        ]

    def __str__(self) -> str:
        return self.printed_line

    @property
    def printed_line(self) -> str:
        if self.label:
            return self.label
        match self.kind:
            case AddresseeKind.STAKEHOLDER_TYPE:
                return str(StakeholderType(self.stakeholder_type).label)
            case AddresseeKind.ITU_STATUS:
                return str(ItuStatus(self.itu_status).label)
            case AddresseeKind.ORGANIZATION:
                return str(self.organization)
            case AddresseeKind.PERSON:
                return str(self.person)
            case AddresseeKind.MAILING_LIST:
                return str(self.mailing_list)
        return ""


def annex_upload_to(instance, filename: str) -> str:
    return f"circulars/annexes/{instance.circular_id}/{filename}"


class Annex(TimeStampedModel):
    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="annexes")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=annex_upload_to)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveBigIntegerField(editable=False)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES, blank=True)

    class Meta:
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class CircularLink(models.Model):
    """What a circular announces: an edition, a consultation, a call, a fund, a coalition."""

    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="links")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["circular", "target_type", "target_id"], name="circulars_link_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.circular} → {self.target}"


class RenderedLetter(models.Model):
    """The PDF of one issued revision in one language, rendered once and kept in storage."""

    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="renderings")
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    file = models.FileField(upload_to="circulars/pdf/")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circular", "language"], name="circulars_pdf_unique")
        ]

    def __str__(self) -> str:
        return f"{self.circular} [{self.language}]"


class MailingState(models.TextChoices):
    SENDING = "sending", _("Sending")
    PAUSED = "paused", _("Paused")
    DONE = "done", _("Done")


class Mailing(TimeStampedModel):
    """One mail-out of an issued circular to its resolved addressees."""

    circular = models.ForeignKey(Circular, on_delete=models.PROTECT, related_name="mailings")
    state = models.CharField(
        _("state"), max_length=20, choices=MailingState.choices, default=MailingState.SENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    total = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]
        constraints = [
            # One mail-out per circular revision: a letter is never sent twice.
            models.UniqueConstraint(fields=["circular"], name="circulars_one_mailing")
        ]

    def __str__(self) -> str:
        return f"{self.circular} ({self.get_state_display()})"


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")


class Delivery(models.Model):
    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    name = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        max_length=20, choices=DeliveryState.choices, default=DeliveryState.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["mailing", "email"], name="circulars_delivery_once")
        ]
        indexes = [models.Index(fields=["mailing", "state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_state_display()})"


class Unsubscription(models.Model):
    """An address that asked not to receive non-statutory circulars."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscription")
        verbose_name_plural = _("unsubscriptions")

    def __str__(self) -> str:
        return self.email
