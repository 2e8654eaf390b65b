import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from convoca.core.permissions import object_or_404
from convoca.stakeholders.models import Organization

pytestmark = pytest.mark.django_db


def test_a_denied_object_is_indistinguishable_from_a_missing_one(organization):
    with pytest.raises(Http404):
        object_or_404(
            AnonymousUser(), "stakeholders.change_organization", Organization, slug="mama-tech"
        )
    with pytest.raises(Http404):
        object_or_404(
            AnonymousUser(), "stakeholders.change_organization", Organization, slug="nowhere"
        )


def test_an_allowed_object_is_returned(secretariat, organization):
    found = object_or_404(
        secretariat, "stakeholders.change_organization", Organization, slug="mama-tech"
    )
    assert found == organization
