"""Rolling daily backups, copies on demand, and restoring one."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from tests.safety.conftest import damage_index, log_some

from studytui.cli import main
from studytui.db.backups import (
    days_to_keep,
    make_backup,
    prune_daily_backups,
    restore_database,
    rolling_backup,
)
from studytui.db.engine import Database, reading
from studytui.db.entries import entries_between
from studytui.db.schema import open_database

NOW = datetime(2026, 3, 11, 20, 30)


@pytest.fixture
def location(db_path: Path) -> Path:
    """Backups are of files: every test here is about an SQLite file (a server database's
    are pg_dump's, and the commands saying so are tested in tests/cli)."""
    return db_path


def _copies(tmp_path: Path) -> Path:
    """A folder the user made for copies (`backup DIR` does not create one)."""
    folder = tmp_path / "copies"
    folder.mkdir(exist_ok=True)
    return folder


def _notes(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(row[0] for row in conn.execute("SELECT note FROM log_entry"))


def test_days_kept_are_the_last_seven_and_the_newest_of_four_weeks() -> None:
    days = [date(2026, 3, 11) - timedelta(days=n) for n in range(60)]
    kept = days_to_keep(days)
    last_seven = {date(2026, 3, 11) - timedelta(days=n) for n in range(7)}
    # 2026-03-11 is a Wednesday: the weeks before end on the Sundays 8 Mar, 1 Mar, 22 Feb.
    weekly = {date(2026, 3, 11), date(2026, 3, 8), date(2026, 3, 1), date(2026, 2, 22)}
    assert kept == last_seven | weekly


def test_the_daily_backup_is_made_once_a_day_and_old_ones_are_pruned(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    log_some(db, 1)
    folder = tmp_path / "backups"
    folder.mkdir()
    for n in range(1, 40):
        (folder / f"daily-{date(2026, 3, 11) - timedelta(days=n)}.db").write_bytes(b"old")
    (folder / "before-upgrade-0001-20250101-000000.db").write_bytes(b"kept")
    (folder / "daily-mine.db").write_bytes(b"renamed by the user")

    made = rolling_backup(db_path, today=date(2026, 3, 11))
    assert made == folder / "daily-2026-03-11.db"
    assert _notes(made) == ["n0"]
    assert rolling_backup(db_path, today=date(2026, 3, 11)) is None  # once a day
    names = {p.name for p in folder.iterdir()}
    assert (
        len([n for n in names if n.startswith("daily-2026")]) == 9
    )  # 7 days + the Sundays 1 Mar and 22 Feb
    assert {"before-upgrade-0001-20250101-000000.db", "daily-mine.db"} <= names
    assert not any(n.endswith(("-wal", "-shm")) for n in names)  # copies are single files
    assert prune_daily_backups(folder) == []


def test_the_first_command_of_the_day_makes_the_daily_backup(
    db: Database, tmp_path: Path, frozen_now: str
) -> None:
    db.dispose()
    assert main(["status"]) == 0
    assert main(["status"]) == 0  # the second command of the day only looks
    assert [p.name for p in (tmp_path / "backups").iterdir()] == ["daily-2026-03-11.db"]


def test_backup_copies_while_another_connection_is_writing(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    log_some(db, 2)
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM log_entry")  # not committed: the copy must not see it
    try:
        made = make_backup(db_path, _copies(tmp_path), now=NOW)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert made == tmp_path / "copies" / "studytui-20260311-203000.db"
    assert _notes(made) == ["n0", "n1"]
    again = make_backup(db_path, _copies(tmp_path), now=NOW)  # same second: a new name
    assert again.name == "studytui-20260311-203000-2.db"


def test_restore_replaces_the_database_and_keeps_the_old_one(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    log_some(db, 1)
    saved = make_backup(db_path, _copies(tmp_path), now=NOW)
    log_some(db, 3)  # a later state with an uncommitted-to-file WAL still open
    kept = restore_database(db_path, saved, now=NOW)
    db.dispose()
    assert kept is not None and _notes(kept) == ["n0", "n0", "n1", "n2"]
    assert _notes(db_path) == ["n0"]
    reopened = open_database(db_path)
    with reading(reopened) as session:
        assert len(entries_between(session, date(2026, 1, 1), date(2026, 12, 31))) == 1
    reopened.dispose()


def test_restore_over_a_damaged_database_keeps_its_bytes(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    log_some(db, 1)
    saved = make_backup(db_path, _copies(tmp_path), now=NOW)
    db.dispose()
    db_path.write_bytes(b"garbage, not a database")
    kept = restore_database(db_path, saved, now=NOW)
    assert kept is not None and kept.read_bytes() == b"garbage, not a database"
    assert _notes(db_path) == ["n0"]


def test_the_command_restores_and_says_where_the_old_one_went(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_some(db, 1)
    saved = make_backup(db_path, _copies(tmp_path), now=NOW)
    db.dispose()
    assert main(["restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert f"from {saved}" in out and "was kept as" in out


def test_restoring_the_database_onto_itself_is_refused(db: Database, db_path: Path) -> None:
    db.dispose()
    from studytui.db.errors import StoreError

    with pytest.raises(StoreError, match="the database itself"):
        restore_database(db_path, db_path, now=NOW)


def test_a_damaged_database_gets_no_daily_copy(db: Database, db_path: Path) -> None:
    log_some(db, 1)
    db.dispose()
    damage_index(db_path)
    from studytui.db.errors import NotADatabaseError

    with pytest.raises(NotADatabaseError, match="integrity"):
        rolling_backup(db_path, today=date(2026, 3, 11))
    assert list((db_path.parent / "backups").glob("daily-*")) == []
