"""The programme as the secretariat works on it in Excel: one row per session, public or not,
scheduled or not, with times in the edition's zone.

Titles, names and abstracts come from submitters; a cell that starts with = + - @ would be a
formula in Excel, so CSV cells get a leading apostrophe and XLSX cells are typed as text.
"""

from django.utils.translation import gettext as _

from convoca.core.spreadsheets import csv_bytes, xlsx_bytes

from .schedule import Item, Programme

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


def build_csv(programme: Programme) -> bytes:
    return csv_bytes(headers(programme), rows(programme))


WIDTHS = (14, 50, 8, 22, 22, 22, 12, 10, 10, 24, 20, 12, 40, 60, 12)
NUMBER_FORMATS = {6: "yyyy-mm-dd", 7: "hh:mm", 8: "hh:mm", 14: "0%"}


def build_xlsx(programme: Programme) -> bytes:
    return xlsx_bytes(
        title=_("Programme"),
        headers=headers(programme),
        rows=rows(programme),
        widths=WIDTHS,
        number_formats=NUMBER_FORMATS,
    )
