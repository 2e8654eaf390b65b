"""A partner's package requests, and the secretariat's answer to them: confirmed, declined,
waitlisted, with the benefits ticked off."""

import pytest
from django.test import Client

from convoca.partnerships import services
from convoca.partnerships.models import (
    BenefitDelivery,
    Contribution,
    OrderState,
    PackageOrder,
)
from tests.conftest import sign_in
from tests.factories import FocalPointFactory
from tests.partnerships.conftest import DASHBOARD, FUND, text

pytestmark = pytest.mark.django_db


# --- Who may see what ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("participant", 404), ("secretariat", 404), ("focal_point", 200)],
)
def test_only_a_partner_sees_their_packages(as_role, role, expected, fund):
    assert as_role(role).get(f"{FUND}/my-packages/").status_code == expected


def test_an_unverified_focal_point_is_no_partner(client, fund, package, organization):
    user = FocalPointFactory(organization=organization, user__verified=False).user
    client.force_login(user)
    assert client.get(f"{FUND}/my-packages/").status_code == 404
    assert b"Request this package" not in client.get(f"{FUND}/packages/").content
    client.post(f"{FUND}/packages/gold/request/", {"organization": organization.pk})
    assert not PackageOrder.objects.exists()


# --- Partners --------------------------------------------------------------------------------


def test_a_partner_requests_a_package_with_their_wishes(client, fund, package, focal_point):
    sign_in(client, focal_point)
    organization = focal_point.focal_points.get().organization
    page = client.get(f"{FUND}/packages/")
    assert b"Request this package" in page.content
    response = client.post(
        f"{FUND}/packages/gold/request/",
        {"organization": organization.pk, "list_publicly": "on", "show_amount": "on"},
        follow=True,
    )
    order = PackageOrder.objects.get()
    assert (order.partner, order.state) == (organization, OrderState.REQUESTED)
    assert order.list_publicly
    assert order.show_amount
    assert "asked for the “Gold partner” package" in text(response)
    assert "Requested" in text(client.get(f"{FUND}/my-packages/"))

    again = client.post(
        f"{FUND}/packages/gold/request/", {"organization": organization.pk}, follow=True
    )
    assert "Your organization has already asked for this package." in text(again)
    assert PackageOrder.objects.count() == 1


def test_when_none_is_left_the_partner_joins_the_waiting_list(client, fund, package, focal_point):
    package.confirmed_count = 3
    package.save()
    sign_in(client, focal_point)
    organization = focal_point.focal_points.get().organization
    response = client.post(
        f"{FUND}/packages/gold/request/", {"organization": organization.pk}, follow=True
    )
    assert PackageOrder.objects.get().state == OrderState.WAITLISTED
    assert "is on the waiting list" in text(response)


def test_a_partner_cannot_request_for_someone_elses_organization(
    client, fund, package, focal_point, partner
):
    sign_in(client, focal_point)
    response = client.post(
        f"{FUND}/packages/gold/request/", {"organization": partner.pk}, follow=True
    )
    assert not PackageOrder.objects.exists()
    assert "Select a valid choice" in text(response)


def test_a_participant_cannot_request_a_package(client, fund, package, participant, partner):
    sign_in(client, participant)
    response = client.post(f"{FUND}/packages/gold/request/", {"organization": partner.pk})
    assert response.status_code == 404
    assert not PackageOrder.objects.exists()


def test_the_partner_follows_the_benefits_the_secretariat_ticks(
    client, fund, package, focal_point, secretariat
):
    organization = focal_point.focal_points.get().organization
    order = services.request_package(
        package=package, partner=organization, by=focal_point, list_publicly=True
    )
    sign_in(client, secretariat)
    client.post(f"{DASHBOARD}/requests/{order.pk}/confirm/")
    order.refresh_from_db()
    assert order.state == OrderState.CONFIRMED
    assert order.contribution.publicly_listed
    assert not order.contribution.amount_public
    booth = BenefitDelivery.objects.get(benefit__description="An exhibition booth")
    client.post(f"{DASHBOARD}/benefits/{booth.pk}/", {"done": "on", "note": "Booth B12"})
    booth.refresh_from_db()
    assert booth.done_at is not None

    partner_client = sign_in(Client(), focal_point)
    page = text(partner_client.get(f"{FUND}/my-packages/"))
    assert "Confirmed" in page
    assert "Done An exhibition booth — Booth B12" in page
    assert page.count("To do") == 2

    client.post(f"{DASHBOARD}/benefits/{booth.pk}/", {"done": "", "note": ""})
    booth.refresh_from_db()
    assert booth.done_at is None


def test_the_secretariat_declines_a_request(client, fund, package, partner, secretariat):
    order = services.request_package(package=package, partner=partner, by=None)
    sign_in(client, secretariat)
    assert "Andes SatCom" in text(client.get(f"{DASHBOARD}/"))
    client.post(f"{DASHBOARD}/requests/{order.pk}/decline/", {"reason": "Not eligible"})
    order.refresh_from_db()
    assert order.state == OrderState.DECLINED
    assert "Not eligible" in order.note
    response = client.post(f"{DASHBOARD}/requests/{order.pk}/confirm/", follow=True)
    assert "This request is closed." in text(response)
    order.refresh_from_db()
    assert order.state == OrderState.DECLINED


def test_confirming_when_none_is_left_says_so(client, fund, package, partner, secretariat):
    order = services.request_package(package=package, partner=partner, by=None)
    package.confirmed_count = 3
    package.save()
    sign_in(client, secretariat)
    response = client.post(f"{DASHBOARD}/requests/{order.pk}/confirm/", follow=True)
    assert "packages are taken" in text(response)
    assert not Contribution.objects.exists()
