import datetime as dt

import pytest
from django.utils import translation

from convoca.accounts.models import User
from convoca.circulars.models import (
    Circular,
    CircularState,
    Delivery,
    DeliveryState,
    Mailing,
    MailingState,
    SeriesCounter,
)
from convoca.core.models import AuditEntry
from convoca.demo.accounts import build_accounts
from convoca.demo.circulars import build_circulars
from convoca.demo.stakeholders import build_organizations, build_people

pytestmark = pytest.mark.django_db

DATES = {
    "Circular BDT/DIR/110": dt.date(2021, 10, 18),
    "Foro CMSI 2022": dt.date(2021, 8, 16),
    "WSIS Forum 2021/01": dt.date(2021, 2, 3),
    "CL-20/025": dt.date(2020, 6, 16),
    "Fondo Fiduciario de la CMSI 2022": dt.date(2021, 9, 3),
}


@pytest.fixture
def secretariat():
    organizations = build_organizations()
    build_people(organizations)
    build_accounts(password="demo-pass-2022", organizations=organizations)
    return User.objects.get(email="secretariat@demo.convoca.example")


@pytest.fixture
def built(secretariat, django_capture_on_commit_callbacks):
    # The queued send task runs at commit (immediate backend in tests) and finds nothing left.
    with django_capture_on_commit_callbacks(execute=True):
        build_circulars(secretariat=secretariat)
    return secretariat


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (Circular, Mailing, Delivery, SeriesCounter, AuditEntry)
    }


def test_five_letters_are_issued_once_on_their_own_dates(built):
    build_circulars(secretariat=built)
    for reference, date in DATES.items():
        circular = Circular.objects.get(reference=reference)
        assert circular.state == CircularState.ISSUED
        assert circular.issue_date == date
        assert circular.issued_by == built
        assert circular.default_language == "es"
        assert circular.place_es == "Ginebra"
        assert circular.subject_es
        assert circular.subject_en
        assert circular.body_es
        assert "(#)" not in circular.body_es
        assert "Ref.:" not in circular.body_es
        assert circular.signatories.exists()
    assert Circular.objects.count() == len(DATES)


def test_second_run_changes_nothing(built):
    first = snapshot()
    updated = dict(Circular.objects.values_list("reference", "updated_at"))
    build_circulars(secretariat=built)
    assert snapshot() == first
    assert dict(Circular.objects.values_list("reference", "updated_at")) == updated


def test_letter_contents(built):
    forum = Circular.objects.get(reference="Foro CMSI 2022")
    assert "15 de marzo de 2022" in forum.subject_es
    assert forum.signatories.get().name == "Houlin ZHAO"
    assert forum.contacts.get().email == "wsis-info@itu.int"
    assert list(forum.addressees.values_list("label_es", flat=True)) == [
        "Gobiernos",
        "Sector privado",
        "Sociedad civil",
        "Instituciones académicas/Comunidad técnica",
        "Organizaciones internacionales",
    ]
    assert forum.addressees.filter(kind="stakeholder_type").count() == 5

    wsis_2021 = Circular.objects.get(reference="WSIS Forum 2021/01")
    assert list(wsis_2021.signatories.values_list("name", flat=True)) == [
        "Houlin Zhao",
        "Audrey Azoulay",
        "Mukhisa Kituyi",
        "Achim Steiner",
    ]
    assert set(wsis_2021.signatories.values_list("signed_note_es", flat=True)) == {
        "[original firmado]"
    }

    fund = Circular.objects.get(reference="Fondo Fiduciario de la CMSI 2022")
    assert fund.annex_note_es == "Adj.: Lotes de Asociación para el Foro de la CMSI de 2022"

    bdt = Circular.objects.get(reference="Circular BDT/DIR/110")
    assert bdt.office_es == "Oficina de Desarrollo de las Telecomunicaciones (BDT)"
    assert list(bdt.addressees.values_list("kind", flat=True)) == [
        "itu_status",
        "itu_status",
        "itu_status",
        "stakeholder_type",
        "label",
    ]


def test_english_archive_shows_english_subjects(built):
    with translation.override("en"):
        subject = Circular.objects.get(reference="Fondo Fiduciario de la CMSI 2022").subject
    assert subject == "Invitation to contribute to the WSIS Trust Fund – 2022"
    with translation.override("es"):
        subject = Circular.objects.get(reference="Fondo Fiduciario de la CMSI 2022").subject
    assert subject == "Invitación a contribuir al Fondo Fiduciario de la CMSI – 2022"


def test_cl_letter_keeps_its_historical_number_in_the_series(built):
    circular = Circular.objects.get(reference="CL-20/025")
    assert circular.series.slug == "cl"
    assert circular.series.pattern == "CL-{yy}/{nnn}"
    assert circular.number == 25
    assert SeriesCounter.objects.get(series=circular.series, year=2020).last_number == 25
    missions = circular.addressees.get(kind="mailing_list").mailing_list
    assert missions.slug == "permanent-missions-geneva"
    assert missions.entries.count() >= 5


def test_forum_2022_is_mailed_once_and_every_delivery_sent(
    built, django_capture_on_commit_callbacks
):
    mailing = Mailing.objects.get(circular__reference="Foro CMSI 2022")
    assert mailing.state == MailingState.DONE
    deliveries = Delivery.objects.filter(mailing=mailing)
    assert deliveries.count() == mailing.total > 0
    assert set(deliveries.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert Mailing.objects.count() == 1
    before = (Mailing.objects.count(), Delivery.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        build_circulars(secretariat=built)
    assert (Mailing.objects.count(), Delivery.objects.count()) == before
