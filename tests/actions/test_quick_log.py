"""The quick `studytui log` (plain sqlite3) and the full one (SQLModel) are one set of rules:
for the same input they write the same row, or refuse it with the same words."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studytui.actions.database import open_database
from studytui.actions.log import log_time
from studytui.actions.log_request import LogRequest, quick_log
from studytui.db.engine import Database, writing
from studytui.db.models import Certificate, SideActivity
from studytui.domain.errors import ValidationError

NOW = datetime(2026, 3, 11, 20, 30).astimezone()
COLUMNS = "day, minutes, area_id, milestone_id, certificate_id, activity_id, note"

requests = st.builds(
    LogRequest,
    minutes=st.integers(min_value=1, max_value=1500),
    day=st.sampled_from(
        [None, "today", "yesterday", "2026-03-01", "2026-03-12", "2026-02-30", "soon", ""]
    ),
    area=st.sampled_from([None, "ml", "ML", "mlops", "data", "data e", "mach", "quantum", ""]),
    milestone=st.sampled_from([None, "python", "sql", "deep", "zzz", ""]),
    certificate=st.sampled_from([None, "aws", "gcp", ""]),
    activity=st.sampled_from([None, "blog", "talk", ""]),
    note=st.text(max_size=40),
)


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT {COLUMNS} FROM log_entry ORDER BY created_at").fetchall()


@pytest.fixture
def two_copies(db: Database, db_path: Path, tmp_path: Path):
    with writing(db) as session:
        session.add(Certificate(name="AWS Certified Machine Learning Engineer - Associate"))
        session.add(Certificate(name="AWS Certified Cloud Practitioner"))
        session.add(SideActivity(kind="writing", title="Blog post on RAG"))
    db.dispose()
    quick_path = tmp_path / "quick.db"
    shutil.copyfile(db_path, quick_path)
    full = open_database(db_path)
    yield full, db_path, quick_path
    full.dispose()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(request=requests)
@example(request=LogRequest(45, area="ml", milestone="sql", activity="blog", note=" n "))
@example(request=LogRequest(20, day="yesterday", milestone="python", certificate="aws cert"))
@example(request=LogRequest(15, certificate="aws cloud"))  # the area logged last
def test_the_quick_and_the_full_road_write_the_same_row(two_copies, request: LogRequest) -> None:
    full, full_path, quick_path = two_copies
    try:
        by_full = log_time(full, request, now=NOW)
    except ValidationError as exc:
        by_full = str(exc)  # type: ignore[assignment]
    try:
        by_quick = quick_log(quick_path, request, now=NOW)
        assert by_quick is not None, "a set-up database must take the quick road"
    except ValidationError as exc:
        by_quick = str(exc)  # type: ignore[assignment]
    if isinstance(by_full, str) or isinstance(by_quick, str):
        assert by_full == by_quick
    else:
        assert by_full.__dict__ | {"entry_id": ""} == by_quick.__dict__ | {"entry_id": ""}
    assert _rows(full_path) == _rows(quick_path)


def test_an_unset_or_missing_database_takes_the_full_road(tmp_path: Path) -> None:
    assert quick_log(tmp_path / "none.db", LogRequest(30, area="ml"), now=NOW) is None
    fresh = open_database(tmp_path / "fresh.db")  # created, but no roadmap yet
    fresh.dispose()
    assert quick_log(tmp_path / "fresh.db", LogRequest(30, area="ml"), now=NOW) is None
