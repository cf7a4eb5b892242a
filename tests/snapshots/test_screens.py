"""One picture per screen, on a fixed database and a pinned clock (Wednesday 2026-03-11).

Update after an intended change with `pytest tests/snapshots --snapshot-update`, then look at
the SVGs: each docstring says what the picture must show.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from studytui.builtin_content import load_certificate_catalogue
from studytui.db.certificates import add_from_catalogue
from studytui.db.engine import Database, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area, find_milestone
from studytui.db.roadmap import set_status
from studytui.domain.entries import EntryDraft
from studytui.ui.app import make_app
from tests.ui.conftest import settle

TODAY = date(2026, 3, 11)
SIZE = (120, 40)


@pytest.fixture
def demo_path(db: Database, db_path: Path, frozen_now: str) -> Path:
    """A few weeks of study, a milestone in progress and a certificate being prepared."""
    with writing(db) as session:
        ml = find_area(session, "machine")
        programming = find_area(session, "programming")
        course = find_milestone(session, "machine learning spec")
        for back in range(1, 40):
            if back % 6 == 0:
                continue
            add_entry(
                session,
                EntryDraft(
                    day=TODAY - timedelta(days=back),
                    minutes=20 + back % 5 * 20,
                    area_id=(ml if back % 3 else programming).id,
                    milestone_id=course.id if back % 3 else None,
                ),
                today=TODAY,
            )
        add_entry(
            session,
            EntryDraft(
                day=TODAY,
                minutes=45,
                area_id=ml.id,
                milestone_id=course.id,
                note="Regularisation and the bias-variance trade-off",
            ),
            today=TODAY,
        )
        set_status(session, course.id, "in_progress", today=TODAY)
        catalogue = {item.key: item for item in load_certificate_catalogue()}
        add_from_catalogue(session, item=catalogue["gcp-pmle"])
    db.dispose()
    return db_path


def _screen(key: str):
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        if key:
            await pilot.press(key)
            await settle(pilot.app, pilot)

    return run_before


def test_dashboard(snap_compare, demo_path: Path) -> None:
    """Today 45m of 1h; a streak with a freeze; this week against 6h; the heatmap with today
    outlined and the rest days of the last weeks; weekly bars; the split with Machine learning
    far over its 43% target; next up starting with the in-progress course."""
    assert snap_compare(make_app(demo_path), terminal_size=SIZE, run_before=_screen(""))


def test_roadmap(snap_compare, demo_path: Path) -> None:
    """Areas with progress bars; the Machine Learning Specialization marked [~] with its logged
    hours; the detail pane of the first area."""
    assert snap_compare(make_app(demo_path), terminal_size=SIZE, run_before=_screen("r"))


def test_daily_log(snap_compare, demo_path: Path) -> None:
    """Wednesday 11 March 2026: one 45m Machine learning entry with its milestone and note."""
    assert snap_compare(make_app(demo_path), terminal_size=SIZE, run_before=_screen("l"))


def test_certificates(snap_compare, demo_path: Path) -> None:
    """The Google Cloud Professional ML Engineer certificate, planned."""
    assert snap_compare(make_app(demo_path), terminal_size=SIZE, run_before=_screen("c"))


def test_side_activities(snap_compare, demo_path: Path) -> None:
    """No activities yet: the empty screen says how to add one; totals per kind are zero."""
    assert snap_compare(make_app(demo_path), terminal_size=SIZE, run_before=_screen("a"))


def test_settings(snap_compare, demo_path: Path) -> None:
    """Every user setting with its value and what it does."""
    assert snap_compare(make_app(demo_path), terminal_size=SIZE, run_before=_screen("s"))


def test_help(snap_compare, demo_path: Path) -> None:
    """The keys that work everywhere and those of the dashboard."""
    assert snap_compare(make_app(demo_path), terminal_size=SIZE, run_before=_screen("?"))


def test_welcome(snap_compare, db_path: Path, frozen_now: str) -> None:
    """First launch: the three starting points (software development chosen) and the goals."""
    assert snap_compare(make_app(db_path), terminal_size=SIZE, run_before=_screen(""))


@pytest.fixture
def v010_path(db_path: Path, frozen_now: str) -> Path:
    """The database studytui 0.1.0 made (tests/fixtures/make_content_v1.py), before this
    version opens it."""
    import shutil

    shutil.copyfile(Path(__file__).parents[1] / "fixtures" / "content_v1.db", db_path)
    return db_path


def test_whats_new(snap_compare, v010_path: Path) -> None:
    """At 80x24, over the dashboard: the 11 new milestones first, then (scrolling) the updated
    wording, the shares, the new catalogue exams and the retiring MLS-C01; the hint and the
    focused OK button stay in sight."""
    assert snap_compare(make_app(v010_path), terminal_size=(80, 24), run_before=_screen(""))


def test_roadmap_after_a_content_update(snap_compare, v010_path: Path) -> None:
    """At 80x24: the summary says 11 milestones are new in this version; the new ones carry a
    ✦ before their title."""

    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        for key in ("enter", "r"):
            await pilot.press(key)
            await settle(pilot.app, pilot)

    assert snap_compare(make_app(v010_path), terminal_size=(80, 24), run_before=run_before)
