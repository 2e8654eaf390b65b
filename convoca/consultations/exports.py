"""Every sent submission of a consultation (or of one call) as CSV or XLSX: one row each, the
facts the secretariat filters on, the review figures, then one column per question.

When the calls ask different questions, the columns are the union of their question keys in
the order the calls close; a call that does not ask a question leaves its cell empty. Drafts
are not exported: they are the submitter's work in progress."""

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from convoca.accounts.models import Gender
from convoca.core.models import CountryRegion
from convoca.core.spreadsheets import csv_bytes, xlsx_bytes
from convoca.questionnaires import answers as answer_rules
from convoca.questionnaires.models import Question
from convoca.stakeholders.models import StakeholderType

from .models import Call, Consultation, Submission, SubmissionState
from .selectors import with_review_figures

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BATCH = 500  # rows fetched at a time, so memory stays flat however many submissions


def fixed_headers() -> list[str]:
    return [
        _("ID"),
        _("Call"),
        _("Title"),
        _("State"),
        _("Submitted (UTC)"),
        _("Decided (UTC)"),
        _("Submitter"),
        _("Submitter email"),
        _("Organization"),
        _("Stakeholder type"),
        _("Country"),
        _("ITU region"),
        _("Co-organizers"),
        _("Format"),
        _("WSIS Action Lines"),
        _("SDGs"),
        _("Speakers"),
        _("Women speakers"),
        _("Men speakers"),
        _("Other speakers"),
        _("Reviews sent"),
        _("Reviewers assigned"),
        _("Average score"),
        _("Decision note"),
        _("Programme session"),
    ]


DATE_COLUMNS = {4, 5}
COUNT_COLUMNS = {0, 17, 18, 19, 20, 21}
SCORE_COLUMNS = {22}


@dataclass
class Export:
    headers: list[str]
    rows: Iterator[list]
    name: str

    def csv(self) -> bytes:
        return csv_bytes(self.headers, self.rows)

    def xlsx(self) -> bytes:
        return xlsx_bytes(
            title=_("Submissions"),
            headers=self.headers,
            rows=self.rows,
            widths=[40 if i in {1, 2, 8} else 16 for i in range(len(self.headers))],
            number_formats={
                **dict.fromkeys(DATE_COLUMNS, "yyyy-mm-dd hh:mm"),
                **dict.fromkeys(COUNT_COLUMNS, "0"),
                **dict.fromkeys(SCORE_COLUMNS, "0.00"),
            },
        )


def _utc(moment):
    """Naive UTC: Excel has no time zones, and the header says UTC."""
    return timezone.localtime(moment, dt.UTC).replace(tzinfo=None) if moment else None


def _two_places(value):
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def _submissions(calls: list[Call]) -> QuerySet[Submission]:
    return (
        with_review_figures(
            Submission.objects.filter(call__in=calls).exclude(state=SubmissionState.DRAFT)
        )
        .select_related("organization", "submitter", "session")
        .prefetch_related(
            "speakers",
            Prefetch("action_lines"),
            Prefetch("sdgs"),
            Prefetch("co_organizations"),
        )
        .order_by("call__closes_at", "call_id", "submitted_at", "pk")
    )


def _answer_keys(calls: list[Call]) -> list[str]:
    keys: list[str] = []
    for call in calls:
        for key in answer_rules.columns(call.questionnaire):
            if key not in keys:
                keys.append(key)
    return keys


def _rows(calls: list[Call], keys: list[str]) -> Iterator[list]:
    types = dict(StakeholderType.choices)
    by_call = {call.pk: call for call in calls}
    positions = {
        call.pk: [keys.index(q.key) for q in call.questionnaire.questions.all()] for call in calls
    }
    regions = dict(
        CountryRegion.objects.filter(itu_region__isnull=False).values_list(
            "country", "itu_region__name"
        )
    )
    submissions = _submissions(calls)
    # Fetch in batches so that the prefetches stay bounded; one organization lookup per batch.
    pks = list(submissions.values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        batch = list(submissions.filter(pk__in=pks[start : start + BATCH]))
        answers_by_call: dict[int, list[list[str]]] = {}
        for call_id in {s.call_id for s in batch}:
            of_call = [s for s in batch if s.call_id == call_id]
            cells = answer_rules.rows(by_call[call_id].questionnaire, [s.answers for s in of_call])
            for submission, row in zip(of_call, cells, strict=True):
                answers_by_call[submission.pk] = row
        for submission in batch:
            organization = submission.organization
            speakers = list(submission.speakers.all())
            genders = Counter(speaker.gender for speaker in speakers)
            country = organization.country.code if organization and organization.country else ""
            answers = [""] * len(keys)
            for position, value in zip(
                positions[submission.call_id], answers_by_call[submission.pk], strict=True
            ):
                answers[position] = value
            yield [
                submission.pk,
                by_call[submission.call_id].title,
                submission.title,
                submission.get_state_display(),
                _utc(submission.submitted_at),
                _utc(submission.decided_at),
                submission.submitter.get_full_name() or submission.submitter.email,
                submission.submitter.email,
                organization.name if organization else "",
                str(types.get(organization.stakeholder_type, "")) if organization else "",
                str(countries.name(country)) if country else "",
                regions.get(country, ""),
                "; ".join(o.name for o in submission.co_organizations.all()),
                submission.get_format_display(),
                ", ".join(line.code for line in submission.action_lines.all()),
                ", ".join(str(goal.number) for goal in submission.sdgs.all()),
                "; ".join(speaker.name for speaker in speakers),
                genders[Gender.WOMAN],
                genders[Gender.MAN],
                len(speakers) - genders[Gender.WOMAN] - genders[Gender.MAN],
                submission.reviews_done,
                submission.reviewers,
                _two_places(submission.average),
                submission.decision_note,
                submission.session.title if submission.session else "",
                *answers,
            ]


def _calls(calls: QuerySet[Call]) -> list[Call]:
    return list(
        calls.select_related("questionnaire")
        .prefetch_related(
            Prefetch(
                "questionnaire__questions", queryset=Question.objects.order_by("position", "pk")
            )
        )
        .order_by("closes_at", "pk")
    )


def submissions_export(*, consultation: Consultation | None = None, call: Call | None = None):
    """The export of a whole consultation or of one call."""
    if call is not None:
        calls, name = _calls(Call.objects.filter(pk=call.pk)), call.slug
    else:
        calls, name = _calls(Call.objects.filter(consultation=consultation)), consultation.slug
    keys = _answer_keys(calls)
    return Export(headers=fixed_headers() + keys, rows=_rows(calls, keys), name=name)
