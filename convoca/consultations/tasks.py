from django.tasks import task


@task()
def mail_submitter(submission_id: int, template: str) -> None:
    """Tell a submitter their submission arrived or was decided, in their language."""
    from . import notifications

    notifications.send(submission_id, template)
