"""Every foreseeable failure: a clear message naming the file and what to do, exit 2, no
traceback, and nothing overwritten."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from tests.conftest import run_cli
from tests.safety.conftest import damage_index, log_some

from studytui.cli import main
from studytui.db.backups import verify_database
from studytui.db.engine import Database, translate
from studytui.db.errors import (
    DISK_FULL,
    DataDirError,
    WriteFailedError,
    os_error_detail,
    sqlite_error_detail,
    sqlite_failure,
)
from studytui.db.schema import HEAD


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return code, err


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("command", [["log", "30", "--area", "machine"], ["backup"], ["export"]])
def test_a_file_that_is_not_sqlite_is_refused_by_every_command(
    command: list[str], db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_text("my shopping list\n")
    before = _files(tmp_path)
    code, err = _run(capsys, *command)
    assert code == 2
    assert str(db_path) in err and "not a studytui database" in err
    assert "studytui restore" in err  # says what to do
    assert _files(tmp_path) == before


def test_backup_refuses_a_damaged_database_and_copies_nothing(
    damaged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(capsys, "backup", str(tmp_path / "copies"))
    assert code == 2
    assert "integrity check failed" in err and str(damaged_db) in err
    assert not (tmp_path / "copies").exists() or not any((tmp_path / "copies").iterdir())


def test_restore_refuses_a_damaged_or_foreign_file_and_keeps_the_database(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_some(db)
    db.dispose()
    before = db_path.read_bytes()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(before)
    damage_index(damaged)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    newer = tmp_path / "newer.db"
    newer.write_bytes(before)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")

    for source, message in (
        (damaged, "integrity check failed"),
        (foreign, "no studytui schema"),
        (newer, "newer studytui"),
        (tmp_path / "missing.db", "does not exist"),
    ):
        code, err = _run(capsys, "restore", str(source))
        assert code == 2
        assert message in err and str(source) in err
    assert db_path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_newer_schema_is_refused_by_log_and_left_untouched(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    code, err = _run(capsys, "log", "30", "--area", "machine")
    assert code == 2 and "newer studytui" in err and "upgrade studytui" in err
    assert db_path.read_bytes() == before


def test_a_data_folder_that_cannot_be_created_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Tests run as root, for whom chmod-based read-only folders are writable; a parent that is a
    # regular file cannot be created by anyone.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    # The platform's data folder, which studytui creates on first use, is inside the file.
    monkeypatch.delenv("STUDYTUI_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    code, err = _run(capsys, "log", "30", "--area", "machine")
    assert code == 2
    assert f"cannot use {blocker / 'data' / 'studytui'}" in err and "--db PATH" in err
    assert blocker.read_text() == "x"


def test_a_database_path_into_a_missing_folder_is_refused_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A mistyped --db must not quietly start a second, empty database somewhere else.
    typo = tmp_path / "studytiu" / "studytui.db"
    code, err = _run(capsys, "--db", str(typo), "status")
    assert code == 2
    assert err == (
        f"studytui: error: cannot use {typo.parent}: the folder does not exist; "
        "create it first, or check the path given with --db or STUDYTUI_DB\n"
    )
    assert not typo.parent.exists()


def test_a_backup_folder_that_is_a_file_is_reported(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.dispose()
    blocker = tmp_path / "copies"
    blocker.write_text("x")
    code, err = _run(capsys, "backup", str(blocker))
    assert code == 2 and str(blocker) in err
    assert blocker.read_text() == "x"


def test_a_full_disk_is_named_as_such_with_what_to_do(db_path: Path) -> None:
    # A disk cannot be filled in a test; the mapping from the errors a full disk raises is
    # what decides the message, so it is tested directly.
    assert os_error_detail(OSError(errno.ENOSPC, "No space left on device")) == DISK_FULL
    assert sqlite_error_detail("database or disk is full") == DISK_FULL
    driver_error = sqlite3.OperationalError("database or disk is full")
    error = translate(db_path, OperationalError("INSERT", {}, driver_error))
    assert isinstance(error, WriteFailedError)
    assert str(db_path) in str(error) and "disk is full; free some space" in str(error)
    assert "nothing was saved" in str(error)


def test_a_read_only_database_is_named_as_such_with_what_to_do(tmp_path: Path) -> None:
    # Tests run as root, who can write through any chmod; SQLite's own read-only error is
    # raised here with `query_only`, and its mapping decides the message.
    path = tmp_path / "studytui.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError) as raised:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    error = sqlite_failure(path, str(raised.value))
    assert isinstance(error, DataDirError)
    assert str(error) == (
        f"cannot use {path}: the file or its folder is read-only (SQLite writes beside the "
        "file even to read it); make both writable, or choose a writable place with --db PATH "
        "or the STUDYTUI_DB variable"
    )
    # The same words whichever layer meets it: SQLAlchemy's wrapper says the same.
    wrapped = translate(path, OperationalError("SELECT", {}, raised.value))
    assert str(wrapped) == str(error)


def test_log_gives_up_on_a_database_locked_too_long(db: Database, db_path: Path) -> None:
    log_some(db, 1)
    db.dispose()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run_cli(
            "log", "30", "--area", "machine", "--note", "blocked",
            env={"STUDYTUI_BUSY_TIMEOUT_MS": "200"},
        )  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(db_path) in result.stderr and "busy" in result.stderr
    assert "try again" in result.stderr
    with sqlite3.connect(db_path) as conn:
        assert (
            conn.execute("SELECT count(*) FROM log_entry WHERE note = 'blocked'").fetchone()[0] == 0
        )


def test_the_app_refuses_a_damaged_database(damaged_db: Path) -> None:
    from studytui.ui.store import Store

    store = Store(damaged_db)
    store.open()
    assert store.error is not None and "integrity check failed" in store.error
    assert not (damaged_db.parent / "backups").exists()  # no copy of a damaged file


def test_verify_accepts_a_sound_database_without_changing_it(db: Database, db_path: Path) -> None:
    log_some(db, 1)
    db.dispose()
    before = db_path.read_bytes()
    assert verify_database(db_path) == HEAD
    assert db_path.read_bytes() == before
