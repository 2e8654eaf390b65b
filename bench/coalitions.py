"""The public pledge registry with 10,000 pledges, served by granian, against static bytes.

`python -m bench.coalitions`, against a migrated throwaway database (DATABASE_URL or
SQLITE_PATH), answers the product goals of issue #10:

* every registry page and filter combination (and the per-country page, the world view and the
  API list) costs the same number of queries with 10,000 pledges as with 200: counted through
  Django's test Client with CaptureQueriesContext;
* each page weighs < 100 KB;
* its requests/s under granian (production flags, BENCH_WORKERS) is reported as a ratio to
  granian serving the very same bytes from its static route (bench.run's reference server
  and load generator, same connections, same run). Anonymous registry pages are served from
  the coalitions' page cache after their first request (convoca.coalitions.cache), as a
  visitor gets them; the API is not cached.

Setup, not timed: a coalition with the four focus areas, 2,000 member organizations of every
stakeholder type in 140 countries and BENCH_COALITION_PLEDGES (10,000) published pledges with
1–3 countries, 1–2 focus areas and 2 SDGs each, bulk-created; a second coalition with 200.
Prints one JSON line on stdout (measurements, goals, `ok`) and a table on stderr.
"""

import json
import os
import random
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench import servers
from bench.run import Config, Reference, measure
from bench.servers import BenchError
from bench.targets import Target

PLEDGES = int(os.environ.get("BENCH_COALITION_PLEDGES", "10000"))
ORGANIZATIONS = 2_000
SIZE_GOAL = 100_000
SLUG, SMALL = "bench-registry", "bench-registry-small"
# Enough that every filter below lists a full page here too: the same queries, 50× fewer rows.
SMALL_PLEDGES = 200
PATHS = {
    "registry page 1": "/en/coalitions/{slug}/pledges/",
    "registry page 20": "/en/coalitions/{slug}/pledges/?page=20",
    "filter: country": "/en/coalitions/{slug}/pledges/?country=KE",
    "filter: region + type": "/en/coalitions/{slug}/pledges/?region=AFR&kind=skills",
    "filter: area + SDG + status": (
        "/en/coalitions/{slug}/pledges/?focus_area=connect-people&sdg=4&status=in_progress"
    ),
    "filter: stakeholder + search": (
        "/en/coalitions/{slug}/pledges/?stakeholder_type=private_sector&q=fibre"
    ),
    "country page": "/en/coalitions/{slug}/countries/BR/",
    "world view": "/en/coalitions/{slug}/world/",
    "API pledges + filters": "/api/v1/coalitions/{slug}/pledges?region=ASP&kind=devices",
}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convoca.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    import django

    django.setup()


def populate(slug: str, count: int, seed: int = 10) -> None:
    """A coalition with `count` published pledges, made with bulk_create."""
    import datetime as dt
    from decimal import Decimal

    from django.db import transaction
    from django.utils import timezone

    from convoca.coalitions.models import (
        Coalition,
        Member,
        Pledge,
        PledgeCountry,
        PledgeKind,
    )
    from convoca.core.models import CountryRegion
    from convoca.stakeholders.models import Organization, StakeholderType
    from convoca.taxonomy.models import SDG, FocusArea

    rng = random.Random(seed)  # noqa: S311 - invented bench data, not secrets
    if Coalition.objects.filter(slug=slug).exists():
        return
    with transaction.atomic():
        coalition = Coalition.objects.create(
            name=f"Bench {slug}", slug=slug, contact_email="bench@bench.invalid"
        )
        areas = list(FocusArea.objects.all())
        coalition.focus_areas.set(areas)
        sdgs = list(SDG.objects.all())
        codes = sorted(CountryRegion.objects.values_list("country", flat=True))
        countries = rng.sample(codes, min(140, len(codes)))
        if "KE" not in countries:
            countries[0] = "KE"
        types = StakeholderType.values
        organizations = Organization.objects.bulk_create(
            Organization(
                slug=f"{slug}-{n}",
                name=f"{rng.choice(['Fibre', 'Skills', 'Sky', 'Delta'])} {slug} {n}",
                country=countries[n % len(countries)],
                stakeholder_type=types[n % len(types)],
            )
            for n in range(min(ORGANIZATIONS, count))
        )
        Member.objects.bulk_create(
            Member(coalition=coalition, organization=o, joined_on=dt.date(2022, 1, 1))
            for o in organizations
        )
        kinds, now = PledgeKind.values, timezone.now()
        pledges = Pledge.objects.bulk_create(
            [
                Pledge(
                    coalition=coalition,
                    organization=organizations[n % len(organizations)],
                    kind=kinds[n % len(kinds)],
                    title=f"Pledge {n} for fibre and skills",
                    description="Bench pledge.",
                    amount=Decimal(rng.randint(1, 10**9)) / 100,
                    currency="USD",
                    usd_amount=Decimal(rng.randint(1, 10**9)) / 100,
                    pledged_on=dt.date(2022, 6, 8),
                    starts_on=dt.date(2022, 7, 1),
                    ends_on=dt.date(2026, 6, 30),
                    state=rng.choice(["published", "in_progress", "fulfilled", "lapsed"]),
                    published_at=now,
                    progress=Decimal(rng.randint(0, 100)) / 100,
                )
                for n in range(count)
            ],
            batch_size=1000,
        )
        PledgeCountry.objects.bulk_create(
            [
                PledgeCountry(pledge=p, country=c)
                for p in pledges
                for c in rng.sample(countries, rng.randint(1, 3))
            ],
            batch_size=5000,
        )
        through = Pledge.focus_areas.through
        through.objects.bulk_create(
            [
                through(pledge=p, focusarea=a)
                for p in pledges
                for a in rng.sample(areas, rng.randint(1, 2))
            ],
            batch_size=5000,
        )
        goals = Pledge.sdgs.through
        goals.objects.bulk_create(
            [goals(pledge=p, sdg=s) for p in pledges for s in rng.sample(sdgs, 2)],
            batch_size=5000,
        )


def count_queries() -> dict[str, dict]:
    """Queries and bytes of each page, for the big coalition and for the small one."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    found = {}
    # In process, static URLs need no manifest (granian's run below uses the collected one).
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}):
        for name, pattern in PATHS.items():
            found[name] = _page_counts(client, name, pattern, connection, CaptureQueriesContext)
    return found


def _page_counts(client, name, pattern, connection, capture) -> dict:
    from convoca.coalitions.cache import bump

    row = {}
    for label, slug in (("big", SLUG), ("small", SMALL)):
        bump()  # count what rendering the page costs, not a page cached by an earlier run
        with capture(connection) as queries:
            response = client.get(pattern.format(slug=slug))
        if response.status_code != 200:
            raise BenchError(f"{name} answered {response.status_code} for {slug}")
        row[f"queries_{label}"] = len(queries)
        row[f"bytes_{label}"] = len(response.content)
    return row


def serve_and_measure(config: Config) -> list[dict]:
    """The pages under granian, each against its own bytes served statically."""
    results = []
    with tempfile.TemporaryDirectory(prefix="convoca-bench-coalitions-") as tmp:
        tmp_path = Path(tmp)
        reference_dir = tmp_path / "reference"
        reference_dir.mkdir()
        env = servers.app_environment(tmp_path / "var", tmp_path / "static")
        for key in ("DATABASE_URL", "SQLITE_PATH", "CONVOCA_VAR_DIR"):
            if os.environ.get(key):
                env[key] = os.environ[key]
        (tmp_path / "var").mkdir(exist_ok=True)
        say("collecting static files ...")
        servers.manage(["collectstatic", "--noinput"], env)
        with ExitStack() as stack:
            app = stack.enter_context(servers.app_server(env, tmp_path / "app.log", config.workers))
            app.wait_ready(PATHS["registry page 1"].format(slug=SLUG), config.startup_timeout)
            references = []
            for index, (name, pattern) in enumerate(PATHS.items()):
                target = Target(name=f"coalitions {name}", path=pattern.format(slug=SLUG))
                status, content_type, body = servers.fetch(app.port, target.path, timeout=30)
                if status != 200:
                    raise BenchError(f"{name}: GET {target.path} answered {status}")
                file_name = f"{index:02d}-{target.slug}.bin"
                (reference_dir / file_name).write_bytes(body)
                references.append(Reference(target, content_type, len(body), f"/ref/{file_name}"))
            ref = stack.enter_context(
                servers.reference_server(reference_dir, env, tmp_path / "ref.log", config.workers)
            )
            ref.wait_ready(references[0].path, config.startup_timeout)
            for reference in references:
                results.append(measure(reference, app.port, ref.port, config))
    return results


def table(pages: dict[str, dict], loads: list[dict]) -> str:
    by_name = {r["name"].removeprefix("coalitions "): r for r in loads}
    lines = [
        f"{'page':32} {'queries 10k/200':>15} {'KB':>7} {'app rps':>9} "
        f"{'static rps':>11} {'ratio':>7}",
    ]
    for name, row in pages.items():
        load = by_name.get(name)
        lines.append(
            f"{name:32} {row['queries_big']:>6}/{row['queries_small']:<6} "
            f"{row['bytes_big'] / 1000:>7.1f} "
            f"{load['app']['rps'] if load else 0:>9.1f} "
            f"{load['reference']['rps'] if load else 0:>11.1f} "
            f"{(load['ratio'] or 0) if load else 0:>6.3f}×"
        )
    return "\n".join(lines)


def main() -> int:
    _django()
    try:
        config = Config.from_env()
        say(f"populating {PLEDGES} pledges ...")
        populate(SLUG, PLEDGES)
        populate(SMALL, SMALL_PLEDGES, seed=11)
        pages = count_queries()
        loads = serve_and_measure(config)
    except BenchError as exc:
        say(f"coalitions benchmark failed: {exc}")
        print(json.dumps({"ok": False, "error": str(exc)}))
        return 1
    fixed = all(row["queries_big"] == row["queries_small"] for row in pages.values())
    small = all(row["bytes_big"] < SIZE_GOAL for row in pages.values())
    result = {
        "pledges": PLEDGES,
        "pages": pages,
        "load": [
            {
                "name": r["name"],
                "path": r["path"],
                "size_bytes": r["size_bytes"],
                "app_rps": r["app"]["rps"],
                "reference_rps": r["reference"]["rps"],
                "ratio": r["ratio"],
                "app_p95_ms": r["app"]["p95_ms"],
            }
            for r in loads
        ],
        "goals": {"fixed_queries": True, "page_bytes_below": SIZE_GOAL},
        "fixed_queries": fixed,
        "pages_small": small,
        "ok": fixed and small,
    }
    say(table(pages, loads))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
