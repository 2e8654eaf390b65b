"""Quoted table and column names for the few statements written by hand on hot paths (the API
token check, a prize vote), taken from the models so that SQL follows a renamed field or
table. Everywhere else the ORM writes the SQL."""

from django.db import connection


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model, field: str, alias: str = "") -> str:
    """`alias."column"` of a model field, by field name; "pk" is the primary key."""
    meta = model._meta
    name = connection.ops.quote_name((meta.pk if field == "pk" else meta.get_field(field)).column)
    return f"{alias}.{name}" if alias else name


def columns(model, *fields: str, alias: str = "") -> str:
    return ", ".join(column(model, field, alias) for field in fields)
