"""The review side of a big call: its export and its review queue, measured.

`python -m bench.consultations` (alone, against a migrated throwaway database named by
DATABASE_URL or SQLITE_PATH) answers the product goals of issue #5:

* the export of 2,000 submissions (BENCH_REVIEW_SUBMISSIONS) with 3 reviews each takes < 5 s,
  as CSV and as XLSX, each built through `exports.submissions_export` (the code behind the
  download buttons), each the best of 3 runs;
* the secretariat's review queue of that call renders with a fixed number of queries: the
  page is fetched through Django's test Client, signed in as a secretariat with a TOTP
  authenticator, and its queries counted; the same page for a call with 1 submission must
  cost the same (the goal), and its wall time is reported.

Setup, not timed: a consultation and a workshop call with a 3-question questionnaire and 3
criteria, N submissions from 200 organizations of every stakeholder type in 12 countries,
2 speakers each, 6 reviewers, 3 assignments and 3 sent reviews per submission, all made
with bulk_create. Prints one JSON line on stdout (measurements, goals, `ok`) and a table on
stderr; exits 0 whether or not the goals are met (the JSON says), 1 when it could not measure.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time

GOAL_SUBMISSIONS = 2_000
GOAL_EXPORT_SECONDS = 5.0
REVIEWS_PER_SUBMISSION = 3
RUNS = 3
HOST = "localhost"
OVERRIDES = {
    "DJANGO_SETTINGS_MODULE": "convoca.settings",
    "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
    "EMAIL_URL": "memorymail://",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}
COUNTRIES = ["KE", "SN", "BR", "PE", "IN", "CN", "FR", "CH", "US", "EG", "RU", "AU"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def populate(n: int, tag: str):
    """The call, its N submissions and their reviews; returns (secretariat, big call, 1-call)."""
    import datetime as dt
    from decimal import Decimal

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.db import transaction
    from django.utils import timezone

    from convoca.accounts.models import User
    from convoca.consultations.models import (
        Call,
        CallState,
        Consultation,
        Review,
        ReviewAssignment,
        ReviewCriterion,
        Score,
        Submission,
        SubmissionSpeaker,
        SubmissionState,
    )
    from convoca.questionnaires.services import build_questionnaire
    from convoca.stakeholders.models import Organization, StakeholderType
    from convoca.stakeholders.services import grant_role

    now = timezone.now()
    with transaction.atomic():
        consultation = Consultation.objects.create(slug=f"bench-{tag}", title=f"Bench {tag}")
        secretariat = User.objects.create_user(email=f"secretariat@bench-{tag}.org", password=None)
        grant_role(user=secretariat, role="secretariat")
        TOTP.activate(secretariat, generate_totp_secret())
        reviewers = [
            User.objects.create_user(email=f"reviewer{i}@bench-{tag}.org", password=None)
            for i in range(6)
        ]
        for reviewer in reviewers:
            grant_role(user=reviewer, role="reviewer")
        types = [value for value, _label in StakeholderType.choices]
        organizations = Organization.objects.bulk_create(
            Organization(
                name=f"Bench organization {i}",
                slug=f"bench-{tag}-{i}",
                country=COUNTRIES[i % len(COUNTRIES)],
                stakeholder_type=types[i % len(types)],
            )
            for i in range(200)
        )
        submitters = User.objects.bulk_create(
            User(email=f"submitter{i}@bench-{tag}.org", password="!") for i in range(n)
        )
        calls = []
        for suffix, count in (("big", n), ("one", 1)):
            questionnaire = build_questionnaire(
                name=f"bench-{tag}-{suffix}",
                questions=[
                    {"key": "summary", "kind": "long_text", "label": "Summary", "required": True},
                    {"key": "goals", "kind": "sdgs", "label": "SDGs"},
                    {"key": "audience", "kind": "text", "label": "Audience"},
                ],
            )
            call = Call.objects.create(
                consultation=consultation,
                kind="workshop",
                slug=f"bench-{tag}-{suffix}",
                title=f"Workshops {suffix}",
                opens_at=now - dt.timedelta(days=30),
                closes_at=now - dt.timedelta(days=1),
                questionnaire=questionnaire,
                state=CallState.CLOSED,
            )
            criteria = ReviewCriterion.objects.bulk_create(
                ReviewCriterion(call=call, name=f"Criterion {i}", position=i, max_score=5)
                for i in range(3)
            )
            submissions = Submission.objects.bulk_create(
                (
                    Submission(
                        call=call,
                        submitter=submitters[i],
                        organization=organizations[i % len(organizations)],
                        title=f"Workshop proposal {i}",
                        answers={
                            "summary": f"What workshop {i} is about. " * 8,
                            "goals": [1 + i % 17, 1 + (i + 5) % 17],
                            "audience": "Policy makers",
                        },
                        state=SubmissionState.UNDER_REVIEW,
                        submitted_at=now - dt.timedelta(minutes=i),
                        format="hybrid",
                    )
                    for i in range(count)
                ),
                batch_size=1000,
            )
            SubmissionSpeaker.objects.bulk_create(
                (
                    SubmissionSpeaker(
                        submission=s, position=k, name=f"Speaker {k}", gender=["woman", "man"][k]
                    )
                    for s in submissions
                    for k in range(2)
                ),
                batch_size=2000,
            )
            pairs = [
                (s, reviewers[(i + k) % len(reviewers)])
                for i, s in enumerate(submissions)
                for k in range(REVIEWS_PER_SUBMISSION)
            ]
            ReviewAssignment.objects.bulk_create(
                (
                    ReviewAssignment(submission=s, reviewer=r, assigned_by=secretariat)
                    for s, r in pairs
                ),
                batch_size=2000,
            )
            reviews = Review.objects.bulk_create(
                (
                    Review(submission=s, reviewer=r, total=Decimal(i % 16), submitted_at=now)
                    for i, (s, r) in enumerate(pairs)
                ),
                batch_size=2000,
            )
            Score.objects.bulk_create(
                (Score(review=v, criterion=c, value=3) for v in reviews for c in criteria),
                batch_size=5000,
            )
            calls.append(call)
    return secretariat, calls[0], calls[1]


def best_of(function, runs: int = RUNS) -> tuple[object, float, list[float]]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return result, min(times), times


def queue_page(client, call) -> tuple[int, int, float]:
    """(status, queries, seconds) of the secretariat's queue page of `call`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(f"/en/secretariat/calls/{call.slug}/")
        seconds = time.perf_counter() - started
    return response.status_code, len(queries.captured_queries), seconds


def measure(n: int) -> dict:
    import django

    django.setup()
    import csv
    import io

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from convoca.consultations import exports

    tag = f"{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}"
    say(f"review bench: creating {n} submissions × {REVIEWS_PER_SUBMISSION} reviews (not timed)")
    started = time.perf_counter()
    secretariat, big, one = populate(n, tag)
    setup_s = time.perf_counter() - started

    say("review bench: CSV export ...")
    body, csv_s, csv_runs = best_of(lambda: exports.submissions_export(call=big).csv())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    if len(rows) != n + 1:
        raise RuntimeError(f"the CSV has {len(rows) - 1} rows for {n} submissions")
    say(f"review bench: CSV export {csv_s:.2f} s (best of {RUNS}); XLSX export ...")
    workbook, xlsx_s, xlsx_runs = best_of(lambda: exports.submissions_export(call=big).xlsx())

    say(f"review bench: XLSX export {xlsx_s:.2f} s (best of {RUNS})")
    call_command("collectstatic", interactive=False, verbosity=0)  # the page links its CSS
    client = Client(HTTP_HOST=HOST)
    client.force_login(secretariat)
    queue_page(client, one)  # warm: URLconf, templates, middleware
    say("review bench: queue page ...")
    status_one, queries_one, _seconds = queue_page(client, one)
    pages = [queue_page(client, big) for _ in range(RUNS)]
    if {status for status, _q, _s in pages} | {status_one} != {200}:
        raise RuntimeError(f"the queue page answered {[p[0] for p in pages]} / {status_one}")
    queries_big = pages[0][1]
    page_s = min(seconds for _status, _q, seconds in pages)
    return {
        "database": connection.vendor,
        "submissions": n,
        "reviews": n * REVIEWS_PER_SUBMISSION,
        "setup_s": round(setup_s, 2),
        "export_csv": {
            "seconds": csv_s,
            "runs": csv_runs,
            "bytes": len(body),
            "goal_s": GOAL_EXPORT_SECONDS,
            "ok": csv_s < GOAL_EXPORT_SECONDS,
        },
        "export_xlsx": {
            "seconds": xlsx_s,
            "runs": xlsx_runs,
            "bytes": len(workbook),
            "goal_s": GOAL_EXPORT_SECONDS,
            "ok": xlsx_s < GOAL_EXPORT_SECONDS,
        },
        "queue_page": {
            "queries": queries_big,
            "queries_for_one": queries_one,
            "seconds": page_s,
            "median_s": statistics.median(p[2] for p in pages),
            "goal": "same queries for 1 and N submissions",
            "ok": queries_big == queries_one,
        },
    }


def table(result: dict) -> str:
    csv_, xlsx, page = result["export_csv"], result["export_xlsx"], result["queue_page"]
    n = result["submissions"]
    lines = [
        f"{'measure':<34} {'result':>12} {'goal':>22}  ok",
        f"{'export CSV, ' + str(n) + ' rows':<34} {csv_['seconds']:>10.2f} s {'< 5 s':>22}  "
        f"{'ok' if csv_['ok'] else 'NOT OK'}",
        f"{'export XLSX, ' + str(n) + ' rows':<34} {xlsx['seconds']:>10.2f} s {'< 5 s':>22}  "
        f"{'ok' if xlsx['ok'] else 'NOT OK'}",
        f"{'queue page, queries (1 / ' + str(n) + ')':<34} "
        f"{str(page['queries_for_one']) + ' / ' + str(page['queries']):>12} {'equal':>22}  "
        f"{'ok' if page['ok'] else 'NOT OK'}",
        f"{'queue page, first 100 rows':<34} {page['seconds'] * 1000:>9.0f} ms {'(reported)':>22}",
        f"database: {result['database']}; setup {result['setup_s']} s (not timed)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.parse_args(argv)
    if not (os.environ.get("DATABASE_URL") or os.environ.get("SQLITE_PATH")):
        say(
            "bench.consultations writes thousands of rows: set SQLITE_PATH or DATABASE_URL to a "
            "throwaway, migrated database"
        )
        return 2
    os.environ.update(OVERRIDES)
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("DEBUG", "0")  # DEBUG would keep every query in memory
    # Alone, the bench collects the static files (the pages name them) into a temp directory.
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="convoca-bench-static-"))
    try:
        n = int(os.environ.get("BENCH_REVIEW_SUBMISSIONS", str(GOAL_SUBMISSIONS)))
        result = measure(n)
    except (RuntimeError, ValueError) as exc:
        say(f"review bench failed: {exc}")
        return 1
    result["ok"] = all(result[key]["ok"] for key in ("export_csv", "export_xlsx", "queue_page"))
    print(json.dumps(result), flush=True)
    say(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
