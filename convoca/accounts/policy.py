"""Who must use a second factor: staff, superusers, every member of any secretariat
(platform-wide or of one edition, coalition or fund) and accreditation staff."""

from .models import User


def requires_mfa(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    # Roles live in stakeholders, which depends on accounts; read them lazily.
    from convoca.stakeholders.selectors import holds_role

    # Accreditation staff read passport numbers: they sign in with a second factor too.
    return holds_role(user=user, role="secretariat", anywhere=True) or holds_role(
        user=user, role="accreditation", anywhere=True
    )
