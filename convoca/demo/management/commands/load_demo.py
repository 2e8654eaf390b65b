import os
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from convoca.accounts.models import User
from convoca.demo.accounts import build_accounts
from convoca.demo.circulars import build_circulars
from convoca.demo.coalitions import build_coalitions
from convoca.demo.consultations import build_consultations
from convoca.demo.funds import build_funds
from convoca.demo.prizes import build_prizes
from convoca.demo.programme import build_programme
from convoca.demo.registration import build_registration
from convoca.demo.stakeholders import build_organizations, build_people


def demo_password() -> str:
    """DEMO_PASSWORD, else one generated on the first run and kept in var/ for later runs."""
    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"]
    path = settings.VAR_DIR / "demo_password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


class Command(BaseCommand):
    help = "Build the demo data from the seed letters; running it again changes nothing."

    def handle(self, *args, **options):
        password = demo_password()
        with transaction.atomic():
            organizations = build_organizations()
            people = build_people(organizations)
            accounts = build_accounts(password=password, organizations=organizations)
            secretariat = User.objects.get(
                email=next(a.email for a in accounts if a.role == "secretariat")
            )
            circulars = build_circulars(secretariat=secretariat)
            programme = build_programme(secretariat=secretariat, organizations=organizations)
            funds = build_funds(secretariat=secretariat, organizations=organizations)
            summaries = [
                build(secretariat=secretariat, organizations=organizations)
                for build in (
                    build_consultations,
                    build_registration,
                    build_prizes,
                    build_coalitions,
                )
            ]
        self.stdout.write(
            f"Demo data ready: {len(organizations)} organizations, {len(people)} people, "
            f"{len(circulars)} circulars (Foro CMSI 2022 mailed to the demo stakeholders)."
        )
        self.stdout.write(
            "WSIS Forum programmes published: "
            + ", ".join(
                f"{edition.name} ({programme['sessions'][slug]} sessions, "
                f"{edition.get_status_display().lower()})"
                for slug, edition in programme["editions"].items()
            )
            + f"; {programme['speakers']} invented speakers."
        )
        self.stdout.write(
            f"Trust fund: {funds['fund'].name} ({len(funds['contributions'])} contributions, "
            f"{len(funds['packages'])} partnership packages, {len(funds['rates'])} exchange rates)."
        )
        for summary in filter(None, summaries):
            self.stdout.write(summary)
        self.stdout.write("Demo accounts (password below):")
        for account in accounts:
            note = f"  ({account.note})" if account.note else ""
            self.stdout.write(f"  {account.role}: {account.email}{note}")
        self.stdout.write(f"  password: {password}")
