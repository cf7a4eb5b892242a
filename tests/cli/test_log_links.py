"""`studytui log --cert/--activity` and `studytui stop` on a timer that cannot be one entry."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.postgres import stored_sql

from studytui.cli import main
from studytui.db.engine import Database, writing
from studytui.db.lookup import find_area
from studytui.db.models import Certificate, RunningTimer, SideActivity

pytestmark = pytest.mark.usefixtures("frozen_now")  # Wednesday 2026-03-11, 20:30


@pytest.fixture
def linked(db: Database) -> Database:
    with writing(db) as session:
        session.add(Certificate(name="AWS Certified Machine Learning Engineer"))
        session.add(Certificate(name="Azure AI Engineer"))
        session.add(SideActivity(kind="writing", title="Blog post on feature stores"))
    db.dispose()
    return db


def links(db_path: Path) -> list[tuple[int, str | None, str | None]]:
    with stored_sql() as conn:
        return conn.execute(
            "select e.minutes, c.name, s.title from log_entry e "
            "left join certificate c on c.id = e.certificate_id "
            "left join side_activity s on s.id = e.activity_id"
        ).fetchall()


def test_log_attributes_the_entry_through_a_real_process(linked: Database, db_path: Path) -> None:
    result = run_cli("log", "1h", "--area", "mach", "--cert", "aws", "--activity", "blog")
    assert result.returncode == 0, result.stderr
    assert "towards AWS Certified Machine Learning Engineer, Blog post on feature stores" in (
        result.stdout
    )
    assert links(db_path) == [
        (60, "AWS Certified Machine Learning Engineer", "Blog post on feature stores")
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cert", "a"], '"a" matches several certificates'),
        (["--cert", "gcp"], 'no certificate matches "gcp"'),
        (["--activity", "talk"], 'no side activity matches "talk"'),
    ],
)
def test_an_unknown_or_ambiguous_link_writes_nothing(
    linked: Database,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    assert main(["log", "30", "--area", "machine", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert links(db_path) == []


def test_a_timer_over_24_hours_asks_for_discard_then_discards(db: Database, db_path: Path) -> None:
    with writing(db) as session:
        area = find_area(session, "machine")
        session.add(RunningTimer(area_id=area.id, started_at=datetime(2026, 3, 9, tzinfo=UTC)))
    db.dispose()
    refused = run_cli("stop")
    assert refused.returncode == 2
    assert "more than one entry can hold (24h)" in refused.stderr
    assert "studytui stop --discard" in refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert links(db_path) == []
    discarded = run_cli("stop", "--discard")
    assert discarded.returncode == 0, discarded.stderr
    assert "nothing was logged" in discarded.stdout
    with stored_sql() as conn:
        assert conn.execute("select count(*) from running_timer").fetchone() == (0,)
    assert links(db_path) == []
