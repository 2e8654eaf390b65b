from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModel

from convoca.core.models import TimeStampedModel
from convoca.core.money import AmountField, CurrencyField, Money
from convoca.stakeholders import rules as stakeholder_rules
from convoca.stakeholders.models import Organization

POSITIVE = MinValueValidator(Decimal("0.01"))


class TrustFund(TimeStampedModel, RulesModel):
    """A fund collecting voluntary contributions for one year (e.g. the WSIS Trust Fund 2022)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    legal_basis = models.TextField(
        _("legal basis"), blank=True, help_text=_("e.g. Plenipotentiary Resolution 140")
    )
    description = models.TextField(_("description"), blank=True)
    target = AmountField(_("target"), null=True, blank=True, validators=[POSITIVE])
    currency = CurrencyField(_("currency"), default="CHF")
    payment_instructions = models.TextField(_("bank and payment instructions"), blank=True)
    edition = models.ForeignKey(
        "programme.Edition",
        verbose_name=_("edition it finances"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funds",
    )
    circular = models.ForeignKey(
        "circulars.Circular",
        verbose_name=_("circular"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funds",
    )
    outcomes = models.TextField(
        _("outcomes"),
        blank=True,
        help_text=_("Markdown: what the money achieved, with figures from the edition's report."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind unpaid pledges after (days)"), default=60
    )

    class Meta:
        verbose_name = _("trust fund")
        verbose_name_plural = _("trust funds")
        ordering = ["-year"]
        rules_permissions = {
            "view": stakeholder_rules.always,
            "change": stakeholder_rules.is_secretariat,
            "manage": stakeholder_rules.is_secretariat,
        }

    def __str__(self) -> str:
        return self.name

    def role_parents(self):
        return [self.edition] if self.edition_id else []


class ExchangeRate(models.Model):
    """How many units of `to_currency` one unit of `from_currency` is worth from a date on.

    Rates are only ever added: a conversion records the rate it used, so a later rate never
    changes a figure already computed.
    """

    fund = models.ForeignKey(TrustFund, on_delete=models.CASCADE, related_name="rates")
    from_currency = CurrencyField(_("from"))
    to_currency = CurrencyField(_("to"))
    rate = models.DecimalField(_("rate"), max_digits=18, decimal_places=8, validators=[POSITIVE])
    valid_from = models.DateField(_("valid from"))
    source = models.CharField(_("source"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["from_currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "from_currency", "to_currency", "valid_from"],
                name="partnerships_one_rate_per_day",
            )
        ]

    def __str__(self) -> str:
        return f"1 {self.from_currency} = {self.rate} {self.to_currency} ({self.valid_from})"


class ContributionKind(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    IN_KIND = "in_kind", _("In kind")


class ContributionState(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    PARTIALLY_RECEIVED = "partially_received", _("Partially received")
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")


class Contribution(TimeStampedModel):
    fund = models.ForeignKey(TrustFund, on_delete=models.PROTECT, related_name="contributions")
    contributor = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="contributions"
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ContributionKind.choices,
        default=ContributionKind.FINANCIAL,
    )
    amount = AmountField(_("amount pledged"), validators=[POSITIVE])
    currency = CurrencyField(_("currency"))
    pledged_on = models.DateField(_("pledged on"))
    in_kind_description = models.TextField(_("what is given in kind"), blank=True)
    earmark = models.CharField(
        _("earmarked for"),
        max_length=200,
        blank=True,
        help_text=_("a track, a prize, the hackathon…"),
    )
    publicly_listed = models.BooleanField(_("may be listed publicly"), default=False)
    amount_public = models.BooleanField(_("amount may be shown publicly"), default=False)
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=ContributionState.choices,
        default=ContributionState.PLEDGED,
    )
    fund_amount = AmountField(_("in the fund's currency"), null=True, blank=True)
    fund_rate = models.ForeignKey(
        ExchangeRate,
        verbose_name=_("rate used"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-pledged_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="partnerships_amount_positive"),
            models.CheckConstraint(
                condition=~Q(kind="in_kind") | ~Q(in_kind_description=""),
                name="partnerships_in_kind_described",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contributor} — {self.pledged}"

    @property
    def pledged(self) -> Money:
        return Money(self.amount, self.currency)


class Receipt(models.Model):
    """Money (or goods) actually received against a contribution; several make a partial."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="receipts"
    )
    amount = AmountField(_("amount received"), validators=[POSITIVE])
    received_on = models.DateField(_("received on"))
    reference = models.CharField(_("bank reference"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ["received_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="partnerships_receipt_positive")
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.contribution.currency} on {self.received_on}"


class PartnershipPackage(TimeStampedModel):
    """A partnership offer ("Lote de Asociación") with a price and a limited quantity."""

    fund = models.ForeignKey(TrustFund, on_delete=models.CASCADE, related_name="packages")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"))
    tier = models.CharField(_("tier"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    price = AmountField(_("price"), validators=[POSITIVE])
    currency = CurrencyField(_("currency"))
    quantity = models.PositiveIntegerField(_("quantity available"))
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("partnership package")
        verbose_name_plural = _("partnership packages")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "slug"], name="partnerships_package_slug"),
            # Never more confirmed than offered, whatever the concurrency.
            models.CheckConstraint(
                condition=Q(confirmed_count__lte=F("quantity")),
                name="partnerships_package_not_oversold",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def left(self) -> int:
        return max(self.quantity - self.confirmed_count, 0)


class Benefit(models.Model):
    package = models.ForeignKey(
        PartnershipPackage, on_delete=models.CASCADE, related_name="benefits"
    )
    order = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(_("benefit"), max_length=300)

    class Meta:
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.description


class OrderState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class PackageOrder(TimeStampedModel):
    package = models.ForeignKey(PartnershipPackage, on_delete=models.PROTECT, related_name="orders")
    partner = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="package_orders"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=OrderState.choices, default=OrderState.REQUESTED
    )
    note = models.TextField(_("note"), blank=True)
    list_publicly = models.BooleanField(_("list us among the contributors"), default=False)
    show_amount = models.BooleanField(_("show the amount"), default=False)
    contribution = models.OneToOneField(
        Contribution, null=True, blank=True, on_delete=models.SET_NULL, related_name="package_order"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("package request")
        verbose_name_plural = _("package requests")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["package", "partner"],
                condition=Q(state__in=["requested", "waitlisted", "confirmed"]),
                name="partnerships_one_live_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner} → {self.package}"


class BenefitDelivery(models.Model):
    """One benefit of a confirmed package: the secretariat ticks it, the partner sees it."""

    order = models.ForeignKey(PackageOrder, on_delete=models.CASCADE, related_name="checklist")
    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, related_name="+")
    done_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["benefit__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["order", "benefit"], name="partnerships_benefit_once")
        ]

    def __str__(self) -> str:
        return f"{self.benefit} ({'done' if self.done_at else 'to do'})"
