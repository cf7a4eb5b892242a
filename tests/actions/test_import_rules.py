"""An import is held to the rules of an entry logged by hand, and whatever `log` accepts, an
export of it imports back."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest

from studytui.actions import data, log
from studytui.actions.database import open_database
from studytui.actions.log import LogRequest
from studytui.actions.setup import ensure_set_up
from studytui.db.engine import Database
from studytui.domain.entries import MAX_NOTE_CHARS
from studytui.domain.errors import ValidationError

NOW = datetime(2026, 3, 11, 20, 30).astimezone()


def _export_file(db: Database, path: Path) -> dict:
    path.write_text(data.export_text(db, as_csv=False, now=NOW), encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (lambda e: e.update(minutes=13 * 60), "would pass 24h"),
        (lambda e: e.update(day="2026-03-12"), "is in the future"),
        (lambda e: e.update(day="2026-03-02", note="x" * (MAX_NOTE_CHARS + 1)), "a note can be at"),
    ],
    ids=["day-over-24h", "future-day", "long-note"],
)
def test_an_export_that_breaks_an_entry_rule_is_refused_whole(
    db: Database, db_path: Path, tmp_path: Path, change, rule: str
) -> None:
    log.log_time(db, LogRequest(12 * 60, area="ml", note="first"), now=NOW)
    log.log_time(db, LogRequest(30, area="ml", day="2026-03-01", note="second"), now=NOW)
    document = _export_file(db, tmp_path / "export.json")
    by_note = {e["note"]: e for e in document["log_entries"]}
    # Another entry of today's, under a fresh id: an id already present would be skipped.
    bad = {**by_note["second"], "id": "f" * 32, "day": by_note["first"]["day"]}
    change(bad)
    document["log_entries"].append(bad)
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(document), encoding="utf-8")

    target = open_database(tmp_path / "target.db")
    ensure_set_up(target, now=NOW)
    log.log_time(target, LogRequest(12 * 60, area="programming"), now=NOW)  # today: 12h here
    target.dispose()
    before = _digest(tmp_path / "target.db")
    target = open_database(tmp_path / "target.db")
    with pytest.raises(ValidationError) as refused:
        data.import_file(target, source, now=NOW)
    target.dispose()
    message = str(refused.value)
    assert message.startswith(f"log entry {'f' * 32} of {bad['day']}: "), message
    assert rule in message
    assert _digest(tmp_path / "target.db") == before


def test_what_log_accepts_imports_back(db: Database, tmp_path: Path) -> None:
    note = "n" * MAX_NOTE_CHARS
    log.log_time(db, LogRequest(24 * 60, area="ml", note=note), now=NOW)
    _export_file(db, tmp_path / "export.json")
    empty = open_database(tmp_path / "empty.db")
    result = data.import_file(empty, tmp_path / "export.json", now=NOW)
    assert result.added["log entries"] == 1
    (row,) = log.log_view(empty, now=NOW, day=None, week=False).entries
    empty.dispose()
    assert (row.minutes, row.note) == (24 * 60, note)
