from django.tasks import task


@task()
def erase_identity_data() -> int:
    """Erase identity data past each edition's retention period; safe to enqueue daily."""
    from .services import erase_identity_data as erase

    return erase()


@task()
def notify(registration_id: int, event: str) -> None:
    """Mail a participant about their registration (see notifications.compose)."""
    from .notifications import send

    send(registration_id, event)


@task()
def notify_seat(seat_id: int) -> None:
    """Mail a participant about a session seat."""
    from .notifications import send_seat

    send_seat(seat_id)
