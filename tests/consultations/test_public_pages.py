import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from convoca.consultations.models import EventInput, Phase, PhaseKind, SubmissionState
from convoca.core import timeline
from tests.conftest import sign_in
from tests.factories import OrganizationFactory

from .conftest import GENEVA, make_call

pytestmark = pytest.mark.django_db
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


@pytest.fixture
def phases(consultation):
    launch = Phase.objects.create(
        consultation=consultation,
        number=1,
        kind=PhaseKind.LAUNCH,
        title="Phase I: launch",
        starts_at=dt.datetime(2021, 8, 19, 14, 0, tzinfo=GENEVA),
        join_url="https://meet.example.org/wsis",
        remote_participation=True,
    )
    katowice = Phase.objects.create(
        consultation=consultation,
        number=2,
        kind=PhaseKind.OPEN_FORUM,
        title="IGF open forum",
        starts_at=dt.datetime(2021, 12, 8, 11, 0, tzinfo=WARSAW),
        ends_at=dt.datetime(2021, 12, 8, 12, 0, tzinfo=WARSAW),
        time_zone="Europe/Warsaw",
        venue="Katowice, Poland",
        remote_participation=True,
        outcome="Participants asked for more hybrid sessions.",
    )
    return launch, katowice


def test_the_consultation_page_shows_each_phase_in_the_event_zone_and_mine(
    client, consultation, phases, participant
):
    participant.time_zone = "Asia/Tokyo"
    participant.save()
    sign_in(client, participant)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Phase I: launch" in page
    assert "14:00 CEST" in page  # 19 August in Geneva
    assert "21:00" in page  # the same moment in Tokyo
    assert "Katowice, Poland" in page
    assert "11:00 CET" in page  # 8 December in Katowice
    assert "Participants asked for more hybrid sessions." in page


def test_the_phases_feed_is_valid_icalendar_with_time_zones(client, consultation, phases):
    response = client.get(reverse("consultations:phases_ical", args=[consultation.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [e["SUMMARY"] for e in events] == [
        "Open consultation WSIS Forum 2022: Phase I: launch",
        "Open consultation WSIS Forum 2022: IGF open forum",
    ]
    katowice = events[1]
    assert katowice.decoded("DTSTART") == dt.datetime(2021, 12, 8, 11, 0, tzinfo=WARSAW)
    assert katowice["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Europe/Zurich", "Europe/Warsaw"}
    assert "Katowice" in katowice["LOCATION"]


def test_each_phase_and_deadline_is_in_the_core_timeline(consultation, phases, call):
    titles = [
        event.title
        for event in timeline.events(public_only=True)
        if event.source == "consultations"
    ]
    assert "Open consultation WSIS Forum 2022: Phase I: launch" in titles
    assert "Deadline: Workshop requests" in titles


def test_an_unpublished_consultation_is_not_found(client, consultation):
    consultation.is_public = False
    consultation.save()
    assert client.get(consultation.get_absolute_url()).status_code == 404


def test_the_call_page_shows_the_deadline_and_says_closed_after_it(client, call, time_machine):
    time_machine.move_to(dt.datetime(2022, 3, 7, 14, 1, tzinfo=GENEVA))
    page = client.get(call.get_absolute_url()).content.decode()
    assert "14:00 CET" in page
    assert "This call is closed." in page


def test_draft_then_submit_a_workshop_with_a_woman_speaker(
    client, call, participant, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(dt.datetime(2022, 2, 1, 10, tzinfo=GENEVA))
    sign_in(client, participant)
    url = reverse("consultations:submit", args=[call.slug])
    form = client.get(url).content.decode()
    key = form.split('name="form_key" value="')[1].split('"')[0]
    data = {
        "form_key": key,
        "title": "Connecting rural schools",
        "format": "hybrid",
        "q-summary": "",
        "speakers-TOTAL_FORMS": "2",
        "speakers-INITIAL_FORMS": "0",
        "speakers-0-name": "Luis Pérez",
        "speakers-0-gender": "man",
        "action": "draft",
    }
    response = client.post(url, data)
    draft = call.submissions.get()
    assert response.status_code == 302
    assert draft.state == SubmissionState.DRAFT
    page = client.get(response["Location"]).content.decode()
    assert "No woman speaker is named yet" in page
    edit = reverse("consultations:edit_submission", args=[call.slug, draft.pk])
    refused = client.post(edit, {**data, "action": "submit"}).content.decode()
    assert "This field is required." in refused
    assert "your draft is saved" in refused
    data.update(
        {"speakers-1-name": "Amina Diallo", "speakers-1-gender": "woman", "q-summary": "Schools"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(edit, {**data, "action": "submit"})
        again = client.post(edit, {**data, "action": "submit"})
    draft.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED
    assert sent["Location"] == again["Location"] == draft.get_absolute_url()
    assert call.submissions.count() == 1
    assert [s.gender for s in draft.speakers.all()] == ["man", "woman"]
    assert len(mail.outbox) == 1
    detail = client.get(draft.get_absolute_url()).content.decode()
    assert "Submitted" in detail
    assert "Schools" in detail


def test_a_new_form_sent_twice_creates_one_submission(client, call, participant, time_machine):
    time_machine.move_to(dt.datetime(2022, 2, 1, 10, tzinfo=GENEVA))
    sign_in(client, participant)
    url = reverse("consultations:submit", args=[call.slug])
    data = {
        "form_key": "k" * 24,
        "title": "Twice",
        "q-summary": "Once",
        "speakers-TOTAL_FORMS": "1",
        "speakers-INITIAL_FORMS": "0",
        "speakers-0-name": "Amina Diallo",
        "speakers-0-gender": "woman",
        "action": "submit",
    }
    first = client.post(url, data)
    second = client.post(url, data)
    assert call.submissions.count() == 1
    assert first["Location"] == second["Location"]


def test_a_late_submission_keeps_the_typed_text_on_the_page(
    client, call, participant, time_machine
):
    time_machine.move_to(dt.datetime(2022, 3, 7, 13, 58, tzinfo=GENEVA))
    sign_in(client, participant)
    url = reverse("consultations:submit", args=[call.slug])
    client.get(url)
    time_machine.move_to(dt.datetime(2022, 3, 7, 14, 1, tzinfo=GENEVA))
    page = client.post(
        url,
        {
            "title": "Too late",
            "q-summary": "My words",
            "speakers-TOTAL_FORMS": "0",
            "speakers-INITIAL_FORMS": "0",
            "action": "submit",
        },
    ).content.decode()
    assert "deadline has passed" in page
    assert "My words" in page
    assert not call.submissions.exists()


def test_someone_else_cannot_see_my_submission(client, call, participant, time_machine):
    from convoca.consultations import services

    time_machine.move_to(dt.datetime(2022, 2, 1, 10, tzinfo=GENEVA))
    submission = services.submit(
        call=call, user=participant, title="Mine", answers={"summary": "x"}
    )
    other = OrganizationFactory()  # noqa: F841 - an unrelated organization exists
    from tests.factories import UserFactory

    sign_in(client, UserFactory())
    assert client.get(submission.get_absolute_url()).status_code == 404


def test_the_submitter_withdraws_and_sees_it(client, call, participant, time_machine):
    from convoca.consultations import services

    time_machine.move_to(dt.datetime(2022, 2, 1, 10, tzinfo=GENEVA))
    submission = services.submit(
        call=call, user=participant, title="Mine", answers={"summary": "x"}
    )
    sign_in(client, participant)
    client.post(reverse("consultations:withdraw", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.state == SubmissionState.WITHDRAWN
    assert "Withdrawn" in client.get(reverse("consultations:my_submissions")).content.decode()


def test_an_event_input_is_listed_with_its_itu_region(client, consultation, participant):
    sign_in(client, participant)
    response = client.post(
        reverse("consultations:new_input", args=[consultation.slug]),
        {
            "event_name": "Peru national WSIS dialogue",
            "event_date": "2022-01-20",
            "city": "Lima",
            "country": "PE",
            "summary": "Connectivity for the Andes.",
            "action_lines": [],
        },
    )
    assert response.status_code == 302
    event_input = EventInput.objects.get()
    assert event_input.region is not None
    page = client.get(reverse("consultations:inputs", args=[consultation.slug])).content.decode()
    assert "Peru national WSIS dialogue" in page
    assert event_input.region.name in page


def test_the_consultation_page_reads_in_a_fixed_number_of_queries(
    client, consultation, django_assert_max_num_queries
):
    for number in range(30):
        Phase.objects.create(
            consultation=consultation,
            number=number,
            kind=PhaseKind.MEETING,
            title=f"Meeting {number}",
            starts_at=dt.datetime(2021, 9, 1, tzinfo=GENEVA) + dt.timedelta(days=number),
        )
        make_call(consultation, slug=f"call-{number}")
    with django_assert_max_num_queries(8):
        assert client.get(consultation.get_absolute_url()).status_code == 200
