import pytest
from django.core.cache import cache

from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role

from .factories import PASSWORD, FocalPointFactory, OrganizationFactory, UserFactory


@pytest.fixture(autouse=True)
def _english_unless_asked():
    """Each test starts in English: a page rendered in Arabic must not leak its language
    into the next test's messages."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _uploads_in_a_temporary_folder(tmp_path_factory):
    """Files uploaded by tests land in a folder pytest removes, not in var/media."""
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="Mama Tech Collective", slug="mama-tech")


@pytest.fixture
def participant(db):
    return UserFactory(email="participant@example.org")


@pytest.fixture
def focal_point(db, organization):
    return FocalPointFactory(organization=organization, user__email="focal@example.org").user


@pytest.fixture
def secretariat(db):
    user = UserFactory(email="secretariat@example.org")
    grant_role(user=user, role=Role.SECRETARIAT)
    user.totp_secret = enrol_totp(user)
    return user


@pytest.fixture
def reviewer(db):
    user = UserFactory(email="reviewer@example.org")
    grant_role(user=user, role=Role.REVIEWER)
    return user


@pytest.fixture
def jury(db):
    user = UserFactory(email="jury@example.org")
    grant_role(user=user, role=Role.JURY)
    return user


def current_totp_code(secret: str) -> str:
    """The code an authenticator app would show right now for `secret`."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def enrol_totp(user) -> str:
    """Give `user` a real TOTP authenticator, as the enrolment page would; returns its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def sign_in(client, user):
    """Sign in through the real login form, and the authenticator code where the user has one."""
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response
    if response.url.endswith("/2fa/authenticate/"):
        response = client.post(response.url, {"code": current_totp_code(user.totp_secret)})
        assert response.status_code == 302
    return client


@pytest.fixture
def as_role(request, client):
    """The test client signed in as a role: "anonymous", "participant", "focal_point",
    "reviewer", "jury" or "secretariat" (only the user asked for is created)."""

    def become(role):
        return client if role == "anonymous" else sign_in(client, request.getfixturevalue(role))

    return become
