"""A submitted prize nomination form becomes a Nomination, in the submit transaction."""

from .services import nomination_from_submission


def on_submission_submitted(sender, *, submission, **kwargs) -> None:
    nomination_from_submission(submission=submission)
