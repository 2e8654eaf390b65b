import contextlib

import pytest
from django.db import connection
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

HTML = {
    "ar": '<html lang="ar" dir="rtl">',
    "zh-hans": '<html lang="zh-Hans" dir="ltr">',
    "en": '<html lang="en" dir="ltr">',
    "fr": '<html lang="fr" dir="ltr">',
    "ru": '<html lang="ru" dir="ltr">',
    "es": '<html lang="es" dir="ltr">',
}


@pytest.mark.parametrize(("language", "opening"), HTML.items())
def test_every_page_speaks_each_language_with_the_right_direction(client, language, opening):
    for page in ("", "organizations/", "sdgs/", "action-lines/", "focus-areas/", "accounts/login/"):
        response = client.get(f"/{language}/{page}")
        assert response.status_code == 200, page
        assert opening in response.text, page


def test_the_language_switcher_links_this_page_in_every_language(client):
    page = client.get("/en/sdgs/").text
    for language in HTML:
        assert f'href="/{language}/sdgs/"' in page


def test_the_root_sends_visitors_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CH,fr;q=0.9").url == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").url == "/en/"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/de/organizations/", "/en/organizations/"),
        ("/pt-br/sdgs/?page=2", "/en/sdgs/?page=2"),
        ("/zh/", "/zh-hans/"),
        ("/zh-cn/sdgs/", "/zh-hans/sdgs/"),
    ],
)
def test_an_unknown_language_prefix_falls_back(client, path, target):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == target


def test_not_found_pages_speak_the_visitor_language(client):
    response = client.get("/fr/organizations/nulle-part/")
    assert response.status_code == 404
    assert '<html lang="fr"' in response.text
    assert "Page introuvable" in response.text


def test_pages_forbid_inline_scripts_and_framing(client):
    response = client.get("/en/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_htmx_is_served_from_our_own_static_files(client):
    assert "/static/vendor/htmx/htmx.min.js" in client.get("/en/").text
    response = client.get("/static/vendor/htmx/htmx.min.js")
    assert response.status_code == 200
    assert b"htmx" in b"".join(response.streaming_content)


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "cache": True}}


@contextlib.contextmanager
def database_down():
    """Point the real connection at a database that is not there, then put it back."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent/convoca/down.sqlite3"
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_the_database_is_down(client):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": False, "cache": True}


def test_healthz_answers_503_when_the_cache_is_down(client):
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with override_settings(
        CACHES=unreachable, SESSION_ENGINE="django.contrib.sessions.backends.cache"
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] is False


@pytest.mark.django_db(transaction=True)
def test_a_page_that_needs_the_database_fails_kindly_in_the_visitor_language():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/es/organizations/")
    assert response.status_code == 500
    assert '<html lang="es"' in response.text
    assert "no se ha guardado nada" in response.text.lower()
