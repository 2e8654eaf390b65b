from django.tasks import task


@task()
def send_pipeline_email(email_id: int) -> None:
    """Deliver a mail the secretariat sent from the EoI pipeline."""
    from .pipeline import deliver

    deliver(email_id)


@task()
def send_progress_reminders() -> int:
    """Remind focal points of the progress reports due; safe to enqueue twice."""
    from .reminders import send_progress_reminders as send

    return send()
