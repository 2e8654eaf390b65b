"""Seats under concurrency: real threads, each with its own database connection, registering at
once. The counter's conditional UPDATE and its CheckConstraint keep the count exact on
PostgreSQL (row lock) and on SQLite (IMMEDIATE transactions queue the writers)."""

import pytest
from django.db import OperationalError, connection

from convoca.registration import services
from convoca.registration.models import Registration, RegistrationForm
from tests.factories import UserFactory
from tests.support.threads import in_threads

from .conftest import details

SEATS = 5
PEOPLE = 20


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_oversell_the_venue(edition):
    form = RegistrationForm.objects.create(edition=edition, capacity=SEATS)
    users = [UserFactory(email=f"rush{n}@example.org") for n in range(PEOPLE)]
    outcomes = in_threads(lambda user: services.register(form=form, **details(user)), users)
    states = [o.registration.state for o in outcomes]
    assert states.count("confirmed") == SEATS
    assert states.count("waitlisted") == PEOPLE - SEATS
    assert RegistrationForm.objects.get(pk=form.pk).seats_taken == SEATS
    assert Registration.objects.filter(state="confirmed").count() == SEATS


@pytest.mark.django_db(transaction=True)
def test_the_same_person_registering_at_once_gets_one_registration(edition):
    form = RegistrationForm.objects.create(edition=edition, capacity=SEATS)
    user = UserFactory(email="double@example.org")
    outcomes = in_threads(lambda _n: services.register(form=form, **details(user)), range(6))
    assert len({o.registration.pk for o in outcomes}) == 1
    assert sum(o.created for o in outcomes) == 1
    assert RegistrationForm.objects.get(pk=form.pk).seats_taken == 1


@pytest.mark.django_db(transaction=True)
def test_cancellations_at_once_promote_exactly_as_many_people_waiting(edition):
    form = RegistrationForm.objects.create(edition=edition, capacity=SEATS)
    users = [UserFactory(email=f"wave{n}@example.org") for n in range(SEATS + 6)]
    outcomes = [services.register(form=form, **details(user)) for user in users]
    confirmed = [o.registration for o in outcomes[:SEATS]]
    in_threads(lambda r: services.cancel_registration(registration=r, by=None), confirmed)
    form.refresh_from_db()
    assert form.seats_taken == SEATS
    assert Registration.objects.filter(state="confirmed").count() == SEATS
    assert Registration.objects.filter(state="waitlisted").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_seat_freed_while_someone_joins_the_waiting_list_goes_to_them(edition):
    """The newcomer sees a full venue and joins the waiting list without the lock; a seat freed
    by another transaction before their registration commits must not stay empty while they
    wait. (SQLite runs one writer at a time, so there the other transaction can only free the
    seat afterwards, and the newcomer is promoted then.)"""
    from django.db.models.signals import post_save

    form = RegistrationForm.objects.create(edition=edition, capacity=1)
    holder = services.register(form=form, **details(UserFactory(email="holder@example.org")))
    newcomer = UserFactory(email="newcomer@example.org")
    freed = []

    def cancel_holder(registration):
        if connection.vendor == "sqlite":  # fail fast instead of waiting out the busy timeout
            connection.ensure_connection()
            connection.connection.execute("PRAGMA busy_timeout = 100")
        try:
            services.cancel_registration(registration=registration, by=None)
            freed.append(True)
        except OperationalError:  # SQLite: the newcomer's transaction holds the write lock
            freed.append(False)

    def free_the_seat_meanwhile(sender, instance, created, **kwargs):
        if created and instance.email == newcomer.email:
            post_save.disconnect(free_the_seat_meanwhile, sender=Registration)
            in_threads(cancel_holder, [holder.registration])

    post_save.connect(free_the_seat_meanwhile, sender=Registration)
    try:
        outcome = services.register(form=form, **details(newcomer))
    finally:
        post_save.disconnect(free_the_seat_meanwhile, sender=Registration)
    if freed == [False]:
        assert connection.vendor == "sqlite"
        assert outcome.registration.state == "waitlisted"
        services.cancel_registration(registration=holder.registration, by=None)
    else:
        assert outcome.registration.state == "confirmed"
    assert Registration.objects.get(pk=outcome.registration.pk).state == "confirmed"
    assert RegistrationForm.objects.get(pk=form.pk).seats_taken == 1
