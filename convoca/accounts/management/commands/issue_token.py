from django.core.management.base import BaseCommand, CommandError

from convoca.accounts import services
from convoca.accounts.models import User


class Command(BaseCommand):
    help = "Create a personal API token for an account and print it (shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="command line")

    def handle(self, *args, email: str, name: str, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the email address {email}.")
        try:
            _token, raw = services.issue_token(user=user, name=name)
        except services.AccountError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(raw)
