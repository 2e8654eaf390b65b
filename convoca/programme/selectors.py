from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from convoca.accounts.models import Gender
from convoca.stakeholders.models import Person

from .models import Edition, ProgrammeVersion, Session, SessionSpeaker

SPEAKER_PREFETCH = Prefetch(
    "speakers",
    queryset=SessionSpeaker.objects.select_related("person__organization", "person__user").order_by(
        "order", "pk"
    ),
)


def editions() -> QuerySet[Edition]:
    return (
        Edition.objects.select_related("forum")
        .prefetch_related("co_organizers")
        .order_by("-opening_date")
    )


def sessions(*, edition: Edition, public_only: bool = True) -> QuerySet[Session]:
    """The edition's sessions with everything a listing shows, in a fixed number of queries."""
    found = Session.objects.filter(edition=edition)
    if public_only:
        found = found.filter(is_public=True)
    return found.select_related("room", "track", "session_type").prefetch_related(
        SPEAKER_PREFETCH, "action_lines", "sdgs", "organizers"
    )


def speakers(*, edition: Edition, public_only: bool = True) -> QuerySet[Person]:
    """People who speak in the edition, with their sessions."""
    roles = SessionSpeaker.objects.filter(session__edition=edition)
    if public_only:
        roles = roles.filter(session__is_public=True)
    return (
        Person.objects.filter(session_roles__in=roles)
        .distinct()
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "session_roles",
                queryset=roles.select_related("session").order_by("session__starts_at"),
            )
        )
        .order_by("family_name", "given_name")
    )


def latest_version(*, edition: Edition) -> ProgrammeVersion | None:
    return ProgrammeVersion.objects.filter(edition=edition).order_by("-number").first()


def declared_gender():
    """A person's self-declared gender: from their account if they have one, else their record."""
    return Coalesce(NullIf("person__user__gender", Value("")), NullIf("person__gender", Value("")))


@dataclass(frozen=True)
class GenderBalance:
    women: int
    men: int
    non_binary: int
    undisclosed: int
    unknown: int

    @property
    def total(self) -> int:
        return self.women + self.men + self.non_binary + self.undisclosed + self.unknown

    @property
    def declared(self) -> int:
        return self.women + self.men + self.non_binary

    @property
    def women_share(self) -> float | None:
        """Share of women among speakers who declared a gender (None when nobody did)."""
        return self.women / self.declared if self.declared else None

    @property
    def all_male(self) -> bool:
        return self.men > 0 and self.men == self.declared


def gender_balance(roles: QuerySet[SessionSpeaker]) -> GenderBalance:
    """Count distinct people by declared gender, in one query."""
    counts = dict(
        roles.annotate(declared=declared_gender())
        .values("declared")
        .annotate(n=Count("person", distinct=True))
        .values_list("declared", "n")
    )
    return GenderBalance(
        women=counts.get(Gender.WOMAN, 0),
        men=counts.get(Gender.MAN, 0),
        non_binary=counts.get(Gender.NON_BINARY, 0),
        undisclosed=counts.get(Gender.UNDISCLOSED, 0),
        unknown=counts.get(None, 0),
    )


def session_gender(session: Session) -> GenderBalance:
    """Gender balance of one session from its prefetched speakers (no query)."""
    tally = {"woman": 0, "man": 0, "non_binary": 0, "undisclosed": 0, None: 0}
    for row in session.speakers.all():
        person = row.person
        declared = (person.user.gender if person.user_id and person.user else "") or person.gender
        tally[declared or None] += 1
    return GenderBalance(
        tally["woman"], tally["man"], tally["non_binary"], tally["undisclosed"], tally[None]
    )


def edition_gender(*, edition: Edition, track=None) -> GenderBalance:
    roles = SessionSpeaker.objects.filter(session__edition=edition, session__is_public=True)
    if track is not None:
        roles = roles.filter(session__track=track)
    return gender_balance(roles)


def filter_sessions(
    found: QuerySet[Session],
    *,
    day=None,
    track: str = "",
    session_type: str = "",
    room: str = "",
    action_line: str = "",
    sdg: int | None = None,
    language: str = "",
    format: str = "",
    q: str = "",
    zone=None,
) -> QuerySet[Session]:
    """The public programme's filters; every one narrows the same queryset."""
    if day is not None and zone is not None:
        import datetime as dt

        start = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
        found = found.filter(starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1))
    if track:
        found = found.filter(track__slug=track)
    if session_type:
        found = found.filter(session_type__slug=session_type)
    if room:
        found = found.filter(room__slug=room)
    if action_line:
        found = found.filter(action_lines__code=action_line.upper())
    if sdg:
        found = found.filter(sdgs__number=sdg)
    if language:
        found = (
            found.filter(languages__contains=[language])
            if _json_contains()
            else found.filter(languages__icontains=f'"{language}"')
        )
    if format == "in_person":
        found = found.filter(room__kind__in=["physical", "hybrid"])
    elif format == "virtual":
        found = found.filter(room__kind__in=["virtual", "hybrid"])
    if q:
        found = found.filter(
            Q(title__icontains=q)
            | Q(abstract__icontains=q)
            | Q(speakers__person__family_name__icontains=q)
        )
    return found.distinct() if (action_line or sdg or q) else found


def _json_contains() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"
