"""Benchmark convoca's targets against a static reference measured in the same run.

`python -m bench.run` (or `make bench`), by itself and only on 127.0.0.1:

1. builds a throwaway deployment in a temp directory (migrate, load_demo, collectstatic);
2. starts convoca under granian with the production flags and waits for /healthz;
3. fetches every target of `bench.targets` once and keeps its exact bytes as the reference;
4. serves those bytes with granian's static route, same worker count, as the reference server;
5. for each target, runs the load generator (`bench.load`, a separate process) against the app
   and then against the reference, each with a one-second warm-up;
6. stops both servers and runs the circulars mail-out benchmark (`bench.mailout`, its own
   process) on the same throwaway database;
7. runs the programme exports benchmark (`bench.exports`, its own process group): frab XML,
   frab JSON and iCal of a generated 10,000-session edition, cold, cached and peak memory;
8. runs the domain benchmarks (`bench.domains`: consultations review queue and exports,
   the registration rush, prize votes, the pledge registry), each in its own process on its
   own freshly migrated database (PostgreSQL where the rule is about PostgreSQL's locking);
9. prints a table per benchmark, writes bench/results/<timestamp>.json, and exits 1 if any
   request failed or the mail-out, an export or a domain benchmark missed a goal.

Why the reference is fair: same machine and moment, same HTTP server and workers, same
keep-alive connections and load generator, same response bytes. What remains in the ratio
is the cost of Django producing the response. Settings come from the environment:
BENCH_SECONDS (8), BENCH_CONNECTIONS (8), BENCH_WARMUP (1), BENCH_WORKERS (2),
BENCH_STARTUP_TIMEOUT (60), DATABASE_URL (a temp SQLite file when unset), and for the mail-out
BENCH_MAILOUT_RECIPIENTS (20000) and BENCH_MAILOUT_SEND_BUDGET (seconds; enough for the goal),
and for the exports BENCH_EXPORT_SESSIONS (10000).
"""

import json
import mimetypes
import os
import platform
import signal
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from bench import domains, exports, mailout, report, servers
from bench.servers import BenchError
from bench.targets import TARGETS, Target

LOAD_SLACK_S = 30


@dataclass(frozen=True)
class Config:
    """How long and how hard to measure; read from BENCH_* environment variables."""

    seconds: float
    connections: int
    warmup: float
    workers: int
    startup_timeout: float

    @classmethod
    def from_env(cls) -> "Config":
        try:
            config = cls(
                seconds=float(os.environ.get("BENCH_SECONDS", "8")),
                connections=int(os.environ.get("BENCH_CONNECTIONS", "8")),
                warmup=float(os.environ.get("BENCH_WARMUP", "1")),
                workers=int(os.environ.get("BENCH_WORKERS", "2")),
                startup_timeout=float(os.environ.get("BENCH_STARTUP_TIMEOUT", "60")),
            )
        except ValueError as exc:
            raise BenchError(f"bad BENCH_* setting: {exc}") from exc
        if config.seconds <= 0 or config.connections < 1 or config.workers < 1:
            raise BenchError("BENCH_SECONDS must be > 0, BENCH_CONNECTIONS and WORKERS >= 1")
        return config


@dataclass(frozen=True)
class Reference:
    """A target's bytes as the app served them, and where the reference server serves them."""

    target: Target
    content_type: str
    size: int
    path: str


def say(message: str) -> None:
    """Progress goes to stderr, so stdout holds only the table."""
    print(message, file=sys.stderr, flush=True)


def save_references(port: int, reference_dir: Path) -> list[Reference]:
    """Fetch each target once from the app (must be 200) and store its exact bytes."""
    references = []
    for index, target in enumerate(TARGETS):
        status, content_type, body = servers.fetch(port, target.path)
        if status != 200:
            raise BenchError(f"{target.name}: GET {target.path} answered {status}, not 200")
        mime = content_type.split(";")[0].strip()
        suffix = mimetypes.guess_extension(mime) or ".bin"
        name = f"{index:02d}-{target.slug}{suffix}"
        (reference_dir / name).write_bytes(body)
        references.append(Reference(target, content_type, len(body), f"/ref/{name}"))
    return references


def check_references(port: int, references: list[Reference], reference_dir: Path) -> None:
    """The reference server must hand back exactly the stored bytes."""
    for ref in references:
        status, _, body = servers.fetch(port, ref.path)
        stored = (reference_dir / Path(ref.path).name).read_bytes()
        if status != 200 or body != stored:
            raise BenchError(f"reference server answered {status} / other bytes for {ref.path}")


def run_load(port: int, path: str, config: Config) -> dict:
    """One load generator process against one URL; returns its JSON line as a dict."""
    argv = [
        sys.executable, "-m", "bench.load",
        "--url", f"http://{servers.HOST}:{port}{path}",
        "--seconds", str(config.seconds),
        "--connections", str(config.connections),
        "--warmup", str(config.warmup),
    ]  # fmt: skip
    try:
        done = subprocess.run(  # noqa: S603 -- fixed argv: this interpreter and bench.load
            argv,
            cwd=servers.PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=config.seconds + config.warmup + LOAD_SLACK_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"load generator did not stop by itself on {path}") from exc
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise BenchError(f"load generator failed on {path}:\n{done.stderr.strip()[-2000:]}")
    return json.loads(lines[-1])


def measure(ref: Reference, app_port: int, ref_port: int, config: Config) -> dict:
    """Load the app, then the reference, for one target."""
    say(f"measuring {ref.target.name}: app ...")
    app = run_load(app_port, ref.target.path, config)
    say(f"measuring {ref.target.name}: reference ...")
    reference = run_load(ref_port, ref.path, config)
    return {
        "name": ref.target.name,
        "path": ref.target.path,
        "content_type": ref.content_type,
        "size_bytes": ref.size,
        "reference_path": ref.path,
        "app": app,
        "reference": reference,
        "ratio": report.ratio(app, reference),
        "goal": ref.target.goal,
    }


def run_mailout(env: dict[str, str]) -> dict:
    """The mail-out benchmark in its own process, with the servers already stopped."""
    try:
        mailout_config = mailout.MailoutConfig.from_env(env)
        say(
            f"mail-out: {mailout_config.recipients} recipients, resolve + queue and send "
            f"(at most {mailout_config.timeout_s:.0f} s) ..."
        )
        return mailout.run_subprocess(env, mailout_config, servers.PROJECT_ROOT)
    except mailout.MailoutError as exc:
        raise BenchError(str(exc)) from exc


def run_exports(env: dict[str, str]) -> dict:
    """The exports benchmark in its own process group, after the mail-out."""
    try:
        exports_config = exports.ExportsConfig.from_env(env)
        say(
            f"exports: {exports_config.sessions} sessions, frab XML / frab JSON / iCal "
            f"(at most {exports_config.timeout_s:.0f} s) ..."
        )
        return exports.run_subprocess(env, exports_config, servers.PROJECT_ROOT)
    except exports.ExportsError as exc:
        raise BenchError(str(exc)) from exc


def environment_facts(config: Config) -> dict:
    database = os.environ.get("DATABASE_URL")
    return {
        "config": asdict(config),
        "database": urlsplit(database).scheme if database else "sqlite (temp file)",
        "python": platform.python_version(),
        "django": version("django"),
        "granian": version("granian"),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
    }


def benchmark(config: Config, tmp: Path) -> tuple[list[dict], dict, dict, dict]:
    """Everything between setup and report: the HTTP results, the mail-out, exports and
    domain records."""
    var_dir, static_root, reference_dir = tmp / "var", tmp / "static", tmp / "reference"
    for directory in (var_dir, static_root, reference_dir):
        directory.mkdir()
    env = servers.app_environment(var_dir, static_root)
    say("preparing a throwaway deployment (migrate, load_demo, collectstatic) ...")
    servers.prepare_app(env)
    with ExitStack() as stack:
        app = stack.enter_context(servers.app_server(env, tmp / "app.log", config.workers))
        app.wait_ready("/healthz", config.startup_timeout)
        say(f"app ready on port {app.port}; fetching {len(TARGETS)} targets ...")
        references = save_references(app.port, reference_dir)
        ref = stack.enter_context(
            servers.reference_server(reference_dir, env, tmp / "ref.log", config.workers)
        )
        ref.wait_ready(references[0].path, config.startup_timeout)
        check_references(ref.port, references, reference_dir)
        say(f"reference ready on port {ref.port}")
        results = [measure(r, app.port, ref.port, config) for r in references]
    # Both servers are stopped: the mail-out, then the exports, have the machine to themselves.
    mailout_record = run_mailout(env)
    exports_record = run_exports(env)
    return results, mailout_record, exports_record, domains.run_all(env)


def interrupt(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so the servers are stopped on the way out."""
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started ignoring it
    try:
        config = Config.from_env()
        if not TARGETS:
            raise BenchError("bench.targets.TARGETS is empty")
        with tempfile.TemporaryDirectory(prefix="convoca-bench-") as tmp:
            results, mailout_record, exports_record, domain_records = benchmark(config, Path(tmp))
    except BenchError as exc:
        say(f"bench failed: {exc}")
        return 1
    except KeyboardInterrupt:
        say("bench interrupted; servers stopped")
        return 130
    print(report.format_table(results))
    print()
    print(report.format_mailout(mailout_record))
    print()
    print(report.format_exports(exports_record))
    path = report.write_json(
        {
            **environment_facts(config),
            "results": results,
            "mailout": mailout_record,
            "exports": exports_record,
            "domains": domain_records,
        }
    )
    failed = [
        r["name"] for r in results if report.failures(r["app"]) + report.failures(r["reference"])
    ]
    print(f"\nresults: {path.relative_to(servers.PROJECT_ROOT)}")
    status = 0
    if failed:
        say(f"requests failed (non-2xx or no response) for: {', '.join(failed)}")
        status = 1
    if not report.mailout_ok(mailout_record):
        say("the mail-out missed a goal (see the mail-out table)")
        status = 1
    if not report.exports_ok(exports_record):
        say("an export missed a goal (see the exports table)")
        status = 1
    missed = [name for name, record in domain_records.items() if not record.get("ok")]
    if missed:
        say(f"a domain benchmark missed a goal or failed: {', '.join(missed)} (see its table)")
        status = 1
    if not report.goals_met(results):
        say("a target missed its ratio goal (see the goal column)")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
