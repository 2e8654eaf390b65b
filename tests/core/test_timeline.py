import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from convoca.core import timeline

# Apps register database-backed providers too (editions); with an empty database they add nothing.
pytestmark = pytest.mark.django_db

GENEVA = ZoneInfo("Europe/Zurich")


@pytest.fixture
def provider():
    """A provider with the 2022 consultation's dated phases, as an app would register them."""
    phases = [
        timeline.TimelineEvent(
            starts_at=dt.datetime(2022, 3, 7, 14, 0, tzinfo=GENEVA),
            title="Deadline for workshop requests",
            kind="deadline",
            source="test",
        ),
        timeline.TimelineEvent(
            starts_at=dt.datetime(2021, 8, 19, 14, 0, tzinfo=GENEVA),
            ends_at=dt.datetime(2021, 8, 19, 15, 0, tzinfo=GENEVA),
            title="Launch of the open consultation",
            kind="meeting",
            source="test",
        ),
        timeline.TimelineEvent(
            starts_at=dt.datetime(2022, 1, 31, 14, 0, tzinfo=GENEVA),
            title="Internal review",
            kind="meeting",
            source="test",
            public=False,
        ),
    ]

    @timeline.register("test-phases")
    def phases_provider(*, start, end, public_only):
        return phases

    yield
    timeline.unregister("test-phases")


def test_events_from_every_provider_come_in_date_order(provider):
    titles = [e.title for e in timeline.events(public_only=False)]
    assert titles == [
        "Launch of the open consultation",
        "Internal review",
        "Deadline for workshop requests",
    ]


def test_public_timeline_hides_internal_dates(provider):
    assert "Internal review" not in [e.title for e in timeline.events()]


def test_window_keeps_only_events_that_overlap_it(provider):
    start = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
    titles = [e.title for e in timeline.events(start=start, public_only=False)]
    assert titles == ["Internal review", "Deadline for workshop requests"]


def test_an_event_needs_an_aware_time_and_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="aware"):
        timeline.TimelineEvent(
            starts_at=dt.datetime(2022, 3, 7, 14), title="x", kind="deadline", source="test"
        )
    with pytest.raises(ValueError, match="end before"):
        timeline.TimelineEvent(
            starts_at=dt.datetime(2022, 3, 7, 14, tzinfo=dt.UTC),
            ends_at=dt.datetime(2022, 3, 7, 13, tzinfo=dt.UTC),
            title="x",
            kind="meeting",
            source="test",
        )
