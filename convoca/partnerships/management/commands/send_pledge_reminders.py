import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from convoca.partnerships.models import TrustFund
from convoca.partnerships.reminders import send_pledge_reminders


class Command(BaseCommand):
    help = (
        "Remind the focal points of contributors whose pledges are unpaid after the fund's "
        "reminder period; each pledge is reminded once. Run it daily (cron or a scheduler)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fund", metavar="SLUG", help="only this fund (default: every fund)")
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            type=dt.date.fromisoformat,
            help="the day to count the reminder period from (default: today)",
        )

    def handle(self, *args, fund=None, today=None, **options):
        found = None
        if fund:
            found = TrustFund.objects.filter(slug=fund).first()
            if found is None:
                raise CommandError(f"No trust fund {fund!r}.")
        sent = send_pledge_reminders(fund=found, today=today)
        self.stdout.write(f"{sent} reminder(s) sent.")
