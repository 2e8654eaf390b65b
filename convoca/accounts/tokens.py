"""Bearer-token authentication on the API's hot path.

Every API call with a token runs this first, so it is one hand-written query instead of an ORM
queryset: compiling `select_related` + `Exists` costs about 3 ms of CPU per call, ten times the
query itself (measured by `make bench`, see bench/prizes.py). The SQL is built once from the
models' own table and column names, and `User.objects.raw` still applies the database
converters, so SQLite and PostgreSQL answer the same `User`.
"""

from datetime import timedelta
from functools import cache

from allauth.account.models import EmailAddress
from django.db import connection
from django.utils import timezone

from .models import TOKEN_PREFIX, ApiToken, User, digest_token

# Last use is a hint shown on the tokens page: written at most once a minute per token.
TOUCH_EVERY = timedelta(minutes=1)


@cache
def _lookup_sql() -> str:
    quote = connection.ops.quote_name
    user, token, email = User._meta, ApiToken._meta, EmailAddress._meta

    def col(alias, meta, name):
        return f"{alias}.{quote(meta.get_field(name).column)}"

    columns = ", ".join(f"u.{quote(field.column)}" for field in user.concrete_fields)
    return (
        f"SELECT {columns}, t.{quote(token.pk.column)} AS token_id, "  # noqa: S608 -- names from _meta
        f"({col('t', token, 'last_used_at')} IS NULL OR {col('t', token, 'last_used_at')} < %s) "
        "AS token_stale, "
        f"EXISTS (SELECT 1 FROM {quote(email.db_table)} e "
        f"WHERE {col('e', email, 'user')} = u.{quote(user.pk.column)} "
        f"AND {col('e', email, 'verified')} "
        f"AND UPPER({col('e', email, 'email')}) = UPPER({col('u', user, 'email')})"
        ") AS email_verified "
        f"FROM {quote(token.db_table)} t "
        f"JOIN {quote(user.db_table)} u ON u.{quote(user.pk.column)} = {col('t', token, 'user')} "
        f"WHERE {col('t', token, 'digest')} = %s AND {col('t', token, 'revoked_at')} IS NULL "
        f"AND {col('u', user, 'is_active')}"
    )


@cache
def _touch_sql() -> str:
    quote = connection.ops.quote_name
    meta = ApiToken._meta
    column = quote(meta.get_field("last_used_at").column)
    return f"UPDATE {quote(meta.db_table)} SET {column} = %s WHERE {quote(meta.pk.column)} = %s"  # noqa: S608


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
    if user.token_stale:
        with connection.cursor() as cursor:
            cursor.execute(
                _touch_sql(), [connection.ops.adapt_datetimefield_value(now), user.token_id]
            )
    user.known_verified_email = bool(user.email_verified)
    return user
