"""The secretariat's exports for finance: every contribution of a fund as CSV or XLSX."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from convoca.core.spreadsheets import csv_bytes, xlsx_bytes
from convoca.stakeholders.models import StakeholderType

from ..models import Contribution, TrustFund
from ._shared import _managed_fund

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _export_headers(fund: TrustFund) -> list[str]:
    return [
        _("Reference"),
        _("Contributor"),
        _("Country"),
        _("Stakeholder type"),
        _("Kind"),
        _("Earmarked for"),
        _("Pledged on"),
        _("Amount pledged"),
        _("Currency"),
        _("Amount received"),
        _("Outstanding"),
        _("Last received on"),
        _("Bank references"),
        _("State"),
        _("In %(currency)s") % {"currency": fund.currency},
        _("Rate"),
        _("Rate valid from"),
        _("Listed publicly"),
        _("Amount public"),
        _("Acknowledged on"),
    ]


# Columns of _export_headers holding amounts (2 decimals), the rate, and dates.
AMOUNT_COLUMNS = {7, 9, 10, 14}
RATE_COLUMNS = {15}
DATE_COLUMNS = {6, 11, 16, 19}


def _export_rows(fund: TrustFund):
    """One row per contribution, typed: Decimals, dates and text, never floats."""
    yes, no = _("yes"), _("no")
    types = dict(StakeholderType.choices)
    contributions = (
        Contribution.objects.filter(fund=fund)
        .select_related("contributor", "fund_rate")
        .prefetch_related("receipts")
        .order_by("pledged_on", "pk")
    )
    for c in contributions:
        receipts = list(c.receipts.all())
        received = sum((r.amount for r in receipts), Decimal("0"))
        yield [
            c.pk,
            c.contributor.name,
            c.contributor.country.code,
            str(types.get(c.contributor.stakeholder_type, c.contributor.stakeholder_type)),
            c.get_kind_display(),
            c.earmark,
            c.pledged_on,
            c.amount,
            c.currency,
            received,
            max(c.amount - received, Decimal("0")),
            max((r.received_on for r in receipts), default=None),
            "; ".join(r.reference for r in receipts if r.reference),
            c.get_state_display(),
            c.fund_amount,
            c.fund_rate.rate if c.fund_rate else None,
            c.fund_rate.valid_from if c.fund_rate else None,
            yes if c.publicly_listed else no,
            yes if c.amount_public else no,
            timezone.localtime(c.acknowledged_at).date() if c.acknowledged_at else None,
        ]


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_safe
def contributions_csv(request: HttpRequest, slug: str) -> HttpResponse:
    fund = _managed_fund(request, slug)
    body = csv_bytes(_export_headers(fund), _export_rows(fund))
    return _download(body, "text/csv; charset=utf-8", f"{fund.slug}-contributions.csv")


@login_required
@require_safe
def contributions_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    fund = _managed_fund(request, slug)
    headers = _export_headers(fund)
    body = xlsx_bytes(
        title=_("Contributions"),
        headers=headers,
        rows=_export_rows(fund),
        widths=[30 if index == 1 else 16 for index in range(len(headers))],
        number_formats={
            **dict.fromkeys(AMOUNT_COLUMNS, "#,##0.00"),
            **dict.fromkeys(RATE_COLUMNS, "0.00000000"),
            **dict.fromkeys(DATE_COLUMNS, "yyyy-mm-dd"),
        },
    )
    return _download(body, XLSX, f"{fund.slug}-contributions.xlsx")
