import datetime as dt

from django.core.management.base import BaseCommand

from convoca.registration.services import erase_identity_data


class Command(BaseCommand):
    help = (
        "Erase the identity document numbers of every edition whose retention period has "
        "passed. Run it daily (cron or a scheduler); running it again erases nothing more."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            type=dt.date.fromisoformat,
            help="the day to count the retention period to (default: today)",
        )

    def handle(self, *args, today=None, **options):
        erased = erase_identity_data(today=today)
        self.stdout.write(f"Identity data erased from {erased} registration(s).")
