from django.tasks import task


@task()
def mail_nominator(nomination_id: int) -> None:
    """Tell a nominator what the secretariat decided, in their language."""
    from . import notifications

    notifications.send(nomination_id)
