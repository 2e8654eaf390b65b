"""Who must use a second factor: staff, superusers, every member of any secretariat
(platform-wide or of one edition, coalition or fund) and accreditation staff."""

from .models import User


def requires_mfa(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    # Roles live in stakeholders, which depends on accounts; read them lazily. Accreditation
    # staff read passport numbers: they sign in with a second factor too. One query for both.
    from convoca.stakeholders.models import RoleAssignment

    return RoleAssignment.objects.filter(
        user=user, role__in=["secretariat", "accreditation"]
    ).exists()
