import pytest

from convoca.accounts.services import issue_token
from convoca.circulars.models import Circular
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user=user, name='test')[1]}"}


def test_list_and_detail_carry_reference_date_subject_and_pdf(client, draft, issue):
    issued = issue(draft)
    body = client.get("/api/v1/circulars").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["reference"] == issued.reference
    assert item["date"] == issued.issue_date.isoformat()
    assert item["subject"] == "Invitation to the WSIS Forum 2022"
    assert item["pdf_urls"]["es"].endswith(f"/circulars/{issued.pk}/es.pdf")
    detail = client.get(f"/api/v1/circulars/{issued.pk}").json()
    assert detail["subjects"]["es"] == "Invitación al Foro de la CMSI 2022"
    assert detail["signatories"] == ["Houlin ZHAO"]


def test_the_secretariat_creates_a_draft_through_the_api(client, secretariat, series):
    response = client.post(
        "/api/v1/circulars",
        {
            "subject": {"es": "Coalición Digital Partner2Connect"},
            "body": {"es": "Le invito a unirse."},
            "default_language": "es",
            "series": "cl",
            "addressees": [{"kind": "itu_status", "itu_status": "member_state"}],
        },
        content_type="application/json",
        **bearer(secretariat),
    )
    assert response.status_code == 201, response.content
    assert response.json()["state"] == "draft"
    assert Circular.objects.get().series == series


def test_others_cannot_create_drafts(client):
    response = client.post(
        "/api/v1/circulars",
        {"subject": {"en": "x"}, "body": {"en": "y"}},
        content_type="application/json",
        **bearer(UserFactory()),
    )
    assert response.status_code == 403
    assert not Circular.objects.exists()


def test_bad_drafts_answer_clearly_and_save_nothing(client, secretariat):
    headers = bearer(secretariat)
    script = client.post(
        "/api/v1/circulars",
        {"subject": {"en": "x"}, "body": {"en": "<script>x</script>"}},
        content_type="application/json",
        **headers,
    )
    assert script.status_code == 400
    assert "<script>" in script.json()["detail"]
    language = client.post(
        "/api/v1/circulars",
        {"subject": {"de": "x"}, "body": {"de": "y"}},
        content_type="application/json",
        **headers,
    )
    assert language.status_code == 422
    malformed = client.post(
        "/api/v1/circulars", {"subject": "x"}, content_type="application/json", **headers
    )
    assert malformed.status_code == 422
    assert not Circular.objects.exists()


def test_archive_filters_are_validated(client):
    assert client.get("/api/v1/circulars?year=1200").status_code == 422
    assert client.get("/api/v1/circulars?language=de").status_code == 422
