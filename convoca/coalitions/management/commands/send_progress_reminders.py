from django.core.management.base import BaseCommand

from convoca.coalitions.reminders import send_progress_reminders


class Command(BaseCommand):
    help = "Remind focal points of the pledge progress reports due (sends nothing twice)."

    def handle(self, *args, **options):
        sent = send_progress_reminders()
        self.stdout.write(f"{sent} reminder(s) sent")
