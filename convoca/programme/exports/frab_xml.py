"""frab schedule XML (../standards/frab-schedule/schedule.xml.xsd), read by Fahrplan apps,
Giggity, the C3VOC tracker and info-beamer.

Written as text in one pass: a 10,000-session edition is ~250,000 elements, which an element
tree would take seconds to build and serialize.
"""

import re

from .schedule import Programme, clean

_TRACK_SLUG = re.compile(r"^[a-z][a-z0-9-]+$")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _text(value: str) -> str:
    """Escaped character data; the text was cleaned of forbidden characters when loaded."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value) -> str:
    return (
        _text(value)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def build(programme: Programme) -> bytes:
    """The document as UTF-8, encoded a day at a time: never one 17 MB str in memory."""
    edition = programme.edition
    days = programme.days
    out: list[str] = []
    chunks: list[bytes] = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n')
    w(f'  <generator name="convoca" system="{_attr(programme.site)}"/>\n')
    w(f"  <url>{_text(programme.export_url('schedule_xml'))}</url>\n")
    w(f"  <version>{_text(programme.version_label)}</version>\n")
    w("  <conference>\n")
    w(f"    <acronym>{programme.acronym}</acronym>\n")
    w(f"    <title>{_text(clean(edition.name))}</title>\n")
    w(f"    <start>{days[0].date.isoformat()}</start>\n")
    w(f"    <end>{days[-1].date.isoformat()}</end>\n")
    w(f"    <days>{len(days)}</days>\n")
    w(f"    <timeslot_duration>{_hhmm(programme.timeslot_minutes)}</timeslot_duration>\n")
    w(f"    <base_url>{_text(programme.edition_url)}</base_url>\n")
    w(f"    <url>{_text(programme.edition_url)}</url>\n")
    w(f"    <time_zone_name>{_text(edition.time_zone)}</time_zone_name>\n")
    for track in programme.tracks.values():
        attrs = f'name="{_attr(programme.track_names[track.pk])}"'
        if _COLOR.match(track.color or ""):
            attrs += f' color="{track.color.lower()}"'
        if _TRACK_SLUG.match(track.slug):
            attrs += f' slug="{track.slug}"'
        w(f"    <track {attrs}/>\n")
    w("  </conference>\n")

    tracks = {pk: _text(name) for pk, name in programme.track_names.items()}
    types = {pk: _text(name) for pk, name in programme.type_names.items()}
    grouped = programme.by_day_and_room
    for day in days:
        w(
            f'  <day index="{day.index}" date="{day.date.isoformat()}"'
            f' start="{day.start.isoformat()}" end="{day.end.isoformat()}">\n'
        )
        rooms = grouped.get(day.date, {})
        for room_id in programme.room_order(rooms):
            room = programme.rooms.get(room_id)
            room_name = _text(programme.room_name(room_id))
            w(
                f'    <room name="{_attr(programme.room_name(room_id))}"'
                f' guid="{programme.room_guid(room)}">\n'
            )
            for item in rooms[room_id]:
                start = programme.local(item.starts_at)
                w(f'      <event guid="{item.guid}" id="{item.pk}">\n')
                w(f"        <date>{start.isoformat()}</date>\n")
                w(f"        <start>{start.hour:02d}:{start.minute:02d}</start>\n")
                w(f"        <duration>{_hhmm(item.minutes)}</duration>\n")
                w(f"        <room>{room_name}</room>\n")
                w(f"        <slug>{programme.event_slug(item)}</slug>\n")
                w(f"        <url>{_text(programme.session_url(item))}</url>\n")
                w(f"        <title>{_text(item.title)}</title>\n")
                w("        <subtitle></subtitle>\n")
                w(f"        <track>{tracks[item.track_id]}</track>\n")
                w(f"        <type>{types[item.session_type_id]}</type>\n")
                w(f"        <language>{programme.language(item)}</language>\n")
                w(f"        <abstract>{_text(item.abstract)}</abstract>\n")
                w(f"        <description>{_text(chr(10).join(programme.details(item)))}")
                w("</description>\n")
                if item.speakers:
                    w("        <persons>\n")
                    for speaker in item.speakers:
                        w(
                            f'          <person id="{speaker.person_id}"'
                            f' guid="{programme.person_guid(speaker.person_id)}">'
                            f"{_text(speaker.name)}</person>\n"
                        )
                    w("        </persons>\n")
                else:
                    w("        <persons/>\n")
                links = programme.links(item)
                if links:
                    w("        <links>\n")
                    for url, title, _kind in links:
                        w(f'          <link href="{_attr(url)}">{_text(title)}</link>\n')
                    w("        </links>\n")
                else:
                    w("        <links/>\n")
                w("      </event>\n")
            w("    </room>\n")
        w("  </day>\n")
        chunks.append("".join(out).encode())
        out.clear()
    w("</schedule>\n")
    chunks.append("".join(out).encode())
    return b"".join(chunks)
