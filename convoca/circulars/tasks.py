from django.tasks import task

from .models import MailingState

# A worker gives a mailing this long, then queues it again so other tasks get their turn.
BUDGET_SECONDS = 120


@task()
def send_mailing(mailing_id: int) -> str:
    """Send a circular's queued deliveries; re-queues itself while work remains."""
    from . import services
    from .sending import next_retry_at, run_mailing

    state = run_mailing(mailing_id, budget_seconds=BUDGET_SECONDS)
    if state == MailingState.SENDING:
        services._enqueue(mailing_id, run_after=next_retry_at(mailing_id))
    return state
