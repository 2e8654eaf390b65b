"""Trust funds on the web: the public fund, its contributors and packages; a partner's package
requests; the secretariat's dashboard, forms and finance exports.

Every write goes through `services`; a `FundError` comes back as a form error or a message, and
the services' transactions leave nothing half saved. A fund the user may not manage answers 404.
"""

from .exports import contributions_csv, contributions_xlsx
from .partner import my_packages, request_package
from .public import contributors, fund_detail, packages
from .secretariat import (
    acknowledge,
    acknowledgement_letter,
    add_rate,
    confirm_order,
    contribution_detail,
    dashboard,
    decline_order,
    record_pledge,
    record_receipt,
    set_consent,
    tick_benefit,
)

__all__ = [
    "acknowledge",
    "acknowledgement_letter",
    "add_rate",
    "confirm_order",
    "contribution_detail",
    "contributions_csv",
    "contributions_xlsx",
    "contributors",
    "dashboard",
    "decline_order",
    "fund_detail",
    "my_packages",
    "packages",
    "record_pledge",
    "record_receipt",
    "request_package",
    "set_consent",
    "tick_benefit",
]
