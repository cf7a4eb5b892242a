"""The commands on a PostgreSQL server: what is shown of the URL, what is for files only, the
copy there and back, and several machines writing at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import run_cli
from tests.postgres import stored_sql

from studytui.db.location import Location, ServerUrl
from studytui.db.schema import HEAD, open_database
from studytui.db.transfer import TABLES, snapshot


@pytest.fixture
def location(pg_database: ServerUrl) -> ServerUrl:
    """Every test here is about a database on the server."""
    return pg_database


def _password(url: ServerUrl) -> str:
    return url.url.split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]


def test_where_shows_the_url_with_its_password_masked(location: ServerUrl) -> None:
    result = run_cli("where")
    assert result.returncode == 0, result.stderr
    assert f"database: {location.masked}" in result.stdout
    assert ":***@" in result.stdout
    assert _password(location) not in result.stdout + result.stderr
    assert "pg_dump" in result.stdout
    assert "not set up yet" in result.stdout
    run_cli("status")  # the first command sets the database up
    assert f"schema:   {HEAD}" in run_cli("where").stdout


@pytest.mark.parametrize(
    ("args", "advice"),
    [(["backup"], "pg_dump -Fc"), (["restore", "old.db"], "pg_restore")],
)
def test_backup_and_restore_explain_they_are_for_files(
    location: ServerUrl, args: list[str], advice: str
) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "works on SQLite files only" in result.stderr
    assert advice in result.stderr
    assert location.masked in result.stderr
    assert "Traceback" not in result.stderr
    assert _password(location) not in result.stderr


def test_a_wrong_password_is_one_line_without_the_password(location: ServerUrl) -> None:
    wrong = location.url.replace(f":{_password(location)}@", ":not-it@")
    result = run_cli("status", env={"STUDYTUI_DB": wrong})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "password authentication failed" in result.stderr
    assert "not-it" not in result.stderr


def _dump(location: Location) -> dict[str, list[dict[str, Any]]]:
    db = open_database(location)
    try:
        with snapshot(db) as conn:
            return {
                t.name: [dict(r._mapping) for r in conn.execute(select(t).order_by(*t.primary_key))]
                for t in TABLES
            }
    finally:
        db.dispose()


def test_a_record_copied_to_the_server_and_back_is_the_same_in_every_table(
    location: ServerUrl, tmp_path: Path, frozen_now: str
) -> None:
    laptop = tmp_path / "laptop.db"
    as_laptop = {"STUDYTUI_DB": str(laptop)}
    for args in (
        ["log", "1h30m", "--area", "ml", "--note", "backprop ✓"],
        ["log", "45m", "--area", "prog", "--date", "yesterday"],
        ["config", "daily_goal", "1h30m"],
        ["start", "ml"],
    ):
        assert run_cli(*args, env=as_laptop).returncode == 0, args
    original = _dump(laptop)

    there = run_cli("--db", str(laptop), "copy", "--to", location.url)
    assert there.returncode == 0, there.stderr
    assert "2 log entries (2h15m)" in there.stdout and "checked" in there.stdout
    assert _password(location) not in there.stdout
    assert _dump(location) == original
    # The server's copy is a working record: the timer started on the laptop stops here.
    later = {"STUDYTUI_NOW": "2026-03-11T21:30:00"}
    assert run_cli("stop", env=later).returncode == 0

    desktop = tmp_path / "desktop.db"
    back = run_cli("copy", "--to", str(desktop))
    assert back.returncode == 0, back.stderr
    assert _dump(desktop) == _dump(location)
    assert len(_dump(desktop)["log_entry"]) == 3

    again = run_cli("--db", str(laptop), "copy", "--to", location.url)
    assert again.returncode == 2
    assert "already holds a study record" in again.stderr and "--replace" in again.stderr


# Each process waits at the gate, already past its imports, so that all of them write at once.
_RACER = """
import os, sys, time
import psycopg, sqlalchemy, studytui.cli.daily, studytui.actions.log, studytui.db.schema
from studytui.cli import main
print("ready", flush=True)
while not os.path.exists(sys.argv[1]):
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""


def _race(tmp_path: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    gate = tmp_path / "go"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, str(gate), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in commands
    ]
    for racer in racers:
        assert racer.stdout is not None
        assert racer.stdout.readline().strip() == "ready"
    gate.touch()
    results = []
    for racer, args in zip(racers, commands, strict=True):
        out, err = racer.communicate(timeout=60)
        results.append(subprocess.CompletedProcess(args, racer.returncode, out, err))
    return results


def test_writers_racing_on_the_server_never_overfill_a_day(
    location: ServerUrl, tmp_path: Path, frozen_now: str
) -> None:
    assert run_cli("status").returncode == 0  # set up and seeded before the race
    results = _race(tmp_path, [["log", "5h", "--area", "ml"] for _ in range(6)])
    logged = [r for r in results if r.returncode == 0]
    refused = [r for r in results if r.returncode == 2]
    # 24h hold four entries of 5h; the fifth and sixth would make 25h and 30h.
    assert len(logged) == 4, [r.stderr for r in results]
    assert len(refused) == 2
    for result in refused:
        assert "24h" in result.stderr and "Traceback" not in result.stderr
    with stored_sql() as conn:
        assert conn.execute("select sum(minutes), count(*) from log_entry").fetchone() == (1200, 4)


def test_one_timer_runs_however_many_machines_start_one_at_once(
    location: ServerUrl, tmp_path: Path, frozen_now: str
) -> None:
    assert run_cli("status").returncode == 0
    results = _race(tmp_path, [["start", area] for area in ("ml", "prog", "data e", "mlops")])
    started = [r for r in results if r.returncode == 0]
    assert len(started) == 1, [r.stderr for r in results]
    for result in results:
        if result.returncode != 0:
            assert result.returncode == 2
            assert "already running" in result.stderr, result.stderr
    with stored_sql() as conn:
        assert conn.execute("select count(*) from running_timer").fetchone() == (1,)


def test_no_entry_is_lost_when_machines_log_at_the_same_time(
    location: ServerUrl, tmp_path: Path, frozen_now: str
) -> None:
    assert run_cli("status").returncode == 0
    days = [f"2026-03-0{d}" for d in range(1, 9)]
    results = _race(tmp_path, [["log", "25m", "--area", "ml", "--date", day] for day in days])
    assert [r.returncode for r in results] == [0] * len(days), [r.stderr for r in results]
    with stored_sql() as conn:
        rows = conn.execute("select day, minutes from log_entry order by day").fetchall()
    assert rows == [(day, 25) for day in days]
