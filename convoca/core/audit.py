"""The audit log: every service records what it changed, so the secretariat can see who did what."""

import json
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import QuerySet

from .models import AuditEntry


def log_action(
    obj: models.Model, action: str, *, by: Any = None, data: dict | None = None
) -> AuditEntry:
    """Record `action` on `obj`; runs inside the caller's transaction so it rolls back with it."""
    actor = by if getattr(by, "is_authenticated", False) else None
    # Round-trip through Django's encoder so dates, Decimals and UUIDs are stored as JSON text.
    payload = json.loads(DjangoJSONEncoder().encode(data or {}))
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        actor=actor,
        data=payload,
    )


def history(obj: models.Model) -> QuerySet[AuditEntry]:
    """The audit entries of one object, newest first, with their actors."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
    ).select_related("actor")
