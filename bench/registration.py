"""Registration rush: 200 people register at the same instant for 50 in-person seats.

Real HTTP against convoca served by granian (production flags), PostgreSQL given by
DATABASE_URL (a migrated, throwaway database), the requests sent from separate load processes,
each firing its share from threads released together. The rule checked: exactly 50 confirmed
and 150 waitlisted, every request answered 201, p99 latency under a second. Throughput is set
against the same number of raw single-row INSERTs (one transaction each) into the same database
in the same run, so the figure means the same on a fast or a slow machine. For scale, the same
processes then fire as many `GET /healthz` at once (one `SELECT 1`, no token), the lightest
request Django answers: its p99 is what the web stack alone costs on this machine.

    DATABASE_URL=postgres://…/convoca_bench .venv/bin/python -m bench.registration

stdout: one JSON line (measurements, goals, ok); stderr: a table for people.
"""

import json
import multiprocessing
import os
import secrets
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.servers import BenchError, app_environment, app_server, fetch, manage

PEOPLE = int(os.environ.get("BENCH_REGISTRATION_PEOPLE", "200"))
SEATS = int(os.environ.get("BENCH_REGISTRATION_SEATS", "50"))
LOAD_PROCESSES = int(os.environ.get("BENCH_REGISTRATION_PROCESSES", "8"))
WORKERS = int(os.environ.get("BENCH_REGISTRATION_WORKERS", str(min(4, os.cpu_count() or 2))))
# Each granian blocking thread holds its own database connection: workers × threads must stay
# well under PostgreSQL's max_connections (100 by default), or requests fail to connect.
THREADS = int(os.environ.get("BENCH_REGISTRATION_THREADS", "8"))
P99_GOAL_MS = 1000.0
READY_TIMEOUT_S = 60.0
REQUEST_TIMEOUT_S = 30.0
LOG_PATH = Path(tempfile.gettempdir()) / "bench-registration-granian.log"


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def setup_django(env: dict[str, str]) -> None:
    os.environ.update({k: v for k, v in env.items() if k in ("DATABASE_URL", "SECRET_KEY")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convoca.settings")
    import django

    django.setup()


def prepare(tag: str) -> tuple[str, list[str]]:
    """A throwaway forum, edition and form with SEATS seats, and PEOPLE accounts with tokens."""
    import datetime as dt

    from allauth.account.models import EmailAddress

    from convoca.accounts.models import User
    from convoca.accounts.services import issue_token
    from convoca.programme.models import Edition, Forum
    from convoca.registration.models import RegistrationForm

    forum = Forum.objects.create(name=f"Bench forum {tag}", slug=f"bench-forum-{tag}")
    edition = Edition.objects.create(
        forum=forum,
        name=f"Bench edition {tag}",
        slug=f"bench-registration-{tag}",
        opening_date=dt.date(2030, 5, 1),
        final_week_start=dt.date(2030, 5, 27),
        final_week_end=dt.date(2030, 5, 31),
    )
    RegistrationForm.objects.create(edition=edition, capacity=SEATS)
    users = User.objects.bulk_create(
        [
            User(email=f"rush-{tag}-{n}@bench.invalid", first_name="Rush", last_name=str(n))
            for n in range(PEOPLE)
        ]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )
    tokens = [issue_token(user=user, name="bench")[1] for user in users]
    return edition.slug, tokens


def outcome(slug: str) -> dict[str, int]:
    from django.db.models import Count

    from convoca.registration.models import Registration, RegistrationForm

    states = dict(
        Registration.objects.filter(edition__slug=slug)
        .values("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    seats = RegistrationForm.objects.get(edition__slug=slug).seats_taken
    return {"states": states, "seats_taken": seats}


def cleanup(slug: str, tag: str) -> None:
    from convoca.accounts.models import User
    from convoca.programme.models import Edition, Forum

    Edition.objects.filter(slug=slug).delete()
    Forum.objects.filter(slug=f"bench-forum-{tag}").delete()
    User.objects.filter(email__startswith=f"rush-{tag}-").delete()


def raw_inserts(count: int) -> float:
    """Seconds for `count` single-row INSERTs, each committed, into a scratch table."""
    from django.db import connection

    table = f"bench_registration_raw_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {table} (id bigserial PRIMARY KEY, email text NOT NULL, "
            "state text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
        )
    try:
        started = time.perf_counter()
        for n in range(count):
            with connection.cursor() as cursor:  # autocommit: each its own transaction
                cursor.execute(
                    # The table name is ours (hex digits); the values are parameters.
                    f"INSERT INTO {table} (email, state) VALUES (%s, %s)",  # noqa: S608
                    [f"raw-{n}@bench.invalid", "confirmed"],
                )
        return time.perf_counter() - started
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {table}")


def _load_process(
    port: int, slug: str, tokens: list[str], start_at: float, queue, floor: bool = False
) -> None:
    """One load process: a thread per request, all released at `start_at`. `floor`: a
    `GET /healthz` instead of each registration."""
    import http.client

    results = []
    lock = threading.Lock()
    body = json.dumps(
        {"attendance": "in_person", "country": "CH", "stakeholder_type": "civil_society"}
    )

    def one(token: str) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT_S)
        conn.connect()
        delay = start_at - time.time()
        if delay > 0:
            time.sleep(delay)
        began = time.perf_counter()
        try:
            if floor:
                conn.request("GET", "/healthz")
            else:
                conn.request(
                    "POST",
                    f"/api/v1/editions/{slug}/registrations",
                    body=body,
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Content-Type": "application/json",
                    },
                )
            response = conn.getresponse()
            payload = response.read()
            status = response.status
            state = (
                json.loads(payload).get("state", "")
                if status in (200, 201) and not floor
                else payload[:200].decode(errors="replace")
            )
        except OSError as error:
            status, state = 0, f"{type(error).__name__}: {error}"
        finally:
            conn.close()
        with lock:
            results.append((status, state, time.perf_counter() - began, time.time()))

    threads = [threading.Thread(target=one, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(results)


def rush(port: int, slug: str, tokens: list[str], floor: bool = False) -> tuple[list[tuple], float]:
    """Fire every request from LOAD_PROCESSES processes at once; answers and wall time."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start_at = time.time() + 3.0  # time for every process to start and connect
    shares = [tokens[i::LOAD_PROCESSES] for i in range(LOAD_PROCESSES)]
    processes = [
        context.Process(target=_load_process, args=(port, slug, share, start_at, queue, floor))
        for share in shares
        if share
    ]
    for process in processes:
        process.start()
    results = []
    for _ in processes:
        results.extend(queue.get(timeout=120))
    for process in processes:
        process.join(timeout=30)
    finished = max(r[3] for r in results)
    return results, finished - start_at


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def measure() -> dict:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise BenchError("set DATABASE_URL to a migrated, throwaway PostgreSQL database")
    tag = secrets.token_hex(3)
    with tempfile.TemporaryDirectory(prefix="bench-registration-") as scratch:
        scratch = Path(scratch)
        env = app_environment(scratch, scratch / "static")
        env["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
        env["CONN_MAX_AGE"] = "60"
        # Up to date with the code, and the static manifest the error page needs, as deployed.
        manage(["migrate", "--noinput"], env)
        manage(["collectstatic", "--noinput"], env)
        setup_django(env)
        slug, tokens = prepare(tag)
        try:
            server = app_server(env, LOG_PATH, WORKERS)
            server.extra_args = ["--blocking-threads", str(THREADS)]
            with server:
                server.wait_ready("/healthz", READY_TIMEOUT_S)
                # Warm every worker (imports, connections) before the rush.
                for _ in range(WORKERS * 4):
                    fetch(server.port, "/api/v1/action-lines?page_size=1")
                results, wall = rush(server.port, slug, tokens)
                floor, _floor_wall = rush(server.port, slug, tokens, floor=True)
            found = outcome(slug)
            insert_s = raw_inserts(PEOPLE)
        finally:
            cleanup(slug, tag)
    latencies = [r[2] * 1000 for r in results]
    statuses = {}
    for status, _state, _latency, _at in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    answered = {
        state: sum(1 for r in results if r[1] == state) for state in ("confirmed", "waitlisted")
    }
    p99 = percentile(latencies, 0.99)
    throughput = len(results) / wall if wall > 0 else 0.0
    insert_rate = PEOPLE / insert_s if insert_s > 0 else 0.0
    confirmed = found["states"].get("confirmed", 0)
    waitlisted = found["states"].get("waitlisted", 0)
    ok = (
        confirmed == SEATS
        and waitlisted == PEOPLE - SEATS
        and found["seats_taken"] == SEATS
        and statuses.get("201", 0) == PEOPLE
        and answered == {"confirmed": SEATS, "waitlisted": PEOPLE - SEATS}
        and p99 < P99_GOAL_MS
    )
    return {
        "failures": [r[1] for r in results if r[0] not in (200, 201)][:3],
        "bench": "registration",
        "requests": PEOPLE,
        "seats": SEATS,
        "load_processes": LOAD_PROCESSES,
        "workers": WORKERS,
        "threads_per_worker": THREADS,
        "statuses": statuses,
        "confirmed": confirmed,
        "waitlisted": waitlisted,
        "seats_taken": found["seats_taken"],
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(p99, 1),
        "max_ms": round(max(latencies), 1),
        "healthz_p99_ms": round(percentile([r[2] * 1000 for r in floor], 0.99), 1),
        "wall_s": round(wall, 3),
        "throughput_rps": round(throughput, 1),
        "raw_insert_rps": round(insert_rate, 1),
        "throughput_ratio_to_raw_inserts": round(throughput / insert_rate, 4)
        if insert_rate
        else None,
        "goals": {
            "confirmed": SEATS,
            "waitlisted": PEOPLE - SEATS,
            "all_answered_201": PEOPLE,
            "p99_ms_below": P99_GOAL_MS,
        },
        "ok": ok,
    }


def report(result: dict) -> None:
    rows = [
        (
            "requests (separate processes)",
            f"{result['requests']} from {result['load_processes']} processes",
        ),
        ("answers", ", ".join(f"{k}: {v}" for k, v in sorted(result["statuses"].items()))),
        ("confirmed / goal", f"{result['confirmed']} / {result['goals']['confirmed']}"),
        ("waitlisted / goal", f"{result['waitlisted']} / {result['goals']['waitlisted']}"),
        ("seats taken (counter)", str(result["seats_taken"])),
        (
            "latency p50 / p99 / max",
            f"{result['p50_ms']} / {result['p99_ms']} / {result['max_ms']} ms "
            f"(goal p99 < {P99_GOAL_MS:.0f})",
        ),
        (
            f"{result['requests']} GET /healthz at once",
            f"p99 {result['healthz_p99_ms']} ms (scale: the web stack alone)",
        ),
        ("throughput", f"{result['throughput_rps']} registrations/s over {result['wall_s']} s"),
        ("raw INSERTs, same DB", f"{result['raw_insert_rps']} rows/s"),
        ("ratio to raw INSERTs", str(result["throughput_ratio_to_raw_inserts"])),
        ("ok", str(result["ok"])),
    ]
    width = max(len(label) for label, _ in rows)
    say("Registration rush")
    for label, value in rows:
        say(f"  {label.ljust(width)}  {value}")


def main() -> int:
    try:
        result = measure()
    except BenchError as error:
        print(json.dumps({"bench": "registration", "ok": False, "error": str(error)}))
        say(f"registration bench failed: {error}")
        return 1
    samples = result.pop("failures", [])
    print(json.dumps(result))
    report(result)
    for sample in samples:
        say(f"  failure sample: {sample}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
