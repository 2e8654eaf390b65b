"""Abuse signals on votes: what the secretariat is shown, never an automatic refusal.

A vote is flagged when its account's email domain is a known disposable-mail domain, or when
the account was created less than a day before it voted. A burst is many flagged new accounts
voting from one network (an IPv4 /24 or an IPv6 /48)."""

import ipaddress
from datetime import timedelta

from django.utils import timezone

from .models import VoteFlag

NEW_ACCOUNT_AGE = timedelta(days=1)
BURST_THRESHOLD = 10  # new accounts voting from one network before the network is shown

# A short, bundled list: no network look-up on the voting path.
DISPOSABLE_DOMAINS = frozenset(
    {
        "10minutemail.com", "20minutemail.com", "anonbox.net", "discard.email",
        "dispostable.com", "emailondeck.com", "fakeinbox.com", "getairmail.com",
        "getnada.com", "guerrillamail.com", "guerrillamail.net", "guerrillamailblock.com",
        "harakirimail.com", "mailcatch.com", "maildrop.cc", "mailinator.com", "mailnesia.com",
        "mintemail.com", "mohmal.com", "mytemp.email", "sharklasers.com", "spamgourmet.com",
        "temp-mail.org", "tempail.com", "tempmail.dev", "tempmailo.com", "tempr.email",
        "throwawaymail.com", "trashmail.com", "trashmail.de", "yopmail.com", "yopmail.fr",
    }
)  # fmt: skip


def network_of(address: str) -> str:
    """The network an address belongs to, as the secretariat groups votes by: "" if unknown."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def is_disposable(email: str) -> bool:
    domain = email.rpartition("@")[2].lower().strip()
    return domain in DISPOSABLE_DOMAINS or any(
        domain.endswith("." + known) for known in DISPOSABLE_DOMAINS
    )


def flag_for(voter, *, at=None) -> str:
    at = at or timezone.now()
    if is_disposable(voter.email):
        return VoteFlag.DISPOSABLE_EMAIL
    if voter.date_joined and at - voter.date_joined < NEW_ACCOUNT_AGE:
        return VoteFlag.NEW_ACCOUNT
    return VoteFlag.NONE
