"""What a submitter can get wrong, each with a message in the user's language."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def when(moment, zone) -> str:
    """“7 March 2022, 14:00 CET”; zones without a letter abbreviation show their name."""
    local = localtime(moment, zone)
    abbreviation = local.tzname() or ""
    label = abbreviation if abbreviation[:1].isalpha() else str(zone)
    return f"{date_format(local, 'DATE_FORMAT')}, {local:%H:%M} {label}"


class CallNotOpen(ValidationError):
    def __init__(self, call, *, deadline, viewer_zone):
        if call.state == "draft" or call.opens_at > timezone.now():
            message = _("This call is not open yet.")
        elif call.state != "open" and timezone.now() < deadline:
            message = _("This call has been closed by the secretariat.")
        else:
            message = _(
                "The deadline has passed: submissions closed on %(deadline)s, "
                "that is %(local)s in your time zone."
            ) % {"deadline": when(deadline, call.zone), "local": when(deadline, viewer_zone)}
        super().__init__(message, code="call_closed")


class LimitReached(ValidationError):
    def __init__(self, limit: int, *, per_organization: bool = False):
        if per_organization:
            message = _("Your organization has already made %(limit)d submission(s) to this call.")
        else:
            message = _("You have already made %(limit)d submission(s) to this call.")
        super().__init__(message % {"limit": limit}, code="limit_reached")


class NotAllowed(ValidationError):
    def __init__(self, message: str, code: str = "not_allowed"):
        super().__init__(message, code=code)
