import datetime as dt

import pytest
from django.utils import timezone

from convoca.consultations.models import Call, CallKind, CallState, Submission
from convoca.core.audit import history
from convoca.questionnaires.services import build_questionnaire
from convoca.stakeholders.models import FocalPoint, Organization
from convoca.stakeholders.services import StakeholderError, merge_organizations
from tests.factories import FocalPointFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    now = timezone.now()
    return Call.objects.create(
        kind=CallKind.WORKSHOP,
        slug="workshops",
        title="Workshops",
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=30),
        questionnaire=build_questionnaire(name="workshops", questions=[]),
        state=CallState.OPEN,
    )


@pytest.fixture
def twins():
    keep = OrganizationFactory(name="Internet Society", slug="internet-society")
    duplicate = OrganizationFactory(name="ISOC", slug="isoc")
    return keep, duplicate


def test_a_merge_moves_focal_points_and_submissions_and_logs_it(twins, call, secretariat):
    keep, duplicate = twins
    stays = FocalPointFactory(organization=keep, user__email="stays@isoc.example")
    joins = FocalPointFactory(organization=duplicate, user__email="joins@isoc.example")
    proposal = Submission.objects.create(
        call=call, submitter=joins.user, organization=duplicate, title="Community networks"
    )

    merge_organizations(keep=keep, duplicate=duplicate, by=secretariat)

    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert set(keep.focal_points.values_list("user__email", flat=True)) == {
        stays.user.email,
        joins.user.email,
    }
    proposal.refresh_from_db()
    assert proposal.organization == keep
    entry = history(keep).get(action="stakeholders.organization.merged")
    assert entry.actor == secretariat
    assert entry.data["merged"] == "ISOC"
    assert entry.data["moved"]["stakeholders.FocalPoint"] == 1
    assert entry.data["moved"]["consultations.Submission"] == 1


def test_a_person_acting_for_both_refuses_the_merge_and_changes_nothing(twins, secretariat):
    keep, duplicate = twins
    person = UserFactory(email="both@isoc.example")
    FocalPointFactory(organization=keep, user=person)
    FocalPointFactory(organization=duplicate, user=person)

    with pytest.raises(StakeholderError, match="resolve it first"):
        merge_organizations(keep=keep, duplicate=duplicate, by=secretariat)

    assert Organization.objects.filter(pk=duplicate.pk).exists()
    assert FocalPoint.objects.filter(organization=duplicate, user=person).exists()
    assert not history(keep).filter(action="stakeholders.organization.merged").exists()


def test_an_organization_is_not_merged_into_itself(twins, secretariat):
    keep, _duplicate = twins
    with pytest.raises(StakeholderError, match="into itself"):
        merge_organizations(keep=keep, duplicate=keep, by=secretariat)
    assert Organization.objects.filter(pk=keep.pk).exists()
