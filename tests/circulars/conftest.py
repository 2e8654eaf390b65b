import datetime as dt

import pytest

from convoca.circulars import services
from convoca.circulars.models import CircularSeries, MailingList, MailingListEntry
from tests.factories import OrganizationFactory, PersonFactory


@pytest.fixture
def series(db):
    return CircularSeries.objects.create(
        name="Circular letters", slug="cl", pattern="CL-{yy}/{nnn}"
    )


@pytest.fixture
def governments(db):
    """Two governments with three reachable people (one without email, one with an account)."""
    from tests.factories import UserFactory

    first = OrganizationFactory(name="Ministry A", stakeholder_type="government")
    second = OrganizationFactory(name="Ministry B", stakeholder_type="government")
    PersonFactory(organization=first, email="ana@gov-a.example.org")
    PersonFactory(organization=first, email="")  # nobody to write to
    PersonFactory(organization=second, email="ben@gov-b.example.org")
    user = UserFactory(email="chen@gov-b.example.org", preferred_language="zh-hans")
    PersonFactory(organization=second, email="", user=user)
    return [first, second]


@pytest.fixture
def draft(secretariat, series):
    """A Spanish letter to governments, like the seeds, still a draft."""
    circular = services.save_draft(
        by=secretariat,
        series=series,
        default_language="es",
        place_es="Ginebra",
        subject_es="Invitación al Foro de la CMSI 2022",
        body_es="Me complace invitarle al **Foro de la CMSI**.",
        subject_en="Invitation to the WSIS Forum 2022",
        body_en="I am pleased to invite you to the **WSIS Forum**.",
    )
    services.set_addressees(
        circular=circular,
        groups=[{"kind": "stakeholder_type", "stakeholder_type": "government"}],
        by=secretariat,
    )
    services.set_people(
        circular=circular,
        signatories=[
            {"name": "Houlin ZHAO", "title": "Secretario General", "signed_note": "(firmado)"}
        ],
        contacts=[{"name": "Gitanjali Sah", "email": "wsis-info@itu.int"}],
        by=secretariat,
    )
    return circular


@pytest.fixture
def issue(secretariat):
    def issue(circular, *, on: dt.date | None = None):
        if on:
            circular.issue_date = on
            circular.save(update_fields=["issue_date"])
        services.transition(circular=circular, to="approved", by=secretariat)
        return services.transition(circular=circular, to="issued", by=secretariat)

    return issue


@pytest.fixture
def mailing_list(db):
    """A custom list of `n` addressees, e.g. Permanent Missions in Geneva."""

    def make(n: int, *, language: str = ""):
        found = MailingList.objects.create(name=f"List of {n}", slug=f"list-{n}")
        MailingListEntry.objects.bulk_create(
            MailingListEntry(
                mailing_list=found, email=f"mission{i}@missions.example.org", language=language
            )
            for i in range(n)
        )
        return found

    return make
