"""CSV and XLSX files for people who live in Excel, written the same way everywhere.

Cells come from submitters and partners: a text that starts with = + - @ would run as a
formula, so CSV cells get a leading apostrophe and XLSX text cells are typed as text. CSV has
a byte-order mark so that Excel reads Arabic, Chinese and accented names right. openpyxl is
imported only when a workbook is built, so it does not weigh on every worker.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = (int, float, Decimal, dt.date, dt.time)


def safe_text(value: str) -> str:
    """Text that Excel would take for a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_cell(value) -> str:
    """One CSV cell: ISO dates, HH:MM times, plain Decimals, shares (floats) as percents."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value * 100)}%"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return safe_text(str(value))


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode()


def xlsx_bytes(
    *,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    widths: Sequence[int],
    number_formats: dict[int, str],
) -> bytes:
    """A one-sheet workbook: bold frozen header, a filter, numbers and dates as real cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        cells = []
        for index, value in enumerate(row):
            is_text = value is not None and not isinstance(value, NUMBERS)
            cell = WriteOnlyCell(sheet, value=str(value) if is_text else value)
            if is_text:
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif index in number_formats and value is not None:
                cell.number_format = number_formats[index]
            cells.append(cell)
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
