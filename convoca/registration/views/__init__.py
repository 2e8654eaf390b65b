"""Registration on the web: participants register and follow their registration, join remote
sessions and take session seats; focal points register delegations; the secretariat and
accreditation staff decide accreditations, print badges, check people in and read the figures.

Every write goes through `services`; a `RegistrationError` comes back as a form error or a
message, and nothing is half saved. A page the user may not see answers 404.
"""

from .attendance import figures, figures_export
from .delegation import delegation
from .participant import cancel, cancel_seat, join, mine, my_badge, register, remote, take_seat
from .staff import (
    badges_pdf,
    bulk_decide,
    export,
    invitations,
    registration_detail,
    registrations,
    settings,
)
from .venue import check_in

__all__ = [
    "badges_pdf",
    "bulk_decide",
    "cancel",
    "cancel_seat",
    "check_in",
    "delegation",
    "export",
    "figures",
    "figures_export",
    "invitations",
    "join",
    "mine",
    "my_badge",
    "register",
    "registration_detail",
    "registrations",
    "remote",
    "settings",
    "take_seat",
]
