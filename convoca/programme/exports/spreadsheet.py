"""The programme as the secretariat works on it in Excel: one row per session, public or not,
scheduled or not, with times in the edition's zone.

Titles, names and abstracts come from submitters; a cell that starts with = + - @ would be a
formula in Excel, so CSV cells get a leading apostrophe and XLSX cells are typed as text.
"""

import csv
import datetime as dt
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .schedule import Item, Programme

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = "; "


def headers(programme: Programme) -> list[str]:
    zone = programme.edition.time_zone
    return [
        _("Code"),
        _("Title"),
        _("Public"),
        _("Type"),
        _("Track"),
        _("Room"),
        _("Date"),
        _("Start (%(zone)s)") % {"zone": zone},
        _("End (%(zone)s)") % {"zone": zone},
        _("Languages"),
        _("WSIS Action Lines"),
        _("SDGs"),
        _("Organizers"),
        _("Speakers"),
        _("Women among speakers"),
    ]


def rows(programme: Programme):
    """Each session as typed values: dates, times and the women's share stay numbers."""
    yes, no = _("yes"), _("no")
    roles = programme.role_labels
    for item in programme.items:
        start = programme.local(item.starts_at) if item.starts_at else None
        end = programme.local(item.ends_at) if item.ends_at else None
        room = programme.rooms.get(item.room_id)
        yield [
            item.code,
            item.title,
            yes if item.is_public else no,
            programme.session_types[item.session_type_id].name,
            programme.tracks[item.track_id].name,
            room.name if room else "",
            start.date() if start else None,
            start.time().replace(tzinfo=None) if start else None,
            end.time().replace(tzinfo=None) if end else None,
            SEPARATOR.join(programme.language_names(item.languages)),
            SEPARATOR.join(item.action_lines),
            SEPARATOR.join(map(str, item.sdgs)),
            SEPARATOR.join(item.organizers),
            SEPARATOR.join(f"{s.name} ({roles.get(s.role, s.role)})" for s in item.speakers),
            women_share(item),
        ]


def women_share(item: Item) -> float | None:
    return item.gender.women_share


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value * 100)}%"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _safe(str(value))


def build_csv(programme: Programme) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads Arabic and Chinese names right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(programme))
    for row in rows(programme):
        writer.writerow([_csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode()


WIDTHS = (14, 50, 8, 22, 22, 22, 12, 10, 10, 24, 20, 12, 40, 60, 12)
NUMBER_FORMATS = {6: "yyyy-mm-dd", 7: "hh:mm", 8: "hh:mm", 14: "0%"}


def build_xlsx(programme: Programme) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Programme")[:31])
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in headers(programme):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows(programme):
        cells = []
        for index, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=str(value) if _is_text(value) else value)
            if _is_text(value):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif index in NUMBER_FORMATS and value is not None:
                cell.number_format = NUMBER_FORMATS[index]
            cells.append(cell)
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{chr(ord('A') + len(WIDTHS) - 1)}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _is_text(value) -> bool:
    return value is not None and not isinstance(value, (int, float, dt.date, dt.time))
