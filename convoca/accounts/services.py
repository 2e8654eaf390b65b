import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convoca.core.audit import log_action

from .models import TOKEN_PREFIX, ApiToken, User, digest_token


class AccountError(Exception):
    """A refusal with a message the user can read."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@transaction.atomic
def update_profile(
    *,
    user: User,
    first_name: str,
    last_name: str,
    preferred_language: str,
    time_zone: str,
    gender: str,
) -> User:
    """Change one's own name, language, time zone and (optional, private) gender."""
    # Compare with the stored row, not the instance a bound form may already have modified.
    user = User.objects.select_for_update().get(pk=user.pk)
    changed = {
        field: value
        for field, value in {
            "first_name": first_name,
            "last_name": last_name,
            "preferred_language": preferred_language,
            "time_zone": time_zone,
            "gender": gender,
        }.items()
        if getattr(user, field) != value
    }
    for field, value in changed.items():
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    if changed:
        user.save(update_fields=list(changed))
    # Gender stays out of the log: it is private to the person and aggregate statistics.
    log_action(user, "accounts.profile.updated", by=user, data={"fields": sorted(changed)})
    return user


@transaction.atomic
def issue_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a bearer token for a verified, active account; the raw value is returned once."""
    if not user.is_active:
        raise AccountError(_("This account is disabled."))
    if not user.has_verified_email:
        raise AccountError(_("Verify your email address before you create API tokens."))
    name = name.strip()
    if not name:
        raise AccountError(_("Give the token a name, so you recognise it later."))
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=raw[:12], digest=digest_token(raw)
    )
    log_action(token, "accounts.token.issued", by=user, data={"name": token.name})
    return token, raw


@transaction.atomic
def revoke_token(*, token: ApiToken, by: User) -> ApiToken:
    """A revoked token answers 401 from then on; revoking twice changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_action(token, "accounts.token.revoked", by=by)
    return token
