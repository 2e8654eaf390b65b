"""Presenting the measurements: tables for the terminal and the full record as JSON.

The headline is the ratio app rps / reference rps: both sides were measured in the same run,
on the same machine, with the same load generator and the same granian settings, so the ratio
says how much of the server's delivery capacity Django's work leaves, independent of the box.
The mail-out table gives each measurement's time as a multiple of a bare INSERT of the same
rows into the same database in the same run (`bench.mailout`), next to its absolute goal.
"""

import json
from datetime import UTC, datetime
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"

COLUMNS = (
    "target",
    "app rps",
    "ref rps",
    "app/ref",
    "app p50/p95 ms",
    "ref p50/p95 ms",
    "errors app/ref",
    "goal",
)


def failures(load: dict) -> int:
    """Responses that were not 2xx plus requests that got no response at all."""
    return load["non_2xx"] + load["errors"]


def ratio(app: dict, reference: dict) -> float | None:
    return app["rps"] / reference["rps"] if reference["rps"] else None


def table_row(result: dict) -> tuple[str, ...]:
    app, ref = result["app"], result["reference"]
    share = result["ratio"]
    return (
        result["name"],
        f"{app['rps']:.1f}",
        f"{ref['rps']:.1f}",
        f"{share:.2f}×" if share is not None else "n/a",
        f"{app['p50_ms']:.1f} / {app['p95_ms']:.1f}",
        f"{ref['p50_ms']:.1f} / {ref['p95_ms']:.1f}",
        f"{failures(app)} / {failures(ref)}",
        goal_cell(result),
    )


def goal_cell(result: dict) -> str:
    goal = result.get("goal")
    if goal is None:
        return ""
    met = result["ratio"] is not None and result["ratio"] >= goal
    return f"≥{goal:.2f}× {'ok' if met else 'MISSED'}"


def goals_met(results: list[dict]) -> bool:
    return all(goal_cell(r).endswith("ok") for r in results if r.get("goal") is not None)


def format_table(results: list[dict]) -> str:
    """The HTTP table: one row per target."""
    return aligned([COLUMNS, *(table_row(r) for r in results)])


def aligned(rows: list[tuple[str, ...]]) -> str:
    """A plain-text table: names left-aligned, numbers right-aligned; rows[0] is the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return "  ".join(cells)

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])


MAILOUT_COLUMNS = ("mail-out", "value", "goal", "/bare INSERT", "ok")


def _times(share: float | None) -> str:
    return f"{share:.1f}×" if share is not None else "n/a"


def mailout_ok(mailout: dict) -> bool:
    return mailout["resolve_queue"]["ok"] and mailout["send"]["ok"]


def format_mailout(mailout: dict) -> str:
    """The mail-out table (bench.mailout's record), then notes on the reference and the box."""
    resolve, send, bare = mailout["resolve_queue"], mailout["send"], mailout["bare_insert"]
    load = mailout["loadavg_1m"]
    n = mailout["deliveries"]
    rows = [
        MAILOUT_COLUMNS,
        (
            f"resolve + queue {n}",
            f"{resolve['seconds']:.2f} s",
            f"< {resolve['goal_s']:.3g} s",
            _times(resolve["ratio"]),
            "ok" if resolve["ok"] else "NOT OK",
        ),
        (
            f"send {n} (locmem)",
            f"{send['per_second']:.0f} /s",
            f"≥ {send['goal_per_second']:.0f} /s",
            _times(send["ratio"]),
            "ok" if send["ok"] else "NOT OK",
        ),
    ]
    notes = [
        f"bare INSERT of the same {bare['rows']} rows ({bare['columns']} columns, "
        f"{mailout['database']}): {bare['seconds'] * 1000:.1f} ms, median of {len(bare['runs'])}",
        f"CPU time of the process: resolve + queue {resolve['cpu_seconds']:.2f} s, send "
        f"{send['cpu_seconds']:.1f} s ({send['per_cpu_second'] or 0:.0f} deliveries per CPU "
        f"second); 1-min load average {load['before']:.1f} → {load['after']:.1f} "
        f"on {mailout['cpu_count']} CPUs",
    ]
    if not send["complete"]:
        notes.append(
            f"send stopped at its time budget with {send['sent']} of {n} sent; "
            "the rate is over those"
        )
    if mailout.get("profiled"):
        notes.append("timed under cProfile: slower than without")
    return "\n".join([aligned(rows), *notes])


def write_json(record: dict, directory: Path = RESULTS_DIR) -> Path:
    """Write the run's record to results/<UTC timestamp>.json and return the path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = directory / f"{stamp}.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return path


EXPORTS_COLUMNS = (
    "exports",
    "cold best / median",
    "goal",
    "cached",
    "peak RSS",
    "goal",
    "/reference best / median",
    "ok",
)


def _growth(memory: dict) -> str:
    growth = memory["growth_mb"]
    return f" (+{growth:.0f})" if growth is not None else ""


def _export_verdict(result: dict) -> str:
    missed = [
        name
        for name, ok in (("time", result["cold"]["ok"]), ("RSS", result["memory"]["ok"]))
        if not ok
    ]
    return f"NOT OK ({', '.join(missed)})" if missed else "ok"


def exports_ok(exports: dict) -> bool:
    return exports["ok"]


def format_exports(exports: dict) -> str:
    """The exports table (bench.exports's record), then how it was measured and on what box."""
    rows = [EXPORTS_COLUMNS]
    for result in exports["formats"]:
        cold, memory = result["cold"], result["memory"]
        rows.append(
            (
                result["name"],
                f"{cold['best_s']:.3f} / {cold['median_s']:.3f} s",
                f"< {cold['goal_s']:g} s",
                f"{result['cached']['median_ms']:.1f} ms",
                f"{memory['peak_rss_mb']:.0f} MB" + _growth(memory),
                f"< {memory['goal_mb']:g} MB",
                f"{_times(result['ratio_best'])} / {_times(result['ratio_median'])}",
                _export_verdict(result),
            )
        )
    edition, goal, load = exports["edition"], exports["goal"], exports["loadavg_1m"]
    first = ", ".join(
        f"{r['name']} {r['memory']['peak_after_each_run_mb'][0]:.0f} MB" for r in exports["formats"]
    )
    before = ", ".join(
        f"{r['name']} {r['memory']['rss_before_mb']:.0f} MB"
        for r in exports["formats"]
        if r["memory"]["rss_before_mb"] is not None
    )
    traced = ", ".join(
        f"{r['name']} {r['memory']['tracemalloc_peak_mb']:.0f} MB" for r in exports["formats"]
    )
    reference = ", ".join(
        f"{r['name']} {r['size_bytes'] / 1e6:.1f} MB in {r['reference']['read_s'] * 1000:.2f} ms"
        f" (write {r['reference']['write_s'] * 1000:.1f} ms)"
        for r in exports["formats"]
    )
    cpu = ", ".join(f"{r['name']} {min(r['cold']['cpu_runs_s']):.3f} s" for r in exports["formats"])
    notes = [
        f"edition: {edition['sessions']} public scheduled sessions over {edition['days']} days, "
        f"{edition['speakers']} speakers, {edition['rooms']} rooms, published as "
        f"v{edition['version']} ({exports['database']}; generated in {exports['setup_s']:.1f} s)",
        "cold: cache.clear() then GET through the view with the test Client, "
        f"{goal['seconds_judged_on']}; cached: median of the answers from the cache",
        f"peak RSS, judged: {goal['rss_judged_on']}",
        f"RSS before the first build (the (+n) is the growth over it): {before}; "
        f"peak after the first build only: {first}",
        f"tracemalloc peak of one cold build (Python allocations): {traced}",
        f"reference, reading the same bytes from a file (page cache), median: {reference}",
        f"CPU time of the fastest cold build: {cpu}; 1-min load average "
        f"{load['before']:.1f} → {load['after']:.1f} on {exports['cpu_count']} CPUs",
    ]
    if not goal["at_goal_size"]:
        notes.append(
            f"the goals are stated for {goal['sessions']} sessions; this run has "
            f"{edition['sessions']} (BENCH_EXPORT_SESSIONS), judged against them as they are"
        )
    return "\n".join([aligned(rows), *notes])
