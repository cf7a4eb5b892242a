"""Search through the action, on a real SQLite file (and PostgreSQL when one is given): notes,
milestone titles and notes, certificates and activities, in any case, `%` and `_` literal."""

from __future__ import annotations

from datetime import date, datetime

from studytui.actions import activities, certificates, log, roadmap
from studytui.actions.search import MAX_QUERY, PER_KIND, search
from studytui.db.engine import Database, reading
from studytui.db.lookup import find_milestone
from studytui.domain.activities import ActivityInput
from studytui.domain.certificates import CertificateInput
from studytui.domain.entries import EntryDraft

NOW = datetime(2026, 3, 11, 20, 30).astimezone()
TODAY = date(2026, 3, 11)


def _fill(db: Database) -> dict[str, str]:
    with reading(db) as session:
        pandas = find_milestone(session, "Data wrangling with pandas")
    roadmap.save_notes(db, pandas.id, "Read the chapter on Backprop twice", now=NOW)
    area = pandas.area_id
    old = log.save_entry(
        db, EntryDraft(date(2026, 3, 1), 30, area, note="backprop by hand"), now=NOW
    )
    new = log.save_entry(db, EntryDraft(TODAY, 45, area, note="more BACKPROP, 100% done"), now=NOW)
    log.save_entry(db, EntryDraft(TODAY, 10, area, note="nothing to see"), now=NOW)
    cert = certificates.add_certificate(
        db, CertificateInput(name="CKA", notes="backprop is not on it"), now=NOW
    )
    act = activities.add_activity(
        db, ActivityInput("writing", "Blog: backprop_explained", outcome="200 readers"), now=NOW
    )
    return {
        "pandas": pandas.id,
        "old": old.entry_id,
        "new": new.entry_id,
        "cert": cert.id,
        "act": act.id,
    }


def test_search_finds_every_kind_in_any_case(db: Database) -> None:
    ids = _fill(db)
    found = search(db, "  BackProp ", now=NOW)
    assert found.query == "BackProp" and not found.more
    assert [(h.kind, h.id) for h in found.hits] == [
        ("milestone", ids["pandas"]),
        ("certificate", ids["cert"]),
        ("activity", ids["act"]),
        ("entry", ids["new"]),  # newest first
        ("entry", ids["old"]),
    ]
    milestone, cert, act, new, _old = found.hits
    assert milestone.title == "Data wrangling with pandas and NumPy"
    assert milestone.where == "notes: Read the chapter on Backprop twice"
    assert cert.where == "notes: backprop is not on it"
    assert (act.title, act.where) == ("Blog: backprop_explained", "")  # the title says it
    assert (new.title, new.where, new.day) == (
        "2026-03-11 · 45m of Data science & maths",
        "more BACKPROP, 100% done",
        TODAY,
    )


def test_percent_and_underscore_are_matched_as_typed(db: Database) -> None:
    ids = _fill(db)
    assert [h.id for h in search(db, "100%", now=NOW).hits] == [ids["new"]]
    assert [h.id for h in search(db, "p_e", now=NOW).hits] == [ids["act"]]
    percent = search(db, "%", now=NOW).hits  # not "everything"
    assert ids["new"] in [h.id for h in percent]
    assert all("%" in h.where for h in percent)
    assert ids["old"] not in [h.id for h in percent]


def test_a_blank_query_finds_nothing_and_many_hits_say_there_are_more(db: Database) -> None:
    assert search(db, "   ", now=NOW).hits == ()
    with reading(db) as session:
        area = find_milestone(session, "Data wrangling with pandas").area_id
    for day in range(1, PER_KIND + 3):
        log.save_entry(db, EntryDraft(date(2026, 1, day), 5, area, note="anki cards"), now=NOW)
    found = search(db, "anki", now=NOW)
    assert len(found.hits) == PER_KIND and found.more
    assert found.hits[0].day == date(2026, 1, PER_KIND + 2)


def test_spaces_inside_the_query_count_as_typed_and_a_long_query_is_cut(db: Database) -> None:
    with reading(db) as session:
        area = find_milestone(session, "Data wrangling with pandas").area_id
    double = log.save_entry(db, EntryDraft(TODAY, 5, area, note="a  double space"), now=NOW)
    log.save_entry(db, EntryDraft(TODAY, 5, area, note="a double space"), now=NOW)
    found = search(db, " a  double ", now=NOW)
    assert found.query == "a  double" and not found.cut
    assert [h.id for h in found.hits] == [double.entry_id]

    note = "x" * 150 + "y" * 100
    long = log.save_entry(db, EntryDraft(TODAY, 5, area, note=note), now=NOW)
    found = search(db, note + "not in the note", now=NOW)
    assert found.cut and found.query == note[:MAX_QUERY]
    assert [h.id for h in found.hits] == [long.entry_id]
    assert not search(db, note[:MAX_QUERY], now=NOW).cut
