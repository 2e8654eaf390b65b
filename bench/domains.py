"""The domain benchmarks, each in its own process on its own throwaway database.

`bench.run` calls `run_all()` after the HTTP, mail-out and exports benchmarks. Each module
(`python -m bench.<name>`) prints one JSON line with its measurements, goals and `ok` on
stdout and a table for people on stderr; it gets a freshly migrated database: a temporary
SQLite file, or, for the ones whose rule is about PostgreSQL's locking (registration rush,
votes), a database created on BENCH_POSTGRES_URL (default: DATABASE_URL when it is
PostgreSQL, else postgres://root@127.0.0.1:5432/postgres) and dropped afterwards.
"""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench.servers import PROJECT_ROOT, BenchError, manage

TIMEOUT_S = float(os.environ.get("BENCH_DOMAIN_TIMEOUT", "900"))


@dataclass(frozen=True)
class Domain:
    name: str
    needs_postgres: bool
    what: str


DOMAINS = (
    Domain("consultations", False, "review queue and exports of 2,000 submissions"),
    Domain("registration", True, "200 concurrent registrations for 50 seats"),
    Domain("prizes", True, "vote throughput and counting a million votes"),
    Domain("coalitions", False, "pledge registry with 10,000 pledges"),
)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def postgres_admin_url() -> str:
    url = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://root@127.0.0.1:5432/postgres"
    return url


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(url: str, statement: str) -> None:
    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(statement)


def _run_module(domain: Domain, env: dict[str, str]) -> dict:
    try:
        done = subprocess.run(  # noqa: S603 -- fixed argv: this interpreter and bench.<name>
            [sys.executable, "-m", f"bench.{domain.name}"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"bench.{domain.name} ran past {TIMEOUT_S:.0f} s") from exc
    if done.stderr.strip():
        say(done.stderr.rstrip())
    lines = [line for line in done.stdout.strip().splitlines() if line.startswith("{")]
    if not lines:
        raise BenchError(f"bench.{domain.name} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def run_domain(domain: Domain, base_env: dict[str, str]) -> dict:
    env = {k: v for k, v in base_env.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env.pop("CONVOCA_TESTING", None)
    say(f"{domain.name}: {domain.what} ...")
    if domain.needs_postgres:
        admin = postgres_admin_url()
        name = f"convoca_bench_{domain.name}_{os.getpid()}"
        try:
            _admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            _admin(admin, f'CREATE DATABASE "{name}"')
        except psycopg.Error as exc:  # reported as a failed benchmark, not hidden
            return {"ok": False, "error": f"PostgreSQL unavailable at {admin}: {exc}"}
        env["DATABASE_URL"] = _with_database(admin, name)
        try:
            manage(["migrate", "--noinput"], env)
            return _run_module(domain, env)
        finally:
            _admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    with tempfile.TemporaryDirectory(prefix=f"convoca-bench-{domain.name}-") as tmp:
        env["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
        env["CONVOCA_VAR_DIR"] = tmp
        manage(["migrate", "--noinput"], env)
        return _run_module(domain, env)


def run_all(base_env: dict[str, str], only: set[str] | None = None) -> dict[str, dict]:
    records = {}
    for domain in DOMAINS:
        if only and domain.name not in only:
            continue
        try:
            records[domain.name] = run_domain(domain, base_env)
        except BenchError as exc:
            say(f"{domain.name} failed: {exc}")
            records[domain.name] = {"ok": False, "error": str(exc)}
    return records


def main() -> int:
    only = set(sys.argv[1:]) or None
    records = run_all(dict(os.environ), only)
    print(json.dumps(records))
    return 0 if all(record.get("ok") for record in records.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
