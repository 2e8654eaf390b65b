"""A mail backend whose server always hangs up, to exercise retries."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

ATTEMPTS = {"count": 0}


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        ATTEMPTS["count"] += len(email_messages)
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
