import pytest

from convoca.programme import services

from .conftest import geneva

pytestmark = pytest.mark.django_db


def test_anonymous_programme_pages_are_served_from_the_cache_until_the_next_version(
    client,
    edition,
    make_session,
    secretariat,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    session = make_session("Opening ceremony", start=geneva(2022, 5, 30, 9))
    services.publish_programme(edition=edition, by=secretariat)
    url = f"/en/editions/{edition.slug}/programme/"
    first = client.get(url)
    assert first["X-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert client.get(url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304

    session.title_en = "Opening of the final week"
    session.save()
    assert b"Opening of the final week" not in client.get(url).content  # still version 1
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_programme(edition=edition, by=secretariat)  # (renamed)
    refreshed = client.get(url)
    assert refreshed["X-Cache"] == "miss"
    assert b"Opening of the final week" in refreshed.content


def test_signed_in_visitors_get_their_own_page(
    client, edition, make_session, participant, secretariat
):
    make_session(start=geneva(2022, 5, 30, 9))
    services.publish_programme(edition=edition, by=secretariat)
    url = f"/en/editions/{edition.slug}/programme/"
    client.get(url)
    client.force_login(participant)
    response = client.get(url)
    assert "X-Cache" not in response
    assert b"csrfmiddlewaretoken" in response.content  # the star form, personal to them


def test_the_public_sessions_api_is_cached_for_anonymous_readers_only(
    client, edition, make_session, secretariat, django_assert_max_num_queries
):
    make_session(start=geneva(2022, 5, 30, 9))
    services.publish_programme(edition=edition, by=secretariat)
    url = f"/api/v1/editions/{edition.slug}/sessions"
    assert client.get(url)["X-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        assert client.get(url).json()["count"] == 1
    from convoca.accounts.services import issue_token

    _token, raw = issue_token(user=secretariat, name="t")
    assert "X-Cache" not in client.get(url, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get(url + "?sdg=99").status_code == 422
    assert client.get(url + "?sdg=99").status_code == 422  # errors are never cached


def test_a_cache_outage_serves_pages_uncached_instead_of_failing(
    client, edition, make_session, secretariat, settings
):
    make_session("Opening ceremony", start=geneva(2022, 5, 30, 9))
    services.publish_programme(edition=edition, by=secretariat)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get(f"/en/editions/{edition.slug}/programme/")
    assert response.status_code == 200
    assert b"Opening ceremony" in response.content
