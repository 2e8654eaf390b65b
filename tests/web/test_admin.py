"""The Django admin of the secretariat's superuser: every model of ours can be found there,
searched and filtered, and the key pages open without leaking identity data."""

import datetime as dt

import pytest
from django.apps import apps
from django.contrib import admin

from tests.conftest import enrol_totp, sign_in
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

OUR_APPS = {
    "core",
    "accounts",
    "stakeholders",
    "taxonomy",
    "circulars",
    "programme",
    "partnerships",
    "questionnaires",
    "consultations",
    "registration",
    "prizes",
    "coalitions",
}
# Reference tables with nothing worth filtering on (a code and a name in six languages).
WITHOUT_FILTERS = {"taxonomy"}


def edited_as_inlines() -> set:
    """The models edited inside another model's page rather than on their own."""
    return {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }


def concrete_models_of_ours():
    for model in apps.get_models():
        if model._meta.app_label in OUR_APPS and not (model._meta.proxy or model._meta.abstract):
            yield model


def test_every_model_of_ours_is_in_the_admin_with_search_and_filters():
    inlines = edited_as_inlines()
    for model in concrete_models_of_ours():
        if model not in admin.site._registry:
            assert model in inlines, model
            continue
        model_admin = admin.site._registry[model]
        assert model_admin.search_fields, model
        assert model_admin.list_filter or model._meta.app_label in WITHOUT_FILTERS, model


def test_a_superuser_can_open_each_admin_list_and_add_form(admin_client):
    from convoca.accounts.models import User

    for user in User.objects.filter(is_superuser=True):
        enrol_totp(user)
    for model in admin.site._registry:
        if model._meta.app_label not in OUR_APPS:
            continue
        url = f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/"
        response = admin_client.get(url)
        assert response.status_code == 200, url
        # Records the services create (votes, seats, pledges…) have no add page at all.
        expected = 200 if response.context["has_add_permission"] else 403
        assert admin_client.get(f"{url}add/").status_code == expected, url


def test_identity_token_and_service_owned_states_are_not_editable_in_the_admin():
    from convoca.consultations.models import Submission
    from convoca.partnerships.models import Contribution
    from convoca.registration.models import Registration, RegistrationForm, SessionQuota

    registration = admin.site._registry[Registration]
    assert "identity_token" in registration.exclude
    assert "identity_token" not in registration.readonly_fields
    assert {"state", "accreditation"} <= set(registration.readonly_fields)
    assert "state" in admin.site._registry[Contribution].readonly_fields
    assert "state" in admin.site._registry[Submission].readonly_fields
    for model in (RegistrationForm, SessionQuota):
        assert "seats_taken" in admin.site._registry[model].get_readonly_fields(None)


@pytest.fixture
def superuser(db):
    user = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    user.totp_secret = enrol_totp(user)
    return user


@pytest.fixture
def key_records():
    """A registration with an identity number and a pledge, made by their services as the
    pages would, and a submission to an open call."""
    from convoca.consultations.models import Call, CallKind, CallState, Consultation, Submission
    from convoca.partnerships import services as partnerships
    from convoca.partnerships.models import TrustFund
    from convoca.programme.models import Edition, Forum
    from convoca.questionnaires.services import build_questionnaire
    from convoca.registration import services as registration
    from convoca.registration.models import RegistrationForm

    forum = Forum.objects.create(name="WSIS Forum", slug="wsis-forum", acronym="WSIS")
    edition = Edition.objects.create(
        forum=forum,
        name="WSIS Forum 2022",
        slug="wsis-forum-2022",
        time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15),
        final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
    )
    form = RegistrationForm.objects.create(
        edition=edition, capacity=10, collects_identity=True, identity_retention_days=30
    )
    delegate = UserFactory(email="delegate@example.org")
    outcome = registration.register(
        form=form,
        by=delegate,
        user=delegate,
        given_name="Ana",
        family_name="Pérez",
        email=delegate.email,
        stakeholder_type="civil_society",
        country="KE",
        attendance="in_person",
        consent=True,
        identity_number="PX9931475",
    )
    partner = OrganizationFactory(name="Andes SatCom", slug="andes-satcom")
    fund = TrustFund.objects.create(
        name="WSIS Trust Fund 2022", slug="wsis-trust-fund-2022", year=2022, currency="CHF"
    )
    secretariat = UserFactory(email="treasurer@example.org")
    contribution = partnerships.pledge(
        fund=fund,
        contributor=partner,
        amount="1000.00",
        currency="CHF",
        pledged_on=dt.date(2022, 3, 1),
        by=secretariat,
    )
    consultation = Consultation.objects.create(
        slug="wsis-forum-2022", title="Open consultation", time_zone="Europe/Zurich"
    )
    call = Call.objects.create(
        consultation=consultation,
        kind=CallKind.WORKSHOP,
        slug="workshops-2022",
        title="Workshop requests",
        opens_at=dt.datetime(2022, 1, 10, 9, tzinfo=dt.UTC),
        closes_at=dt.datetime(2022, 3, 7, 13, tzinfo=dt.UTC),
        time_zone="Europe/Zurich",
        questionnaire=build_questionnaire(name="workshops", questions=[]),
        state=CallState.OPEN,
    )
    submission = Submission.objects.create(
        call=call, submitter=delegate, organization=partner, title="Solar schools"
    )
    return {
        "registration": outcome.registration,
        "contribution": contribution,
        "submission": submission,
    }


@pytest.mark.parametrize("record", ["registration", "contribution", "submission"])
def test_a_superuser_with_an_authenticator_opens_the_list_and_page_of_key_records(
    client, superuser, key_records, record
):
    sign_in(client, superuser)
    obj = key_records[record]
    base = f"/en/admin/{obj._meta.app_label}/{obj._meta.model_name}/"
    assert client.get(base).status_code == 200
    assert client.get(f"{base}?q=a").status_code == 200
    assert client.get(f"{base}{obj.pk}/change/").status_code == 200


def test_a_registrations_identity_number_never_shows_in_the_admin(client, superuser, key_records):
    registration = key_records["registration"]
    assert registration.identity_token  # stored, encrypted
    sign_in(client, superuser)
    page = client.get(f"/en/admin/registration/registration/{registration.pk}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    assert registration.code in body
    assert "PX9931475" not in body
    assert registration.identity_token not in body
    assert "identity_token" not in body
