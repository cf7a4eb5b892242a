"""`studytui import --from watson|timewarrior|toggl`: history from another tracker, on the
study day it began, in the areas its projects and tags name; all of it or none of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.postgres import SQLITE_ONLY, stored_sql

from studytui.cli.parser import TRACKER_CHOICES
from studytui.domain.trackers import TRACKERS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "trackers"
# Berlin is UTC+1 in early March: a span at 03:30 UTC began at 04:30 local, after the study
# day's 04:00 start, so it counts for that day, not the one before.
ZONE = {"TZ": "Europe/Berlin"}

ML, PROG, OPS = "Machine learning", "Programming & software engineering", "MLOps & cloud"
DS, DE = "Data science & maths", "Data engineering"

EXPECTED = {
    "watson": (
        "watson-frames.json",
        [
            ("2026-03-02", 90, ML, "project: ml; tags: book, islr"),
            ("2026-03-04", 45, OPS, "project: mlops; tags: docker"),
            ("2026-03-05", 30, PROG, "project: Programming"),
        ],
        "added 3 log entries; 1 under half a minute, skipped",
    ),
    "timewarrior": (
        "timew-export.json",
        [
            ("2026-03-02", 90, ML, "Read ISLR chapter 3\ntags: ml, reading"),
            ("2026-03-06", 60, DE, "tags: Data engineering, sql"),
        ],
        "added 2 log entries; 1 still running, skipped",
    ),
    "toggl": (
        "toggl-detailed.csv",
        [
            (
                "2026-03-02",
                75,
                ML,
                "Gradient descent, by hand\nproject: Machine learning; tags: notes, maths",
            ),
            ("2026-03-07", 90, ML, "Kaggle Titanic\ntags: ml"),
            ("2026-03-08", 60, DS, "Pandas exercises\nproject: Data science"),
        ],
        "added 3 log entries",
    ),
}


def _entries(db_path: Path) -> list[tuple[str, int, str, str]]:
    with stored_sql() as conn:
        return list(
            conn.execute(
                "SELECT day, minutes, area.name, note FROM log_entry"
                " JOIN area ON area.id = log_entry.area_id ORDER BY day, minutes"
            )
        )


def _dump(db_path: Path) -> list[str]:
    with stored_sql() as conn:
        return list(conn.iterdump())


def _one_line_error(result) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_the_parser_offers_every_tracker_the_readers_know() -> None:
    assert set(TRACKER_CHOICES) == set(TRACKERS)


@SQLITE_ONLY  # reads the file back whole (the copy before import, its SQL dump)
@pytest.mark.parametrize("tracker", sorted(EXPECTED))
def test_a_trackers_file_imports_once_and_twice_adds_nothing(
    tracker: str, frozen_now: str, db_path: Path
) -> None:
    name, rows, summary = EXPECTED[tracker]
    source = FIXTURES / name
    first = run_cli("import", "--from", tracker, str(source), env=ZONE)
    assert first.returncode == 0, first.stderr
    assert f"Imported {TRACKERS[tracker]} time from {source}: {summary}." in first.stdout
    assert _entries(db_path) == rows
    copies = list((db_path.parent / "backups").glob("before-import-*.db"))
    assert len(copies) == 1

    again = run_cli("import", "--from", tracker, str(source), env=ZONE)
    assert again.returncode == 0, again.stderr
    assert f"added 0 log entries; {len(rows)} already imported, skipped" in again.stdout
    assert _entries(db_path) == rows
    # Nothing to add: no second copy of the database either.
    assert list((db_path.parent / "backups").glob("before-import-*.db")) == copies


def test_unmatched_names_refuse_the_import_until_an_area_is_given(
    frozen_now: str, db_path: Path
) -> None:
    source = FIXTURES / "watson-unmatched.json"
    refused = run_cli("import", "--from", "watson", str(source), env=ZONE)
    err = _one_line_error(refused)
    assert 'no single study area matches "cooking", "pasta", "guitar";' in err
    assert "--area NAME" in err
    assert _entries(db_path) == []

    taken = run_cli("import", "--from", "watson", str(source), "--area", "prog", env=ZONE)
    assert taken.returncode == 0, taken.stderr
    assert _entries(db_path) == [
        ("2026-03-02", 90, ML, "project: ml"),  # its own project still picks its area
        ("2026-03-09", 60, PROG, "project: cooking; tags: pasta"),
        ("2026-03-10", 40, PROG, "project: guitar"),
    ]


@SQLITE_ONLY  # reads the file back whole (the copy before import, its SQL dump)
def test_a_day_that_would_pass_24h_refuses_the_whole_file(frozen_now: str, db_path: Path) -> None:
    logged = run_cli("log", "23h", "--date", "2026-03-02", "--area", "ml", env=ZONE)
    assert logged.returncode == 0, logged.stderr
    before = _dump(db_path)
    source = FIXTURES / "watson-frames.json"
    err = _one_line_error(run_cli("import", "--from", "watson", str(source), env=ZONE))
    assert f"{source}: frame 5e1f0c7 (2026-03-02): " in err
    assert "would pass 24h" in err
    assert _dump(db_path) == before


@pytest.mark.parametrize(
    ("tracker", "content", "problem"),
    [
        ("watson", '[[1772474400, 1772479800, "ml", "5e1f0c7a"', "not valid JSON"),
        ("timewarrior", '[{"start":"20260302T180000Z","end":"soon"}]', "its end is not a time"),
        ("toggl", "Project,Description\nml,reading\n", "has no Start date, Start time"),
    ],
)
def test_a_malformed_file_is_refused_in_one_line_before_the_database_opens(
    tracker: str, content: str, problem: str, frozen_now: str, db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "broken"
    source.write_text(content, encoding="utf-8")
    err = _one_line_error(run_cli("import", "--from", tracker, str(source), env=ZONE))
    assert f"{source}: " in err and problem in err
    assert not db_path.exists()


def test_area_without_a_tracker_is_refused(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "export.json"
    source.write_text("{}", encoding="utf-8")
    err = _one_line_error(run_cli("import", str(source), "--area", "ml"))
    assert "--area applies to the time of another tracker" in err
