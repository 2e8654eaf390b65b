"""An edition with registration open: in person in Geneva (a cap) or remote, hybrid rooms."""

import datetime as dt

import pytest

from convoca.registration import services
from convoca.registration.models import RegistrationForm
from tests.factories import OrganizationFactory, UserFactory
from tests.programme.conftest import (  # noqa: F401 (fixtures shared with the programme's tests)
    GENEVA,
    edition,
    forum,
    geneva,
    make_session,
    rooms,
    session_types,
    tracks,
)

EDITION = "/en/editions/wsis-forum-2022"
STAFF = "/en/secretariat/editions/wsis-forum-2022"


@pytest.fixture
def form(edition):  # noqa: F811 - the programme's edition fixture
    return RegistrationForm.objects.create(edition=edition, capacity=3)


@pytest.fixture
def accredited_form(edition):  # noqa: F811 - the programme's edition fixture
    return RegistrationForm.objects.create(
        edition=edition,
        capacity=3,
        requires_accreditation=True,
        collects_identity=True,
        identity_retention_days=30,
    )


@pytest.fixture
def people(db):
    """Accounts that register: people(3) gives three verified users."""
    counter = iter(range(1, 10_000))

    def make(count: int = 1):
        return [UserFactory(email=f"delegate{next(counter)}@example.org") for _ in range(count)]

    return make


def details(user, **extra) -> dict:
    """What a participant types into the form, for `services.register`."""
    return {
        "user": user,
        "by": user,
        "given_name": user.first_name or "Ana",
        "family_name": user.last_name or "Pérez",
        "email": user.email,
        "stakeholder_type": "civil_society",
        "country": "KE",
        "attendance": "in_person",
        **extra,
    }


@pytest.fixture
def register(request):
    """Register a user for the edition: register(user, attendance="remote", form=…); the
    `form` fixture unless another form is given."""

    def go(user, *, form=None, **extra):
        form = form or request.getfixturevalue("form")
        return services.register(form=form, **details(user, **extra))

    return go


@pytest.fixture
def partner(db):
    return OrganizationFactory(name="Andes SatCom", slug="andes-satcom", country="PE")


@pytest.fixture
def later():
    return lambda **kw: dt.datetime.now(dt.UTC) + dt.timedelta(**kw)
