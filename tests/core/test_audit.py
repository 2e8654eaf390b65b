import pytest
from django.db import transaction

from convoca.core.audit import history, log_action
from convoca.core.models import AuditEntry
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_log_action_records_who_did_what_to_which_object():
    organization = OrganizationFactory()
    user = UserFactory()
    entry = log_action(organization, "test.renamed", by=user, data={"from": "A", "to": "B"})
    assert entry.actor == user
    assert entry.subject == organization
    assert entry.data == {"from": "A", "to": "B"}
    assert list(history(organization)) == [entry]


def test_anonymous_actions_are_logged_without_an_actor():
    from django.contrib.auth.models import AnonymousUser

    entry = log_action(OrganizationFactory(), "test.viewed", by=AnonymousUser())
    assert entry.actor is None


def test_a_failed_write_leaves_no_audit_entry_behind():
    organization = OrganizationFactory()

    def failing_service():
        with transaction.atomic():
            log_action(organization, "test.half_done")
            raise RuntimeError("the service failed after logging")

    with pytest.raises(RuntimeError):
        failing_service()
    assert not AuditEntry.objects.filter(action="test.half_done").exists()


def test_history_lists_newest_first_and_only_for_that_object():
    first, second = OrganizationFactory(), OrganizationFactory()
    log_action(first, "test.one")
    log_action(second, "test.other")
    log_action(first, "test.two")
    assert [e.action for e in history(first)] == ["test.two", "test.one"]


def test_dates_and_decimals_in_details_are_stored_as_text():
    import datetime
    from decimal import Decimal

    entry = log_action(
        OrganizationFactory(),
        "test.money",
        data={"amount": Decimal("12.50"), "on": datetime.date(2022, 3, 7)},
    )
    entry.refresh_from_db()
    assert entry.data == {"amount": "12.50", "on": "2022-03-07"}
