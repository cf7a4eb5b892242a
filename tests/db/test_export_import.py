"""Export and import: the same data comes back, twice adds nothing, other roadmaps merge."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select
from tests.postgres import SQLITE_ONLY
from tests.safety.conftest import fill_everything

from studytui.actions.data import export_text, import_file
from studytui.cli import main
from studytui.db.engine import Database, reading, writing
from studytui.db.export import CSV_COLUMNS
from studytui.db.files import write_output
from studytui.db.models import Area, LogEntry, Milestone, MilestonePrerequisite
from studytui.db.schema import open_database
from studytui.db.seed import apply_template

FIRST = datetime(2026, 3, 11, 20, 30, tzinfo=UTC)
LATER = datetime(2026, 3, 12, 8, 0, tzinfo=UTC)


def _export(db: Database, when: datetime = FIRST) -> dict:
    return json.loads(export_text(db, as_csv=False, now=when))


def _write_export(db: Database, path: Path) -> Path:
    write_output(path, export_text(db, as_csv=False, now=FIRST), database=db.location)
    return path


def _count(db: Database, model: type) -> int:
    with reading(db) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_export_import_export_gives_the_same_document(db: Database, tmp_path: Path) -> None:
    fill_everything(db)
    source = _write_export(db, tmp_path / "all.json")
    empty = open_database(tmp_path / "empty.db")
    result = import_file(empty, source, now=FIRST.replace(tzinfo=None))
    again = _export(empty, LATER)
    empty.dispose()
    original = json.loads(source.read_text())
    assert again.pop("exported_at") != original.pop("exported_at")
    assert again == original
    assert result.added["log entries"] == 3 and result.skipped == 0
    assert original["timer"]["note"] == "timer"
    assert all(original[kind] for kind in ("areas", "milestones", "certificates", "payments"))


def test_the_export_is_deterministic(db: Database) -> None:
    fill_everything(db)
    assert export_text(db, as_csv=False, now=FIRST) == export_text(db, as_csv=False, now=FIRST)


def test_importing_twice_adds_nothing_the_second_time(db: Database, tmp_path: Path) -> None:
    fill_everything(db)
    source = _write_export(db, tmp_path / "all.json")
    other = open_database(tmp_path / "other.db")
    import_file(other, source, now=FIRST.replace(tzinfo=None))
    before = _export(other)
    second = import_file(other, source, now=FIRST.replace(tzinfo=None))
    assert second.total_added == 0 and second.skipped > 0
    assert "nothing new" in second.summary()
    assert _export(other) == before
    other.dispose()


def test_an_import_into_a_database_seeded_from_the_same_roadmap_merges(
    db: Database, tmp_path: Path
) -> None:
    from studytui.builtin_content import load_template

    fill_everything(db)
    source = _write_export(db, tmp_path / "all.json")
    other = open_database(tmp_path / "other.db")
    with writing(other) as session:
        apply_template(session, load_template("software"))  # same roadmap, different ids
    milestones_before = _count(other, Milestone)
    prerequisites_before = _count(other, MilestonePrerequisite)

    result = import_file(other, source, now=FIRST.replace(tzinfo=None))

    assert _count(other, Milestone) == milestones_before  # recognised, not doubled
    assert _count(other, MilestonePrerequisite) == prerequisites_before
    assert _count(other, Area) == _count(db, Area)  # only the user-made area is new
    assert result.added["areas"] == 1
    with reading(other) as session:
        rows = session.exec(select(Area.name, LogEntry.minutes).join(Area)).all()
    with reading(db) as session:
        expected = session.exec(select(Area.name, LogEntry.minutes).join(Area)).all()
    assert sorted(rows) == sorted(expected)
    other.dispose()


def test_an_export_with_two_milestones_of_one_title_loads_whole_with_the_second_renamed(
    db: Database, tmp_path: Path
) -> None:
    """A database from before titles had to be unique may hold two milestones of one title:
    its export still loads, every record kept, and the second gets a title it can be picked by."""
    pandas = "Data wrangling with pandas and NumPy"
    with writing(db) as session:
        first = session.exec(select(Milestone).where(Milestone.title == pandas)).one()
        twin = Milestone(area_id=first.area_id, title=pandas.upper(), position=99)
        session.add(twin)
        session.flush()
        session.add(
            LogEntry(day=FIRST.date(), minutes=40, area_id=first.area_id, milestone_id=twin.id)
        )
        twin_id = twin.id
    source = _write_export(db, tmp_path / "twins.json")
    other = open_database(tmp_path / "other.db")

    result = import_file(other, source, now=FIRST.replace(tzinfo=None))

    assert result.renamed == [(pandas.upper(), f"{pandas.upper()} (2)")]
    assert f'1 milestone renamed, its title was taken: "{pandas.upper()}" is "' in result.summary()
    with reading(other) as session:
        assert session.get(Milestone, twin_id).title == f"{pandas.upper()} (2)"
        linked = session.exec(select(LogEntry.milestone_id)).all()
    assert linked == [twin_id]
    assert _count(other, Milestone) == _count(db, Milestone)
    other.dispose()


@SQLITE_ONLY
def test_import_keeps_a_copy_of_the_database_first(db: Database, tmp_path: Path) -> None:
    source = _write_export(db, tmp_path / "all.json")
    import_file(db, source, now=datetime(2026, 3, 11, 20, 30))
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [
        "before-import-20260311-203000.db"
    ]


def test_csv_has_one_row_per_entry_with_names(db: Database) -> None:
    fill_everything(db)
    rows = list(csv.reader(io.StringIO(export_text(db, as_csv=True, now=FIRST))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 4
    assert rows[1][:3] == ["2026-03-09", "30", 'Statistik, "Grundlagen"']
    assert rows[1][6] == 'entry 0, with "quotes"\nand a newline — ü'
    assert rows[3][4] == "TensorFlow Developer" and rows[3][5] == "Blog post"


@SQLITE_ONLY
def test_the_commands_export_and_import_between_databases(
    db: Database, tmp_path: Path, frozen_now: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process for speed; tests/safety runs the real command for the failure paths.
    fill_everything(db)
    db.dispose()
    out = tmp_path / "out.json"
    assert main(["export", "-o", str(out)]) == 0
    assert f"to {out}" in capsys.readouterr().out
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "import", str(out)]) == 0
    assert "3 log entries" in capsys.readouterr().out
    assert main(["--db", str(other), "export"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert json.loads(out.read_text()) == again  # the clock is pinned: even the timestamp
    assert main(["export", "--csv"]) == 0
    assert capsys.readouterr().out.startswith("date,minutes,area,milestone,")


def test_the_summary_counts_one_of_a_kind_in_the_singular() -> None:
    from studytui.db.importer import ImportResult

    result = ImportResult(added={"certificates": 1, "activities": 2, "log entries": 1}, skipped=1)
    assert result.summary() == (
        "added 1 certificate, 2 activities, 1 log entry; 1 already present, skipped"
    )


def test_two_imports_in_one_second_keep_both_copies_of_the_database(
    db: Database, tmp_path: Path
) -> None:
    # A copy named for the second it was taken must not replace the one before it.
    fill_everything(db)
    source = _write_export(db, tmp_path / "all.json")
    other = open_database(tmp_path / "other.db")
    import_file(other, source, now=FIRST.replace(tzinfo=None))
    import_file(other, source, now=FIRST.replace(tzinfo=None))
    other.dispose()
    copies = sorted(p.name for p in (tmp_path / "backups").glob("before-import-*.db"))
    assert copies == ["before-import-20260311-203000-2.db", "before-import-20260311-203000.db"]
