# ruff: noqa: E501  (one account per line)
"""One demo account per role, each with a verified email address."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from convoca.accounts.models import Gender, User
from convoca.stakeholders import services as stakeholders
from convoca.stakeholders.models import FocalPoint, FocalPointState, Organization, Role

DOMAIN = "demo.convoca.example"


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    first_name: str
    last_name: str
    note: str = ""


ACCOUNTS = [
    DemoAccount("superuser", f"admin@{DOMAIN}", "Ada", "Admin", "Django admin; MFA on first sign-in"),
    DemoAccount("secretariat", f"secretariat@{DOMAIN}", "Sara", "Secretariat", "MFA on first sign-in"),
    DemoAccount("focal_point", f"focalpoint@{DOMAIN}", "Femi", "Focal", "acts for Mama Tech Collective"),
    DemoAccount("participant", f"participant@{DOMAIN}", "Paula", "Participant"),
    DemoAccount("reviewer", f"reviewer@{DOMAIN}", "Rafael", "Reviewer"),
    DemoAccount("jury", f"jury@{DOMAIN}", "Julia", "Jury"),
    DemoAccount("accreditation", f"accreditation@{DOMAIN}", "Alex", "Accreditation", "MFA on first sign-in"),
    DemoAccount("check_in", f"checkin@{DOMAIN}", "Chidi", "Check-in", "scans badges at the venue"),
]  # fmt: skip


@transaction.atomic
def build_accounts(*, password: str, organizations: dict[str, Organization]) -> list[DemoAccount]:
    users = {}
    for index, account in enumerate(ACCOUNTS):
        user, _created = User.objects.update_or_create(
            email=account.email,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "is_staff": account.role == "superuser",
                "is_superuser": account.role == "superuser",
                "gender": [Gender.WOMAN, Gender.MAN][index % 2],
            },
        )
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        users[account.role] = user

    stakeholders.grant_role(user=users["secretariat"], role=Role.SECRETARIAT)
    stakeholders.grant_role(user=users["reviewer"], role=Role.REVIEWER)
    stakeholders.grant_role(user=users["jury"], role=Role.JURY)
    stakeholders.grant_role(user=users["accreditation"], role=Role.ACCREDITATION)
    stakeholders.grant_role(user=users["check_in"], role=Role.CHECK_IN)
    organization = organizations["mama-tech"]
    if not FocalPoint.objects.filter(
        user=users["focal_point"], organization=organization, state=FocalPointState.APPROVED
    ).exists():
        focal_point = FocalPoint.objects.filter(
            user=users["focal_point"], organization=organization, state=FocalPointState.REQUESTED
        ).first() or stakeholders.request_focal_point(
            user=users["focal_point"],
            organization=organization,
            reason="Digital inclusion programme lead (demo).",
        )
        stakeholders.transition_focal_point(
            focal_point=focal_point, to=FocalPointState.APPROVED, by=users["secretariat"]
        )
    stakeholders.link_person(user=users["focal_point"], organization=organization)
    return ACCOUNTS
