from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from convoca.core.audit import log_action

from .models import (
    FOCAL_POINT_TRANSITIONS,
    FocalPoint,
    FocalPointState,
    Organization,
    Person,
    RoleAssignment,
)


class StakeholderError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


ORGANIZATION_FIELDS = ("name", "acronym", "country", "stakeholder_type", "itu_status", "website")


def unique_slug(name: str, *, model=Organization, exclude_pk=None) -> str:
    base = slugify(name, allow_unicode=False)[:100] or "organization"
    slug, n = base, 1
    taken = model.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_organization(*, by, slug: str = "", **fields) -> Organization:
    """A new organization with a unique, stable slug derived from its name."""
    organization = Organization(slug=slug or unique_slug(fields["name"]), **fields)
    organization.full_clean()
    organization.save()
    log_action(organization, "stakeholders.organization.created", by=by)
    return organization


@transaction.atomic
def update_organization(*, organization: Organization, by, **fields) -> Organization:
    """Edit the public details of an organization (its slug never changes: links stay valid)."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    changed = {
        k: v
        for k, v in fields.items()
        if k in ORGANIZATION_FIELDS and getattr(organization, k) != v
    }
    for field, value in changed.items():
        setattr(organization, field, value)
    organization.full_clean()
    if changed:
        organization.save(update_fields=[*changed, "updated_at"])
        log_action(
            organization,
            "stakeholders.organization.updated",
            by=by,
            data={"fields": sorted(changed)},
        )
    return organization


@transaction.atomic
def request_focal_point(*, user, organization: Organization, reason: str = "") -> FocalPoint:
    """A verified account asks to act for an organization; the secretariat decides."""
    if not user.has_verified_email:
        raise StakeholderError(_("Verify your email address first."))
    try:
        with transaction.atomic():
            focal_point = FocalPoint.objects.create(
                user=user, organization=organization, reason=reason.strip()
            )
    except IntegrityError as error:
        raise StakeholderError(
            _("You have already asked to act for this organization, or you already do.")
        ) from error
    log_action(focal_point, "stakeholders.focal_point.requested", by=user)
    return focal_point


@transaction.atomic
def transition_focal_point(*, focal_point: FocalPoint, to: str, by) -> FocalPoint:
    """Approve, refuse or revoke along FOCAL_POINT_TRANSITIONS; the row is locked meanwhile."""
    focal_point = FocalPoint.objects.select_for_update().get(pk=focal_point.pk)
    if to not in FOCAL_POINT_TRANSITIONS[focal_point.state]:
        raise StakeholderError(
            _("A focal point that is “%(state)s” cannot become “%(to)s”.")
            % {"state": focal_point.get_state_display(), "to": FocalPointState(to).label}
        )
    before = focal_point.state
    focal_point.state = to
    focal_point.decided_by = by
    focal_point.decided_at = timezone.now()
    focal_point.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])
    log_action(
        focal_point, f"stakeholders.focal_point.{to}", by=by, data={"from": before, "to": to}
    )
    return focal_point


@transaction.atomic
def grant_role(*, user, role: str, scope: Model | None = None, by=None) -> RoleAssignment:
    """Give `role` on `scope` (platform-wide when None); granting twice changes nothing."""
    lookup = {"user": user, "role": role, "scope_type": None, "scope_id": ""}
    if scope is not None:
        lookup["scope_type"] = ContentType.objects.get_for_model(scope, for_concrete_model=True)
        lookup["scope_id"] = str(scope.pk)
    assignment, created = RoleAssignment.objects.get_or_create(
        **lookup, defaults={"granted_by": by}
    )
    if created:
        log_action(assignment, "stakeholders.role.granted", by=by, data={"role": role})
    return assignment


@transaction.atomic
def revoke_role(*, assignment: RoleAssignment, by=None) -> None:
    log_action(
        assignment.user,
        "stakeholders.role.revoked",
        by=by,
        data={"role": assignment.role, "scope": str(assignment)},
    )
    assignment.delete()


@transaction.atomic
def link_person(*, user, organization: Organization | None = None, **fields) -> Person:
    """The Person record of an account, created on first need and kept in step with its name."""
    person, _created = Person.objects.get_or_create(
        user=user,
        defaults={
            "given_name": user.first_name or user.email.split("@")[0],
            "family_name": user.last_name,
            "email": user.email,
            "organization": organization,
            **fields,
        },
    )
    return person


@transaction.atomic
def merge_organizations(*, keep: Organization, duplicate: Organization, by) -> Organization:
    """Point everything that refers to `duplicate` at `keep`, then delete `duplicate`. A row that
    would then exist twice (the same focal point twice) refuses the merge; nothing changes."""
    if keep.pk == duplicate.pk:
        raise StakeholderError(_("An organization cannot be merged into itself."))
    keep = Organization.objects.select_for_update().get(pk=keep.pk)
    duplicate = Organization.objects.select_for_update().get(pk=duplicate.pk)
    moved: dict[str, int] = {}
    try:
        with transaction.atomic():
            for relation in Organization._meta.related_objects:
                model = relation.related_model
                if relation.many_to_many:
                    through = relation.through if hasattr(relation, "through") else None
                    through = through or getattr(model, relation.field.name).through
                    columns = [f for f in through._meta.fields if f.related_model is Organization]
                    for column in columns:
                        rows = through.objects.filter(**{column.name: duplicate})
                        kept = set(
                            through.objects.filter(**{column.name: keep}).values_list(
                                _other(through, column), flat=True
                            )
                        )
                        rows.filter(**{f"{_other(through, column)}__in": kept}).delete()
                        count = rows.update(**{column.name: keep})
                        if count:
                            moved[through._meta.label] = count
                    continue
                if not (relation.one_to_many or relation.one_to_one):
                    continue
                count = model._base_manager.filter(**{relation.field.name: duplicate}).update(
                    **{relation.field.name: keep}
                )
                if count:
                    moved[model._meta.label] = count
            duplicate.delete()
    except IntegrityError as error:
        raise StakeholderError(
            _(
                "%(duplicate)s and %(keep)s both hold the same record (a membership, an "
                "expression of interest, a focal point); resolve it first, then merge."
            )
            % {"duplicate": duplicate, "keep": keep}
        ) from error
    log_action(
        keep,
        "stakeholders.organization.merged",
        by=by,
        data={"merged": str(duplicate), "merged_slug": duplicate.slug, "moved": moved},
    )
    return keep


def _other(through, column) -> str:
    """The other foreign key of a many-to-many table."""
    for field in through._meta.fields:
        if field.is_relation and field.name != column.name and field.name != "id":
            return field.name
    raise LookupError(through)
