"""Hooks for the apps that own a call (prize cycles, coalitions).

`submission_submitted` is sent inside the submit transaction: a receiver that raises
ValidationError refuses the submission and nothing is saved. `submission_transitioned` is
sent after every state change, in the same transaction."""

from django.dispatch import Signal

submission_submitted = Signal()  # sender=Call, submission=Submission
submission_transitioned = Signal()  # sender=Call, submission=, previous=, by=
