"""Importing is held to the rules of typing: unknown statuses are refused, a roadmap shared by
two databases is not doubled, a short area key is never taken twice, the user's settings are
never changed, and a failure while writing leaves the database as it was. The real `import`
command runs in a subprocess against real files."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import run_cli
from tests.safety.conftest import fill_everything, log_some

from studytui.actions.data import export_text
from studytui.builtin_content import load_template
from studytui.clock import now_utc
from studytui.db.engine import Database, writing
from studytui.db.schema import open_database
from studytui.db.seed import apply_template


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _other_database(tmp_path: Path, fill: Callable[[Database], None] = log_some) -> dict:
    """An export of another database seeded from the same roadmap, with its own ids."""
    other = open_database(tmp_path / "other.db")
    with writing(other) as session:
        apply_template(session, load_template("software"))
    fill(other)
    doc = json.loads(export_text(other, as_csv=False, now=now_utc()))
    other.dispose()
    return doc


def _import(doc: dict[str, Any], tmp_path: Path, *db: str):
    source = tmp_path / "import.json"
    source.write_text(json.dumps(doc))
    return run_cli(*db, "import", str(source))


@pytest.fixture
def closed_db(db: Database, db_path: Path) -> Path:
    log_some(db, 2)
    db.dispose()
    return db_path


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("milestones", "status", "blocked"),
        ("certificates", "status", "pending"),
        ("certificates", "track", "cooking"),
        ("activities", "status", "paused"),
        ("activities", "kind", "gardening"),
        ("activities", "link", "javascript:alert(1)"),
        ("payments", "currency", "dollars"),
    ],
)
def test_values_the_screens_cannot_show_are_refused(
    kind: str, field: str, value: str, closed_db: Path, tmp_path: Path
) -> None:
    doc = _other_database(tmp_path, fill_everything)
    doc[kind][0][field] = value
    before = _dump(closed_db)
    result = _import(doc, tmp_path)
    assert result.returncode == 2
    assert f"{kind}[0]" in result.stderr and f"field {field}" in result.stderr
    assert "nothing was imported" in result.stderr
    assert _dump(closed_db) == before
    assert run_cli("activities").returncode == 0 and run_cli("certs").returncode == 0


def test_an_activity_that_ends_before_it_starts_is_refused(closed_db: Path, tmp_path: Path) -> None:
    doc = _other_database(tmp_path, fill_everything)
    doc["activities"][0].update(start_date="2026-03-05", end_date="2026-03-01")
    result = _import(doc, tmp_path)
    assert result.returncode == 2
    assert "end date 2026-03-01 is before the start date 2026-03-05" in result.stderr


def test_the_same_roadmap_from_another_database_adds_no_second_links(
    closed_db: Path, tmp_path: Path
) -> None:
    counts = "SELECT (SELECT count(*) FROM milestone), (SELECT count(*) FROM milestone_resource),"
    counts += " (SELECT count(*) FROM milestone_prerequisite), (SELECT count(*) FROM area)"
    before = _query(closed_db, counts)
    assert before[0][1] > 0 and before[0][2] > 0  # the roadmap has links and prerequisites
    entries = len(_query(closed_db, "SELECT id FROM log_entry"))

    result = _import(_other_database(tmp_path), tmp_path)
    assert result.returncode == 0, result.stderr
    assert _query(closed_db, counts) == before
    assert len(_query(closed_db, "SELECT id FROM log_entry")) == entries + 3
    again = _import(_other_database(tmp_path), tmp_path)  # a third database, once more
    assert again.returncode == 0 and _query(closed_db, counts) == before


def test_an_imported_area_never_takes_a_short_key_already_in_use(
    closed_db: Path, tmp_path: Path
) -> None:
    doc = _other_database(tmp_path)
    ml = next(a for a in doc["areas"] if a["key"] == "ml")
    ml["name"] = "ML research (from the old laptop)"  # same key, another area here
    result = _import(doc, tmp_path)
    assert result.returncode == 0, result.stderr
    assert _query(closed_db, "SELECT count(*) FROM area WHERE key = 'ml'") == [(1,)]
    assert _query(
        closed_db, "SELECT key FROM area WHERE name = 'ML research (from the old laptop)'"
    ) == [(None,)]

    logged = run_cli("log", "10m", "--area", "ml", "--note", "routed")
    assert logged.returncode == 0, logged.stderr
    assert _query(
        closed_db,
        "SELECT area.name FROM log_entry JOIN area ON area.id = log_entry.area_id"
        " WHERE note = 'routed'",
    ) == [("Machine learning",)]


def test_importing_never_changes_the_users_settings(closed_db: Path, tmp_path: Path) -> None:
    assert run_cli("config", "daily_goal", "45m").returncode == 0
    shown = run_cli("config").stdout
    stored = _query(closed_db, "SELECT key, value FROM setting ORDER BY key")
    doc = _other_database(tmp_path)
    doc["settings"].update(
        daily_goal="2h", weekly_goal="20h", week_starts_on="sunday", day_starts_at="6"
    )
    result = _import(doc, tmp_path)
    assert result.returncode == 0, result.stderr
    assert _query(closed_db, "SELECT key, value FROM setting ORDER BY key") == stored
    assert run_cli("config").stdout == shown

    fresh = tmp_path / "new-laptop.db"  # a new database takes them: that is a move
    assert _import(doc, tmp_path, "--db", str(fresh)).returncode == 0
    assert ("week_starts_on", "sunday") in _query(fresh, "SELECT key, value FROM setting")


def test_a_failure_part_way_through_writing_leaves_the_database_unchanged(
    closed_db: Path, tmp_path: Path
) -> None:
    """SQLite itself refuses the last record (a trigger, as a full disk or a constraint
    would), after the areas, milestones, links, certificates, activities and payments before
    it were written in the same transaction. All of them must be gone."""
    doc = _other_database(tmp_path, fill_everything)
    doc["areas"][0]["name"] = "An area only the file has"
    doc["log_entries"][-1]["note"] = "the last straw"
    conn = sqlite3.connect(closed_db)
    conn.execute(
        "CREATE TRIGGER refuse_the_last BEFORE INSERT ON log_entry"
        " WHEN NEW.note = 'the last straw'"
        " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    )
    conn.commit()
    conn.close()
    before = _dump(closed_db)

    result = _import(doc, tmp_path)
    assert result.returncode == 2
    assert "refused by the test" in result.stderr and "nothing was saved" in result.stderr
    assert "Traceback" not in result.stderr
    assert _dump(closed_db) == before
    assert _query(
        closed_db, "SELECT count(*) FROM area WHERE name = 'An area only the file has'"
    ) == [(0,)]
    assert _query(closed_db, "SELECT count(*) FROM certificate") == [(0,)]
