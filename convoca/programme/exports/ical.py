"""iCalendar (RFC 5545) feeds: the whole programme, one session, a person's agenda.

Times are written in the edition's zone (DTSTART;TZID=Europe/Zurich:…) with a VTIMEZONE
computed from the tz database for the years the sessions fall in, so a calendar app shows
09:00 in Geneva as 09:00 in Geneva, before and after the switch to summer time. Written as
text: the icalendar package builds ~20,000 objects per 1,000 events, too slow for 10,000.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from .schedule import Item, Programme, clean

PRODID = "-//convoca//Programme exports 1.0//EN"
REFRESH = "PT1H"
PARAGRAPH = "\n\n"


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped.
    Control characters were removed when the text was loaded."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets go on in continuation lines, never inside a UTF-8 character."""
    if line.isascii():  # one octet a character: cut the text itself
        if len(line) <= 75:
            return line
        return "\r\n ".join([line[:75], *(line[i : i + 74] for i in range(75, len(line), 74))])
    data = line.encode()
    if len(data) <= 75:
        return line
    parts = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74  # the leading space of a continuation counts
    return "\r\n ".join(parts)


def _local(moment: dt.datetime) -> str:
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
        f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"
    )


def _utc(moment: dt.datetime) -> str:
    return _local(moment.astimezone(dt.UTC)) + "Z"


def _offset(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _state(zone: ZoneInfo, timestamp: int):
    moment = dt.datetime.fromtimestamp(timestamp, zone)
    return moment.utcoffset(), moment.tzname() or "", bool(moment.dst())


def vtimezone(tzid: str, first: dt.date, last: dt.date) -> list[str]:
    """A VTIMEZONE for `tzid` with every transition from 1 January of `first`'s year to the end
    of `last`'s year, each observance starting at the local time it takes effect."""
    zone = ZoneInfo(tzid)
    start = int(dt.datetime(first.year, 1, 1, tzinfo=dt.UTC).timestamp())
    stop = int(dt.datetime(last.year + 1, 1, 1, tzinfo=dt.UTC).timestamp())
    offset, name, dst = _state(zone, start)
    begin = dt.datetime.fromtimestamp(start, zone).replace(tzinfo=None)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}", f"X-LIC-LOCATION:{tzid}"]

    def observance(kind, onset, before, after, tzname):
        lines.extend(
            [
                f"BEGIN:{kind}",
                f"DTSTART:{_local(onset)}",
                f"TZOFFSETFROM:{_offset(before)}",
                f"TZOFFSETTO:{_offset(after)}",
                *([f"TZNAME:{_text(tzname)}"] if tzname else []),
                f"END:{kind}",
            ]
        )

    observance("DAYLIGHT" if dst else "STANDARD", begin, offset, offset, name)
    step = 6 * 3600
    here = start
    while here < stop:
        there = min(here + step, stop)
        after = _state(zone, there)
        if after[:2] != (offset, name):
            low, high = here, there  # the change happens in (low, high]
            while high - low > 1:
                middle = (low + high) // 2
                if _state(zone, middle)[:2] == (offset, name):
                    low = middle
                else:
                    high = middle
            new_offset, new_name, new_dst = _state(zone, high)
            onset = dt.datetime.fromtimestamp(high, dt.UTC).replace(tzinfo=None) + offset
            observance("DAYLIGHT" if new_dst else "STANDARD", onset, offset, new_offset, new_name)
            offset, name = new_offset, new_name
        here = there
    lines.append("END:VTIMEZONE")
    return lines


def _event(programme: Programme, item: Item, *, head: str, tail: str, tzid: str) -> str:
    """One VEVENT; only the lines with free text can pass 75 octets and need folding."""
    url = programme.session_url(item)
    description = [item.abstract] if item.abstract else []
    extra = [line for line in (programme.speaker_line(item), *programme.details(item)) if line]
    if extra:
        description.append("\n".join(extra))
    description.append(url)
    categories = (
        f"{_text(programme.track_names[item.track_id])},"
        f"{_text(programme.type_names[item.session_type_id])}"
    )
    return "\r\n".join(
        (
            head,
            f"UID:{item.guid}@{programme.site_host}",
            f"DTSTART;TZID={tzid}:{_local(programme.local(item.starts_at))}",
            f"DTEND;TZID={tzid}:{_local(programme.local(item.ends_at))}",
            _fold(f"SUMMARY:{_text(item.title)}"),
            _fold(f"LOCATION:{_text(programme.location(item))}"),
            _fold(f"DESCRIPTION:{_text(PARAGRAPH.join(description))}"),
            _fold(f"URL:{url}"),
            _fold(f"CATEGORIES:{categories}"),
            tail,
        )
    )


BATCH = 500


def build(programme: Programme, *, name: str = "", feed: bool = True) -> bytes:
    """A VCALENDAR with one VEVENT per scheduled session of `programme`, as UTF-8 encoded
    500 events at a time (a 10,000-session calendar never exists as one str)."""
    edition = programme.edition
    items = [item for item in programme.items if item.starts_at and item.ends_at]
    name = name or edition.name
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{_text(clean(name))}",
        f"X-WR-CALNAME:{_text(clean(name))}",
        f"X-WR-TIMEZONE:{edition.time_zone}",
    ]
    if feed:
        lines += [f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}", f"X-PUBLISHED-TTL:{REFRESH}"]
    dates = [edition.opening_date, edition.final_week_end]
    if items:
        dates.append(programme.local(min(item.starts_at for item in items)).date())
        dates.append(programme.local(max(item.ends_at for item in items)).date())
    lines += vtimezone(edition.time_zone, min(dates), max(dates))
    head = f"BEGIN:VEVENT\r\nDTSTAMP:{_utc(programme.stamp)}"
    sequence = programme.version.number if programme.version else 0
    tail = f"SEQUENCE:{sequence}\r\nSTATUS:CONFIRMED\r\nEND:VEVENT"
    tzid = edition.time_zone
    chunks = ["\r\n".join(map(_fold, lines)).encode()]
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        events = (_event(programme, item, head=head, tail=tail, tzid=tzid) for item in batch)
        chunks.append(("\r\n" + "\r\n".join(events)).encode())
    chunks.append(b"\r\nEND:VCALENDAR\r\n")
    return b"".join(chunks)
