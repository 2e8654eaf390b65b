import pytest

from convoca.programme.models import ProgrammeVersion
from tests.conftest import sign_in

from .conftest import geneva

pytestmark = pytest.mark.django_db


def test_the_secretariat_publishes_and_the_public_reads_what_changed(
    client, edition, make_session, rooms, secretariat
):
    make_session("Opening ceremony", start=geneva(2022, 5, 30, 9))
    sign_in(client, secretariat)
    response = client.post(
        f"/en/secretariat/editions/{edition.slug}/publish/", {"note": "First programme"}
    )
    assert response.status_code == 302
    assert ProgrammeVersion.objects.get().note == "First programme"
    again = client.post(f"/en/secretariat/editions/{edition.slug}/publish/", follow=True)
    assert "Nothing changed since version 1." in again.text
    assert ProgrammeVersion.objects.count() == 1
    client.logout()
    page = client.get(f"/en/editions/{edition.slug}/changes/")
    assert "Version 1" in page.text
    assert "Added:" in page.text
    assert "Opening ceremony" in page.text


def test_only_the_secretariat_publishes(client, edition, make_session, participant):
    make_session(start=geneva(2022, 5, 30, 9))
    client.force_login(participant)
    assert client.post(f"/en/secretariat/editions/{edition.slug}/publish/").status_code == 404
    assert not ProgrammeVersion.objects.exists()


def test_an_edition_is_cloned_for_the_next_year_from_the_admin(
    admin_client, edition, tracks, rooms
):
    from convoca.accounts.models import User
    from convoca.programme.models import Edition
    from tests.conftest import enrol_totp

    for user in User.objects.filter(is_superuser=True):
        enrol_totp(user)
    response = admin_client.post(
        "/en/admin/programme/edition/",
        {"action": "clone_next_year", "_selected_action": [edition.pk]},
    )
    assert response.status_code == 302
    clone = Edition.objects.get(slug="wsis-forum-2023")
    assert clone.opening_date.weekday() == edition.opening_date.weekday()
    assert clone.tracks.count() == 2
    assert clone.rooms.count() == 3
