"""Roadmap queries on a real SQLite file seeded with the software roadmap: hours summed per
milestone and area, next up, pace. Changing the roadmap is tested through its actions
(tests/actions/test_roadmap.py)."""

from __future__ import annotations

from datetime import date

from studytui.builtin_content import load_template
from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area, find_milestone
from studytui.db.reads import sql_connection
from studytui.db.roadmap import milestone_detail, set_status
from studytui.db.roadmap_view import load_roadmap, next_up_rows, pace_report
from studytui.domain.entries import EntryDraft

TODAY = date(2026, 3, 11)


def _ids(db: Database, *titles: str) -> list[str]:
    with reading(db) as session:
        return [find_milestone(session, t).id for t in titles]


def _log(db: Database, area: str, minutes: int, day: date, milestone: str | None = None) -> None:
    with writing(db) as session:
        area_id = find_area(session, area).id
        milestone_id = find_milestone(session, milestone).id if milestone else None
        add_entry(
            session,
            EntryDraft(day=day, minutes=minutes, area_id=area_id, milestone_id=milestone_id),
            today=TODAY,
        )


def test_hours_logged_per_milestone_are_summed(db: Database) -> None:
    _log(db, "data eng", 90, TODAY, "SQL for analysis")
    _log(db, "data eng", 30, date(2026, 3, 1), "SQL for analysis")
    _log(db, "data eng", 45, TODAY)  # no milestone
    with reading(db) as session:
        roadmap = load_roadmap(sql_connection(session))
        (sql,) = [m for m in roadmap.milestones if m.title.startswith("SQL for analysis")]
        detail = milestone_detail(session, sql.id)
    assert sql.logged_minutes == 120
    assert detail is not None and detail.logged_minutes == 120
    area_id = sql.area_id
    assert roadmap.area_minutes[area_id] == 165


def test_next_up_respects_prerequisites_in_the_seeded_roadmap(db: Database) -> None:
    with reading(db) as session:
        conn = sql_connection(session)
        rows = next_up_rows(conn)
        area_order = [a.name for a in load_roadmap(conn).areas]
    titles = [m.title for m, _ in rows]
    # Roadmap order: the areas in turn (Programming first), each area's milestones in theirs.
    assert titles[0] == "Write Python the way the data ecosystem expects"
    shown_areas = [area_order.index(area) for _, area in rows]
    assert shown_areas == sorted(shown_areas)
    with reading(db) as session:
        blocked = [m for m in load_roadmap(sql_connection(session)).milestones if m.requires]
    assert blocked and all(m.title not in titles for m in blocked)

    (plan,) = _ids(db, "Write a transition plan")
    with writing(db) as session:
        set_status(session, plan, "in_progress", today=TODAY)
    with reading(db) as session:
        rows = next_up_rows(sql_connection(session), limit=2)
    assert rows[0][0].id == plan
    assert rows[0][1] == "Machine learning"
    assert len(rows) == 2


def test_pace_report_uses_the_last_four_weeks(db: Database) -> None:
    _log(db, "machine", 600, TODAY)
    _log(db, "machine", 600, date(2026, 2, 12))  # day 28 back: inside the window
    _log(db, "machine", 600, date(2026, 2, 11))  # day 29 back: outside
    with reading(db) as session:
        report = pace_report(sql_connection(session), today=TODAY, target_date=date(2026, 6, 1))
    assert report.pace.hours_per_week == 5.0
    assert report.pace.finish is not None
    assert report.target is not None and not report.target.on_track
    total = sum(m.hours for m in load_template("software").milestones)
    assert report.lines()[0] == f"Roadmap: 0% done (0 of {total} h estimated)"
