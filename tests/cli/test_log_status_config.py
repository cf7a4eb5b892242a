"""The quick commands through a real subprocess, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.postgres import stored_sql

from studytui.db.schema import HEAD


def _entries(db_path: Path) -> list[tuple[str, int, str]]:
    with stored_sql() as conn:
        return conn.execute(
            "select e.day, e.minutes, a.name from log_entry e join area a on a.id = e.area_id "
            "order by e.created_at"
        ).fetchall()


def _settings(db_path: Path) -> dict[str, str]:
    with stored_sql() as conn:
        return dict(conn.execute("select key, value from setting"))


@pytest.mark.parametrize("text", ["90", "90m", "1.5h", "1h30m", "1:30"])
def test_every_duration_form_logs_ninety_minutes(text: str, db_path: Path, frozen_now: str) -> None:
    result = run_cli("log", text, "--area", "machine")
    assert result.returncode == 0, result.stderr
    assert "Logged 1h 30m of Machine learning" in result.stdout
    assert _entries(db_path) == [("2026-03-11", 90, "Machine learning")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "abc", "--area", "machine"], 'duration "abc" not understood'),
        (["log", "0", "--area", "machine"], "duration"),
        (["log", "25h", "--area", "machine"], "too long"),
        (["log", "1:75", "--area", "machine"], "1:75"),
        (["log", "30", "--area", "nosuch"], 'no study area matches "nosuch"'),
        (["log", "30", "--area", "machine", "--date", "2026-03-12"], "future"),
        (["log", "30", "--area", "machine", "--date", "someday"], "someday"),
        (["log", "30", "--area", "machine", "--milestone", "zzz"], "no milestone matches"),
        (["config", "max_freezes", "9"], "max_freezes"),
        (["config", "colour", "blue"], 'unknown setting "colour"'),
        (["config", "target_date", "2026-03-11"], "is not ahead"),
        (["config", "target_date", "2020-01-01"], "give a day after today (2026-03-11)"),
    ],
)
def test_rejections_exit_2_with_one_line_and_write_nothing(
    args: list[str], message: str, db_path: Path, frozen_now: str
) -> None:
    run_cli("status")  # creates and seeds the database first
    settings_before = _settings(db_path)
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert _entries(db_path) == []
    assert _settings(db_path) == settings_before


def test_ambiguous_area_lists_the_candidates(frozen_now: str) -> None:
    result = run_cli("log", "30", "--area", "data")
    assert result.returncode == 2
    assert "matches several" in result.stderr
    assert "Data science" in result.stderr and "Data engineering" in result.stderr


def test_a_day_may_not_exceed_24_hours(db_path: Path, frozen_now: str) -> None:
    assert run_cli("log", "20h", "--area", "machine").returncode == 0
    result = run_cli("log", "5h", "--area", "machine")
    assert result.returncode == 2
    assert "24" in result.stderr
    assert [m for _, m, _ in _entries(db_path)] == [1200]


def test_status_json_has_the_documented_keys(frozen_now: str) -> None:
    run_cli("log", "45m", "--area", "machine", "--date", "yesterday")
    run_cli("log", "30m", "--area", "machine")
    data = json.loads(run_cli("status", "--json").stdout)
    for key in (
        "date",
        "today_minutes",
        "daily_goal_minutes",
        "week_minutes",
        "weekly_goal_minutes",
        "current_streak_days",
        "longest_streak_days",
        "freezes_held",
        "logged_today",
    ):
        assert key in data
    assert data["date"] == "2026-03-11"
    assert data["today_minutes"] == 30
    assert data["week_minutes"] == 75  # Tuesday and Wednesday of the same week
    assert data["current_streak_days"] == 2
    assert data["logged_today"] is True


def test_log_without_area_repeats_the_last_one(db_path: Path, frozen_now: str) -> None:
    assert run_cli("log", "30m", "--area", "data eng").returncode == 0
    result = run_cli("log", "15m")
    assert result.returncode == 0, result.stderr
    assert [name for _, _, name in _entries(db_path)] == [_entries(db_path)[0][2]] * 2


def test_config_round_trip(frozen_now: str) -> None:
    assert run_cli("config", "daily_goal", "1h30m").stdout.strip() == "daily_goal = 1h 30m"
    assert run_cli("config", "rest_days", "Sat,sunday").stdout.strip() == "rest_days = sat,sun"
    listing = run_cli("config").stdout
    assert "daily_goal      1h 30m" in listing
    assert "rest_days       sat,sun" in listing
    assert json.loads(run_cli("status", "--json").stdout)["daily_goal_minutes"] == 90


def test_where_honours_db_option_and_environment(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "x.db"
    result = run_cli("where", "--db", str(other))
    assert result.returncode == 0
    assert f"database: {other}" in result.stdout
    env_path = tmp_path / "env.db"
    result = run_cli("where", env={"STUDYTUI_DB": str(env_path)})
    assert f"database: {env_path}" in result.stdout
    run_cli("status", env={"STUDYTUI_DB": str(env_path)})
    assert f"schema:   {HEAD}" in run_cli("where", env={"STUDYTUI_DB": str(env_path)}).stdout


def test_timer_start_and_stop_logs_an_entry(db_path: Path, frozen_now: str) -> None:
    started = run_cli("start", "machine")
    assert started.returncode == 0, started.stderr
    again = run_cli("start", "data eng")
    assert again.returncode == 2 and "already running" in again.stderr
    assert '"area": "Machine learning"' in run_cli("status", "--json").stdout
    # The clock is pinned: no time has passed, so there is nothing to log yet.
    too_soon = run_cli("stop")
    assert too_soon.returncode == 2
    assert too_soon.stderr == (
        "studytui: error: the timer for Machine learning ran for less than half a minute; discard "
        "it with `studytui stop --discard` and log the real time with `studytui log`\n"
    )
    later = {"STUDYTUI_NOW": "2026-03-11T21:15:00"}
    stopped = run_cli("stop", "--note", "gradient descent", env=later)
    assert stopped.returncode == 0, stopped.stderr
    assert _entries(db_path) == [("2026-03-11", 45, "Machine learning")]
    assert run_cli("stop", env=later).returncode == 2


def test_not_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("my notes")
    result = run_cli("status", "--db", str(bad))
    assert result.returncode == 2
    assert "is not a studytui database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert bad.read_text() == "my notes"


def test_a_built_in_area_key_wins_over_a_name_prefix(db_path: Path, frozen_now: str) -> None:
    # "ml" starts "MLOps & cloud", but it is Machine learning's short key.
    assert run_cli("log", "30m", "--area", "ml").returncode == 0
    assert run_cli("log", "20m", "--area", "mlops").returncode == 0
    assert [name for _, _, name in _entries(db_path)] == ["Machine learning", "MLOps & cloud"]


def test_log_with_a_milestone_and_no_area_uses_the_milestones_area(
    db_path: Path, frozen_now: str
) -> None:
    assert run_cli("log", "30m", "--area", "ml").returncode == 0
    result = run_cli("log", "40m", "--milestone", "sql for analysis")
    assert result.returncode == 0, result.stderr
    assert [name for _, _, name in _entries(db_path)] == ["Machine learning", "Data engineering"]


def test_back_filling_names_its_day_and_the_streak_as_of_today(
    db_path: Path, frozen_now: str
) -> None:
    assert run_cli("log", "20", "--area", "ml").returncode == 0
    done = run_cli("log", "45", "--area", "ml", "--date", "2026-03-09")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Logged 45m of Machine learning on 2026-03-09. 2026-03-09: 45m of 1h goal"
        " · streak 1 day as of today"
    )


def test_config_with_a_key_alone_prints_its_value(db_path: Path, frozen_now: str) -> None:
    assert run_cli("config", "daily_goal", "45m").returncode == 0
    shown = run_cli("config", "daily_goal")
    assert (shown.returncode, shown.stdout) == (0, "45m\n")
    unknown = run_cli("config", "colour")
    assert unknown.returncode == 2
    assert 'unknown setting "colour"' in unknown.stderr
