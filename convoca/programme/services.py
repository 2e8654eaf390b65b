"""Every write to the programme: editions, sessions, scheduling, publishing, agendas."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from convoca.core.audit import log_action
from convoca.stakeholders.models import Person

from . import cache as page_cache
from . import conflicts as conflict_rules
from .models import (
    EDITION_TRANSITIONS,
    AgendaItem,
    Edition,
    EditionStatus,
    ProgrammeVersion,
    Room,
    Session,
    SessionSpeaker,
    SessionType,
    Track,
)


class ProgrammeError(Exception):
    def __init__(self, message, *, conflicts: Iterable[conflict_rules.Conflict] = ()):
        super().__init__(message)
        self.message = message
        self.conflicts = list(conflicts)


# --- Editions --------------------------------------------------------------------------------


@transaction.atomic
def transition_edition(*, edition: Edition, to: str, by) -> Edition:
    """Move an edition along planning → call open → programme published → live → closed →
    report published."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if to not in EDITION_TRANSITIONS[edition.status]:
        raise ProgrammeError(
            _("An edition that is “%(state)s” cannot become “%(to)s”.")
            % {"state": edition.get_status_display(), "to": EditionStatus(to).label}
        )
    before, edition.status = edition.status, to
    edition.save(update_fields=["status", "updated_at"])
    log_action(edition, f"programme.edition.{to}", by=by, data={"from": before, "to": to})
    transaction.on_commit(page_cache.bump)
    return edition


@transaction.atomic
def clone_edition(
    *,
    source: Edition,
    slug: str,
    name: str,
    opening_date: dt.date,
    final_week_start: dt.date,
    final_week_end: dt.date,
    by,
) -> Edition:
    """A new edition of the same forum with the source's tracks, session types and rooms."""
    if Edition.objects.filter(slug=slug).exists():
        raise ProgrammeError(_("An edition with the address “%(slug)s” exists.") % {"slug": slug})
    clone = Edition.objects.create(
        forum=source.forum,
        name=name,
        slug=slug,
        theme="",
        format=source.format,
        venue=source.venue,
        city=source.city,
        time_zone=source.time_zone,
        opening_date=opening_date,
        final_week_start=final_week_start,
        final_week_end=final_week_end,
        virtual_weeks=source.virtual_weeks,
        interpretation_languages=source.interpretation_languages,
    )
    clone.co_organizers.set(source.co_organizers.all())
    for model in (Track, SessionType, Room):
        for item in model.objects.filter(edition=source):
            item.pk = None
            item.edition = clone
            item.save()
    log_action(clone, "programme.edition.cloned", by=by, data={"from": source.slug})
    return clone


# --- Sessions --------------------------------------------------------------------------------

SESSION_FIELDS = {
    "title", "abstract", "session_type", "track", "languages", "expected_attendance",
    "outcome", "recording_url", "slides_url", "is_public", "registration_required",
}  # fmt: skip


def _unique_code(edition: Edition, title: str) -> str:
    base = slugify(title)[:32] or "session"
    code, n = base, 1
    while Session.objects.filter(edition=edition, code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


@transaction.atomic
def save_session(
    *,
    edition: Edition,
    by,
    session: Session | None = None,
    action_lines=None,
    sdgs=None,
    organizers=None,
    **fields,
) -> Session:
    """Create or edit a session's content (where and when are set by `schedule_session`)."""
    unknown = (
        set(fields)
        - SESSION_FIELDS
        - {
            f"{f}_{lang}"
            for f in ("title", "abstract", "outcome")
            for lang in ("ar", "zh_hans", "en", "fr", "ru", "es")
        }
    )
    if unknown:
        raise TypeError(f"not session fields: {sorted(unknown)}")
    created = session is None
    if created:
        session = Session(edition=edition)
    else:
        session = Session.objects.select_for_update().get(pk=session.pk, edition=edition)
    for field, value in fields.items():
        setattr(session, field, value)
    for related in ("session_type", "track"):
        value = getattr(session, f"{related}_id", None) and getattr(session, related)
        if value is not None and value.edition_id != edition.pk:
            raise ProgrammeError(_("The type and track must belong to this edition."))
    if not session.code:
        session.code = _unique_code(edition, session.title)
    try:
        session.full_clean(exclude=["edition"])
    except ValidationError as error:
        raise ProgrammeError("; ".join(error.messages)) from error
    session.save()
    for name, values in (
        ("action_lines", action_lines),
        ("sdgs", sdgs),
        ("organizers", organizers),
    ):
        if values is not None:
            getattr(session, name).set(values)
    log_action(
        session, "programme.session.created" if created else "programme.session.edited", by=by
    )
    return session


@transaction.atomic
def set_speakers(*, session: Session, speakers: Iterable[tuple[Person, str]], by) -> None:
    """Replace the speakers of a session, in order, each with a role."""
    session.speakers.all().delete()
    for order, (person, role) in enumerate(speakers):
        SessionSpeaker.objects.create(session=session, person=person, role=role, order=order)
    log_action(session, "programme.session.speakers", by=by)


def conflicts_for(session: Session) -> list[conflict_rules.Conflict]:
    """The conflicts one session would have where it stands now (3 queries)."""
    edition = session.edition
    others = list(
        Session.objects.filter(edition=edition)
        .exclude(starts_at=None)
        .filter(
            # only sessions that can touch it: same room, or sharing a speaker
            models_q_related(session)
        )
        .distinct()  # the speakers join would repeat a session once per speaker
        .select_related("room")
    )
    if session.pk not in {s.pk for s in others}:
        others.append(session)
    rows = list(
        SessionSpeaker.objects.filter(session__in=[s.pk for s in others]).select_related("person")
    )
    return conflict_rules.find_conflicts(edition, others, rows).get(session.pk, [])


def models_q_related(session: Session):
    from django.db.models import Q

    people = SessionSpeaker.objects.filter(session=session).values("person")
    return Q(pk=session.pk) | Q(room=session.room_id) | Q(speakers__person__in=people)


@transaction.atomic
def schedule_session(
    *,
    session: Session,
    room: Room | None,
    starts_at: dt.datetime | None,
    ends_at: dt.datetime | None = None,
    by,
    accept_warnings: bool = False,
) -> tuple[Session, list[conflict_rules.Conflict]]:
    """Put a session in a room at a time. An end before the start or a time outside the
    edition is refused; a double booking, a small room or a speaker's night is refused unless
    the secretariat accepts the warning. Nothing is saved when refused."""
    session = (
        Session.objects.select_for_update()
        .select_related("edition", "session_type")
        .get(pk=session.pk)
    )
    if room is not None and room.edition_id != session.edition_id:
        raise ProgrammeError(_("That room belongs to another edition."))
    if starts_at is not None and ends_at is None:
        ends_at = starts_at + dt.timedelta(minutes=session.session_type.default_duration)
    if starts_at is not None and ends_at <= starts_at:
        raise ProgrammeError(_("A session must end after it starts."))
    before = (session.room_id, session.starts_at, session.ends_at)
    session.room, session.starts_at, session.ends_at = room, starts_at, ends_at
    session.save(update_fields=["room", "starts_at", "ends_at", "updated_at"])
    found = conflicts_for(session) if starts_at else []
    hard = [c for c in found if c.is_hard]
    if hard or (found and not accept_warnings):
        # raising inside the atomic block rolls the move back: nothing is saved half
        raise ProgrammeError(
            hard[0].message if hard else _("This would create a conflict."), conflicts=found
        )
    log_action(
        session,
        "programme.session.scheduled",
        by=by,
        data={
            "from": [before[0], before[1], before[2]],
            "to": [session.room_id, starts_at, ends_at],
            "accepted_warnings": [c.kind for c in found],
        },
    )
    return session, found


# --- Publishing ------------------------------------------------------------------------------


def _snapshot(edition: Edition) -> dict:
    rows = Session.objects.filter(edition=edition, is_public=True).values_list(
        "guid", "title", "room__name", "starts_at", "ends_at"
    )
    return {
        str(guid): {
            "title": title,
            "room": room or "",
            "start": starts_at.isoformat() if starts_at else None,
            "end": ends_at.isoformat() if ends_at else None,
        }
        for guid, title, room, starts_at, ends_at in rows
    }


def _changes(before: dict, after: dict) -> list[dict]:
    changes = []
    for guid, now in after.items():
        was = before.get(guid)
        if was is None:
            changes.append({"guid": guid, "change": "added", "title": now["title"]})
        elif (was["room"], was["start"], was["end"]) != (now["room"], now["start"], now["end"]):
            changes.append(
                {"guid": guid, "change": "moved", "title": now["title"], "from": was, "to": now}
            )
        elif was["title"] != now["title"]:
            changes.append(
                {"guid": guid, "change": "renamed", "title": now["title"], "from": was["title"]}
            )
    changes.extend(
        {"guid": guid, "change": "removed", "title": was["title"]}
        for guid, was in before.items()
        if guid not in after
    )
    return changes


@transaction.atomic
def publish_programme(*, edition: Edition, by, note: str = "") -> ProgrammeVersion:
    """Publish the programme as a new version with what changed since the last one."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    last = ProgrammeVersion.objects.filter(edition=edition).order_by("-number").first()
    snapshot = _snapshot(edition)
    changes = _changes(last.snapshot if last else {}, snapshot)
    if last and not changes:
        raise ProgrammeError(_("Nothing changed since version %(n)s.") % {"n": last.number})
    version = ProgrammeVersion.objects.create(
        edition=edition,
        number=(last.number + 1) if last else 1,
        published_by=by,
        note=note,
        changes=changes,
        snapshot=snapshot,
    )
    if edition.status in (EditionStatus.PLANNING, EditionStatus.CALL_OPEN):
        edition.status = EditionStatus.PROGRAMME_PUBLISHED
        edition.save(update_fields=["status", "updated_at"])
    log_action(
        edition,
        "programme.published",
        by=by,
        data={"version": version.number, "changes": len(changes)},
    )
    transaction.on_commit(page_cache.bump)
    return version


# --- Personal agenda -------------------------------------------------------------------------


@transaction.atomic
def star(*, user, session: Session) -> AgendaItem:
    """Add a public session to one's agenda; starring twice keeps one star."""
    if not session.is_public:
        raise ProgrammeError(_("This session is not public."))
    try:
        with transaction.atomic():
            item, _created = AgendaItem.objects.get_or_create(user=user, session=session)
    except IntegrityError:
        item = AgendaItem.objects.get(user=user, session=session)
    return item


@transaction.atomic
def unstar(*, user, session: Session) -> None:
    AgendaItem.objects.filter(user=user, session=session).delete()


def session_from_proposal(
    *,
    edition: Edition,
    title: str,
    abstract: str,
    session_type: SessionType,
    track: Track,
    organizers=(),
    action_lines=None,
    sdgs=None,
    by,
) -> Session:
    """The one seam by which an accepted workshop proposal becomes a draft (unscheduled,
    not yet public) session, keeping its Action Lines and SDGs."""
    return save_session(
        edition=edition,
        by=by,
        title=title,
        abstract=abstract,
        session_type=session_type,
        track=track,
        is_public=False,
        organizers=list(organizers),
        action_lines=action_lines,
        sdgs=sdgs,
    )
