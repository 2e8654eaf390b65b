from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """One thing that happened to one object, by whom, when; written only by `log_action`."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=300)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class RegionScheme(models.TextChoices):
    M49_REGION = "m49_region", _("UN M49 region")
    M49_SUBREGION = "m49_subregion", _("UN M49 sub-region")
    ITU = "itu", _("ITU region")


class Region(models.Model):
    """A UN M49 region or sub-region, or one of the six ITU regions (reference data)."""

    scheme = models.CharField(_("scheme"), max_length=20, choices=RegionScheme.choices)
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["scheme", "code"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="core_region_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class CountryRegion(models.Model):
    """Where a country sits: its M49 sub-region (and so region) and its ITU region."""

    country = CountryField(_("country"), unique=True)
    m49_subregion = models.ForeignKey(
        Region,
        verbose_name=_("UN M49 sub-region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"scheme": RegionScheme.M49_SUBREGION},
    )
    itu_region = models.ForeignKey(
        Region,
        verbose_name=_("ITU region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"scheme": RegionScheme.ITU},
    )

    class Meta:
        verbose_name = _("country region")
        verbose_name_plural = _("country regions")
        ordering = ["country"]

    def __str__(self) -> str:
        return str(self.country.name)
