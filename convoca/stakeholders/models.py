from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from rules.contrib.models import RulesModel

from convoca.accounts.models import Gender
from convoca.core.models import TimeStampedModel

from . import rules as perms


class StakeholderType(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    ACADEMIA = "academia", _("Academia / technical community")
    INTERNATIONAL_ORGANIZATION = "international_organization", _("International organization")


class ItuStatus(models.TextChoices):
    MEMBER_STATE = "member_state", _("ITU Member State")
    SECTOR_MEMBER = "sector_member", _("Sector Member")
    ASSOCIATE = "associate", _("Associate")
    ACADEMIA = "academia", _("Academia")
    NONE = "none", _("None")


class Organization(TimeStampedModel, RulesModel):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = CountryField(_("country"), blank=True, db_index=True)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=40, choices=StakeholderType.choices, db_index=True
    )
    itu_status = models.CharField(
        _("ITU status"), max_length=20, choices=ItuStatus.choices, default=ItuStatus.NONE
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        rules_permissions = {
            "view": perms.always,
            "change": perms.can_manage_organization,
            "view_private": perms.can_manage_organization,
            "manage_focal_points": perms.is_secretariat,
        }

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(TimeStampedModel):
    """A speaker, signatory or delegate the secretariat deals with, with an account or not."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    given_name = models.CharField(_("given name"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150)
    honorific = models.CharField(_("form of address"), max_length=30, blank=True)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    country = CountryField(_("country"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Where the person is; used to warn of sessions in their night."),
    )
    gender = models.CharField(
        _("gender"),
        max_length=20,
        choices=Gender.choices,
        blank=True,
        help_text=_("Self-declared by the person; only used in aggregate statistics."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class FocalPointState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    REVOKED = "revoked", _("Revoked")


FOCAL_POINT_TRANSITIONS = {
    FocalPointState.REQUESTED: {FocalPointState.APPROVED, FocalPointState.REFUSED},
    FocalPointState.APPROVED: {FocalPointState.REVOKED},
    FocalPointState.REFUSED: set(),
    FocalPointState.REVOKED: set(),
}


class FocalPoint(TimeStampedModel):
    """A person allowed to act for an organization, once the secretariat approves."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="focal_points"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="focal_points"
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=FocalPointState.choices,
        default=FocalPointState.REQUESTED,
    )
    reason = models.TextField(_("why"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        ordering = ["organization__name", "-created_at"]
        constraints = [
            # One live request or approval per person and organization; refusals may be retried.
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(state__in=["requested", "approved"]),
                name="stakeholders_one_live_focal_point",
            ),
            models.CheckConstraint(
                condition=Q(state="requested") | Q(decided_at__isnull=False),
                name="stakeholders_focal_point_decided_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organization}"


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    REVIEWER = "reviewer", _("Reviewer")
    JURY = "jury", _("Jury member")
    ACCREDITATION = "accreditation", _("Accreditation staff")
    CHECK_IN = "check_in", _("Check-in staff")


class RoleAssignment(TimeStampedModel):
    """A role held on one object (an edition, a coalition, a fund, a call), or platform-wide."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    scope_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    scope_id = models.CharField(max_length=64, blank=True, default="")
    scope = GenericForeignKey("scope_type", "scope_id")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["user__email", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "scope_type", "scope_id"],
                name="stakeholders_unique_scoped_role",
            ),
            # NULLs are distinct in a plain unique index, so platform-wide roles need their own.
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(scope_type__isnull=True),
                name="stakeholders_unique_platform_role",
            ),
            models.CheckConstraint(
                condition=Q(scope_type__isnull=True, scope_id="")
                | Q(scope_type__isnull=False) & ~Q(scope_id=""),
                name="stakeholders_role_scope_complete",
            ),
        ]
        indexes = [models.Index(fields=["user", "role"])]

    def __str__(self) -> str:
        where = self.scope if self.scope_type_id else _("all of convoca")
        return f"{self.user} — {self.get_role_display()} ({where})"
