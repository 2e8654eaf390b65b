from django.tasks import task


@task()
def send_pledge_reminders(fund_id: int | None = None) -> int:
    """Remind the focal points of unpaid pledges (in one fund, or in all); returns the number of
    messages sent. Safe to enqueue twice: a pledge is reminded once."""
    from .models import TrustFund
    from .reminders import send_pledge_reminders as send

    fund = TrustFund.objects.filter(pk=fund_id).first() if fund_id is not None else None
    if fund_id is not None and fund is None:
        return 0
    return send(fund=fund)
