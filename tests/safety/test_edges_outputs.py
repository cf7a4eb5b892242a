"""Every output path goes through one writer: it refuses the database, its journal files, its
backups, any SQLite file and anything that is not a regular file; it writes through symlinks
and keeps the target's permissions. Each case runs the real command in a subprocess."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.safety.conftest import log_some

from studytui.db.backups import make_backup
from studytui.db.engine import Database

OUTPUT_COMMANDS = [["export"], ["export", "--csv"], ["journal"]]
IDS = ["export", "csv", "journal"]


@pytest.fixture
def closed_db(db: Database, db_path: Path) -> Path:
    log_some(db, 2)
    db.dispose()
    return db_path


def _one_line_error(result, code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=IDS)
def test_no_command_writes_over_the_database(command: list[str], closed_db: Path) -> None:
    before = closed_db.read_bytes()
    err = _one_line_error(run_cli(*command, "-o", str(closed_db)))
    assert "will not write to" in err and "it is the studytui database" in err
    assert closed_db.read_bytes() == before
    assert run_cli("status").returncode == 0  # still a working database


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=IDS)
def test_a_symlink_to_the_database_is_refused_and_kept(
    command: list[str], closed_db: Path, tmp_path: Path
) -> None:
    link = tmp_path / "looks-harmless.json"
    link.symlink_to(closed_db)
    before = closed_db.read_bytes()
    err = _one_line_error(run_cli(*command, "-o", str(link)))
    assert "it is the studytui database" in err
    assert link.is_symlink() and closed_db.read_bytes() == before


@pytest.mark.parametrize("suffix", ["-wal", "-journal", "-shm"])
def test_the_databases_journal_files_are_refused(suffix: str, closed_db: Path) -> None:
    target = closed_db.with_name(closed_db.name + suffix)
    err = _one_line_error(run_cli("export", "-o", str(target)))
    assert "belongs to the studytui database" in err
    assert not target.exists()


def test_backups_and_other_databases_are_refused(closed_db: Path, tmp_path: Path) -> None:
    assert run_cli("status").returncode == 0  # makes today's copy
    daily = next((closed_db.parent / "backups").glob("daily-*.db"))
    kept = daily.read_bytes()
    err = _one_line_error(run_cli("journal", "-o", str(daily)))
    assert "in the backup folder" in err and daily.read_bytes() == kept

    (tmp_path / "mine").mkdir()
    copy = make_backup(closed_db, tmp_path / "mine", now=datetime(2026, 3, 11, 20, 0))
    copied = copy.read_bytes()
    err = _one_line_error(run_cli("export", "-o", str(copy)))
    assert "it is an SQLite database" in err and copy.read_bytes() == copied


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: os.mkfifo(p), "a named pipe"),
        (lambda p: p.mkdir(), "a folder"),
    ],
    ids=["fifo", "folder"],
)
def test_things_that_are_not_files_are_refused_without_waiting(
    make, kind: str, closed_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "odd"
    make(target)
    err = _one_line_error(run_cli("export", "-o", str(target)))
    assert f"it is {kind}" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_device_is_refused_and_left_a_device(closed_db: Path) -> None:
    err = _one_line_error(run_cli("export", "--csv", "-o", "/dev/full"))
    assert "will not write to /dev/full: it is a device" in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_symlink_is_written_through_and_keeps_the_targets_mode(
    closed_db: Path, tmp_path: Path
) -> None:
    real = tmp_path / "journal.md"
    real.write_text("old text\n")
    real.chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    result = run_cli("journal", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("# Learning journal")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert not list(tmp_path.glob(".*.partial"))


def test_a_new_output_file_is_private(closed_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    result = run_cli("export", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_output_in_a_missing_folder_is_refused(closed_db: Path, tmp_path: Path) -> None:
    err = _one_line_error(run_cli("export", "-o", str(tmp_path / "no" / "such" / "x.json")))
    assert "the folder does not exist" in err
    assert not (tmp_path / "no").exists()
