"""Identity data is kept only as long as accreditation needs it: the document numbers of an
edition are erased `identity_retention_days` after its last day."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from convoca.core.audit import log_action

from ..models import Registration, RegistrationForm


@transaction.atomic
def erase_identity_data(*, today: dt.date | None = None) -> int:
    """Empty the identity data of every edition past its retention period; returns how many
    registrations were erased. Running it again erases nothing more."""
    today = today or timezone.localdate()
    now = timezone.now()
    erased = 0
    for form in RegistrationForm.objects.select_related("edition"):
        last_day = form.edition.final_week_end
        if today <= last_day + dt.timedelta(days=form.identity_retention_days):
            continue
        count = (
            Registration.objects.filter(form=form)
            .exclude(identity_token="")
            .update(identity_token="", identity_erased_at=now)
        )
        if count:
            log_action(form, "registration.identity.erased", data={"registrations": count})
            erased += count
    return erased
