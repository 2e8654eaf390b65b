"""Each role sees what it may and gets a 404, never a 403, for what it may not."""

import pytest

from convoca.core.audit import log_action
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.conftest import sign_in
from tests.factories import FocalPointFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "participant", "focal_point", "reviewer", "jury", "secretariat"]

# url -> {role: status}; roles not named get 404, anonymous visitors are sent to sign in.
PAGES = {
    "/en/organizations/mama-tech/": dict.fromkeys(ROLES, 200),
    "/en/organizations/mama-tech/edit/": {"focal_point": 200, "secretariat": 200},
    "/en/secretariat/focal-points/": {"secretariat": 200},
    "/en/history/stakeholders.organization/{pk}/": {"secretariat": 200},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", PAGES)
def test_each_role_opens_only_what_it_may(as_role, organization, role, url):
    response = as_role(role).get(url.format(pk=organization.pk))
    default = 302 if role == "anonymous" else 404
    assert response.status_code == PAGES[url].get(role, default)
    if response.status_code == 302:
        assert response.url.startswith("/en/accounts/login/")


def test_a_focal_point_of_another_organization_gets_404_and_changes_nothing(client, organization):
    other = FocalPointFactory(organization=OrganizationFactory()).user
    client.force_login(other)
    assert client.get("/en/organizations/mama-tech/edit/").status_code == 404
    response = client.post(
        "/en/organizations/mama-tech/edit/",
        {"name": "Hijacked", "stakeholder_type": "civil_society", "itu_status": "none"},
    )
    assert response.status_code == 404
    organization.refresh_from_db()
    assert organization.name == "Mama Tech Collective"


def test_a_secretariat_scoped_to_one_object_does_not_reach_another(organization):
    other = OrganizationFactory()
    user = UserFactory()
    grant_role(user=user, role=Role.SECRETARIAT, scope=organization)
    assert user.has_perm("core.view_history", organization)
    assert not user.has_perm("core.view_history", other)
    assert not user.has_perm("stakeholders.decide_focal_points")


def test_reviewer_and_jury_roles_are_scoped(organization):
    from convoca.stakeholders.rules import is_jury_member, is_reviewer

    user = UserFactory()
    grant_role(user=user, role=Role.REVIEWER, scope=organization)
    assert is_reviewer(user, organization)
    assert not is_reviewer(user, OrganizationFactory())
    assert not is_jury_member(user, organization)


def test_granting_a_role_twice_changes_nothing(organization):
    user = UserFactory()
    first = grant_role(user=user, role=Role.JURY, scope=organization)
    assert grant_role(user=user, role=Role.JURY, scope=organization) == first
    platform = grant_role(user=user, role=Role.JURY)
    assert grant_role(user=user, role=Role.JURY) == platform
    assert user.role_assignments.count() == 2


def test_the_secretariat_reads_an_organization_history(client, secretariat, organization):
    log_action(organization, "stakeholders.organization.updated", by=secretariat)
    sign_in(client, secretariat)
    page = client.get(f"/en/history/stakeholders.organization/{organization.pk}/")
    assert "stakeholders.organization.updated" in page.text
    assert client.get("/en/history/nothing.here/1/").status_code == 404
    missing = f"/en/history/stakeholders.organization/{organization.pk + 99}/"
    assert client.get(missing).status_code == 404
