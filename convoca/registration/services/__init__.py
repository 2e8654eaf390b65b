"""Every write to registrations: registering (seats, waiting list, invitations), cancelling,
accreditation, session seats, check-in at the venue, joins to virtual sessions and the erasure
of identity data. Views, the API, commands and tasks all call these."""

from .accreditation import decide_accreditation, decide_accreditations
from .erasure import erase_identity_data
from .errors import RegistrationError
from .registering import (
    Outcome,
    cancel_registration,
    configure_form,
    register,
    set_capacity,
)
from .sessions import (
    JoinRefused,
    cancel_session_seat,
    create_invitation,
    join_session,
    set_session_quota,
    take_session_seat,
)
from .venue import CheckInResult, check_in

__all__ = [
    "CheckInResult",
    "JoinRefused",
    "Outcome",
    "RegistrationError",
    "cancel_registration",
    "cancel_session_seat",
    "check_in",
    "configure_form",
    "create_invitation",
    "decide_accreditation",
    "decide_accreditations",
    "erase_identity_data",
    "join_session",
    "register",
    "set_capacity",
    "set_session_quota",
    "take_session_seat",
]
