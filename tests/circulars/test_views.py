import datetime as dt

import pytest
from django.core import signing

from convoca.circulars import services
from convoca.circulars.models import Circular, CircularState, Unsubscription
from convoca.circulars.sending import UNSUBSCRIBE_SALT
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "participant", "focal_point", "reviewer", "jury", "secretariat"]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_writes_and_issues(as_role, role, draft):
    client = as_role(role)
    pages = [
        "/en/secretariat/circulars/",
        "/en/secretariat/circulars/new/",
        f"/en/secretariat/circulars/{draft.pk}/",
        f"/en/secretariat/circulars/{draft.pk}/edit/",
    ]
    for page in pages:
        response = client.get(page)
        expected = 200 if role == "secretariat" else (302 if role == "anonymous" else 404)
        assert response.status_code == expected, page
    client.post(f"/en/secretariat/circulars/{draft.pk}/state/", {"to": "approved"})
    draft.refresh_from_db()
    assert (draft.state == CircularState.APPROVED) == (role == "secretariat")


def test_a_draft_is_invisible_to_the_public(client, draft):
    assert client.get(f"/en/circulars/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/circulars/{draft.pk}").status_code == 404
    assert client.get("/api/v1/circulars").json()["count"] == 0


def test_the_secretariat_writes_a_draft_in_the_form(client, secretariat, series, governments):
    sign_in(client, secretariat)
    data = {
        "series": series.pk,
        "default_language": "es",
        "subject_es": "Invitación a contribuir al Fondo Fiduciario",
        "body_es": "Le invito a **contribuir**.",
        "place_es": "Ginebra",
        "addressees-TOTAL_FORMS": "2",
        "addressees-INITIAL_FORMS": "0",
        "addressees-0-kind": "stakeholder_type",
        "addressees-0-stakeholder_type": "government",
        "addressees-0-label": "Gobiernos",
        "addressees-1-kind": "",  # the untouched extra row, as a browser submits it
        "signatories-TOTAL_FORMS": "1",
        "signatories-INITIAL_FORMS": "0",
        "signatories-0-name": "Houlin ZHAO",
        "signatories-0-title": "Secretario General",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-0-name": "Gitanjali Sah",
        "contacts-0-email": "gitanjali.sah@itu.int",
    }
    response = client.post("/en/secretariat/circulars/new/", data)
    assert response.status_code == 302
    circular = Circular.objects.get()
    assert circular.subject_es == "Invitación a contribuir al Fondo Fiduciario"
    assert [g.printed_line for g in circular.addressees.all()] == ["Gobiernos"]
    assert circular.signatories.get().name == "Houlin ZHAO"


def test_bad_input_in_the_form_is_explained_and_nothing_is_saved(client, secretariat):
    sign_in(client, secretariat)
    response = client.post(
        "/en/secretariat/circulars/new/",
        {
            "default_language": "en",
            "subject_en": "Hello",
            "body_en": "<script>alert(1)</script>",
            "addressees-TOTAL_FORMS": "1",
            "addressees-INITIAL_FORMS": "0",
            "addressees-0-kind": "organization",
            "signatories-TOTAL_FORMS": "0",
            "signatories-INITIAL_FORMS": "0",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "HTML tags are not allowed (&lt;script&gt;)" in response.text
    assert "Choose whom this line addresses." in response.text
    assert not Circular.objects.exists()


def test_archive_searches_by_reference_subject_year_group_and_language(
    client, draft, issue, secretariat
):
    issue(draft, on=dt.date(2021, 8, 16))
    other = services.save_draft(
        by=secretariat,
        reference="Fondo Fiduciario de la CMSI 2022",
        subject_es="Fondo",
        body_es="Texto",
        default_language="es",
    )
    services.set_addressees(
        circular=other,
        groups=[{"kind": "itu_status", "itu_status": "sector_member"}],
        by=secretariat,
    )
    issue(other, on=dt.date(2021, 9, 3))

    def found(query):
        return [c.reference for c in client.get(f"/en/circulars/?{query}").context["page"]]

    assert found("") == ["Fondo Fiduciario de la CMSI 2022", "CL-21/001"]
    assert found("q=cl-21") == ["CL-21/001"]
    assert found("q=invitación") == ["CL-21/001"]
    assert found("year=2021&group=sector_member") == ["Fondo Fiduciario de la CMSI 2022"]
    assert found("language=en") == ["CL-21/001"]
    assert found("year=2020") == []


def test_withdrawn_letters_stay_listed_as_withdrawn(client, draft, issue, secretariat):
    issued = issue(draft)
    services.transition(circular=issued, to="withdrawn", by=secretariat, reason="Sent in error")
    page = client.get("/en/circulars/").text
    assert issued.reference in page
    assert "Withdrawn" in page
    feed = client.get("/en/circulars/feed/").text
    assert f"[Withdrawn] {issued.reference}" in feed


def test_the_atom_feed_lists_issued_letters(client, draft, issue):
    issued = issue(draft)
    response = client.get("/en/circulars/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert f"<title>{issued.reference} — Invitation to the WSIS Forum 2022</title>" in response.text
    spanish = client.get("/es/circulars/feed/").text
    assert "Invitación al Foro de la CMSI 2022" in spanish


def test_unsubscribing_needs_the_signed_link(client):
    token = signing.dumps("ana@gov-a.example.org", salt=UNSUBSCRIBE_SALT)
    assert client.get(f"/en/circulars/unsubscribe/{token}/").status_code == 200
    assert not Unsubscription.objects.exists()  # a GET (e.g. a mail scanner) changes nothing
    client.post(f"/en/circulars/unsubscribe/{token}/")
    assert Unsubscription.objects.filter(email="ana@gov-a.example.org").exists()
    assert client.get("/en/circulars/unsubscribe/forged-token/").status_code == 404


def test_the_progress_bar_shows_counts_and_polls_while_sending(
    client, draft, issue, secretariat, governments, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    mailing = services.start_mailing(circular=issue(draft), by=secretariat)
    sign_in(client, secretariat)
    partial = client.get(f"/en/secretariat/mailings/{mailing.pk}/progress/").text
    assert "0 of 3 sent" in partial
    assert 'hx-trigger="every 2s"' in partial
    client.post(f"/en/secretariat/mailings/{mailing.pk}/pause/")
    paused = client.get(f"/en/secretariat/mailings/{mailing.pk}/progress/").text
    assert "Paused" in paused
    assert "hx-trigger" not in paused


@pytest.mark.parametrize("count", [1, 30])
def test_archive_reads_in_a_fixed_number_of_queries(
    client, secretariat, count, django_assert_max_num_queries
):
    for n in range(count):
        circular = services.save_draft(
            by=secretariat,
            reference=f"REF/{n}",
            subject_en=f"Letter {n}",
            body_en="Body",
            default_language="en",
        )
        services.set_addressees(
            circular=circular,
            groups=[{"kind": "itu_status", "itu_status": "member_state"}],
            by=secretariat,
        )
        services.transition(circular=circular, to="approved", by=secretariat)
        services.transition(circular=circular, to="issued", by=secretariat)
    with django_assert_max_num_queries(4):
        assert client.get("/en/circulars/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/circulars?page_size=50").json()["count"] == count
