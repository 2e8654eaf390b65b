"""The programme exports of a 10,000-session edition: time and memory of each cold build.

`python -m bench.exports` (run by `bench.run` after the mail-out, or alone against a migrated
throwaway database) answers the product goal "frab XML, frab JSON and iCal for a generated
10,000-session, 3-month edition in < 1 s each, < 200 MB memory". The number of sessions is
BENCH_EXPORT_SESSIONS (10,000 by default); the goals are judged as stated whatever the size.

Setup, not timed (`bench.export_data`): a new forum and edition over 13 weeks (7 March to 5 June
2022, in Europe/Zurich, so across the switch to summer time) with 4 tracks, 5 session types and
60 rooms (a third virtual), N public sessions all scheduled (2-hour slots, no room
double-booked), 3 to 5 speakers each (4 on average) from a pool of 0.6 × N people, 2 organizers,
2 action lines and 2 SDGs each, made with bulk_create, then published with
`services.publish_programme`: the feeds are what an anonymous visitor gets for that published
version.

Measured, each format in a fresh process of its own (`--measure`), so its memory is that of a
worker that builds this one export and nothing of the generation: Django is set up, one 404
answered through the same URL pattern (URLconf, middleware, view modules loaded), then through
the real view with Django's test Client on /en/editions/<slug>/schedule.{xml,json,ics}:

* cold: `cache.clear()` then GET, 3 times; best and median wall seconds (and CPU seconds);
  "cold" means the application cache is empty; the database file is in the OS page cache;
* cached: GET again without clearing, 5 times: the answer from the cache, in ms;
* memory: the process's peak RSS (VmHWM, reset through /proc/self/clear_refs before the first
  build where the kernel allows it) over the 3 cold builds. The goal is judged on what the
  builds add to a warmed worker (peak minus the RSS just before the first build) being
  < 200 MB (1 MB = 10^6 bytes); the absolute peak is reported next to it, and so is the
  tracemalloc peak of one more cold build (Python allocations only, run apart because tracing
  slows it down).

The reference, measured in the same process: reading the same bytes back from a file of the
same size in a temp directory (median of 5 reads, from the OS page cache), what a static server
would do for the same answer; writing them (no fsync) is reported too. Each cold time is also
given as a multiple of that read. Every body is checked to be a 200 with N events.

The processes use the local-memory cache whatever REDIS_URL says, so `cache.clear()` clears
nothing shared. Prints one JSON line on stdout and the exports table on stderr; exits 0 whether
or not the goals are met (the JSON says), 1 when it could not measure.
"""

import argparse
import contextlib
import json
import os
import resource
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import report
from bench.export_data import GeneratedEdition, checkpoint, generate

GOAL_SESSIONS = 10_000
GOAL_SECONDS = 1.0
GOAL_RSS_MB = 200.0
MB = 1_000_000  # the goal's megabyte: the stricter reading of "200 MB"
COLD_RUNS = 3
CACHED_RUNS = 5
READ_RUNS = 5
WRITE_RUNS = 3
# What the caller allows: start-up and generation, then each format's own process.
SETUP_ALLOWANCE_S = 120.0
SETUP_ALLOWANCE_PER_SESSION_S = 0.01
FORMAT_ALLOWANCE_S = 60.0
FORMAT_ALLOWANCE_PER_SESSION_S = 0.006

# Forced on the benchmark processes, whatever the caller's environment says.
OVERRIDES = {
    "DJANGO_SETTINGS_MODULE": "convoca.settings",
    "DEBUG": "0",  # DEBUG would keep every query in memory
    "REDIS_URL": "",  # the local-memory cache: cache.clear() must clear nothing shared
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
}
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Format:
    key: str
    name: str
    file: str

    def count_events(self, body: bytes) -> int:
        if self.key == "xml":
            return body.count(b"<event ")
        if self.key == "json":
            return len(json.loads(body)["schedule"]["events"])
        return body.count(b"BEGIN:VEVENT")


FORMATS = (
    Format("xml", "frab XML", "schedule.xml"),
    Format("json", "frab JSON", "schedule.json"),
    Format("ics", "iCal", "schedule.ics"),
)


class ExportsError(RuntimeError):
    """The exports benchmark could not run; the message says why."""


@dataclass(frozen=True)
class ExportsConfig:
    """How big an edition; from BENCH_EXPORT_SESSIONS."""

    sessions: int

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "ExportsConfig":
        environ = os.environ if environ is None else environ
        try:
            sessions = int(environ.get("BENCH_EXPORT_SESSIONS", str(GOAL_SESSIONS)))
        except ValueError as exc:
            raise ExportsError(f"bad BENCH_EXPORT_SESSIONS: {exc}") from exc
        if sessions < 1:
            raise ExportsError("BENCH_EXPORT_SESSIONS must be >= 1")
        return cls(sessions=sessions)

    @property
    def format_timeout_s(self) -> float:
        """How long one format's process may take before it is killed."""
        return FORMAT_ALLOWANCE_S + FORMAT_ALLOWANCE_PER_SESSION_S * self.sessions

    @property
    def timeout_s(self) -> float:
        """How long the whole benchmark may take before its caller gives up on it."""
        setup = SETUP_ALLOWANCE_S + SETUP_ALLOWANCE_PER_SESSION_S * self.sessions
        return setup + len(FORMATS) * self.format_timeout_s + 30


def environment(env: dict[str, str]) -> dict[str, str]:
    """The benchmark's environment: the caller's throwaway deployment plus the overrides."""
    return {**env, **OVERRIDES}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Measuring one format (in its own process) -------------------------------------------------


def memory_mb() -> dict[str, float | None]:
    """The process's resident set now and its peak (VmRSS, VmHWM), in MB."""
    found: dict[str, float | None] = {"rss": None, "hwm": None}
    try:
        with open("/proc/self/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    found["rss" if key == "VmRSS" else "hwm"] = int(value.split()[0]) * 1024 / MB
    except OSError:
        pass
    if found["hwm"] is None:  # no /proc: the kernel's peak for the whole process
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        found["hwm"] = (peak if sys.platform == "darwin" else peak * 1024) / MB
    return found


def reset_peak() -> bool:
    """Make VmHWM start again from the current RSS (Linux >= 4.0); False if not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def median_seconds(function, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def measure_format(fmt: Format, slug: str, expect: int, scratch: Path) -> dict:
    """Cold, cached, memory and reference for one format, in this (fresh) process."""
    import gc
    import tracemalloc

    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    url = f"/en/editions/{slug}/{fmt.file}"

    def get(path: str, status: int = 200):
        response = client.get(path)
        if response.status_code != status:
            raise ExportsError(f"GET {path} answered {response.status_code}, not {status}")
        return response

    get(f"/en/editions/{slug}-not-there/{fmt.file}", status=404)  # warm-up: same route, no build
    gc.collect()
    before = memory_mb()
    peak_reset = reset_peak()
    cold, cold_cpu, peaks = [], [], []
    size = 0
    reference_file = scratch / f"{slug}-{fmt.file}"
    for run in range(COLD_RUNS):
        cache.clear()
        gc.collect()
        started, cpu_started = time.perf_counter(), time.process_time()
        response = get(url)
        cold.append(time.perf_counter() - started)
        cold_cpu.append(time.process_time() - cpu_started)
        peaks.append(memory_mb()["hwm"])
        if run == 0:
            size = len(response.content)
            reference_file.write_bytes(response.content)
        elif len(response.content) != size:
            raise ExportsError(f"{url}: {len(response.content)} bytes, first build {size}")
        del response
    peak = memory_mb()["hwm"]

    cached = []
    for _ in range(CACHED_RUNS):
        started = time.perf_counter()
        get(url)
        cached.append(time.perf_counter() - started)

    cache.clear()
    gc.collect()
    tracemalloc.start()
    try:
        get(url)
        traced_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    read_s, read_runs = median_seconds(reference_file.read_bytes, READ_RUNS)
    body = reference_file.read_bytes()
    written = scratch / f"written-{fmt.file}"
    write_s, write_runs = median_seconds(lambda: written.write_bytes(body), WRITE_RUNS)
    events = fmt.count_events(body)
    if events != expect:
        raise ExportsError(f"{url}: {events} events, expected {expect}")

    best, median = min(cold), statistics.median(cold)
    ok_time = best < GOAL_SECONDS
    growth = peak - before["rss"] if before["rss"] is not None else peak
    # The memory an export costs is what building it adds to a worker that is already up
    # (Django and the URLconf loaded): that growth is held to the goal.
    ok_rss = growth < GOAL_RSS_MB
    return {
        "key": fmt.key,
        "name": fmt.name,
        "path": url,
        "size_bytes": size,
        "events": events,
        "cold": {
            "runs_s": cold,
            "cpu_runs_s": cold_cpu,
            "best_s": best,
            "median_s": median,
            "goal_s": GOAL_SECONDS,
            "ok": ok_time,
        },
        "cached": {
            "runs_ms": [t * 1000 for t in cached],
            "best_ms": min(cached) * 1000,
            "median_ms": statistics.median(cached) * 1000,
        },
        "memory": {
            "rule": "peak RSS (VmHWM) over the cold builds minus the RSS of the warmed worker",
            "rss_before_mb": before["rss"],
            "peak_rss_mb": peak,
            "peak_after_each_run_mb": peaks,
            "growth_mb": peak - before["rss"] if before["rss"] is not None else None,
            "peak_reset": peak_reset,
            "tracemalloc_peak_mb": traced_peak / MB,
            "goal_mb": GOAL_RSS_MB,
            "ok": ok_rss,
        },
        "reference": {
            "what": "read the same bytes from a file (OS page cache)",
            "read_s": read_s,
            "read_runs_s": read_runs,
            "write_s": write_s,
            "write_runs_s": write_runs,
        },
        "ratio_best": best / read_s if read_s > 0 else None,
        "ratio_median": median / read_s if read_s > 0 else None,
        "ok": ok_time and ok_rss,
    }


def run_format(fmt: Format, edition: GeneratedEdition, scratch: Path, timeout: float) -> dict:
    """`python -m bench.exports --measure` for one format, killed if it runs past timeout."""
    argv = [
        sys.executable, "-m", "bench.exports", "--measure", fmt.key,
        "--edition", edition.slug, "--expect", str(edition.sessions), "--scratch", str(scratch),
    ]  # fmt: skip
    try:
        done = subprocess.run(  # noqa: S603 -- fixed argv: this interpreter and bench.exports
            argv,
            cwd=Path(__file__).resolve().parent.parent,
            env=environment(dict(os.environ)),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ExportsError(f"measuring {fmt.name} ran past {timeout:.0f} s") from exc
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise ExportsError(f"measuring {fmt.name} failed:\n{done.stderr.strip()[-3000:]}")
    return json.loads(lines[-1])


def measure(config: ExportsConfig) -> dict:
    import django

    django.setup()
    from django.db import connection

    load_before = os.getloadavg()
    tag = f"{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}"
    say(f"exports: generating and publishing {config.sessions} sessions (not timed) ...")
    started = time.perf_counter()
    edition = generate(config.sessions, tag)
    setup_s = time.perf_counter() - started
    database = connection.vendor
    checkpoint()
    results = []
    with tempfile.TemporaryDirectory(prefix="convoca-bench-exports-") as scratch:
        for fmt in FORMATS:
            say(f"exports: {fmt.name}, {COLD_RUNS} cold builds in a fresh process ...")
            results.append(run_format(fmt, edition, Path(scratch), config.format_timeout_s))
    load_after = os.getloadavg()
    return {
        "config": asdict(config),
        "database": database,
        "edition": asdict(edition),
        "setup_s": round(setup_s, 3),
        "goal": {
            "sessions": GOAL_SESSIONS,
            "seconds": GOAL_SECONDS,
            "rss_mb": GOAL_RSS_MB,
            "at_goal_size": config.sessions == GOAL_SESSIONS,
            "seconds_judged_on": f"best of {COLD_RUNS} cold builds through the view",
            "rss_judged_on": (
                "growth of the peak RSS (VmHWM) over a warmed worker (Django set up, one 404 "
                f"answered) while it builds the export {COLD_RUNS} times; 1 MB = 10^6 bytes"
            ),
        },
        "cpu_count": os.cpu_count(),
        "loadavg_1m": {"before": load_before[0], "after": load_after[0]},
        "formats": results,
        "ok": all(r["ok"] for r in results),
    }


# --- Running it --------------------------------------------------------------------------------


def run_subprocess(env: dict[str, str], config: ExportsConfig, cwd) -> dict:
    """`python -m bench.exports` in its own process group with env (plus the overrides); the
    whole group (its per-format processes too) is killed if it runs past its time."""
    process = subprocess.Popen(  # fixed argv: this interpreter and bench.exports
        [sys.executable, "-m", "bench.exports"],
        cwd=cwd,
        env=environment(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=config.timeout_s)
    except subprocess.TimeoutExpired as exc:
        raise ExportsError(f"bench.exports ran past {config.timeout_s:.0f} s") from exc
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    lines = stdout.strip().splitlines()
    if process.returncode != 0 or not lines:
        raise ExportsError(f"bench.exports failed:\n{stderr.strip()[-3000:]}")
    return json.loads(lines[-1])


def interrupt(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so a format's process is killed on the way out."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--measure", choices=[f.key for f in FORMATS], help=argparse.SUPPRESS)
    parser.add_argument("--edition", help=argparse.SUPPRESS)
    parser.add_argument("--expect", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (os.environ.get("DATABASE_URL") or os.environ.get("SQLITE_PATH")):
        say(
            "bench.exports writes tens of thousands of rows: set SQLITE_PATH or DATABASE_URL "
            "to a throwaway, migrated database (bench.run does)"
        )
        return 2
    os.environ.update(OVERRIDES)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        if args.measure:
            fmt = next(f for f in FORMATS if f.key == args.measure)
            result = measure_format(fmt, args.edition, args.expect, args.scratch)
        else:
            result = measure(ExportsConfig.from_env())
    except ExportsError as exc:
        say(f"exports failed: {exc}")
        return 1
    except KeyboardInterrupt:
        say("exports interrupted")
        return 130
    print(json.dumps(result), flush=True)
    if not args.measure:
        say(report.format_exports(result))
    return 0  # goals missed or not: the JSON says so, and bench.run turns it into its exit status


if __name__ == "__main__":
    sys.exit(main())
