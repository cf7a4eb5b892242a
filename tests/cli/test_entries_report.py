"""`report`, `entries`, `edit`, `delete` and `undo` through a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.postgres import stored_sql

pytestmark = pytest.mark.usefixtures("frozen_now")  # Wednesday 2026-03-11, 20:30


def _rows(db_path: Path) -> list[tuple[str, str, int, str]]:
    with stored_sql() as conn:
        return conn.execute(
            "select e.id, e.day, e.minutes, e.note from log_entry e order by e.id"
        ).fetchall()


def _insert(db_path: Path, entry_id: str, day: str, minutes: int, note: str = "") -> None:
    """An entry with a chosen id, so that ids can share a start."""
    with stored_sql(write=True) as conn:
        (area_id,) = conn.execute("select id from area where key = 'ml'").fetchone()
        conn.execute(
            "insert into log_entry (id, day, minutes, area_id, note, created_at)"
            " values (?, ?, ?, ?, ?, '2026-03-01 10:00:00.000000')",
            (entry_id, day, minutes, area_id, note),
        )


@pytest.fixture
def logged(db_path: Path) -> Path:
    assert run_cli("log", "1h", "--area", "ml", "--note", "backprop").returncode == 0
    assert run_cli("log", "30", "--area", "data e", "--milestone", "sql").returncode == 0
    assert run_cli("log", "20", "--area", "prog", "--date", "yesterday").returncode == 0
    return db_path


def test_report_json_has_the_documented_keys_and_sums(logged: Path) -> None:
    done = run_cli("report", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "from": "2026-03-09",
        "to": "2026-03-11",
        "by": "area",
        "rows": [
            {"name": "Programming & software engineering", "minutes": 20},
            {"name": "Machine learning", "minutes": 60},
            {"name": "Data engineering", "minutes": 30},
        ],
        "total_minutes": 110,
    }
    by_milestone = json.loads(run_cli("report", "--by", "milestone", "--json").stdout)
    assert by_milestone["rows"][-1] == {"name": "(none)", "minutes": 80}
    assert sum(r["minutes"] for r in by_milestone["rows"]) == by_milestone["total_minutes"]


@pytest.mark.parametrize(
    ("by", "names"),
    [
        ("day", ["2026-03-09 Mon", "2026-03-10 Tue", "2026-03-11 Wed"]),
        ("week", ["week of 2026-03-09"]),
        ("month", ["2026-03"]),
    ],
)
def test_report_by_time_has_a_row_per_day_week_or_month(
    logged: Path, by: str, names: list[str]
) -> None:
    data = json.loads(run_cli("report", "--by", by, "--json").stdout)
    assert [row["name"] for row in data["rows"]] == names
    assert data["total_minutes"] == 110


def test_report_draws_a_bar_per_row_and_a_total(logged: Path) -> None:
    lines = run_cli("report", "--from", "2026-03-10").stdout.splitlines()
    assert lines[0] == "Study time by area, 2026-03-10 to 2026-03-11"
    assert lines[-1].split() == ["Total", "1h", "50m"]
    ml = next(line for line in lines if line.startswith("Machine learning"))
    data = next(line for line in lines if line.startswith("Data engineering"))
    assert ml.count("█") > data.count("█") > 0
    assert run_cli("report", "--csv").stdout.splitlines()[0] == "name,minutes"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--by", "colour"], 'cannot group by "colour"'),
        (["report", "--from", "2026-03-12"], "in the future"),
        (["report", "--from", "2026-03-11", "--to", "2026-03-01"], "after it ends"),
        (["entries", "--area", "quantum"], 'no study area matches "quantum"'),
        (["edit", "zzzz", "--note", "x"], 'no entry has an id starting "zzzz"'),
        (["edit", "", "--note", "x"], "give an entry's id"),
        (["delete", "nosuch"], 'no entry has an id starting "nosuch"'),
        (["undo"], "nothing to undo"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    logged: Path, args: list[str], message: str
) -> None:
    before = _rows(logged)
    done = run_cli(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert _rows(logged) == before


def test_entries_lists_short_ids_and_json_has_every_field(logged: Path) -> None:
    listed = run_cli("entries").stdout.splitlines()
    assert len(listed) == 3
    data = json.loads(run_cli("entries", "--json").stdout)
    assert [(e["day"], e["minutes"], e["area"]) for e in data] == [
        ("2026-03-10", 20, "Programming & software engineering"),
        ("2026-03-11", 60, "Machine learning"),
        ("2026-03-11", 30, "Data engineering"),
    ]
    assert set(data[2]) == {
        "id", "day", "minutes", "area", "milestone", "certificate", "activity", "note",
    }  # fmt: skip
    assert data[2]["milestone"].startswith("SQL")
    assert listed[1].startswith(data[1]["id"][:8])
    only_ml = json.loads(run_cli("entries", "--area", "ml", "--json").stdout)
    assert [e["minutes"] for e in only_ml] == [60]


def test_an_ambiguous_prefix_lists_the_entries_it_could_be(logged: Path) -> None:
    _insert(logged, "abc1" + "0" * 28, "2026-03-01", 10)
    _insert(logged, "abc2" + "0" * 28, "2026-03-02", 15)
    before = _rows(logged)
    done = run_cli("delete", "abc")
    assert done.returncode == 2
    assert '"abc" starts several entries\' ids' in done.stderr
    assert "abc10000 2026-03-01 10m" in done.stderr and "abc20000 2026-03-02 15m" in done.stderr
    assert _rows(logged) == before
    assert run_cli("delete", "ABC2").returncode == 0  # any case, one match
    assert [r[0][:4] for r in _rows(logged)].count("abc2") == 0


def test_edit_then_undo_then_delete_then_undo(logged: Path) -> None:
    entry = json.loads(run_cli("entries", "--json").stdout)[1]
    original = _rows(logged)
    edited = run_cli("edit", entry["id"][:6], "--duration", "45m", "--note", "fixed", "-m", "")
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.startswith(f"Changed {entry['id'][:8]}: now 45m of Machine learning")
    changed = {r[0]: r for r in _rows(logged)}[entry["id"]]
    assert changed[2:] == (45, "fixed")

    undone = run_cli("undo")
    assert undone.returncode == 0, undone.stderr
    assert "Undid the edit" in undone.stdout
    assert _rows(logged) == original
    assert "nothing to undo" in run_cli("undo").stderr

    assert run_cli("delete", entry["id"]).returncode == 0
    assert entry["id"] not in {r[0] for r in _rows(logged)}
    back = run_cli("undo")
    assert "Undid the delete" in back.stdout
    assert _rows(logged) == original


def test_an_edit_is_held_to_the_rules_of_a_new_entry(logged: Path) -> None:
    entry = json.loads(run_cli("entries", "--json").stdout)[1]
    before = _rows(logged)
    for args, message in (
        (["--duration", "25h"], "too long"),
        (["--date", "2026-03-12"], "in the future"),
        (["--duration", "23h45m"], "would pass 24h"),
        (["--area", ""], "no study area given"),
        (["--note", "x" * 20_001], "a note can be at most"),
    ):
        done = run_cli("edit", entry["id"], *args)
        assert done.returncode == 2, args
        assert message in done.stderr, (args, done.stderr)
    assert _rows(logged) == before
    assert "nothing to undo" in run_cli("undo").stderr


def test_a_refused_undo_keeps_what_to_undo(logged: Path) -> None:
    entry = json.loads(run_cli("entries", "--json").stdout)[1]  # the 1h of Machine learning
    original = _rows(logged)
    assert run_cli("delete", entry["id"]).returncode == 0
    assert run_cli("log", "23h", "--area", "ml").returncode == 0  # the day is full now
    refused = run_cli("undo")
    assert refused.returncode == 2
    assert "not undone yet: 2026-03-11 has 23h 30m logged now" in refused.stderr
    assert "then run `studytui undo` again" in refused.stderr
    with stored_sql(write=True) as conn:  # made room from elsewhere (the app's Daily log)
        conn.execute("delete from log_entry where minutes = ?", (23 * 60,))
    back = run_cli("undo")
    assert back.returncode == 0, back.stderr
    assert _rows(logged) == original
