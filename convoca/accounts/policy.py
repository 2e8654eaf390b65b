"""Who must use a second factor: staff, superusers and every member of any secretariat
(platform-wide or of one edition, coalition or fund)."""

from .models import User


def requires_mfa(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    # Roles live in stakeholders, which depends on accounts; read them lazily.
    from convoca.stakeholders.selectors import holds_role

    return holds_role(user=user, role="secretariat", anywhere=True)
