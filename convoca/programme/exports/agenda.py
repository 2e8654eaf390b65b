"""Private addresses of a person's agenda feed, for calendar apps that cannot sign in.

The token is signed (django.core.signing) and names the user and the edition; it also carries a
digest of the user's password hash, so changing one's password revokes every agenda address
given out before.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from ..models import Edition
from .schedule import site_url

SALT = "convoca.programme.agenda-feed"


def _seal(user) -> str:
    return salted_hmac(SALT, f"{user.pk}:{user.password}", algorithm="sha256").hexdigest()[:16]


def agenda_token(*, user, edition: Edition) -> str:
    return signing.dumps({"u": user.pk, "e": edition.pk, "k": _seal(user)}, salt=SALT)


def agenda_feed_url(*, user, edition: Edition) -> str:
    """The address to subscribe to in a calendar app (add it as `webcal://…` if you like)."""
    path = reverse("programme_exports:agenda_ics", kwargs={"slug": edition.slug})
    return f"{site_url()}{path}?token={agenda_token(user=user, edition=edition)}"


def user_from_token(token: str, *, edition: Edition):
    """The active user the token was made for, for this edition; None if it is not valid."""
    try:
        claims = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(claims, dict) or claims.get("e") != edition.pk:
        return None
    user = get_user_model().objects.filter(pk=claims.get("u"), is_active=True).first()
    if user is None or not constant_time_compare(str(claims.get("k", "")), _seal(user)):
        return None
    return user
