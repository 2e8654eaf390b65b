import datetime as dt

import pytest

from convoca.core import timeline

pytestmark = pytest.mark.django_db


def test_an_edition_puts_its_opening_and_final_week_on_the_timeline(edition):
    events = timeline.events(start=dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    titles = [e.title for e in events if e.source == "programme"]
    assert titles == ["WSIS Forum 2022 opens", "Final week of WSIS Forum 2022"]
    final_week = events[-1]
    assert final_week.starts_at.isoformat() == "2022-05-30T09:00:00+02:00"
    assert timeline.events(start=dt.datetime(2022, 6, 4, tzinfo=dt.UTC)) == []


def test_the_home_page_lists_coming_dates(client, edition):
    edition.opening_date = dt.date.today() + dt.timedelta(days=30)
    edition.final_week_start = edition.opening_date + dt.timedelta(days=70)
    edition.final_week_end = edition.final_week_start + dt.timedelta(days=4)
    edition.save()
    page = client.get("/en/").text
    assert "WSIS Forum 2022 opens" in page
    assert f'href="/en/editions/{edition.slug}/"' in page
