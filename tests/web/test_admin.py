import pytest
from django.apps import apps
from django.contrib import admin

pytestmark = pytest.mark.django_db

OUR_APPS = {"core", "accounts", "stakeholders", "taxonomy"}


def test_every_model_of_ours_is_in_the_admin_with_search_and_filters():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        assert model in admin.site._registry, model
        model_admin = admin.site._registry[model]
        assert model_admin.search_fields, model
        assert model_admin.list_filter or model._meta.app_label == "taxonomy", model


def test_a_superuser_can_open_each_admin_list(admin_client):
    from convoca.accounts.models import User
    from tests.conftest import enrol_totp

    for user in User.objects.filter(is_superuser=True):
        enrol_totp(user)
    for model, _model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS:
            continue
        url = f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/"
        response = admin_client.get(url)
        assert response.status_code == 200, url
