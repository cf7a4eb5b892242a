"""Putting deleted rows back, and searching text, on both engines (a file, and the test
PostgreSQL server): the SQL of `db.undo` and `db.search` must mean the same on each."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from tests.postgres import plain_sql

from studytui.db.activities import add_activity, add_payment, delete_activity, get_activity
from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_milestone
from studytui.db.roadmap import delete_area, delete_milestone, save_notes
from studytui.db.search import search_activities, search_entries, search_milestones
from studytui.db.seed import SwitchUndone, switch_template, undo_switch
from studytui.db.undo import put_back, removing_activity
from studytui.domain.activities import ActivityInput, PaymentDraft
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.money import Money

TODAY = date(2026, 3, 11)
TABLES = (
    "area",
    "milestone",
    "milestone_resource",
    "milestone_prerequisite",
    "side_activity",
    "payment",
    "log_entry",
    "setting",
)


def dump(db: Database) -> dict[str, list[tuple]]:
    with plain_sql(db) as sql:
        return {
            t: sorted((tuple(r) for r in sql.execute(f"select * from {t}").fetchall()), key=repr)
            for t in TABLES
        }


def test_a_milestone_and_an_area_come_back_as_they_were(db: Database) -> None:
    with writing(db) as session:
        pandas = find_milestone(session, "Data wrangling with pandas")
        save_notes(session, pandas.id, "groupby")
        add_entry(
            session,
            EntryDraft(TODAY, 30, pandas.area_id, milestone_id=pandas.id, note="x"),
            today=TODAY,
        )
    before = dump(db)
    with writing(db) as session:
        _title, removed = delete_milestone(session, pandas.id)
    assert dump(db) != before
    with writing(db) as session:
        put_back(session, removed)
    assert dump(db) == before
    with pytest.raises(ValidationError, match="back already"), writing(db) as session:
        put_back(session, removed)
    assert dump(db) == before

    with writing(db) as session:
        area = find_milestone(session, "Data wrangling with pandas").area_id
        session.execute(text("update area set share = 0 where id = :a"), {"a": area})
        session.execute(text("delete from log_entry"))
    before = dump(db)
    with writing(db) as session:
        _name, removed = delete_area(session, area)
    with writing(db) as session:
        put_back(session, removed)
    assert dump(db) == before


def test_an_activity_comes_back_with_its_payments_and_time(db: Database) -> None:
    with writing(db) as session:
        activity = add_activity(session, data=ActivityInput("writing", "Paid article"), today=TODAY)
        add_payment(session, activity.id, PaymentDraft(Money(5000, "EUR"), TODAY), today=TODAY)
        area = find_milestone(session, "Data wrangling with pandas").area_id
        add_entry(session, EntryDraft(TODAY, 20, area, activity_id=activity.id), today=TODAY)
    before = dump(db)
    with writing(db) as session:
        removed = removing_activity(session, get_activity(session, activity.id))
        delete_activity(session, activity.id)
    with writing(db) as session:
        put_back(session, removed)
    assert dump(db) == before


def test_a_switch_is_undone_on_either_engine(db: Database) -> None:
    from studytui.builtin_content import load_template

    before = dump(db)
    with writing(db) as session:
        done = switch_template(session, load_template("scratch"), load_template("software"))
    assert done.took_shares and done.added
    with writing(db) as session:
        assert undo_switch(session, done, "scratch") == SwitchUndone(worked=0, shared=())
    assert dump(db) == before


def test_search_is_case_blind_and_takes_wildcards_literally(db: Database) -> None:
    with writing(db) as session:
        pandas = find_milestone(session, "Data wrangling with pandas")
        save_notes(session, pandas.id, "Read about BACKPROP")
        for note in ("backprop, 100% done", "nothing", "a_b"):
            add_entry(session, EntryDraft(TODAY, 10, pandas.area_id, note=note), today=TODAY)
        add_activity(session, data=ActivityInput("writing", "Backprop blog"), today=TODAY)
    with reading(db) as session:
        assert [h.where for h in search_entries(session, "BackProp", limit=10)] == [
            "backprop, 100% done"
        ]
        assert [h.where for h in search_entries(session, "100%", limit=10)] == [
            "backprop, 100% done"
        ]
        assert [h.where for h in search_entries(session, "_", limit=10)] == ["a_b"]
        assert [h.id for h in search_milestones(session, "backprop", limit=10)] == [pandas.id]
        assert [h.title for h in search_activities(session, "BLOG", limit=10)] == ["Backprop blog"]


def test_search_folds_every_letter_and_keeps_runs_of_spaces(db: Database) -> None:
    """Neither engine's lower() folds "Ä" everywhere (SQLite's folds ASCII only)."""
    with writing(db) as session:
        pandas = find_milestone(session, "Data wrangling with pandas")
        save_notes(session, pandas.id, "Ωmega notes")
        for note in ("Überblick über Ärger", "STRASSE", "a  double space", "a single space"):
            add_entry(session, EntryDraft(TODAY, 10, pandas.area_id, note=note), today=TODAY)
        add_activity(session, data=ActivityInput("writing", "Élan vital"), today=TODAY)
    with reading(db) as session:
        for typed in ("ärger", "ÄRGER", "ÜBERBLICK"):
            assert [h.where for h in search_entries(session, typed, limit=10)] == [
                "Überblick über Ärger"
            ]
        assert [h.where for h in search_entries(session, "straße", limit=10)] == ["STRASSE"]
        assert [h.where for h in search_entries(session, "a  double", limit=10)] == [
            "a double space"  # shown on one line
        ]
        assert search_entries(session, "a  single", limit=10) == []
        assert [h.id for h in search_milestones(session, "ωMEGA", limit=10)] == [pandas.id]
        assert [h.title for h in search_activities(session, "élan", limit=10)] == ["Élan vital"]
