"""The circulars mail-out, measured against a bare INSERT of the same rows in the same run.

`python -m bench.mailout` (run by `bench.run` after the HTTP measurements, or alone against a
migrated throwaway database) answers the product goals for a mail-out of N recipients
(BENCH_MAILOUT_RECIPIENTS, 20,000 by default):

* resolve + queue: `services.start_mailing` (resolution of the addressee groups, dedup,
  `Delivery` bulk insert, audit, task enqueue) takes < 10 s for 20,000 recipients (the goal
  scales linearly with the number of deliveries actually queued);
* send: `sending.run_mailing` through Django's locmem mail backend sustains >= 200 deliveries/s.

Setup, not timed: N addressable people made with bulk_create (a fifth are Person rows in
organizations of one stakeholder type, a tenth of those reachable only through their user
account; the rest are entries of one mailing list, some repeating a person's address in
upper case so dedup has work to do), a secretariat user, and an issued circular addressed to
both groups, built through the real services. The demo edition's own people of that type are
reached as well, so the number of deliveries may be a little above N; it is reported.

The reference, measured in the same process on the same database around the send:
the exact rows `start_mailing` wrote to circulars_delivery, inserted with `executemany` in one
transaction into a scratch table with the same columns and no index or constraint (created and
dropped with raw SQL each time), three times before sending and three times after it; the
median of the six is the reference. Each measurement is reported as seconds (and
deliveries/s for sending) and as a ratio to that bare INSERT, which cancels the speed of the box
and of the database. The process forces a dummy task backend (start_mailing only queues) and
the locmem mail backend (nothing leaves the process), prints one JSON line on stdout and the
mail-out table on stderr, and exits 0 whether or not the goals are met (the JSON says).
`--profile` runs both measurements under cProfile and prints the top functions on stderr
(the timings then include the profiler's overhead, and the JSON says so).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from bench import report

GOAL_RECIPIENTS = 20_000
GOAL_RESOLVE_SECONDS = 10.0  # for GOAL_RECIPIENTS; scaled linearly for other sizes
GOAL_SEND_PER_SECOND = 200.0
SEND_BUDGET_FACTOR = 1.25  # time to send N at exactly the goal rate, plus a quarter
MIN_SEND_BUDGET_S = 10.0
# What the caller allows on top of the send budget: start-up, populate, resolve + queue, INSERTs.
SETUP_ALLOWANCE_S = 120.0
SETUP_ALLOWANCE_PER_RECIPIENT_S = 0.01
BARE_INSERT_RUNS = 3  # before sending, and as many again after it
STAKEHOLDER_TYPE = "international_organization"
SCRATCH_TABLE = "bench_scratch_delivery"

# Forced on the benchmark process, whatever the caller's environment says.
OVERRIDES = {
    "DJANGO_SETTINGS_MODULE": "convoca.settings",
    "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
    "EMAIL_URL": "memorymail://",  # django-environ's scheme for the locmem backend
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",  # settings.py prefers it
}


class MailoutError(RuntimeError):
    """The mail-out benchmark could not run; the message says why."""


@dataclass(frozen=True)
class MailoutConfig:
    """How many recipients, and how long sending may take; from BENCH_MAILOUT_* variables."""

    recipients: int
    send_budget_s: float

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "MailoutConfig":
        environ = os.environ if environ is None else environ
        try:
            recipients = int(environ.get("BENCH_MAILOUT_RECIPIENTS", str(GOAL_RECIPIENTS)))
            budget = environ.get("BENCH_MAILOUT_SEND_BUDGET", "")
            send_budget_s = (
                float(budget)
                if budget
                else max(MIN_SEND_BUDGET_S, SEND_BUDGET_FACTOR * recipients / GOAL_SEND_PER_SECOND)
            )
        except ValueError as exc:
            raise MailoutError(f"bad BENCH_MAILOUT_* setting: {exc}") from exc
        if recipients < 1 or send_budget_s <= 0:
            raise MailoutError("BENCH_MAILOUT_RECIPIENTS must be >= 1, SEND_BUDGET > 0")
        return cls(recipients=recipients, send_budget_s=send_budget_s)

    @property
    def timeout_s(self) -> float:
        """How long the whole process may take before its caller gives up on it."""
        setup = SETUP_ALLOWANCE_S + SETUP_ALLOWANCE_PER_RECIPIENT_S * self.recipients
        return setup + self.send_budget_s


def environment(env: dict[str, str]) -> dict[str, str]:
    """The benchmark's environment: the caller's throwaway deployment plus the overrides."""
    return {**env, **OVERRIDES}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Setup (not timed) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Population:
    people: int  # Person rows in organizations of STAKEHOLDER_TYPE
    via_account: int  # of those, reachable only through their user's address
    list_entries: int  # mailing list entries
    overlap: int  # entries repeating a person's address (in upper case)

    @classmethod
    def for_recipients(cls, n: int) -> "Population":
        people = max(1, n // 5)
        overlap = people // 4
        return cls(
            people=people,
            via_account=people // 10,
            list_entries=n - people + overlap,
            overlap=overlap,
        )

    @property
    def unique(self) -> int:
        return self.people + self.list_entries - self.overlap


def populate(population: Population, tag: str):
    """Bulk-create the addressable people; return (secretariat user, issued circular)."""
    from django.conf import settings
    from django.db import transaction

    from convoca.accounts.models import User
    from convoca.circulars import services
    from convoca.circulars.models import MailingList, MailingListEntry
    from convoca.stakeholders.models import Organization, Person
    from convoca.stakeholders.services import grant_role

    languages = [code for code, _name in settings.LANGUAGES]
    domain = f"bench-{tag}.example.org"
    with transaction.atomic():
        secretariat = User.objects.create_user(email=f"secretariat@{domain}", password=None)
        grant_role(user=secretariat, role="secretariat")
        organizations = Organization.objects.bulk_create(
            Organization(
                name=f"Bench organization {i}", slug=f"bench-{tag}-{i}",
                stakeholder_type=STAKEHOLDER_TYPE,
            )
            for i in range(max(1, population.people // 20))
        )  # fmt: skip
        accounts = User.objects.bulk_create(
            (
                User(
                    email=f"account{i}@{domain}",
                    password="!",  # unusable
                    first_name="Account",
                    last_name=str(i),
                    preferred_language=languages[i % len(languages)],
                )
                for i in range(population.via_account)
            ),
            batch_size=2000,
        )
        Person.objects.bulk_create(
            (
                Person(
                    given_name="Person",
                    family_name=str(i),
                    organization=organizations[i % len(organizations)],
                    user=accounts[i] if i < population.via_account else None,
                    email="" if i < population.via_account else f"person{i}@{domain}",
                )
                for i in range(population.people)
            ),
            batch_size=2000,
        )
        mailing_list = MailingList.objects.create(name=f"Bench list {tag}", slug=f"bench-{tag}")
        first_direct = population.via_account
        MailingListEntry.objects.bulk_create(
            (
                MailingListEntry(
                    mailing_list=mailing_list,
                    email=(
                        f"person{first_direct + j}@{domain}".upper()
                        if j < population.overlap
                        else f"list{j}@{domain}"
                    ),
                    name=f"Entry {j}",
                    language=(["", *languages])[j % (len(languages) + 1)],
                )
                for j in range(population.list_entries)
            ),
            batch_size=2000,
        )
    circular = services.save_draft(
        by=secretariat,
        reference=f"BENCH-{tag}",
        default_language="en",
        subject_en="Invitation to the benchmark forum",
        body_en="I am pleased to invite you to the **benchmark forum**.",
        subject_fr="Invitation au forum du banc d'essai",
        body_fr="J'ai le plaisir de vous inviter au **forum du banc d'essai**.",
        subject_es="Invitación al foro de referencia",
        body_es="Me complace invitarle al **foro de referencia**.",
    )
    services.set_addressees(
        circular=circular,
        groups=[
            {"kind": "stakeholder_type", "stakeholder_type": STAKEHOLDER_TYPE},
            {"kind": "mailing_list", "mailing_list": mailing_list},
        ],
        by=secretariat,
    )
    services.transition(circular=circular, to="approved", by=secretariat)
    circular = services.transition(circular=circular, to="issued", by=secretariat)
    return secretariat, circular


# --- Measurements ------------------------------------------------------------------------------


def timed(function: Callable, profile: bool, label: str):
    """Run function once; return (result, wall seconds, CPU seconds of this process).

    The CPU time hardly moves when other processes load the machine, the wall time does: both
    are reported, the goals are judged on the wall time. Prints a profile on stderr if asked.
    """
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    try:
        result = function()
    finally:
        if profiler is not None:
            profiler.disable()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    if profiler is not None:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)
        say(f"--- profile: {label} ({seconds:.2f} s under cProfile) ---\n{out.getvalue()}")
    return result, seconds, cpu_seconds


def delivery_rows(mailing_id: int) -> tuple[list[str], list[tuple]]:
    """The columns of circulars_delivery and the rows start_mailing wrote for this mailing."""
    from django.db import connection

    from convoca.circulars.models import Delivery

    quote = connection.ops.quote_name
    table = Delivery._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM {quote(table)} WHERE {quote('mailing_id')} = %s",  # noqa: S608 -- fixed names
            [mailing_id],
        )
        columns = [column[0] for column in cursor.description]
        return columns, cursor.fetchall()


def bare_insert(columns: list[str], rows: list[tuple]) -> float:
    """Seconds to executemany the rows into a fresh scratch table in one transaction."""
    from django.db import connection, transaction

    from convoca.circulars.models import Delivery

    quote = connection.ops.quote_name
    scratch, table = quote(SCRATCH_TABLE), quote(Delivery._meta.db_table)
    insert = (
        f"INSERT INTO {scratch} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608 -- fixed names
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {scratch}")
        # Same columns and types, no key, index or constraint: the bare cost of writing rows.
        cursor.execute(f"CREATE TABLE {scratch} AS SELECT * FROM {table} WHERE 1 = 0")  # noqa: S608
    try:
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(insert, rows)
        return time.perf_counter() - started
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {scratch}")


def resolve_goal(deliveries: int) -> float:
    """10 s for 20,000 recipients, scaled linearly to the number actually resolved."""
    return GOAL_RESOLVE_SECONDS * deliveries / GOAL_RECIPIENTS


def ratio(seconds: float, reference: float) -> float | None:
    return seconds / reference if reference > 0 else None


def measure(config: MailoutConfig, profile: bool = False) -> dict:
    import django

    django.setup()
    from django.core import mail
    from django.db import connection

    from convoca.circulars import sending, services
    from convoca.circulars.models import Delivery, DeliveryState, Mailing

    population = Population.for_recipients(config.recipients)
    load_before = os.getloadavg()
    tag = f"{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}"
    say(f"mail-out: creating {population.unique} addressable people (not timed) ...")
    started = time.perf_counter()
    secretariat, circular = populate(population, tag)
    setup_s = time.perf_counter() - started

    say("mail-out: resolve + queue (start_mailing) ...")
    mailing, resolve_s, resolve_cpu_s = timed(
        lambda: services.start_mailing(circular=circular, by=secretariat), profile, "start_mailing"
    )
    deliveries = Delivery.objects.filter(mailing=mailing).count()
    if deliveries != mailing.total:
        raise MailoutError(f"start_mailing counted {mailing.total}, wrote {deliveries} deliveries")
    if deliveries < population.unique:
        raise MailoutError(f"{deliveries} deliveries for {population.unique} unique addresses")

    say(f"mail-out: bare INSERT of the same {deliveries} rows, {BARE_INSERT_RUNS} times ...")
    columns, rows = delivery_rows(mailing.pk)  # as queued, before sending changes them
    insert_runs = [bare_insert(columns, rows) for _ in range(BARE_INSERT_RUNS)]

    say(f"mail-out: sending {deliveries} through locmem (budget {config.send_budget_s:.0f} s) ...")
    mail.outbox = []
    state, send_s, send_cpu_s = timed(
        lambda: sending.run_mailing(mailing.pk, budget_seconds=config.send_budget_s),
        profile,
        "run_mailing",
    )
    in_outbox = len(mail.outbox)
    mail.outbox.clear()
    counts = dict.fromkeys(DeliveryState.values, 0)
    for value in Delivery.objects.filter(mailing=mailing).values_list("state", flat=True):
        counts[value] += 1
    sent = counts[DeliveryState.SENT]
    if in_outbox != sent:
        raise MailoutError(f"{sent} deliveries marked sent but {in_outbox} messages in the outbox")
    per_second = sent / send_s if send_s > 0 else 0.0
    resolve_goal_s = resolve_goal(deliveries)
    mailing = Mailing.objects.get(pk=mailing.pk)

    # As many again after sending, so the reference spans the whole measured stretch.
    say(f"mail-out: bare INSERT again, {BARE_INSERT_RUNS} times ...")
    insert_runs += [bare_insert(columns, rows) for _ in range(BARE_INSERT_RUNS)]
    insert_s = statistics.median(insert_runs)
    del rows
    load_after = os.getloadavg()

    return {
        "config": asdict(config),
        "database": connection.vendor,
        "profiled": profile,
        "population": {**asdict(population), "unique_made": population.unique},
        "deliveries": deliveries,
        "setup_s": round(setup_s, 3),
        "cpu_count": os.cpu_count(),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "loadavg_1m": {"before": load_before[0], "after": load_after[0]},
        "bare_insert": {
            "rows": deliveries,
            "columns": len(columns),
            "seconds": insert_s,
            "runs": insert_runs,
        },
        "resolve_queue": {
            "seconds": resolve_s,
            "cpu_seconds": resolve_cpu_s,
            "per_second": deliveries / resolve_s if resolve_s > 0 else None,
            "goal_s": resolve_goal_s,
            "ok": resolve_s < resolve_goal_s,
            "ratio": ratio(resolve_s, insert_s),
        },
        "send": {
            "seconds": send_s,
            "cpu_seconds": send_cpu_s,
            "per_cpu_second": sent / send_cpu_s if send_cpu_s > 0 else None,
            "sent": sent,
            "states": counts,
            "mailing_state": str(state),
            "complete": sent == deliveries and mailing.state == "done",
            "per_second": per_second,
            "goal_per_second": GOAL_SEND_PER_SECOND,
            "ok": per_second >= GOAL_SEND_PER_SECOND and counts[DeliveryState.FAILED] == 0,
            "ratio": ratio(send_s, insert_s),
        },
    }


# --- Running it --------------------------------------------------------------------------------


def run_subprocess(env: dict[str, str], config: MailoutConfig, cwd) -> dict:
    """`python -m bench.mailout` in its own process with env (plus the overrides)."""
    try:
        done = subprocess.run(  # fixed argv: this interpreter and bench.mailout
            [sys.executable, "-m", "bench.mailout"],
            cwd=cwd,
            env=environment(env),
            capture_output=True,
            text=True,
            timeout=config.timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise MailoutError(f"bench.mailout ran past {config.timeout_s:.0f} s") from exc
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise MailoutError(f"bench.mailout failed:\n{done.stderr.strip()[-3000:]}")
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--profile", action="store_true", help="cProfile both measurements")
    args = parser.parse_args(argv)
    if not (os.environ.get("DATABASE_URL") or os.environ.get("SQLITE_PATH")):
        say(
            "bench.mailout writes tens of thousands of rows: set SQLITE_PATH or DATABASE_URL "
            "to a throwaway, migrated database (bench.run does)"
        )
        return 2
    os.environ.update(OVERRIDES)
    try:
        result = measure(MailoutConfig.from_env(), profile=args.profile)
    except MailoutError as exc:
        say(f"mail-out failed: {exc}")
        return 1
    print(json.dumps(result), flush=True)
    say(report.format_mailout(result))
    return 0  # goals missed or not: the JSON says so, and bench.run turns it into its exit status


if __name__ == "__main__":
    sys.exit(main())
