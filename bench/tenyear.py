#!/usr/bin/env python3
"""Build the ten-year database the benchmarks share.

About 20,000 log entries over ten years of study days, 200 milestones, 50 certificates, 50
side activities with payments, written through studytui's own db layer (`open_database`,
`apply_template`, `writing`) in a few transactions. Deterministic: a fixed random seed and a
fixed "today" (pin the app's clock to TODAY_ISO with STUDYTUI_NOW when you open it), so every
run measures the same data. Today always holds exactly TODAY_MINUTES, so a benchmark knows
what the dashboard must show ("1h 37m").

Run: bench/tenyear.py PATH     (or import it: `build(path)`, `cached(dir)`)
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

TODAY_ISO = "2026-03-11T20:30:00"  # a Wednesday evening, as in the test suite
TODAY = date(2026, 3, 11)
TODAY_MINUTES = 97  # shown as "1h 37m"
YEARS = 10
MILESTONES = 200
CERTIFICATES = 50
ACTIVITIES = 50
SEED = 20260311
VERSION = 1  # bump when the data changes, so cached copies are rebuilt


def build(path: Path) -> dict[str, int]:
    """Write a fresh ten-year database at `path` (replacing it); returns what it holds."""
    from sqlalchemy import func, insert, select

    from studytui.builtin_content import load_template
    from studytui.db.engine import reading, writing
    from studytui.db.models import (
        Area,
        Certificate,
        LogEntry,
        Milestone,
        Payment,
        SideActivity,
        new_id,
    )
    from studytui.db.schema import open_database
    from studytui.db.seed import apply_template
    from studytui.db.setting_rows import put_raw

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(SEED)
    db = open_database(path)
    try:
        with writing(db) as session:
            apply_template(session, load_template("software"))
            put_raw(session, "daily_goal", "1h")
            put_raw(session, "weekly_goal", "6h")
        with writing(db) as session:
            areas = [a.id for a in session.exec(select(Area).order_by(Area.position)).scalars()]
            existing = session.exec(select(func.count()).select_from(Milestone)).scalar_one()
            start_pos = existing + 1
            extra = [
                {
                    "id": new_id(),
                    "area_id": areas[i % len(areas)],
                    "title": f"Extra milestone {i + 1}: {rng.choice(TOPICS)}",
                    "why": "Generated for the benchmarks.",
                    "status": rng.choice(("todo", "todo", "in_progress", "done", "done")),
                    "estimate_hours": rng.randint(4, 60),
                    "position": start_pos + i,
                }
                for i in range(max(0, MILESTONES - existing))
            ]
            if extra:
                session.execute(insert(Milestone), extra)
            milestones = [m for (m,) in session.execute(select(Milestone.id))]

            certs = [
                {
                    "id": new_id(),
                    "name": f"Certificate {i + 1:02d} {rng.choice(TOPICS)}",
                    "provider": rng.choice(
                        ("AWS", "Google", "Microsoft", "Databricks", "Coursera")
                    ),
                    "track": rng.choice(("cloud", "data_engineering", "ml", "other")),
                    "status": rng.choice(
                        ("planned", "preparing", "exam_booked", "passed", "failed")
                    ),
                    "cost_cents": rng.randint(0, 40000),
                    "created_at": datetime(2016, 3, 1, tzinfo=UTC) + timedelta(days=70 * i),
                }
                for i in range(CERTIFICATES)
            ]
            session.execute(insert(Certificate), certs)
            activities = [
                {
                    "id": new_id(),
                    "kind": rng.choice(("teaching", "writing", "talk", "competition", "freelance")),
                    "title": f"Side activity {i + 1:02d} {rng.choice(TOPICS)}",
                    "status": rng.choice(("idea", "planned", "active", "done", "dropped")),
                    "start_date": TODAY - timedelta(days=70 * (ACTIVITIES - i)),
                    "created_at": datetime(2016, 3, 1, tzinfo=UTC) + timedelta(days=70 * i),
                }
                for i in range(ACTIVITIES)
            ]
            session.execute(insert(SideActivity), activities)
            payments = [
                {
                    "id": new_id(),
                    "activity_id": activity["id"],
                    "amount_cents": rng.randint(5000, 250000),
                    "currency": "USD",
                    "received_on": activity["start_date"] + timedelta(days=rng.randint(1, 60)),
                }
                for activity in activities
                for _ in range(rng.randint(0, 5))
            ]
            if payments:
                session.execute(insert(Payment), payments)

        entries = _entries(rng, areas, milestones, [c["id"] for c in certs], activities)
        with writing(db) as session:
            session.execute(insert(LogEntry), entries)
        with reading(db) as session:
            count = session.exec(select(func.count()).select_from(LogEntry)).scalar_one()
    finally:
        db.dispose()
    return {
        "entries": count,
        "milestones": len(milestones),
        "certificates": len(certs),
        "activities": len(activities),
        "payments": len(payments),
    }


def _entries(
    rng: random.Random,
    areas: list[str],
    milestones: list[str],
    certs: list[str],
    activities: list[dict[str, object]],
) -> list[dict[str, object]]:
    first = TODAY - timedelta(days=365 * YEARS)
    rows: list[dict[str, object]] = []
    day = first
    while day < TODAY:
        # Most days studied, in 1-12 sessions: about 20,000 entries over ten years.
        if rng.random() < 0.93:
            for n in range(rng.choice((1, 2, 3, 4, 5, 6, 7, 8, 10, 12))):
                rows.append(_entry(rng, day, n, rng.randint(10, 45), areas, milestones, certs))
        day += timedelta(days=1)
    for n, minutes in enumerate((45, 30, TODAY_MINUTES - 75)):
        rows.append(_entry(rng, TODAY, n, minutes, areas, milestones, certs))
    activity_ids = [str(a["id"]) for a in activities]
    for row in rows[::40]:
        row["activity_id"] = rng.choice(activity_ids)
    return rows


def _entry(
    rng: random.Random,
    day: date,
    n: int,
    minutes: int,
    areas: list[str],
    milestones: list[str],
    certs: list[str],
) -> dict[str, object]:
    from studytui.db.models import new_id

    roll = rng.random()
    return {
        "id": new_id(),
        "day": day,
        "minutes": minutes,
        "area_id": rng.choice(areas),
        "milestone_id": rng.choice(milestones) if roll < 0.5 else None,
        "certificate_id": rng.choice(certs) if 0.5 <= roll < 0.6 else None,
        "note": rng.choice(NOTES),
        "created_at": datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=8 + n),
    }


def cached(directory: Path) -> Path:
    """The ten-year database under `directory`, built once and reused (do not write to it:
    copy it with `copy_of` first)."""
    path = directory / f"tenyear-v{VERSION}.db"
    if not path.exists():
        partial = directory / f"tenyear-v{VERSION}.partial.db"
        directory.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        counts = build(partial)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.replace(path)
        print(
            f"built {path.name} in {time.perf_counter() - started:.1f}s: "
            + ", ".join(f"{v} {k}" for k, v in counts.items()),
            file=sys.stderr,
        )
    return path


def copy_of(source: Path, dest: Path) -> Path:
    """A private copy of a benchmark database, safe to write to."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return dest


def default_cache_dir() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / "studytui-bench"


TOPICS = (
    "linear algebra",
    "probability",
    "PyTorch",
    "feature stores",
    "Kubernetes",
    "SQL window functions",
    "transformers",
    "model serving",
    "Spark",
    "experiment tracking",
)
NOTES = (
    "",
    "",
    "Worked through the exercises.",
    "Read the chapter and took notes on the key ideas.",
    "Debugged the training loop; the learning rate was too high.",
    "Watched the lecture, redid the derivations by hand.",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="database file to write (replaced)")
    args = parser.parse_args()
    started = time.perf_counter()
    counts = build(args.path)
    print(
        f"{args.path}: "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
        + f" in {time.perf_counter() - started:.1f}s (today is {TODAY.isoformat()})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
