"""The two servers under load: convoca as production runs it, and the static reference.

Both are granian with the same interface, worker count and flags, bound to 127.0.0.1 on a free
port, so the only difference between them is what answers a request: Django building the
response, or granian's static file route sending the same bytes from disk. Each server runs in
its own process group, which is stopped as a whole (SIGTERM, then SIGKILL) whatever happens.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent
GRANIAN = BIN_DIR / "granian"
HOST = "127.0.0.1"
SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdefghijklmnop"
REFERENCE_ROUTE = "/ref"
MANAGE_TIMEOUT_S = 300
STOP_TIMEOUT_S = 10.0
POLL_INTERVAL_S = 0.2


class BenchError(RuntimeError):
    """A step of the benchmark failed; the message says which and why."""


def app_environment(var_dir: Path, static_root: Path) -> dict[str, str]:
    """The environment of a throwaway deployment: its own database, files and static root."""
    env = dict(os.environ)
    env.update(
        CONVOCA_VAR_DIR=str(var_dir),
        STATIC_ROOT=str(static_root),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECRET_KEY=SECRET_KEY,
        DJANGO_SETTINGS_MODULE="convoca.settings",
    )
    if not env.get("DATABASE_URL"):
        env["SQLITE_PATH"] = str(var_dir / "bench.sqlite3")
    env.pop("CONVOCA_TESTING", None)
    return env


def prepare_app(env: dict[str, str]) -> None:
    """Migrate, load the demo edition and collect static files, as `make demo` does."""
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        manage(command, env)


def manage(args: list[str], env: dict[str, str]) -> None:
    """Run one manage.py command; on failure raise with its output."""
    argv = [sys.executable, str(PROJECT_ROOT / "manage.py"), *args, "-v0"]
    try:
        done = subprocess.run(  # noqa: S603 -- fixed argv: this interpreter and manage.py
            argv,
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=MANAGE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"manage.py {args[0]} took more than {MANAGE_TIMEOUT_S} s") from exc
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()[-3000:]
        raise BenchError(f"manage.py {' '.join(args)} failed ({done.returncode}):\n{output}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, timeout: float = 10.0) -> tuple[int, str, bytes]:
    """GET path once, as the load generator does: status, content type and body."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


class GranianServer:
    """A granian process group serving one WSGI app; use it as a context manager."""

    def __init__(self, name: str, app: str, env: dict[str, str], log_path: Path, workers: int):
        self.name = name
        self.app = app
        self.env = env
        self.log_path = log_path
        self.workers = workers
        self.extra_args: list[str] = []
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def argv(self) -> list[str]:
        """The command line: the production flags of the Makefile, on 127.0.0.1."""
        return [
            str(GRANIAN),
            "--interface", "wsgi",
            "--host", HOST,
            "--port", str(self.port),
            "--workers", str(self.workers),
            "--no-ws",
            "--log-level", "warning",
            *self.extra_args,
            self.app,
        ]  # fmt: skip

    def start(self) -> None:
        if not GRANIAN.exists():
            raise BenchError(f"granian not found at {GRANIAN}")
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 -- fixed argv: granian next to python
                self.argv(),
                cwd=PROJECT_ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped as a whole
            )

    def wait_ready(self, path: str, timeout: float) -> None:
        """Poll path until it answers 200; raise with granian's log if it never does."""
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise BenchError(f"{self.name} server exited early.\n{self.log_tail()}")
            try:
                status, _, body = fetch(self.port, path, timeout=2.0)
            except OSError as exc:
                last = f"{type(exc).__name__}: {exc}"
            else:
                if status == 200:
                    return
                last = f"HTTP {status}: {body[:200]!r}"
            time.sleep(POLL_INTERVAL_S)
        raise BenchError(
            f"{self.name} server did not answer 200 on {path} within {timeout:.0f} s "
            f"(last: {last}).\n{self.log_tail()}"
        )

    def stop(self) -> None:
        """SIGTERM the process group, SIGKILL it if it lingers, reap the main process."""
        if self.process is None:
            return
        group = self.process.pid  # start_new_session: the group id is the leader's pid
        if not self._signal_group(group, signal.SIGTERM) or not self._wait_group_gone(group):
            self._signal_group(group, signal.SIGKILL)
            self._wait_group_gone(group)
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def _signal_group(self, group: int, sig: signal.Signals) -> bool:
        """Send sig to the group; False when the group is already gone."""
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return False
        return True

    def _wait_group_gone(self, group: int) -> bool:
        """Wait until no process of the group is left; True if it went in time."""
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process is not None:
                self.process.poll()  # reap the leader, or it lingers as a zombie in the group
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return True
            time.sleep(0.05)
        return False

    def log_tail(self, chars: int = 3000) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no granian log)"
        return "granian log:\n" + (text[-chars:].strip() or "(empty)")

    def __enter__(self) -> "GranianServer":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def app_server(env: dict[str, str], log_path: Path, workers: int) -> GranianServer:
    """convoca exactly as `make demo` serves it."""
    return GranianServer("app", "convoca.wsgi:application", env, log_path, workers)


def reference_server(
    reference_dir: Path, env: dict[str, str], log_path: Path, workers: int
) -> GranianServer:
    """granian serving reference_dir under /ref from its static route; the app is a 404 stub."""
    server = GranianServer("reference", "bench.refapp:application", env, log_path, workers)
    server.extra_args = [
        "--static-path-route", REFERENCE_ROUTE,
        "--static-path-mount", str(reference_dir),
    ]  # fmt: skip
    return server
