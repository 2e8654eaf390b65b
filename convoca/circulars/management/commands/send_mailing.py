from django.core.management.base import BaseCommand, CommandError

from convoca.circulars.models import Mailing
from convoca.circulars.sending import run_mailing


class Command(BaseCommand):
    help = "Send a mailing's queued deliveries now, in this process (what the worker task does)."

    def add_arguments(self, parser):
        parser.add_argument("mailing_id", type=int)

    def handle(self, *args, mailing_id: int, **options):
        if not Mailing.objects.filter(pk=mailing_id).exists():
            raise CommandError(f"No mailing {mailing_id}.")
        state = run_mailing(mailing_id)
        self.stdout.write(f"mailing {mailing_id}: {state}")
