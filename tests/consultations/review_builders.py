"""Setup data for the review tests: sent submissions, reviewers, criteria and an edition with a
programme to turn accepted workshops into sessions. Built directly (setup, not behaviour)."""

import datetime as dt
import itertools

from django.utils import timezone

from convoca.consultations.models import ReviewCriterion, Submission, SubmissionState
from convoca.programme.models import Edition, Forum, Room, RoomKind, SessionType, Track
from convoca.stakeholders.models import Role
from convoca.stakeholders.services import grant_role
from tests.factories import UserFactory

_numbers = itertools.count(1)


def sent(call, *, title=None, organization=None, submitter=None, state=None, **fields):
    """A submission as if sent through the form: submitted, dated, with an answer."""
    n = next(_numbers)
    state = state or SubmissionState.SUBMITTED
    decided = state in {SubmissionState.ACCEPTED, SubmissionState.REJECTED}
    return Submission.objects.create(
        call=call,
        submitter=submitter or UserFactory(),
        organization=organization,
        title=title or f"Proposal {n}",
        answers=fields.pop("answers", {"summary": f"Summary of proposal {n}"}),
        state=state,
        submitted_at=fields.pop("submitted_at", timezone.now() - dt.timedelta(minutes=n)),
        decided_at=timezone.now() if decided else None,
        **fields,
    )


def reviewer_account(email=None, *, scope=None, **fields):
    user = UserFactory(**({"email": email} if email else {}), **fields)
    grant_role(user=user, role=Role.REVIEWER, scope=scope)
    return user


def criteria(call, *specs):
    """ReviewCriterion rows from (name, max_score, weight) triples."""
    return [
        ReviewCriterion.objects.create(
            call=call, name=name, max_score=max_score, weight=weight, position=i
        )
        for i, (name, max_score, weight) in enumerate(specs)
    ]


def programme_edition():
    """The WSIS Forum 2022 edition with a Forum Track, a workshop session type and a room."""
    forum, _ = Forum.objects.get_or_create(slug="wsis-forum", defaults={"name": "WSIS Forum"})
    edition = Edition.objects.create(
        forum=forum,
        name="WSIS Forum 2022",
        slug="wsis-forum-2022",
        time_zone="Europe/Zurich",
        opening_date=dt.date(2022, 3, 15),
        final_week_start=dt.date(2022, 5, 30),
        final_week_end=dt.date(2022, 6, 3),
    )
    track = Track.objects.create(edition=edition, name="Forum Track", slug="forum")
    kind = SessionType.objects.create(
        edition=edition, name="Thematic workshop", slug="thematic-workshop", default_duration=60
    )
    room = Room.objects.create(
        edition=edition, name="Popov Room", slug="popov", kind=RoomKind.HYBRID, capacity=120
    )
    return edition, track, kind, room
