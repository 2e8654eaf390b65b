"""Presenting the measurements: a table for the terminal and the full record as JSON.

The headline is the ratio app rps / reference rps: both sides were measured in the same run,
on the same machine, with the same load generator and the same granian settings, so the ratio
says how much of the server's delivery capacity Django's work leaves, independent of the box.
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
    )


def format_table(results: list[dict]) -> str:
    """A plain-text table: names left-aligned, numbers right-aligned."""
    rows = [COLUMNS, *(table_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return "  ".join(cells)

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])


def write_json(record: dict, directory: Path = RESULTS_DIR) -> Path:
    """Write the run's record to results/<UTC timestamp>.json and return the path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = directory / f"{stamp}.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return path
