"""Bearer-token authentication on the API's hot path.

Every API call with a token runs this first, so it is one hand-written query instead of an ORM
queryset: compiling `select_related` + `Exists` costs about 3 ms of CPU per call, ten times the
query itself (measured by `make bench`, see bench/prizes.py). The SQL is built once from the
models' own table and column names (`core.sql`), and `User.objects.raw` still applies the
database converters, so SQLite and PostgreSQL answer the same `User`.
"""

from datetime import timedelta
from functools import cache

from allauth.account.models import EmailAddress
from django.db import connection
from django.utils import timezone

from convoca.core.sql import column, columns, table

from .models import TOKEN_PREFIX, ApiToken, User, digest_token

# Last use is a hint shown on the tokens page: written at most once a minute per token.
TOUCH_EVERY = timedelta(minutes=1)


@cache
def _lookup_sql() -> str:
    user_columns = columns(User, *(field.name for field in User._meta.concrete_fields), alias="u")
    last_used = column(ApiToken, "last_used_at", "t")
    return (
        f"SELECT {user_columns}, {column(ApiToken, 'pk', 't')} AS token_id, "  # noqa: S608 -- names from _meta
        f"({last_used} IS NULL OR {last_used} < %s) AS token_stale, "
        f"EXISTS (SELECT 1 FROM {table(EmailAddress)} e "
        f"WHERE {column(EmailAddress, 'user', 'e')} = {column(User, 'pk', 'u')} "
        f"AND {column(EmailAddress, 'verified', 'e')} "
        f"AND UPPER({column(EmailAddress, 'email', 'e')}) = UPPER({column(User, 'email', 'u')})"
        ") AS email_verified "
        f"FROM {table(ApiToken)} t "
        f"JOIN {table(User)} u ON {column(User, 'pk', 'u')} = {column(ApiToken, 'user', 't')} "
        f"WHERE {column(ApiToken, 'digest', 't')} = %s "
        f"AND {column(ApiToken, 'revoked_at', 't')} IS NULL AND {column(User, 'is_active', 'u')}"
    )


def authenticate_token(raw: str) -> User | None:
    """The active user behind an unrevoked bearer token, or None. The same query answers whether
    the account's address is verified, so `user.has_verified_email` costs nothing more."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    stale_before = connection.ops.adapt_datetimefield_value(now - TOUCH_EVERY)
    found = list(User.objects.raw(_lookup_sql(), [stale_before, digest_token(raw)]))
    if not found:
        return None
    user = found[0]
    if user.token_stale:  # at most once a minute per token: the ORM's UPDATE is cheap enough
        ApiToken.objects.filter(pk=user.token_id).update(last_used_at=now)
    user.known_verified_email = bool(user.email_verified)
    return user
