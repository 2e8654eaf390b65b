"""What a voter, a nominator or the secretariat can get wrong, each with a translated message.

Each is a ValidationError with a `code`, so forms show it as an error and the API answers it
with a status (see convoca.api.prizes)."""

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def when(moment, zone) -> str:
    local = localtime(moment, zone)
    return f"{date_format(local, 'DATE_FORMAT')}, {local:%H:%M} {local.tzname() or zone}"


class PrizeError(ValidationError):
    def __init__(self, message: str, code: str = "not_allowed"):
        super().__init__(message, code=code)


class VotingClosed(PrizeError):
    def __init__(self, cycle):
        super().__init__(
            _("Public voting is not open: it runs from %(opens)s to %(closes)s.")
            % {
                "opens": when(cycle.voting_opens_at, cycle.zone),
                "closes": when(cycle.voting_closes_at, cycle.zone),
            },
            code="voting_closed",
        )


class NotVerified(PrizeError):
    def __init__(self):
        super().__init__(
            _("Confirm your email address before you vote: open the link we emailed you."),
            code="not_verified",
        )


class NotOnBallot(PrizeError):
    def __init__(self):
        super().__init__(
            _("This project is not on the ballot of this category."), code="not_on_ballot"
        )


class RateLimited(PrizeError):
    def __init__(self):
        super().__init__(
            _("Too many votes in a short time from your account. Wait a minute and try again."),
            code="rate_limited",
        )


class VoteVoided(PrizeError):
    def __init__(self):
        super().__init__(
            _("Your vote in this category was voided by the secretariat and cannot be cast again."),
            code="vote_void",
        )
