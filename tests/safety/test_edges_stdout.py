"""The command entry point and its output: a reader that closes the pipe early ends any
command quietly; a full device under stdout is one line and exit 2; on a terminal, control
characters in notes are shown, never run. Each runs the real command in a subprocess."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.safety.conftest import log_some

from studytui.cli.output import EXIT_CLOSED_PIPE
from studytui.db.engine import Database

PRINTING = [
    "status",
    "export",
    "journal",
    "next",
    "certs",
    "where",
    "activities",
    "report",
    "entries",
    "config",
    "--help",  # argparse's own printing, which ignores a failed write unless told otherwise
    "--version",
]


@pytest.fixture
def closed_db(db: Database, db_path: Path) -> Path:
    log_some(db, 3)
    db.dispose()
    return db_path


def _entries(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, minutes, note FROM log_entry ORDER BY id").fetchall()


def _run(command: str, stdout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studytui", command],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )


@pytest.mark.parametrize("command", PRINTING)
def test_a_closed_pipe_ends_the_command_quietly(command: str, closed_db: Path) -> None:
    before = _entries(closed_db)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before a byte is written: `| head -0`
    try:
        result = _run(command, write_end)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == EXIT_CLOSED_PIPE
    assert _entries(closed_db) == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", PRINTING)
def test_a_full_device_under_stdout_is_one_line(command: str, closed_db: Path) -> None:
    before = _entries(closed_db)
    with open("/dev/full", "w") as full:
        result = _run(command, full.fileno())
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "studytui: error: could not write the output: the disk is full; "
        "free some space and try again"
    ]
    assert _entries(closed_db) == before


def test_the_version_goes_to_stdout(cli) -> None:
    result = cli("--version")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("studytui ")


def _on_a_terminal(*args: str) -> str:
    """Run the command with stdout on a real terminal (a pty); returns what it showed."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: its stdout is the terminal
        os.execv(sys.executable, [sys.executable, "-m", "studytui", *args])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, output
    return output.decode()


HOSTILE = "clear \x1b[2J\x1b]0;owned\x07 and \x00 NUL \x9b31m"
SHOWN = "clear ␛[2J␛]0;owned␇ and ␀ NUL \ufffd31m"


def test_a_terminal_sees_control_characters_as_symbols(db: Database, db_path: Path) -> None:
    """A certificate name and a note holding escape sequences, a bell, NUL and a C1 CSI:
    `certs` and `journal` on a terminal print them as symbols."""
    from datetime import UTC, datetime

    from studytui.db.engine import writing
    from studytui.db.models import Certificate

    log_some(db, 1)
    with writing(db) as session:
        session.add(
            Certificate(name=HOSTILE, provider="p", track="ml", created_at=datetime.now(UTC))
        )
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE log_entry SET note = ?", (HOSTILE,))
    for command in ("certs", "journal"):
        text = _on_a_terminal(command)
        assert SHOWN in text, command
        assert "\x1b" not in text and "\x00" not in text and "\x9b" not in text


FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB"]


def test_the_csv_neutralises_formulas_and_controls_and_json_keeps_them(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    import csv
    import json

    log_some(db, len(FORMULAS) + 1)
    db.dispose()
    notes = [*FORMULAS, HOSTILE]
    with sqlite3.connect(db_path) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM log_entry ORDER BY created_at")]
        for entry_id, note in zip(ids, notes, strict=True):
            conn.execute("UPDATE log_entry SET note = ? WHERE id = ?", (note, entry_id))
    before = _entries(db_path)

    target = tmp_path / "log.csv"
    assert _run_args("export", "--csv", "-o", str(target)).returncode == 0
    raw = target.read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\x00" not in raw and "\x9b" not in raw
    cells = [row[-1] for row in csv.reader(raw.splitlines(keepends=True))][1:]
    assert sorted(cells) == sorted(["'" + f for f in FORMULAS] + [SHOWN])

    journal = _run_args("journal")
    assert "\x1b" not in journal.stdout and SHOWN in journal.stdout

    exported = json.loads(_run_args("export").stdout)
    assert sorted(e["note"] for e in exported["log_entries"]) == sorted(notes)  # faithful
    assert _entries(db_path) == before


def _run_args(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "studytui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_reports_csv_neutralises_a_formula_in_a_name(
    db: Database, db_path: Path, frozen_now: str
) -> None:
    import csv

    log_some(db, 1)
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE area SET name = ? WHERE key = 'ml'", ("=cmd|' /C calc'!A0",))
    rows = list(csv.reader(_run_args("report", "--csv").stdout.splitlines()))
    assert ["'=cmd|' /C calc'!A0", "10"] in rows
