"""`studytui whats-new` lists what content updates brought, as a user runs it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.postgres import SQLITE_ONLY

from studytui.cli.whats_new import news_lines

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content_v1.db"
NOW = {"STUDYTUI_NOW": "2026-11-29T10:00:00"}


@SQLITE_ONLY  # the 0.1.0 database is a file; the upgrade itself runs on both (tests/db)
def test_an_updated_database_lists_the_update_and_counts_as_told(cli, db_path: Path) -> None:
    shutil.copyfile(FIXTURE, db_path)
    first = cli("whats-new", env=NOW)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "Content version 2, brought to this database on 2026-11-29:"
    assert lines[1] == "11 new milestones on your roadmap:"
    assert "  + Practise ML system design and coding interviews" in lines
    assert (
        "AWS Certified Machine Learning - Specialty: exam retired on 2026-03-31, successor "
        "AWS Certified Machine Learning Engineer - Associate (MLA-C01)." in lines
    )
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT announced FROM content_update").fetchall() == [(1,)]
    again = cli("whats-new", env=NOW)
    assert again.stdout == first.stdout  # listed any time after


def test_a_roadmap_of_this_version_has_nothing_new(cli, db) -> None:
    result = cli("whats-new")
    assert result.returncode == 0
    assert result.stdout.startswith("Nothing new")


def test_updates_are_listed_newest_first() -> None:
    from datetime import UTC, datetime

    from studytui.domain.content_update import ContentNews

    at = datetime(2027, 5, 1, 12, tzinfo=UTC)
    lines = news_lines([ContentNews(3, at, ("three",), True), ContentNews(2, at, ("two",), True)])
    assert [line for line in lines if not line.startswith("Content")] == ["three", "", "two"]
