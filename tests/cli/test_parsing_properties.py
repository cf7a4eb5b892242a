"""Whatever a user types, the shell answers with exit 0 or 2 and at most one line on stderr,
never a traceback. Hypothesis feeds arbitrary strings as durations, dates, amounts, names and
notes: in-process through `studytui.cli.main` against a real database file (quick enough for
hundreds of cases), and a few of the nastiest through the real command in a subprocess."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.conftest import run_cli

from studytui.cli import main
from studytui.db.engine import Database
from studytui.domain.errors import ValidationError

# Everything a terminal can put in argv: any code point, including the lone surrogates
# Python uses for bytes that are not UTF-8 (surrogateescape), and NUL in-process.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
# Text shaped like what each argument expects, so that cases get past the first check.
NUMBERS = st.from_regex(
    r"\A-?[0-9]{0,40}(\.[0-9]{0,40})?\s*(h|m|hours?|min|:)?\s*[0-9]{0,40}\s*(m|min)?\Z"
)
DATES = st.from_regex(r"\A-?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}\Z") | st.sampled_from(
    ["today", "yesterday", "0001-01-01", "9999-12-31", "1969-12-31", "2026-02-29", ""]
)
AMOUNTS = st.from_regex(r"\A[$€£]?-?[0-9,]{0,40}(\.[0-9]{0,40})?\s*[A-Za-z$€£]{0,4}\Z")
NAMES = ANY_TEXT | st.sampled_from(["ml", "Machine", "[@click=app.quit]", "-x", "--", " "])

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A generated argument can be `--db` followed by any text, which names a database file
    # relative to the working directory: let it land here, never in the checkout.
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def shell(db: Database, capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    """The seeded database as STUDYTUI_DB, shared by every example of a test (the cases
    only ever add entries, which is what a user's database does)."""
    db.dispose()
    yield


def _answer(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse: a usage error (2) or --help (0)
        code = exc.code if isinstance(exc.code, int) else 2
    _, err = capsys.readouterr()
    assert code in (0, 2), (args, code, err)
    assert "Traceback" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, (args, err)
        assert err.startswith("studytui: error: ") or "error:" in err, (args, err)


@EXAMPLES
@given(duration=NUMBERS | ANY_TEXT)
@example(duration="12345678901234567890123456789")
@example(duration="1" * 5000)
@example(duration="99999999999999999999999999999:00")
@example(duration="1e400")
def test_log_durations(duration: str, shell: None, capsys: pytest.CaptureFixture[str]) -> None:
    _answer(["log", duration, "--area", "ml"], capsys)


@EXAMPLES
@given(note=ANY_TEXT, day=DATES | ANY_TEXT)
@example(note="\udcff\x00\x1b[2J", day="0001-01-01")
def test_log_notes_and_days(
    note: str, day: str, shell: None, capsys: pytest.CaptureFixture[str]
) -> None:
    _answer(["log", "5m", "--area", "ml", "--note", note, "--date", day], capsys)


@EXAMPLES
@given(area=NAMES, milestone=NAMES, cert=NAMES, activity=NAMES)
def test_names(area: str, milestone: str, cert: str, activity: str, shell: None, capsys) -> None:
    _answer(["log", "1m", "--area", area], capsys)
    _answer(["log", "1m", "--milestone", milestone], capsys)
    _answer(["log", "1m", "--area", "ml", "--cert", cert, "--activity", activity], capsys)
    _answer(["start", area, "--milestone", milestone], capsys)
    _answer(["stop", "--discard"], capsys)
    _answer(["cert-done", cert], capsys)


@EXAMPLES
@given(
    key=st.sampled_from(
        [
            "daily_goal",
            "weekly_goal",
            "target_date",
            "day_starts_at",
            "week_starts_on",
            "rest_days",
            "streak_freezes",
        ]
    )
    | ANY_TEXT,
    value=NUMBERS | DATES | ANY_TEXT,
)
@example(key="daily_goal", value="12345678901234567890123456789")
@example(key="weekly_goal", value="1234567890123456789012345678.5h")
@example(key="target_date", value="9999-12-31")
@example(key="day_starts_at", value="9" * 5000)
def test_config_values(key: str, value: str, shell: None, capsys) -> None:
    _answer(["config", key, value], capsys)


@EXAMPLES
@given(since=DATES | ANY_TEXT, until=DATES | ANY_TEXT)
def test_journal_ranges(since: str, until: str, shell: None, capsys) -> None:
    _answer(["journal", "--since", since, "--until", until], capsys)


@EXAMPLES
@given(name=NAMES, day=DATES | ANY_TEXT)
def test_cert_done_dates(name: str, day: str, shell: None, capsys) -> None:
    _answer(["cert-done", name, "--date", day], capsys)


@EXAMPLES
@given(since=DATES | ANY_TEXT, until=DATES | ANY_TEXT, by=ANY_TEXT | st.just("week"))
def test_report_and_entries_ranges(
    since: str, until: str, by: str, shell: None, capsys: pytest.CaptureFixture[str]
) -> None:
    _answer(["report", "--from", since, "--to", until, "--by", by, "--csv"], capsys)
    _answer(["entries", "--from", since, "--to", until, "--json"], capsys)


@EXAMPLES
@given(duration=NUMBERS | ANY_TEXT, day=DATES | ANY_TEXT, note=ANY_TEXT, area=NAMES)
def test_edit_an_entry(
    duration: str, day: str, note: str, area: str, shell: None, db: Database, capsys
) -> None:
    from sqlmodel import col, select

    from studytui.db.engine import reading
    from studytui.db.models import LogEntry

    _answer(["log", "1m", "--area", "ml"], capsys)  # an entry to edit, whatever came before
    with reading(db) as session:  # on either engine
        entry = session.exec(select(LogEntry.id).order_by(col(LogEntry.created_at).desc())).first()
    assert entry is not None
    _answer(["edit", entry, "--duration", duration, "--date", day], capsys)
    _answer(["edit", entry, "--note", note, "--area", area], capsys)


@settings(max_examples=300, deadline=None)
@given(amount=AMOUNTS | ANY_TEXT)
@example(amount="9" * 30)
@example(amount="1,000,000,000,000,000,000,000,000,000")
@example(amount="1." + "0" * 40 + "1")
def test_money_amounts_are_read_or_refused(amount: str) -> None:
    """The amounts the forms take (a payment, an exam's cost): a number of cents or a
    ValidationError, never another exception."""
    from studytui.domain.certificates import parse_cost
    from studytui.domain.money import parse_money

    with contextlib.suppress(ValidationError):
        parse_money(amount)
    with contextlib.suppress(ValidationError):
        parse_cost(amount, "USD")


@pytest.mark.parametrize(
    "args",
    [
        ["log", "12345678901234567890123456789", "--area", "ml"],
        ["log", "30m", "--area", "ml", "--note", "\udcff\udcfe not UTF-8"],
        ["log", "30m", "--area", "\udcff"],
        ["log", "30m", "--area", "ml", "--date", "0001-01-01"],
        ["config", "weekly_goal", "1" * 5000],
        ["journal", "--since", "\udcff"],
    ],
    ids=["29 digits", "note not utf-8", "area not utf-8", "year 1", "5000 digits", "since"],
)
def test_the_real_command_answers_in_one_line(args: list[str], db: Database) -> None:
    db.dispose()
    result = run_cli(*args)
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 1, result.stderr


def test_the_database_is_sound_after_all_that(db: Database, db_path: Path) -> None:
    import sqlite3

    db.dispose()
    assert main(["log", "5m", "--area", "ml", "--note", "a\x00b"]) in (0, 2)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
