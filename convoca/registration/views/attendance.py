"""Attendance figures of an edition for the secretariat: totals, breakdowns with a chart and a
table each, per day and per session; the same figures as CSV or Excel."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from convoca.core.spreadsheets import csv_bytes, xlsx_bytes

from .. import charts
from ..figures import SMALLEST_GROUP, attendance_figures
from ._shared import MANAGE, nav, staff_form


def figures(request: HttpRequest, slug: str) -> HttpResponse:
    form = staff_form(request, slug, MANAGE)
    found = attendance_figures(edition=form.edition)
    sections = [
        {
            "breakdown": breakdown,
            "chart": charts.bar_chart(
                breakdown.rows, title=breakdown.title, element_id=f"chart-{breakdown.name}"
            ),
        }
        for breakdown in found.breakdowns
    ]
    return render(
        request,
        "registration/staff/figures.html",
        {
            **nav(request, form, "figures"),
            "figures": found,
            "sections": sections,
            "smallest": SMALLEST_GROUP,
        },
    )


def _export_rows(found):
    hidden = _("fewer than %(n)s") % {"n": SMALLEST_GROUP}
    yield [_("Total"), _("All"), found.registrations, found.attendees]
    yield [_("Cumulative virtual attendance"), _("All"), None, found.virtual_attendance]
    yield [_("Countries"), _("All"), found.countries_registered, found.countries_attended]
    for breakdown in found.breakdowns:
        for row in breakdown.rows:
            yield [
                breakdown.title,
                row.label,
                hidden if row.registered_hidden else row.registered,
                hidden if row.attended_hidden else row.attended,
            ]
    for day in found.days:
        yield [_("Day"), day["day"], day["in_person"], day["remote"]]
    for item in found.sessions:
        yield [_("Session"), item["session"].title, item["seats"], item["remote"]]


def figures_export(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    form = staff_form(request, slug, MANAGE)
    found = attendance_figures(edition=form.edition)
    headers = [_("Breakdown"), _("Group"), _("Registered"), _("Attended")]
    name = f"attendance-{form.edition.slug}"
    if kind == "csv":
        response = HttpResponse(
            csv_bytes(headers, _export_rows(found)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    data = xlsx_bytes(
        title=_("Attendance"),
        headers=headers,
        rows=_export_rows(found),
        widths=[30, 40, 14, 14],
        number_formats={},
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
