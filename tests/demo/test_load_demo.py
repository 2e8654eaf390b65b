import pytest
from django.core.management import call_command

from convoca.accounts.models import User
from convoca.core.models import AuditEntry, CountryRegion
from convoca.stakeholders.models import (
    FocalPoint,
    Organization,
    Person,
    RoleAssignment,
    StakeholderType,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Organization, Person, User, FocalPoint, RoleAssignment, AuditEntry)
    }


def test_loading_twice_changes_nothing(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2022")
    call_command("load_demo")
    first = counts()
    passwords = dict(User.objects.values_list("email", "password"))
    call_command("load_demo")
    assert counts() == first
    assert dict(User.objects.values_list("email", "password")) == passwords


def test_demo_covers_every_stakeholder_type_and_every_itu_region(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2022")
    call_command("load_demo")
    assert set(Organization.objects.values_list("stakeholder_type", flat=True)) == set(
        StakeholderType.values
    )
    countries = Organization.objects.values_list("country", flat=True)
    regions = set(
        CountryRegion.objects.filter(country__in=countries).values_list(
            "itu_region__code", flat=True
        )
    )
    assert regions == {"AFR", "AMS", "ARB", "ASP", "CIS", "EUR"}


def test_demo_prints_one_account_per_role_that_can_sign_in(client, monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2022")
    call_command("load_demo")
    out = capsys.readouterr().out
    roles = ("superuser", "secretariat", "focal_point", "participant", "reviewer", "jury")
    for role in (*roles, "accreditation", "check_in"):
        assert f"  {role}: " in out
    assert "password: demo-pass-2022" in out
    response = client.post(
        "/en/accounts/login/",
        {"login": "participant@demo.convoca.example", "password": "demo-pass-2022"},
    )
    assert response.url == "/en/accounts/profile/"
    client.post("/en/accounts/logout/")
    client.post(
        "/en/accounts/login/",
        {"login": "checkin@demo.convoca.example", "password": "demo-pass-2022"},
    )
    assert client.get("/en/secretariat/editions/wsis-forum-2022/check-in/").status_code == 200
    focal = User.objects.get(email="focalpoint@demo.convoca.example")
    assert focal.has_perm(
        "stakeholders.change_organization", Organization.objects.get(slug="mama-tech")
    )


def test_without_demo_password_one_is_generated_and_kept(monkeypatch, settings, tmp_path, capsys):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path
    call_command("load_demo")
    first = capsys.readouterr().out.rsplit("password: ", 1)[1].strip()
    call_command("load_demo")
    second = capsys.readouterr().out.rsplit("password: ", 1)[1].strip()
    assert first == second
    assert len(first) >= 12
