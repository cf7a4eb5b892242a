"""Changing the roadmap through the actions, on a real SQLite file seeded with the software
roadmap: statuses and undo on the study day, notes, milestones, areas, shares, starting points,
the Roadmap screen's read and the journal written to a file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from studytui.actions import roadmap
from studytui.actions.errors import StoreError
from studytui.actions.journal import export_journal
from studytui.actions.roadmap import MilestoneDraft, SharesDraft
from studytui.actions.undo import undo
from studytui.builtin_content import load_template
from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area, find_milestone
from studytui.db.models import Area, LogEntry, Milestone
from studytui.db.reads import settings_strings, sql_connection
from studytui.db.seed import apply_template
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError

TODAY = date(2026, 3, 11)
NOW = datetime(2026, 3, 11, 20, 30).astimezone()
# Before the study day starts (04:00 by default): still the 11th.
SMALL_HOURS = datetime(2026, 3, 12, 1, 30).astimezone()


def milestone_id(db: Database, title: str) -> str:
    with reading(db) as session:
        return find_milestone(session, title).id


def area_id(db: Database, name: str) -> str:
    with reading(db) as session:
        return find_area(session, name).id


def log(db: Database, area: str, minutes: int, day: date, milestone: str | None = None) -> None:
    with writing(db) as session:
        found = find_milestone(session, milestone).id if milestone else None
        draft = EntryDraft(day, minutes, find_area(session, area).id, milestone_id=found)
        add_entry(session, draft, today=TODAY)


def stored(db: Database, milestone: str) -> Milestone:
    with reading(db) as session:
        found = session.get(Milestone, milestone)
        assert found is not None
        return found


def shares(db: Database) -> dict[str, int]:
    with reading(db) as session:
        return {a.name: a.share for a in session.exec(select(Area))}


# --- status and notes --------------------------------------------------------------------------


def test_status_change_stamps_the_study_day_and_undo_restores_it(db: Database) -> None:
    sql = milestone_id(db, "SQL for analysis")
    change = roadmap.set_status(db, sql, "done", now=SMALL_HOURS)
    assert change.change.before == ("todo", None, None)
    assert change.change.after == ("done", TODAY, TODAY)
    said = undo(db, change, now=NOW)
    assert said.startswith('Undone: set "SQL for analysis: joins')
    assert said.endswith(" to done; it is todo again.")  # not read as done now
    m = stored(db, sql)
    assert (m.status, m.started_on, m.done_on) == ("todo", None, None)


def test_undo_refuses_when_the_milestone_changed_since(db: Database) -> None:
    sql = milestone_id(db, "SQL for analysis")
    change = roadmap.set_status(db, sql, "in_progress", now=NOW)
    roadmap.set_status(db, sql, "done", now=NOW)
    with pytest.raises(ValidationError, match="was changed since"):
        undo(db, change, now=NOW)
    assert stored(db, sql).status == "done"


def test_an_unknown_status_changes_nothing(db: Database) -> None:
    sql = milestone_id(db, "SQL for analysis")
    with pytest.raises(ValidationError, match='unknown status "finished"'):
        roadmap.set_status(db, sql, "finished", now=NOW)
    assert stored(db, sql).status == "todo"


def test_notes_are_saved(db: Database) -> None:
    sql = milestone_id(db, "SQL for analysis")
    roadmap.save_notes(db, sql, "window functions!\nhttps://example.org/my-notebook", now=NOW)
    assert stored(db, sql).notes.endswith("my-notebook")
    with pytest.raises(ValidationError, match="no longer exists"):
        roadmap.save_notes(db, "nope", "x", now=NOW)


# --- milestones --------------------------------------------------------------------------------


def test_add_edit_and_delete_a_milestone_keeps_logged_time(db: Database) -> None:
    machine = area_id(db, "machine")
    new = roadmap.add_milestone(db, machine, MilestoneDraft("  Read  a paper ", 3), now=NOW)
    assert new.name == "Read a paper"
    log(db, "machine", 60, TODAY, "Read a paper")
    edited = roadmap.edit_milestone(
        db, new.id, MilestoneDraft("Read two papers", 6, "depth "), now=NOW
    )
    assert edited == roadmap.Saved(new.id, "Read two papers")
    m = stored(db, new.id)
    assert (m.title, m.estimate_hours, m.why) == ("Read two papers", 6, "depth")
    with reading(db) as session:
        assert m.position == max(x.position for x in session.exec(select(Milestone)))
    assert roadmap.delete_milestone(db, new.id, now=NOW).name == "Read two papers"
    with reading(db) as session:
        entries = list(session.exec(select(LogEntry)))
    assert [(e.minutes, e.milestone_id) for e in entries] == [(60, None)]


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (MilestoneDraft("  ", 1), "title is empty"),
        (MilestoneDraft("Read a paper", 2001), 'estimate "2001" not accepted'),
        (MilestoneDraft("Read a paper", -1), 'estimate "-1" not accepted'),
    ],
    ids=["empty-title", "estimate-too-big", "estimate-negative"],
)
def test_a_bad_milestone_is_refused_and_nothing_is_written(
    db: Database, draft: MilestoneDraft, message: str
) -> None:
    with reading(db) as session:
        before = len(list(session.exec(select(Milestone))))
    sql = milestone_id(db, "SQL for analysis")
    title = stored(db, sql).title
    with pytest.raises(ValidationError, match=message):
        roadmap.add_milestone(db, area_id(db, "machine"), draft, now=NOW)
    with pytest.raises(ValidationError, match=message):
        roadmap.edit_milestone(db, sql, draft, now=NOW)
    with reading(db) as session:
        assert len(list(session.exec(select(Milestone)))) == before
    assert stored(db, sql).title == title


def test_a_title_taken_by_another_milestone_is_refused_in_any_case(db: Database) -> None:
    """`--milestone` picks by title: two milestones of one title could not be told apart."""
    machine = area_id(db, "machine")
    pandas = "Data wrangling with pandas and NumPy"
    with reading(db) as session:
        before = len(list(session.exec(select(Milestone))))
    for typed in (pandas, f"  {pandas.upper()} "):
        with pytest.raises(ValidationError, match=f'already a milestone called "{pandas}"'):
            roadmap.add_milestone(db, machine, MilestoneDraft(typed, 3), now=NOW)
    sql = milestone_id(db, "SQL for analysis")
    title = stored(db, sql).title
    with pytest.raises(ValidationError, match=f'already a milestone called "{pandas}"'):
        roadmap.edit_milestone(db, sql, MilestoneDraft(pandas.lower(), 3), now=NOW)
    with reading(db) as session:
        assert len(list(session.exec(select(Milestone)))) == before
    assert stored(db, sql).title == title
    # Its own title, in another case, is no clash.
    assert roadmap.edit_milestone(db, sql, MilestoneDraft(title.upper(), 3), now=NOW).name == (
        title.upper()
    )


def test_milestones_that_share_a_title_from_before_stay_editable_and_say_why_unpickable(
    db: Database,
) -> None:
    pandas = "Data wrangling with pandas and NumPy"
    first = milestone_id(db, pandas)
    with writing(db) as session:  # as an old database or an old undo could have left them
        twin = Milestone(area_id=stored(db, first).area_id, title=pandas, position=99)
        session.add(twin)
        session.flush()
        twin_id = twin.id
    edited = roadmap.edit_milestone(db, twin_id, MilestoneDraft(pandas, 7), now=NOW)
    assert (edited.name, stored(db, twin_id).estimate_hours) == (pandas, 7)
    with pytest.raises(ValidationError, match=f'2 milestones are called "{pandas}": rename one'):
        milestone_id(db, pandas)
    roadmap.edit_milestone(db, twin_id, MilestoneDraft(f"{pandas} again", 7), now=NOW)
    assert milestone_id(db, pandas) == first


def test_a_milestone_cannot_be_added_to_an_area_that_is_gone(db: Database) -> None:
    with pytest.raises(ValidationError, match="study area no longer exists"):
        roadmap.add_milestone(db, "gone", MilestoneDraft("Read a paper"), now=NOW)


def _titles_in(db: Database, area: str) -> list[str]:
    with reading(db) as session:
        rows = session.exec(
            select(Milestone.title)
            .where(Milestone.area_id == find_area(session, area).id)
            .order_by(col(Milestone.position))
        )
        return list(rows)


def test_move_milestone_swaps_with_the_neighbour_in_the_same_area(db: Database) -> None:
    before = _titles_in(db, "machine")
    second = milestone_id(db, before[1])
    assert roadmap.move_milestone(db, second, up=True, now=NOW)
    assert _titles_in(db, "machine")[:2] == [before[1], before[0]]
    assert not roadmap.move_milestone(db, second, up=True, now=NOW)  # already first


# --- areas and shares --------------------------------------------------------------------------


def test_areas_add_rename_move_and_delete(db: Database) -> None:
    new = roadmap.add_area(db, " Statistics ", now=NOW)
    assert new.name == "Statistics"
    assert shares(db)["Statistics"] == 0
    taken = 'already an area called "Machine learning"'
    with pytest.raises(ValidationError, match=taken):
        roadmap.rename_area(db, new.id, "machine LEARNING", now=NOW)
    assert roadmap.rename_area(db, new.id, "Stats", now=NOW) == roadmap.Saved(new.id, "Stats")

    def area_names() -> list[str]:
        return [a.name for a in roadmap.roadmap_view(db, now=NOW).roadmap.areas]

    before = area_names()
    assert before[-1] == "Stats"
    assert roadmap.move_area(db, new.id, up=True, now=NOW)
    assert area_names() == [*before[:-2], "Stats", before[-2]]
    assert not roadmap.move_area(db, area_id(db, before[0]), up=True, now=NOW)  # already first

    assert roadmap.check_delete_area(db, new.id, now=NOW).milestones == 0  # that would go
    assert roadmap.delete_area(db, new.id, now=NOW).name == "Stats"
    log(db, "machine", 30, TODAY)
    for action in (roadmap.check_delete_area, roadmap.delete_area):  # checked before asking
        with pytest.raises(ValidationError, match="1 log entry"):
            action(db, area_id(db, "machine"), now=NOW)
        with pytest.raises(ValidationError, match="share"):
            action(db, area_id(db, "mlops"), now=NOW)
    assert {"Machine learning", "MLOps & cloud"} <= set(shares(db))


def test_shares_are_saved_only_when_they_add_up(db: Database) -> None:
    with reading(db) as session:
        ids = [a.id for a in session.exec(select(Area))]
    assert len(ids) == 5
    roadmap.set_shares(db, SharesDraft(tuple((aid, 20) for aid in ids)), now=NOW)
    assert set(shares(db).values()) == {20}
    uneven = SharesDraft(((ids[0], 25), *((aid, 20) for aid in ids[1:])))
    with pytest.raises(ValidationError, match="add up to 105%"):
        roadmap.set_shares(db, uneven, now=NOW)
    with pytest.raises(ValidationError, match="areas changed meanwhile"):
        roadmap.set_shares(db, SharesDraft(((ids[0], 100),)), now=NOW)
    assert set(shares(db).values()) == {20}


# --- starting points ---------------------------------------------------------------------------


def test_switching_template_keeps_history_and_notes_and_adds_what_is_missing(
    db: Database,
) -> None:
    sql = milestone_id(db, "SQL for analysis")
    log(db, "data eng", 90, TODAY, "SQL for analysis")
    roadmap.set_status(db, sql, "done", now=NOW)
    roadmap.save_notes(db, sql, "joins", now=NOW)
    with reading(db) as session:
        before = len(list(session.exec(select(Milestone))))

    done = roadmap.switch_template(db, "scratch", now=NOW)
    with reading(db) as session:
        milestones = list(session.exec(select(Milestone)))
        areas = list(session.exec(select(Area)))
        settings = settings_strings(sql_connection(session))
        entries = list(session.exec(select(LogEntry)))
    kept = stored(db, sql)
    assert done.key == "scratch" and done.name
    assert done.added > 0 and len(milestones) == before + done.added
    # "sql" is in both templates: it is kept once, with its status and notes.
    assert [m.key for m in milestones].count("sql") == 1
    assert (kept.status, kept.notes) == ("done", "joins")
    assert [(e.minutes, e.milestone_id) for e in entries] == [(90, sql)]
    assert settings["template"] == "scratch"
    assert sum(a.share for a in areas) == 100
    assert {a.name for a in areas} >= {"Maths", "Career & portfolio"}
    assert roadmap.roadmap_view(db, now=NOW).template == "scratch"

    # Switching back adds nothing new: everything of it is there already.
    assert roadmap.switch_template(db, "software", now=NOW).added == 0
    with writing(db) as session:
        from studytui.builtin_content import load_template

        assert apply_template(session, load_template("scratch")) == 0


def test_an_unknown_template_is_refused_before_anything_changes(db: Database) -> None:
    before = shares(db)
    with pytest.raises(ValidationError, match='unknown roadmap template "nosuch"'):
        roadmap.switch_template(db, "nosuch", now=NOW)
    assert shares(db) == before
    assert roadmap.roadmap_view(db, now=NOW).template == "software"


# --- what the Roadmap screen reads -------------------------------------------------------------


def test_the_roadmap_view_has_the_day_next_up_pace_and_the_selected_detail(db: Database) -> None:
    log(db, "data eng", 90, TODAY, "SQL for analysis")
    sql = milestone_id(db, "SQL for analysis")
    for n in range(3):  # more ready to start than the screen shows
        roadmap.add_milestone(db, area_id(db, "ml"), MilestoneDraft(f"Paper {n}", 0), now=NOW)
    everything = roadmap.next_up(db, now=NOW).rows
    assert len(everything) > roadmap.ROADMAP_NEXT_UP

    view = roadmap.roadmap_view(db, now=SMALL_HOURS, milestone_id=sql)
    assert view.today == TODAY
    assert view.template == "software"
    assert len(view.roadmap.areas) == 5
    assert [m.logged_minutes for m in view.roadmap.milestones if m.id == sql] == [90]
    assert view.next_up.rows == everything[: roadmap.ROADMAP_NEXT_UP]
    assert view.next_up.more == len(everything) - roadmap.ROADMAP_NEXT_UP
    total = sum(m.hours for m in load_template("software").milestones)
    assert view.next_up.report.lines()[0] == f"Roadmap: 0% done (0 of {total} h estimated)"
    assert view.detail is not None
    assert (view.detail.id, view.detail.logged_minutes) == (sql, 90)
    assert view.detail.area == "Data engineering"
    assert roadmap.milestone_detail(db, sql, now=NOW) == view.detail

    assert roadmap.roadmap_view(db, now=NOW).detail is None
    roadmap.delete_milestone(db, sql, now=NOW)
    assert roadmap.roadmap_view(db, now=NOW, milestone_id=sql).detail is None
    assert roadmap.milestone_detail(db, sql, now=NOW) is None


def test_next_up_follows_status_and_limit(db: Database) -> None:
    plan = milestone_id(db, "Write a transition plan")
    roadmap.set_status(db, plan, "in_progress", now=NOW)
    found = roadmap.next_up(db, now=NOW, limit=2)
    assert found.rows[0][0].id == plan
    assert found.rows[0][1] == "Machine learning"
    assert len(found.rows) == 2 and found.more > 0
    assert len(roadmap.next_up(db, now=NOW).rows) == 2 + found.more


# --- the journal, written to a file ------------------------------------------------------------


def test_the_journal_is_written_whole_to_the_file(db: Database, tmp_path: Path) -> None:
    log(db, "machine", 90, date(2026, 3, 2))
    out = export_journal(db, tmp_path / "journal.md", now=NOW)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Learning journal\n")
    assert "2026-03-02 to 2026-03-11: 1.5 h of study in 1 week." in text

    since = export_journal(db, tmp_path / "march.md", since="2026-03-09", now=NOW)
    assert "Nothing logged in this period." in since.read_text(encoding="utf-8")


def test_a_journal_that_cannot_be_written_leaves_no_file(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "journal.md"
    with pytest.raises(StoreError, match=r"no-such-folder: the folder does not exist"):
        export_journal(db, target, now=NOW)
    assert not target.parent.exists()
    with pytest.raises(ValidationError, match="after it ends"):
        export_journal(db, tmp_path / "j.md", since="2026-03-05", until="2026-03-01", now=NOW)
    assert list(tmp_path.glob("*.md")) == []
