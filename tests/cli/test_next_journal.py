"""`studytui next` and `studytui journal`, in-process (the real process is covered by one
subprocess test). The journal is compared line by line with tests/fixtures/journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import run_cli

from studytui.cli import main
from studytui.db.engine import Database, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area, find_milestone
from studytui.db.models import Certificate, SideActivity
from studytui.db.roadmap import set_status
from studytui.db.setting_rows import set_setting
from studytui.domain.entries import EntryDraft

FIXTURES = Path(__file__).parent.parent / "fixtures" / "journal"
TODAY = date(2026, 3, 11)


def _log(session, day: str, minutes: int, area: str, milestone: str | None = None, note: str = ""):
    add_entry(
        session,
        EntryDraft(
            day=date.fromisoformat(day),
            minutes=minutes,
            area_id=find_area(session, area).id,
            milestone_id=find_milestone(session, milestone).id if milestone else None,
            note=note,
        ),
        today=TODAY,
    )


@pytest.fixture
def journal_db(db: Database) -> Database:
    """Five weeks of a switcher's study with fixed dates."""
    with writing(db) as session:
        _log(session, "2026-02-20", 30, "data science", note="Linear algebra refresher")
        _log(session, "2026-03-02", 90, "machine", "transition", "Drafted the plan; manager agreed")
        _log(session, "2026-03-03", 60, "data eng")
        _log(session, "2026-03-04", 45, "machine", note="Read the ML interviews book,\nchapter 1")
        _log(session, "2026-03-10", 120, "programming", "python", "Generators and type hints")
        _log(session, "2026-03-11", 25, "programming")
        plan = find_milestone(session, "transition").id
        python = find_milestone(session, "python").id
        set_status(session, plan, "in_progress", today=date(2026, 3, 2))
        set_status(session, plan, "done", today=date(2026, 3, 4))
        set_status(session, python, "in_progress", today=date(2026, 3, 10))
        session.add(
            Certificate(
                name="AWS Certified Cloud Practitioner",
                status="passed",
                passed_date=date(2026, 3, 6),
            )
        )
        session.add(Certificate(name="Google Cloud Digital Leader", status="planned"))
        session.add(
            SideActivity(
                kind="talk",
                title="Short talk at the local Python meetup",
                status="done",
                end_date=date(2026, 3, 9),
            )
        )
        session.add(SideActivity(kind="writing", title="Blog post on SQL", status="active"))
    db.dispose()
    return db


def _lines_match(actual: str, expected_file: Path) -> None:
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    got = actual.splitlines()
    for number, (want, have) in enumerate(zip(expected, got, strict=False), start=1):
        assert have == want, f"line {number} differs"
    assert len(got) == len(expected)


def test_journal_matches_the_expected_markdown_line_by_line(
    journal_db: Database, db_path: Path, frozen_now: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["journal", "--since", "2026-02-16"]) == 0
    _lines_match(capsys.readouterr().out, FIXTURES / "five_weeks.md")


def test_journal_to_a_file_defaults_to_the_first_entry(
    journal_db: Database, db_path: Path, tmp_path: Path, frozen_now: str
) -> None:
    out = tmp_path / "journal.md"
    assert main(["journal", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    # The first entry is on 2026-02-20, a Friday: its week starts on Monday the 16th.
    assert text.splitlines()[2].startswith("2026-02-20 to 2026-03-11: 6.2 h of study in 3 weeks.")
    assert "## Week of 2026-02-16" in text


def test_a_journal_that_cannot_be_written_is_one_line_and_no_file(
    journal_db: Database,
    db_path: Path,
    tmp_path: Path,
    frozen_now: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "missing" / "journal.md"
    assert main(["journal", "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        f"studytui: error: cannot use {out.parent}: the folder does not exist"
    )
    assert len(captured.err.strip().splitlines()) == 1
    assert not out.parent.exists()


def test_journal_weeks_follow_the_week_start_setting(
    journal_db: Database, db_path: Path, frozen_now: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with writing(journal_db) as session:
        set_setting(session, "week_starts_on", "sunday", today=date(2026, 3, 11))
    assert main(["journal", "--since", "2026-03-01"]) == 0
    out = capsys.readouterr().out
    assert "## Week of 2026-03-01" in out and "## Week of 2026-03-08" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-03-12"], "future"),
        (["--since", "2026-03-05", "--until", "2026-03-01"], "after it ends"),
        (["--until", "March"], 'day "March" not understood'),
    ],
)
def test_journal_rejects_bad_dates_in_one_line(
    args: list[str],
    message: str,
    journal_db: Database,
    db_path: Path,
    frozen_now: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["journal", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_next_lists_in_progress_then_ready_and_the_pace(
    journal_db: Database, db_path: Path, frozen_now: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with writing(journal_db) as session:
        set_setting(session, "target_date", "2026-12-31", today=date(2026, 3, 11))
    assert main(["next"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Next up:"
    assert lines[1] == (
        "  [~] Write Python the way the data ecosystem expects "
        "(Programming & software engineering; 12 h estimated, 2.0 h logged)"
    )
    # Then the ready ones in roadmap order: area by area, not by position across areas.
    assert lines[2].startswith("  [ ] ")
    # 576 h open minus 2 h logged on the one in progress, at 370 min / 4 weeks = 1.54 h a week:
    # about 2606 days. The target is 295 days away: 574 h / 42.1 weeks.
    assert "Roadmap: 0% done (4 of 580 h estimated)" in lines
    assert "Pace: at 1.5 h a week: about 2033-04-30" in lines
    assert "Target: to finish by 2026-12-31 you need 13.6 h a week" in lines


def test_status_json_has_the_projected_finish_through_the_real_command(
    journal_db: Database, frozen_now: str
) -> None:
    import json

    data = json.loads(run_cli("status", "--json").stdout)
    assert data["projected_finish"] == "2033-04-30"
    assert data["hours_per_week_needed"] is None  # no target date set
    text = run_cli("status").stdout
    assert "Pace: at 1.5 h a week: about 2033-04-30" in text
