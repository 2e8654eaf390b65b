"""Load generator: C keep-alive HTTP/1.1 connections hammer one URL for S seconds.

Run as its own process (`python -m bench.load --url URL --seconds S --connections C`) so it never
shares an interpreter or a GIL with the runner. Every connection is a thread with its own
`http.client` connection that sends the next GET as soon as the previous response is read. The
same generator with the same settings measures the app and the reference, so whatever it costs
weighs on both sides of the ratio alike. It prints one JSON line: requests, non-2xx, errors,
requests per second and latency percentiles in milliseconds. Requests, rps and latencies cover
the measured window only; non-2xx answers and errors are counted over the warm-up as well, so
a target that fails at all is reported.
"""

import argparse
import http.client
import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

SOCKET_TIMEOUT_S = 10.0
RETRY_PAUSE_S = 0.01


@dataclass
class Tally:
    """What one connection saw: latencies in the measured window, failures over the whole run."""

    latencies: list[float] = field(default_factory=list)
    non_2xx: int = 0
    errors: int = 0
    bytes_read: int = 0


@dataclass(frozen=True)
class Window:
    """The clock: requests that begin in [measure_from, end) are measured; none begin after."""

    measure_from: float
    end: float


class Worker(threading.Thread):
    """One keep-alive connection sending GETs back to back until the window closes."""

    def __init__(self, host: str, port: int, path: str, window: Window):
        super().__init__(daemon=True)
        self.host, self.port, self.path = host, port, path
        self.window = window
        self.tally = Tally()

    def run(self) -> None:
        conn = self._connect()
        while time.perf_counter() < self.window.end:
            conn = self._one_request(conn)
        conn.close()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=SOCKET_TIMEOUT_S)

    def _one_request(self, conn: http.client.HTTPConnection) -> http.client.HTTPConnection:
        """Send one GET; on failure count it and return a fresh connection."""
        began = time.perf_counter()
        try:
            conn.request("GET", self.path)
            response = conn.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            self.tally.errors += 1
            time.sleep(RETRY_PAUSE_S)
            return self._connect()
        if not 200 <= response.status < 300:
            self.tally.non_2xx += 1
        if began >= self.window.measure_from:
            self.tally.latencies.append(time.perf_counter() - began)
            self.tally.bytes_read += len(body)
        return conn


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list (0.0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def summarize(tallies: list[Tally], seconds: float, connections: int) -> dict:
    """Merge the connections' tallies into the one result line."""
    latencies = sorted(x for t in tallies for x in t.latencies)
    requests = len(latencies)
    return {
        "requests": requests,
        "non_2xx": sum(t.non_2xx for t in tallies),
        "errors": sum(t.errors for t in tallies),
        "rps": round(requests / seconds, 1) if seconds > 0 else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "bytes": sum(t.bytes_read for t in tallies),
        "seconds": round(seconds, 3),
        "connections": connections,
    }


def run_load(url: str, seconds: float, connections: int, warmup: float) -> dict:
    """Warm up for `warmup` seconds, then measure for `seconds`, on the same connections."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    measure_from = time.perf_counter() + warmup
    window = Window(measure_from=measure_from, end=measure_from + seconds)
    workers = [
        Worker(parts.hostname or "127.0.0.1", parts.port or 80, path, window)
        for _ in range(connections)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        # A request in flight at the deadline gets its socket timeout to finish, no more.
        worker.join(timeout=max(0.0, window.end - time.perf_counter()) + SOCKET_TIMEOUT_S + 1)
    return summarize([w.tally for w in workers], seconds, connections)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="http://127.0.0.1:PORT/path?query")
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "8"))
    )
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "8"))
    )
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds before measuring")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.connections < 1 or args.warmup < 0:
        parser.error("--seconds must be > 0, --connections >= 1, --warmup >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        result = run_load(args.url, args.seconds, args.connections, args.warmup)
    except KeyboardInterrupt:
        return 130
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
