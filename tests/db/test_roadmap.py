"""Roadmap queries and writes on a real SQLite file seeded with the software roadmap."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from studytui.content import load_template
from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area, find_milestone
from studytui.db.models import Area, LogEntry, Milestone
from studytui.db.reads import driver_connection
from studytui.db.roadmap import (
    add_area,
    add_milestone,
    delete_area,
    delete_milestone,
    edit_milestone,
    milestone_detail,
    move_milestone,
    rename_area,
    save_notes,
    set_shares,
    set_status,
    undo_status,
)
from studytui.db.roadmap_view import load_roadmap, next_up_rows, pace_report
from studytui.db.seed import apply_template, switch_template
from studytui.db.settings_store import raw_settings
from studytui.domain.errors import ValidationError

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
            day=day,
            minutes=minutes,
            area_id=area_id,
            milestone_id=milestone_id,
            today=TODAY,
        )


def test_status_change_stamps_dates_and_undo_restores_them(db: Database) -> None:
    (sql,) = _ids(db, "SQL for analysis")
    with writing(db) as session:
        change = set_status(session, sql, "done", today=TODAY)
    assert change.before == ("todo", None, None)
    assert change.after == ("done", TODAY, TODAY)
    with writing(db) as session:
        undo_status(session, change)
    with reading(db) as session:
        m = session.get(Milestone, sql)
        assert (m.status, m.started_on, m.done_on) == ("todo", None, None)


def test_undo_refuses_when_the_milestone_changed_since(db: Database) -> None:
    (sql,) = _ids(db, "SQL for analysis")
    with writing(db) as session:
        change = set_status(session, sql, "in_progress", today=TODAY)
    with writing(db) as session:
        set_status(session, sql, "done", today=TODAY)
    with pytest.raises(ValidationError, match="was changed since"), writing(db) as session:
        undo_status(session, change)
    with reading(db) as session:
        assert session.get(Milestone, sql).status == "done"


def test_hours_logged_per_milestone_are_summed(db: Database) -> None:
    _log(db, "data eng", 90, TODAY, "SQL for analysis")
    _log(db, "data eng", 30, date(2026, 3, 1), "SQL for analysis")
    _log(db, "data eng", 45, TODAY)  # no milestone
    with reading(db) as session:
        roadmap = load_roadmap(driver_connection(session))
        (sql,) = [m for m in roadmap.milestones if m.title.startswith("SQL for analysis")]
        detail = milestone_detail(session, sql.id)
    assert sql.logged_minutes == 120
    assert detail is not None and detail.logged_minutes == 120
    area_id = sql.area_id
    assert roadmap.area_minutes[area_id] == 165


def test_next_up_respects_prerequisites_in_the_seeded_roadmap(db: Database) -> None:
    with reading(db) as session:
        titles = [m.title for m, _ in next_up_rows(driver_connection(session))]
    assert titles[0] == load_template("software").milestones[0].title
    with reading(db) as session:
        blocked = [m for m in load_roadmap(driver_connection(session)).milestones if m.requires]
    assert blocked and all(m.title not in titles for m in blocked)

    (plan,) = _ids(db, "Write a transition plan")
    with writing(db) as session:
        set_status(session, plan, "in_progress", today=TODAY)
    with reading(db) as session:
        rows = next_up_rows(driver_connection(session), limit=2)
    assert rows[0][0].id == plan
    assert rows[0][1] == "Machine learning"
    assert len(rows) == 2


def test_pace_report_uses_the_last_four_weeks(db: Database) -> None:
    _log(db, "machine", 600, TODAY)
    _log(db, "machine", 600, date(2026, 2, 12))  # day 28 back: inside the window
    _log(db, "machine", 600, date(2026, 2, 11))  # day 29 back: outside
    with reading(db) as session:
        report = pace_report(driver_connection(session), today=TODAY, target_date=date(2026, 6, 1))
    assert report.pace.hours_per_week == 5.0
    assert report.pace.finish is not None
    assert report.target is not None and not report.target.on_track
    total = sum(m.hours for m in load_template("software").milestones)
    assert report.lines()[0] == f"Roadmap: 0% done (0 of {total} h estimated)"


def test_notes_are_saved(db: Database) -> None:
    (sql,) = _ids(db, "SQL for analysis")
    with writing(db) as session:
        save_notes(session, sql, "window functions!\nhttps://example.org/my-notebook")
    with reading(db) as session:
        assert session.get(Milestone, sql).notes.endswith("my-notebook")
    with pytest.raises(ValidationError, match="no longer exists"), writing(db) as session:
        save_notes(session, "nope", "x")


def test_add_edit_and_delete_a_milestone_keeps_logged_time(db: Database) -> None:
    with writing(db) as session:
        area = find_area(session, "machine")
        new = add_milestone(session, area_id=area.id, title="  Read  a paper ", estimate_hours=3)
        new_id = new.id
    _log(db, "machine", 60, TODAY, "Read a paper")
    with writing(db) as session:
        edit_milestone(session, new_id, title="Read two papers", estimate_hours=6, why="depth")
    with reading(db) as session:
        m = session.get(Milestone, new_id)
        assert (m.title, m.estimate_hours, m.why) == ("Read two papers", 6, "depth")
        assert m.position == max(x.position for x in session.exec(select(Milestone)))
    with writing(db) as session:
        assert delete_milestone(session, new_id) == "Read two papers"
    with reading(db) as session:
        entries = list(session.exec(select(LogEntry)))
    assert [(e.minutes, e.milestone_id) for e in entries] == [(60, None)]
    with pytest.raises(ValidationError, match="title is empty"), writing(db) as session:
        add_milestone(session, area_id=entries[0].area_id, title="  ", estimate_hours=1)


def test_move_milestone_swaps_with_the_neighbour_in_the_same_area(db: Database) -> None:
    def order(session) -> list[str]:
        area = find_area(session, "machine")
        rows = session.exec(
            select(Milestone.title).where(Milestone.area_id == area.id).order_by(Milestone.position)
        )
        return list(rows)

    with reading(db) as session:
        before = order(session)
    second = _ids(db, before[1])[0]
    with writing(db) as session:
        assert move_milestone(session, second, up=True)
    with reading(db) as session:
        assert order(session)[:2] == [before[1], before[0]]
    with writing(db) as session:
        assert not move_milestone(session, second, up=True)  # already first


def test_areas_add_rename_and_delete(db: Database) -> None:
    with writing(db) as session:
        area_id = add_area(session, name="Statistics").id
    taken = 'already an area called "Machine learning"'
    with pytest.raises(ValidationError, match=taken), writing(db) as session:
        rename_area(session, area_id, name="machine LEARNING")
    with writing(db) as session:
        assert delete_area(session, area_id) == "Statistics"

    _log(db, "machine", 30, TODAY)
    with pytest.raises(ValidationError, match="1 log entry"), writing(db) as session:
        delete_area(session, find_area(session, "machine").id)
    with pytest.raises(ValidationError, match="share"), writing(db) as session:
        delete_area(session, find_area(session, "mlops").id)


def test_shares_are_saved_only_when_they_add_up(db: Database) -> None:
    with reading(db) as session:
        areas = list(session.exec(select(Area)))
    shares = {a.id: "20" for a in areas}
    with writing(db) as session:
        assert sum(set_shares(session, shares).values()) == 100
    shares[areas[0].id] = "25"
    with pytest.raises(ValidationError, match="add up to 105%"), writing(db) as session:
        set_shares(session, shares)
    with reading(db) as session:
        assert {a.share for a in session.exec(select(Area))} == {20}


def test_switching_template_keeps_history_and_notes_and_adds_what_is_missing(
    db: Database,
) -> None:
    (sql,) = _ids(db, "SQL for analysis")
    _log(db, "data eng", 90, TODAY, "SQL for analysis")
    with writing(db) as session:
        set_status(session, sql, "done", today=TODAY)
        save_notes(session, sql, "joins")
        before = len(list(session.exec(select(Milestone))))

    with writing(db) as session:
        added = switch_template(session, load_template("scratch"))
    with reading(db) as session:
        milestones = list(session.exec(select(Milestone)))
        areas = list(session.exec(select(Area)))
        kept = session.get(Milestone, sql)
        settings = raw_settings(session)
        entries = list(session.exec(select(LogEntry)))
    assert added > 0 and len(milestones) == before + added
    # "sql" is in both templates: it is kept once, with its status and notes.
    assert [m.key for m in milestones].count("sql") == 1
    assert (kept.status, kept.notes) == ("done", "joins")
    assert [(e.minutes, e.milestone_id) for e in entries] == [(90, sql)]
    assert settings["template"] == "scratch"
    assert sum(a.share for a in areas) == 100
    assert {a.name for a in areas} >= {"Maths", "Career & portfolio"}

    with writing(db) as session:
        assert apply_template(session, load_template("scratch")) == 0
