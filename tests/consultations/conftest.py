import datetime as dt
import zoneinfo

import pytest

from convoca.consultations.models import Call, CallKind, CallState, Consultation
from convoca.questionnaires.services import build_questionnaire

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
WARSAW_ZONE = zoneinfo.ZoneInfo("Europe/Warsaw")
# Seed 001: workshop requests are binding, deadline 7 March 2022 at 14:00 CET.
WORKSHOP_DEADLINE = dt.datetime(2022, 3, 7, 14, 0, tzinfo=GENEVA)


@pytest.fixture
def consultation(db):
    return Consultation.objects.create(
        slug="wsis-forum-2022", title="Open consultation WSIS Forum 2022", time_zone="Europe/Zurich"
    )


def make_call(consultation, **fields):
    questionnaire = build_questionnaire(
        name=fields.get("slug", "call"),
        questions=[
            {
                "key": "summary",
                "kind": "long_text",
                "label": {"en": "Summary", "es": "Resumen"},
                "required": True,
            },
            {"key": "goals", "kind": "sdgs", "label": "SDGs"},
        ],
    )
    values = {
        "consultation": consultation,
        "kind": CallKind.WORKSHOP,
        "slug": "workshops-2022",
        "title": "Workshop requests",
        "opens_at": dt.datetime(2022, 1, 10, 9, 0, tzinfo=GENEVA),
        "closes_at": WORKSHOP_DEADLINE,
        "time_zone": "Europe/Zurich",
        "questionnaire": questionnaire,
        "state": CallState.OPEN,
    }
    values.update(fields)
    return Call.objects.create(**values)


@pytest.fixture
def call(consultation):
    return make_call(consultation)
