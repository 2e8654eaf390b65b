"""The prizes in the Django admin: every list opens, and votes cannot be edited there."""

from convoca.prizes import services
from tests.conftest import enrol_totp

from .conftest import make_project

LISTS = ["prizecycle", "category", "nomination", "vote", "juryreview"]


def test_a_superuser_opens_every_prizes_list_and_cannot_edit_a_vote(
    admin_client, admin_user, cycle, category, voter
):
    enrol_totp(admin_user)
    project = make_project(cycle, category, title="Solar schools")
    vote = services.cast_vote(cycle=cycle, category=category, nomination=project, voter=voter)
    for name in LISTS:
        response = admin_client.get(f"/en/admin/prizes/{name}/")
        assert response.status_code == 200, name
    assert "Solar schools" in admin_client.get("/en/admin/prizes/nomination/").content.decode()
    page = admin_client.get(f"/en/admin/prizes/vote/{vote.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    assert admin_client.get("/en/admin/prizes/vote/add/").status_code == 403
    cycle_page = admin_client.get(
        f"/en/admin/prizes/prizecycle/{cycle.pk}/change/"
    ).content.decode()
    assert "name_fr" in cycle_page  # the categories' names in each language
