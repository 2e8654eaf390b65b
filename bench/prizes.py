"""The WSIS Prizes vote, measured against a raw INSERT … ON CONFLICT of the same rows.

`python -m bench.prizes`, against a migrated throwaway PostgreSQL database (DATABASE_URL),
answers the product goals:

* vote throughput: `POST /api/v1/prizes/{cycle}/votes` over HTTP to convoca served by granian
  as production serves it (bench.servers, APP_WORKERS workers), through Django's full request
  stack (token auth, the real vote service), from CLIENTS client processes each on one
  keep-alive connection, reaches >= 25 % of the throughput of a raw
  `INSERT … ON CONFLICT (category_id, voter_id) DO NOTHING` of the same rows from the same
  number of client processes, each on its own database connection (pgbench-like load),
  measured in the same run into a scratch copy of the votes table;
* for scale, not a goal: the same clients sending as many `GET /healthz` (one `SELECT 1`, no
  token) to the same server, the lightest request Django answers, so the report shows how much
  of the gap to the raw INSERTs is the vote and how much the web stack itself on this machine;
* counting: `ranking` (the grouped count and the tie-break) over 1,000,000 valid votes
  (BENCH_PRIZE_VOTES) takes < 2 s;
* concurrency: 100 parallel requests casting the same account's vote in one category leave
  exactly one vote.

Setup, not timed: a cycle in public voting with 18 categories of 6 projects, VOTES voters with
verified addresses and API tokens (bulk-created), the 1,000,000 votes generated in SQL.
Prints one JSON line on stdout and a table on stderr; exits 0 whether or not the goals are met.
"""

import http.client
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

GOAL_RATIO = 0.25
GOAL_COUNT_SECONDS = 2.0
COUNT_VOTES = int(os.environ.get("BENCH_PRIZE_VOTES", "1000000"))
VOTES = int(os.environ.get("BENCH_PRIZE_REQUESTS", "3000"))
# Concurrent clients, the same number for the endpoint and for the raw INSERTs.
CLIENTS = int(os.environ.get("BENCH_PRIZE_CLIENTS", os.environ.get("BENCH_PRIZE_WORKERS", "4")))
APP_WORKERS = int(os.environ.get("BENCH_PRIZE_APP_WORKERS", str(os.cpu_count() or 2)))
PARALLEL = 100
SLUG = "bench-prizes"


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convoca.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    import django

    django.setup()


def _setup():
    from datetime import timedelta

    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from convoca.accounts.models import TOKEN_PREFIX, ApiToken, User, digest_token
    from convoca.prizes import services
    from convoca.prizes.models import Nomination, NominationState, PrizeCycle
    from convoca.stakeholders.models import Organization

    PrizeCycle.objects.filter(slug__startswith=SLUG).delete()
    User.objects.filter(email__endswith="@bench.invalid").delete()
    now = timezone.now()
    cycle = services.create_cycle(
        name="Bench prizes", slug=SLUG, year=now.year, by=None,
        nominations_open_at=now - timedelta(days=60), nominations_close_at=now - timedelta(days=30),
        voting_opens_at=now - timedelta(days=1), voting_closes_at=now + timedelta(days=10),
        champions_published_at=now + timedelta(days=11), jury_closes_at=now + timedelta(days=12),
        announced_at=now + timedelta(days=13),
    )  # fmt: skip
    organization, _ = Organization.objects.get_or_create(
        slug="bench-org", defaults={"name": "Bench org", "country": "CH"}
    )
    Nomination.objects.bulk_create(
        Nomination(cycle=cycle, category=c, organization=organization, title=f"P{c.number}.{n}",
                   description="-", state=NominationState.ON_BALLOT)
        for c in cycle.categories.all() for n in range(6)
    )  # fmt: skip
    unusable = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"v{n}@bench.invalid", password=unusable, date_joined=now - timedelta(days=30))
        for n in range(VOTES + 1)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    raws = [TOKEN_PREFIX + secrets.token_urlsafe(24) for _ in users]
    ApiToken.objects.bulk_create(
        ApiToken(user=u, name="bench", prefix=raw[:8], digest=digest_token(raw))
        for u, raw in zip(users, raws, strict=True)
    )
    projects = list(Nomination.objects.filter(cycle=cycle).select_related("category"))
    jobs = [
        (raws[i], projects[i % len(projects)].category.slug, projects[i % len(projects)].pk,
         users[i].pk, projects[i % len(projects)].category_id, cycle.pk)
        for i in range(VOTES)
    ]  # fmt: skip
    return cycle, jobs, raws[-1], projects[0]


def _answer(conn: http.client.HTTPConnection) -> int:
    response = conn.getresponse()
    response.read()
    return response.status


def _post_vote(conn: http.client.HTTPConnection, raw: str, category: str, nomination: int):
    body = json.dumps({"category": category, "nomination": nomination})
    conn.request(
        "POST",
        f"/api/v1/prizes/{SLUG}/votes",
        body=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {raw}"},
    )
    return _answer(conn)


def _http_worker(args):
    """One client on one keep-alive connection: a vote per job, or with `floor` as many
    `GET /healthz`."""
    port, chunk, floor = args
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    failures = 0
    for raw, category, nomination, *_rest in chunk:
        if floor:
            conn.request("GET", "/healthz")
            failures += _answer(conn) != 200
        else:
            failures += _post_vote(conn, raw, category, nomination) != 200
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed, failures


def _raw_worker(chunk):
    _django()
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        for _raw, _category, nomination, voter, category_id, cycle_id in chunk:
            cursor.execute(
                "INSERT INTO bench_prize_vote (cycle_id, category_id, voter_id, nomination_id, "
                "cast_at, changed_at, network, flag, is_void, void_reason) "
                "VALUES (%s, %s, %s, %s, now(), now(), '', '', false, '') "
                "ON CONFLICT (category_id, voter_id) DO NOTHING RETURNING id",
                [cycle_id, category_id, voter, nomination],
            )
            cursor.fetchone()
    connection.close()
    return time.perf_counter() - started, 0


def _parallel(worker, jobs, port: int | None = None, floor: bool = False) -> float:
    chunks = [jobs[i::CLIENTS] for i in range(CLIENTS)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(CLIENTS) as pool:
        if port is None:
            results = pool.map(worker, chunks)
        else:
            results = pool.map(worker, [(port, chunk, floor) for chunk in chunks])
    if any(failures for _t, failures in results):
        raise RuntimeError(f"{sum(f for _t, f in results)} requests failed")
    # Each client times its own loop (process start and Django setup excluded): the slowest
    # client's time is the wall time of the load.
    return len(jobs) / max(seconds for seconds, _failures in results)


def _scratch_table(create: bool) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_prize_vote")
        if create:
            cursor.execute("CREATE TABLE bench_prize_vote (LIKE prizes_vote INCLUDING ALL)")
    connection.close()


def _count(cycle) -> float:
    """COUNT_VOTES valid votes: each bench voter votes in every category (18 per voter)."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from convoca.accounts.models import User
    from convoca.prizes.services import ranking

    voters = -(-COUNT_VOTES // 18)
    unusable = make_password(None)
    User.objects.bulk_create(
        (User(email=f"c{n}@count.bench.invalid", password=unusable) for n in range(voters)),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH noms AS (SELECT id, category_id, row_number() OVER "
            "(PARTITION BY category_id ORDER BY id) - 1 AS k FROM prizes_nomination "
            "WHERE cycle_id = %s) "
            "INSERT INTO prizes_vote (cycle_id, category_id, voter_id, nomination_id, cast_at, "
            "changed_at, network, flag, is_void, void_reason) "
            "SELECT %s, n.category_id, u.id, n.id, now(), "
            "now() - make_interval(secs => (u.id * 7 + n.id) %% 86400), '', '', false, '' "
            "FROM accounts_user u JOIN noms n ON n.k = (u.id + n.category_id) %% 6 "
            "WHERE u.email LIKE %s LIMIT %s",
            [cycle.pk, cycle.pk, "%@count.bench.invalid", COUNT_VOTES],
        )
        cursor.execute("ANALYZE prizes_vote")
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        ranking(cycle=cycle)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _concurrency(port: int, raw, project) -> int:
    """PARALLEL requests at once casting one account's vote: how many were answered 200."""
    barrier = threading.Barrier(PARALLEL)
    statuses = []

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        barrier.wait(timeout=60)
        statuses.append(_post_vote(conn, raw, project.category.slug, project.pk))
        conn.close()

    threads = [threading.Thread(target=run) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses.count(200)


def _votes_of_spare_voter(project) -> int:
    from convoca.prizes.models import Vote

    voter = Vote.objects.filter(category=project.category, voter__email=f"v{VOTES}@bench.invalid")
    return voter.count()


def _served(tmp: Path):
    from bench import servers

    env = servers.app_environment(tmp / "var", tmp / "static")
    server = servers.app_server(env, tmp / "app.log", APP_WORKERS)
    server.start()
    try:
        server.wait_ready("/api/v1/prizes", timeout=120)
    except BaseException:
        server.stop()
        raise
    return server


def main() -> int:
    _django()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("bench.prizes needs PostgreSQL (DATABASE_URL)", file=sys.stderr)
        return 2
    cycle, jobs, spare_token, project = _setup()
    connection.close()
    _scratch_table(True)
    raw_rate = _parallel(_raw_worker, jobs)
    _scratch_table(False)
    with tempfile.TemporaryDirectory(prefix="bench-prizes-") as tmp:
        server = _served(Path(tmp))
        try:
            floor_rate = _parallel(_http_worker, jobs, port=server.port, floor=True)
            api_rate = _parallel(_http_worker, jobs, port=server.port)
            ok_answers = _concurrency(server.port, spare_token, project)
        finally:
            server.stop()  # and its threads' database connections with it
    votes_after = _votes_of_spare_voter(project)
    count_seconds = _count(cycle)
    ratio = api_rate / raw_rate
    result = {
        "bench": "prizes",
        "votes_per_s": round(api_rate, 1),
        "raw_insert_per_s": round(raw_rate, 1),
        "healthz_per_s": round(floor_rate, 1),
        "healthz_ratio": round(floor_rate / raw_rate, 3),
        "ratio": round(ratio, 3),
        "goal_ratio": GOAL_RATIO,
        "count_votes": COUNT_VOTES,
        "count_seconds": round(count_seconds, 3),
        "goal_count_seconds": GOAL_COUNT_SECONDS,
        "parallel_requests": PARALLEL,
        "parallel_ok_answers": ok_answers,
        "votes_after_parallel": votes_after,
        "clients": CLIENTS,
        "app_workers": APP_WORKERS,
    }
    result["ok"] = ratio >= GOAL_RATIO and count_seconds < GOAL_COUNT_SECONDS and votes_after == 1
    rows = [
        ("vote endpoint", f"{api_rate:,.0f} votes/s", ""),
        ("raw INSERT … ON CONFLICT", f"{raw_rate:,.0f} rows/s", ""),
        ("ratio", f"{ratio:.1%}", f">= {GOAL_RATIO:.0%}"),
        ("GET /healthz, same clients", f"{floor_rate:,.0f} req/s", ""),
        ("healthz / raw INSERT", f"{floor_rate / raw_rate:.1%}", "(scale)"),
        (f"rank {COUNT_VOTES:,} votes", f"{count_seconds:.3f} s", f"< {GOAL_COUNT_SECONDS} s"),
        (f"{PARALLEL} parallel casts", f"{votes_after} vote", "1 vote"),
    ]
    for name, value, goal in rows:
        print(f"{name:<28} {value:>18} {goal:>10}", file=sys.stderr)
    from convoca.accounts.models import User
    from convoca.prizes.models import PrizeCycle

    PrizeCycle.objects.filter(slug=SLUG).delete()
    User.objects.filter(email__endswith="bench.invalid").delete()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
