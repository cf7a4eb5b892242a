"""The files studytui keeps: opening reads before it writes, the database and its backups are
private, restore follows a symlink, leftovers of killed runs are removed, and the messages for
a full disk, an empty name and a missing folder say what happened. Real files, real commands
in subprocesses; the database is compared byte for byte or row for row."""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.safety.conftest import log_some

from studytui.db.engine import Database
from studytui.db.schema import open_database
from studytui.paths import DB_ENV_VAR


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, day, minutes, note FROM log_entry ORDER BY id").fetchall()


def _refused(*args: str, env: dict[str, str] | None = None) -> str:
    result = run_cli(*args, env=env)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


@pytest.fixture
def closed_db(db: Database, db_path: Path) -> Path:
    log_some(db, 2)
    db.dispose()
    return db_path


# --- opening reads the header and the schema version before it changes anything ------------------


def _sql(path: Path, statement: str) -> list[tuple]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return conn.execute(statement).fetchall()
    finally:
        conn.close()


def _rollback_journal_file(path: Path) -> None:
    assert _sql(path, "PRAGMA journal_mode = DELETE") == [("delete",)]
    assert path.read_bytes()[18:20] == b"\x01\x01"  # the header's "legacy journal" mode


@pytest.mark.parametrize("command", [["status"], ["log", "30m", "--area", "ml"], ["export"]])
def test_another_programs_sqlite_file_is_refused_untouched(
    command: list[str], tmp_path: Path
) -> None:
    foreign = tmp_path / "photos.sqlite"
    _sql(foreign, "CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)")
    _sql(foreign, "INSERT INTO photo (path) VALUES ('/holiday.jpg')")
    _rollback_journal_file(foreign)
    before = foreign.read_bytes()
    err = _refused("--db", str(foreign), *command)
    assert "holds tables but no studytui schema version" in err
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("photos")) == [
        "photos.sqlite"
    ]


@pytest.mark.parametrize("command", [["status"], ["log", "30m", "--area", "ml"], ["where"]])
def test_a_file_from_a_newer_studytui_is_refused_untouched(
    command: list[str], closed_db: Path
) -> None:
    _sql(closed_db, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    _rollback_journal_file(closed_db)
    before = closed_db.read_bytes()
    result = run_cli(*command)
    if command != ["where"]:  # `where` only reports the version
        assert result.returncode == 2
        assert "written by a newer studytui (schema 9999_from_the_future)" in result.stderr
    assert closed_db.read_bytes() == before
    assert not closed_db.with_name(closed_db.name + "-wal").exists()


# --- permissions ---------------------------------------------------------------------------------


def test_a_first_run_creates_a_private_folder_database_and_backup(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DB_ENV_VAR)
    old = os.umask(0o022)  # the usual umask, which makes new files world-readable
    try:
        result = run_cli("log", "30m", "--area", "ml")
        assert result.returncode == 0, result.stderr
        assert run_cli("status").returncode == 0
    finally:
        os.umask(old)
    folder = isolated_home / "xdg_data_home" / "studytui"
    database = folder / "studytui.db"
    assert _mode(folder) == 0o700
    assert _mode(database) == 0o600
    backups = folder / "backups"
    assert _mode(backups) == 0o700
    copies = list(backups.glob("daily-*.db"))
    assert copies and all(_mode(c) == 0o600 for c in copies)


def test_backup_and_restore_keep_the_databases_mode(closed_db: Path, tmp_path: Path) -> None:
    closed_db.chmod(0o640)  # shared with a group on purpose
    mine = tmp_path / "mine"
    mine.mkdir()
    old = os.umask(0o022)
    try:
        assert run_cli("backup", str(mine)).returncode == 0
        copy = next(mine.glob("studytui-*.db"))
        assert _mode(copy) == 0o640
        copy.chmod(0o600)
        assert run_cli("restore", str(copy)).returncode == 0
    finally:
        os.umask(old)
    assert _mode(closed_db) == 0o640
    kept = next((tmp_path / "backups").glob("before-restore-*.db"))
    assert _mode(kept) == 0o640


# --- restore through a symlink -------------------------------------------------------------------


def test_restore_through_a_symlink_restores_the_file_it_points_to(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    log_some(db, 1)
    first = _rows(db_path)
    (tmp_path / "copies").mkdir()
    assert run_cli("backup", str(tmp_path / "copies")).returncode == 0
    copy = next((tmp_path / "copies").glob("*.db"))
    log_some(db, 2)
    db.dispose()
    real = tmp_path / "synced" / "studytui.db"
    real.parent.mkdir()
    shutil.move(db_path, real)
    db_path.symlink_to(real)

    result = run_cli("restore", str(copy))
    assert result.returncode == 0, result.stderr
    assert db_path.is_symlink() and os.readlink(db_path) == str(real)
    assert _rows(real) == first
    assert run_cli("log", "10m", "--area", "ml").returncode == 0
    assert len(_rows(real)) == 2  # later entries go where the link points


# --- leftovers of interrupted work ---------------------------------------------------------------


def _leftovers(db_path: Path) -> tuple[list[Path], list[Path]]:
    backups = db_path.parent / "backups"
    backups.mkdir(exist_ok=True)
    junk = [
        backups / "daily-2026-03-10.db.partial",
        backups / "daily-2026-03-10.db.partial-journal",
        backups / "studytui-20260301-101010.db-journal",  # its copy is gone
        db_path.with_name(f".{db_path.name}.restoring"),
        db_path.with_name(f".{db_path.name}.restoring-journal"),
    ]
    keep = [
        backups / "before-import-20260301-101010.db",
        backups / "before-import-20260301-101010.db-journal",  # hot journal of a real copy
        backups / "my notes.txt",
        db_path.with_name("other-app.db-journal"),  # not ours: never touched
    ]
    for path in junk + keep:
        path.write_bytes(b"x" * 4096)
    return junk, keep


def test_leftovers_of_killed_runs_are_removed_on_the_next_run(closed_db: Path) -> None:
    junk, keep = _leftovers(closed_db)
    before = _rows(closed_db)
    assert run_cli("status").returncode == 0
    assert [p for p in junk if p.exists()] == []
    assert all(p.exists() for p in keep)
    assert _rows(closed_db) == before


def test_leftovers_are_left_while_a_copy_is_being_made(closed_db: Path) -> None:
    """A copy in progress holds its folder's lock: another run must not take its files."""
    junk, _ = _leftovers(closed_db)
    folder = os.open(closed_db.parent / "backups", os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_SH)
        assert run_cli("status").returncode == 0
        in_backups = [p for p in junk if p.parent.name == "backups"]
        assert all(p.exists() for p in in_backups)
    finally:
        os.close(folder)
    assert run_cli("status").returncode == 0
    assert [p for p in junk if p.exists()] == []


# --- messages ------------------------------------------------------------------------------------


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs user namespaces to mount a small disk")
def test_a_completely_full_disk_is_called_full(tmp_path: Path) -> None:
    """A real 2 MB file system (tmpfs, in a private mount namespace) filled to the last byte:
    SQLite says "disk I/O error"; the user reads that the disk is full."""
    import sys

    mount = tmp_path / "disk"
    mount.mkdir()
    script = f"""
set -e
mount -t tmpfs -o size=2m tmpfs {mount}
export {DB_ENV_VAR}={mount}/studytui.db
run() {{ {sys.executable} -m studytui "$@"; }}
run log 30m --area ml > /dev/null
rm -rf {mount}/backups
dd if=/dev/zero of={mount}/fill bs=4k 2>/dev/null || true
for args in "log 20m --area ml" "status"; do
  set +e; run $args 2> {tmp_path}/err; echo "code=$?"; set -e
  cat {tmp_path}/err
done
rm {mount}/fill
{sys.executable} -c "import sqlite3; print(sqlite3.connect('{mount}/studytui.db')
.execute('select minutes from log_entry').fetchall())"
"""
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines.count("code=2") == 2, (result.stdout, result.stderr)
    errors = [line for line in lines if line.startswith("studytui: error:")]
    assert len(errors) == 2
    assert all("the disk is full; free some space and try again" in e for e in errors)
    assert not any("disk I/O error" in line for line in lines)
    assert lines[-1] == "[(30,)]"  # the first entry, and only it


def test_an_empty_area_is_refused_not_replaced_by_the_last_one(closed_db: Path) -> None:
    before = _rows(closed_db)
    for args in (["log", "30m", "--area", ""], ["log", "30m", "--area", "  "], ["start", ""]):
        err = _refused(*args)
        assert "is empty: give a name or the first letters of one" in err
    assert _rows(closed_db) == before


def test_backup_into_a_missing_folder_is_refused_like_db(closed_db: Path, tmp_path: Path) -> None:
    nested = tmp_path / "new" / "nested" / "dir"
    err = _refused("backup", str(nested))
    assert f"cannot use {nested}: the folder does not exist" in err
    assert not (tmp_path / "new").exists()


def test_a_29_digit_duration_is_a_clear_error(closed_db: Path) -> None:
    before = _rows(closed_db)
    huge = "12345678901234567890123456789"
    for args, message in (
        (["log", huge, "--area", "ml"], "is too long: at most 24h"),
        (["log", huge + "h", "--area", "ml"], "is too long: at most 24h"),
        (["log", "1" * 5000, "--area", "ml"], "is too long: at most 24h"),
        (["config", "daily_goal", huge], "is too large"),
        (["config", "weekly_goal", huge + ".5h"], "is too large"),
    ):
        assert message in _refused(*args)
    assert _rows(closed_db) == before
    assert "daily_goal" in run_cli("config").stdout


def test_a_day_before_1970_is_refused_and_an_old_one_stored_still_prints(
    closed_db: Path,
) -> None:
    before = _rows(closed_db)
    err = _refused("log", "10m", "--area", "ml", "--date", "0001-01-01")
    assert 'day "0001-01-01" is before 1970-01-01' in err
    assert _rows(closed_db) == before
    # A day stored by an older studytui, before the rule existed: the journal still works.
    _sql(closed_db, "UPDATE log_entry SET day = '0001-01-01'")
    assert run_cli("config", "week_starts_on", "sunday").returncode == 0
    result = run_cli("journal")
    assert result.returncode == 0, result.stderr
    assert "## Week of 0001-01-01" in result.stdout


def test_opening_a_fresh_database_in_process_is_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        db = open_database(tmp_path / "fresh.db")
        db.dispose()
    finally:
        os.umask(old)
    assert _mode(tmp_path / "fresh.db") == 0o600
