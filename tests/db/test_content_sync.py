"""A database made by studytui 0.1.0 (tests/fixtures/make_content_v1.py) receives this release's
content when it is opened: the new milestones in their place, updated wording where the user
left it as shipped, retired exams named; and everything of the user's exactly as it was."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlmodel import select
from tests.conftest import run_cli
from tests.postgres import SQLITE_ONLY, plain_sql

from studytui.builtin_content import load_certificate_catalogue, load_snapshot, load_template
from studytui.content_version import CONTENT_VERSION, FIRST_CONTENT_VERSION
from studytui.db.content_sync import apply_plan, bring_up_to_date, content_version, read_stored
from studytui.db.engine import Database, reading, writing
from studytui.db.location import Location
from studytui.db.models import CatalogueExam, ContentUpdate, Milestone
from studytui.db.reads import open_quick_reader
from studytui.db.roadmap import save_notes
from studytui.db.schema import open_database
from studytui.db.seed import apply_template
from studytui.domain.content_update import ContentSnapshot, plan_update

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content_v1.db"
NOW = {"STUDYTUI_NOW": "2026-11-29T10:00:00"}
# Everything the user wrote or did, table by table (milestone rows: the user's own columns).
USER_QUERIES = {
    "log_entry": "SELECT * FROM log_entry ORDER BY id",
    "certificate": "SELECT * FROM certificate ORDER BY id",
    "setting": "SELECT * FROM setting ORDER BY key",
    "side_activity": "SELECT * FROM side_activity ORDER BY id",
    "payment": "SELECT * FROM payment ORDER BY id",
    "running_timer": "SELECT * FROM running_timer",
    "progress": "SELECT id, status, started_on, done_on, notes FROM milestone ORDER BY id",
    "own": "SELECT id, area_id, title, why, estimate_hours, status, notes FROM milestone"
    " WHERE key IS NULL ORDER BY id",
    "areas": "SELECT id, key FROM area ORDER BY id",
}


def _query(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _user_data(path: Path) -> dict[str, list[tuple]]:
    """What the user had in the fixture, as `path` holds it now (added milestones left out)."""
    had = {row[0] for row in _query(FIXTURE, "SELECT id FROM milestone")}
    data = {name: _query(path, sql) for name, sql in USER_QUERIES.items()}
    data["progress"] = [row for row in data["progress"] if row[0] in had]
    assert len(data["progress"]) == len(had)  # none of them removed
    return data


def _milestones(path: Path) -> dict[str | None, tuple]:
    """key (title for the user's own) -> (id, title, hours, position, new_in, dropped_in)."""
    rows = _query(
        path,
        "SELECT key, title, id, estimate_hours, position, new_in, dropped_in FROM milestone",
    )
    return {
        key or title: (id_, title, hours, pos, new, dropped)
        for key, title, id_, hours, pos, new, dropped in rows
    }


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "studytui.db"
    shutil.copyfile(FIXTURE, path)  # never open the committed file itself
    return path


@pytest.fixture
def upgraded(copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("STUDYTUI_NOW", NOW["STUDYTUI_NOW"])
    open_database(copy).dispose()
    yield copy


def test_the_fixture_is_what_studytui_0_1_0_wrote() -> None:
    assert _query(FIXTURE, "SELECT version_num FROM alembic_version") == [("0003",)]
    tables = {row[0] for row in _query(FIXTURE, "SELECT name FROM sqlite_master")}
    assert "content_update" not in tables and "catalogue_exam" not in tables
    certs = _query(FIXTURE, "SELECT catalogue_key, status FROM certificate")
    assert ("aws-ml-specialty", "preparing") in certs
    assert ("gcp-pmle", "planned") in certs
    assert _query(FIXTURE, "SELECT count(*) FROM log_entry")[0][0] > 0
    assert _query(FIXTURE, "SELECT count(*) FROM milestone WHERE notes != ''")[0][0] > 0


def test_everything_of_the_users_is_unchanged(copy: Path, upgraded: Path) -> None:
    assert _user_data(upgraded) == _user_data(FIXTURE)


def test_the_users_milestones_keep_their_order(upgraded: Path) -> None:
    before = [row[0] for row in _query(FIXTURE, "SELECT id FROM milestone ORDER BY position")]
    after = [row[0] for row in _query(upgraded, "SELECT id FROM milestone ORDER BY position")]
    assert [milestone_id for milestone_id in after if milestone_id in before] == before
    positions = [row[0] for row in _query(upgraded, "SELECT position FROM milestone")]
    assert sorted(positions) == list(range(1, len(positions) + 1))


def test_the_new_milestones_are_present_in_their_place_and_marked_new(upgraded: Path) -> None:
    old = {m.key for m in load_snapshot(FIRST_CONTENT_VERSION).templates["software"].milestones}
    template = load_template("software")
    new_keys = [m.key for m in template.milestones if m.key not in old]
    assert new_keys  # this release does add milestones to the software roadmap
    rows = _milestones(upgraded)
    for key in new_keys:
        assert rows[key][4] == CONTENT_VERSION, key
    for key in old:
        assert rows[key][4] is None, key
    # The template's milestones come in the template's order.
    in_template = [rows[m.key][3] for m in template.milestones]
    assert in_template == sorted(in_template)
    assert _query(upgraded, "SELECT count(*) FROM milestone WHERE dropped_in IS NOT NULL") == [(0,)]


def test_new_milestones_come_with_their_links_and_gates(upgraded: Path) -> None:
    template = load_template("software")
    rows = _milestones(upgraded)
    for spec in template.milestones:
        milestone_id = rows[spec.key][0]
        links = _query(
            upgraded,
            "SELECT title, url FROM milestone_resource WHERE milestone_id = ? ORDER BY position",
            milestone_id,
        )
        assert links == [(r.title, r.url) for r in spec.resources], spec.key
        gates = _query(
            upgraded,
            "SELECT requires_id FROM milestone_prerequisite WHERE milestone_id = ?",
            milestone_id,
        )
        assert {g for (g,) in gates} == {rows[k][0] for k in spec.prerequisites}, spec.key


def test_what_the_user_edited_is_kept_and_what_they_left_follows_the_release(
    upgraded: Path,
) -> None:
    template = {m.key: m for m in load_template("software").milestones}
    rows = _milestones(upgraded)
    # Renamed by the user: the name stays; the estimate was left as shipped, so it follows.
    assert rows["deep-learning"][1] == "Deep learning with fast.ai"
    assert rows["deep-learning"][2] == template["deep-learning"].hours
    # Left as shipped: the release's wording and estimate.
    for key in ("python-idioms", "ml-systems", "portfolio"):
        assert rows[key][1:3] == (template[key].title, template[key].hours), key
    # The user's own milestone: exactly as written.
    assert rows["Read Designing ML Systems"][1:3] == ("Read Designing ML Systems", 12)


def test_the_shipped_shares_follow_the_revised_roadmap(upgraded: Path) -> None:
    shares = dict(_query(upgraded, "SELECT key, share FROM area WHERE key IS NOT NULL"))
    assert shares == {a.key: a.share for a in load_template("software").areas}


def test_the_update_is_recorded_once_with_what_is_new_and_a_backup_before_it(
    upgraded: Path,
) -> None:
    ((version, summary, announced),) = _query(
        upgraded, "SELECT version, summary, announced FROM content_update"
    )
    assert version == CONTENT_VERSION and not announced
    lines = json.loads(summary)
    added = [row[1] for row in _milestones(upgraded).values() if row[4] == CONTENT_VERSION]
    assert lines[0] == f"{len(added)} new milestones on your roadmap:"
    assert sorted(lines[1 : 1 + len(added)]) == sorted(f"  + {title}" for title in added)
    assert any(
        line.startswith("AWS Certified Machine Learning - Specialty: exam retired on")
        for line in lines
    )
    backups = sorted(p.name for p in (upgraded.parent / "backups").iterdir())
    assert [name for name in backups if name.startswith("before-upgrade-0003-")]
    kept = next(upgraded.parent.glob("backups/before-upgrade-0003-*"))
    assert _user_data(kept) == _user_data(FIXTURE)


def test_opening_again_changes_nothing(upgraded: Path) -> None:
    rows = {
        t: _query(upgraded, f"SELECT * FROM {t}") for t in ("milestone", "area", "content_update")
    }
    backups = sorted((upgraded.parent / "backups").iterdir())
    open_database(upgraded).dispose()
    assert {t: _query(upgraded, f"SELECT * FROM {t}") for t in rows} == rows
    assert sorted((upgraded.parent / "backups").iterdir()) == backups


def test_mls_c01_is_reported_retired_with_its_successor(upgraded: Path) -> None:
    env = {"STUDYTUI_DB": str(upgraded), **NOW}
    successor = "AWS Certified Machine Learning Engineer - Associate (MLA-C01)"
    expected = (
        "AWS Certified Machine Learning - Specialty: exam retired on 2026-03-31, "
        f"successor {successor}"
    )
    status = run_cli("status", env=env)
    assert status.returncode == 0, status.stderr
    assert f"Reminder: {expected}" in status.stdout.splitlines()
    certs = run_cli("certs", env=env)
    assert f"Reminder: {expected}" in certs.stdout.splitlines()
    reminders = json.loads(run_cli("status", "--json", env=env).stdout)["reminders"]
    assert {
        "certificate": "AWS Certified Machine Learning - Specialty",
        "kind": "retired",
        "date": "2026-03-31",
        "successor": successor,
    } in reminders
    # The planned PMLE is active: no reminder about it.
    assert not [r for r in reminders if "Professional Machine Learning" in r["certificate"]]


def test_a_cli_command_on_the_old_file_updates_it_too(copy: Path) -> None:
    result = run_cli("status", env={"STUDYTUI_DB": str(copy), **NOW})
    assert result.returncode == 0, result.stderr
    assert _query(copy, "SELECT version FROM content_update") == [(CONTENT_VERSION,)]
    assert _user_data(copy) == _user_data(FIXTURE)


# --- databases of this release ---------------------------------------------------------------


def test_a_first_roadmap_is_current_with_nothing_to_announce(db: Database) -> None:
    with reading(db) as session:
        assert content_version(session) == CONTENT_VERSION
        (row,) = session.exec(select(ContentUpdate)).all()
        assert row.announced and row.summary == ""
        exams = {e.key: e for e in session.exec(select(CatalogueExam))}
    catalogue = load_certificate_catalogue()
    assert set(exams) == {item.key for item in catalogue}
    assert exams["aws-ml-specialty"].status == "retired"
    assert exams["aws-ml-specialty"].successor.endswith("(MLA-C01)")


def test_a_database_without_a_roadmap_records_nothing(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with reading(db) as session:
            assert content_version(session) is None
    finally:
        db.dispose()


@SQLITE_ONLY  # the quick reader reads files only
def test_the_quick_reader_leaves_an_older_content_version_to_the_full_road(
    db: Database, db_path: Path
) -> None:
    conn = open_quick_reader(db_path)
    assert conn is not None
    conn.close()
    with writing(db) as session:
        for row in session.exec(select(ContentUpdate)):
            row.version = CONTENT_VERSION - 1
            session.add(row)
    assert open_quick_reader(db_path) is None
    with writing(db) as session:
        assert bring_up_to_date(session, now=_now()) is not None
    conn = open_quick_reader(db_path)
    assert conn is not None
    conn.close()


def _now():  # type: ignore[no-untyped-def]
    from studytui.clock import now_utc

    return now_utc()


def _without(snapshot: ContentSnapshot, template: str, *keys: str) -> dict:  # type: ignore[type-arg]
    from dataclasses import replace

    tpl = snapshot.templates[template]
    kept = tuple(m for m in tpl.milestones if m.key not in keys)
    kept = tuple(
        replace(m, prerequisites=tuple(p for p in m.prerequisites if p not in keys)) for m in kept
    )
    return {**snapshot.templates, template: replace(tpl, milestones=kept)}


def test_dropped_milestones_go_unless_worked_on_and_their_links_go_with_them(
    db: Database,
) -> None:
    """A later release that drops two milestones: one untouched, one with notes."""
    current = load_snapshot(CONTENT_VERSION)
    with writing(db) as session:
        ids = {m.key: m.id for m in session.exec(select(Milestone))}
        save_notes(session, ids["kubernetes"], "I did the first chapter.")
    with writing(db) as session:
        plan = plan_update(
            current,
            _without(current, "software", "kubernetes", "docker-ci"),
            load_certificate_catalogue(),
            read_stored(session),
            version=CONTENT_VERSION + 1,
            today=_now().date(),
        )
        apply_plan(session, plan)
    with reading(db) as session:
        rows = {m.key: m for m in session.exec(select(Milestone))}
    assert "docker-ci" not in rows
    assert rows["kubernetes"].dropped_in == CONTENT_VERSION + 1
    assert rows["kubernetes"].notes == "I did the first chapter."
    assert sorted(m.position for m in rows.values()) == list(range(1, len(rows) + 1))
    with plain_sql(db) as conn:
        dangling = conn.execute(
            "SELECT count(*) FROM milestone_resource"
            " WHERE milestone_id NOT IN (SELECT id FROM milestone)"
        ).fetchall()
        gates = conn.execute(
            "SELECT count(*) FROM milestone_prerequisite"
            " WHERE requires_id NOT IN (SELECT id FROM milestone)"
        ).fetchall()
    assert dangling == [(0,)]
    assert gates == [(0,)]


def test_a_roadmap_from_two_templates_gets_both_updated(location: Location) -> None:
    """Someone who started with 0.1.0's software roadmap and adopted its data-science one;
    this release opens the database (a file, or a database on a server)."""
    from studytui.db.seed import switch_template

    first = load_snapshot(FIRST_CONTENT_VERSION)
    db = open_database(location)
    try:
        with writing(db) as session:
            apply_template(session, first.templates["software"])
            switch_template(session, first.templates["data_science"], first.templates["software"])
            for row in session.exec(select(ContentUpdate)):
                session.delete(row)  # as 0.1.0 left it: no content version recorded
            session.execute(delete(CatalogueExam))
    finally:
        db.dispose()
    db = open_database(location)
    try:
        with reading(db) as session:
            rows = list(session.exec(select(Milestone)))
            (update,) = session.exec(select(ContentUpdate)).all()
            exams = session.exec(select(CatalogueExam)).all()
    finally:
        db.dispose()
    assert update.version == CONTENT_VERSION and not update.announced
    assert len(exams) == len(load_certificate_catalogue())
    keys = {m.key for m in rows}
    for name in ("software", "data_science"):
        assert {m.key for m in load_template(name).milestones} <= keys, name
    new = {m.key for m in rows if m.new_in == CONTENT_VERSION}
    assert "reproduce-paper" in new  # new in the data-science template only
    assert "rag" in new
    assert sorted(m.position for m in rows) == list(range(1, len(rows) + 1))


# --- telling the user --------------------------------------------------------------------------


def test_the_news_is_there_until_announced_and_stays_listed_after(upgraded: Path) -> None:
    from studytui.db.content_sync import content_news, mark_announced

    db = open_database(upgraded)
    try:
        with reading(db) as session:
            (news,) = content_news(session)
        assert news.version == CONTENT_VERSION and not news.announced
        assert news.applied_at.tzinfo is not None
        assert news.lines == tuple(
            json.loads(_query(upgraded, "SELECT summary FROM content_update")[0][0])
        )
        with writing(db) as session:
            assert mark_announced(session) == 1
        with writing(db) as session:
            assert mark_announced(session) == 0  # told once
            (again,) = content_news(session)
        assert again.announced and again.lines == news.lines
    finally:
        db.dispose()


def test_a_first_roadmap_has_no_news(db: Database) -> None:
    from studytui.db.content_sync import content_news

    with reading(db) as session:
        assert content_news(session) == ()


def test_seen_milestones_are_no_longer_marked_new(upgraded: Path) -> None:
    from studytui.db.content_sync import mark_milestones_seen

    new = [row[0] for row in _query(upgraded, "SELECT id FROM milestone WHERE new_in IS NOT NULL")]
    db = open_database(upgraded)
    try:
        with writing(db) as session:
            mark_milestones_seen(session, new[:2])
    finally:
        db.dispose()
    still = {
        row[0] for row in _query(upgraded, "SELECT id FROM milestone WHERE new_in IS NOT NULL")
    }
    assert still == set(new[2:])


# --- exports ----------------------------------------------------------------------------------

EXPORT_V1 = Path(__file__).parent.parent / "fixtures" / "export_v1.json"


def test_an_export_names_its_content_version(db: Database) -> None:
    from studytui.actions.data import export_text

    doc = json.loads(export_text(db, as_csv=False, now=_now()))
    assert doc["content_version"] == CONTENT_VERSION


def test_0_1_0s_export_imported_into_a_new_database_gets_this_versions_content(
    cli, db_path: Path, tmp_path: Path
) -> None:
    """0.1.0's exports name no content version: they are read as its content, version 1."""
    assert "content_version" not in json.loads(EXPORT_V1.read_text())
    result = cli("import", str(EXPORT_V1), env=NOW)
    assert result.returncode == 0, result.stderr
    assert _query(db_path, "SELECT version, announced FROM content_update ORDER BY version") == [
        (FIRST_CONTENT_VERSION, 1),
        (CONTENT_VERSION, 0),  # told on the dashboard, as for an updated database
    ]
    new = {k for (k,) in _query(db_path, "SELECT key FROM milestone WHERE new_in IS NOT NULL")}
    assert {"rag", "interview-prep"} <= new
    # The user's data came across as it was: the export of the updated database has it all.
    again = tmp_path / "again.json"
    assert cli("export", "-o", str(again), env=NOW).returncode == 0
    before, after = json.loads(EXPORT_V1.read_text()), json.loads(again.read_text())
    for kind in ("log_entries", "certificates", "settings"):
        assert after[kind] == before[kind], kind
    kept = {m["id"]: m for m in after["milestones"]}
    for milestone in before["milestones"]:
        mine = kept[milestone["id"]]
        for name in ("status", "started_on", "done_on", "notes"):
            assert mine[name] == milestone[name], (milestone["title"], name)
    assert after["content_version"] == CONTENT_VERSION


def test_an_export_of_this_version_imported_into_a_new_database_is_current(
    db: Database, tmp_path: Path
) -> None:
    from studytui.actions.data import export_text, import_file

    source = tmp_path / "export.json"
    source.write_text(export_text(db, as_csv=False, now=_now()))
    target = open_database(tmp_path / "new.db")
    try:
        import_file(target, source, now=_now())
        with reading(target) as session:
            assert content_version(session) == CONTENT_VERSION
            assert len(session.exec(select(CatalogueExam)).all()) > 0  # retired exams known
        assert not _query(tmp_path / "new.db", "SELECT 1 FROM milestone WHERE new_in IS NOT NULL")
    finally:
        target.dispose()


def test_an_import_into_a_database_in_use_leaves_its_content_version(db: Database) -> None:
    from studytui.actions.data import import_file

    with reading(db) as session:
        before = session.exec(select(ContentUpdate)).all()
    import_file(db, EXPORT_V1, now=_now())
    with reading(db) as session:
        assert session.exec(select(ContentUpdate)).all() == before
