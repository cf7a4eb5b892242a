"""Malformed imports are rejected whole: exit 2, one line naming file, record and field, and
the database exactly as it was."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import run_cli
from tests.safety.conftest import fill_everything

from studytui.actions.data import export_text
from studytui.cli import main
from studytui.clock import now_utc
from studytui.db.engine import Database


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


@pytest.fixture
def export(db: Database) -> dict[str, Any]:
    fill_everything(db)
    return json.loads(export_text(db, as_csv=False, now=now_utc()))


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _duplicate_entry(doc: dict[str, Any]) -> None:
    doc["log_entries"].append(dict(doc["log_entries"][0]))


MISSING = "f" * 32

CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("wrong type", _set(["log_entries", 0, "minutes"], "90"), "minutes must be a whole number"),
    ("wrong type: bool", _set(["areas", 0, "share"], True), "share must be a whole number"),
    ("null for text", _set(["certificates", 0, "name"], None), "name must be text"),
    ("bad date", _set(["log_entries", 1, "day"], "2026-02-30"), "not a real date"),
    ("unknown version", _set(["version"], 2), "format version 2 is not supported"),
    ("not an export", _set(["format"], "something-else"), "is this a studytui export"),
    ("missing area", _set(["log_entries", 0, "area_id"], MISSING), "which is not in the file"),
    ("missing activity", _set(["payments", 0, "activity_id"], MISSING), "activity_id refers"),
    ("missing prerequisite", _set(["milestones", 1, "prerequisites"], [MISSING]), MISSING),
    ("huge minutes", _set(["log_entries", 0, "minutes"], 10**9), "from 1 to 1440"),
    ("huge note", _set(["log_entries", 0, "note"], "x" * 200_000), "at most 100000 fit"),
    ("huge name", _set(["areas", 0, "name"], "n" * 201), "at most 200 fit"),
    ("unknown field", _set(["log_entries", 0, "mood"], "great"), 'unknown field "mood"'),
    ("bad id", _set(["log_entries", 0, "id"], "../../etc"), "must be an id"),
    ("duplicate id", _duplicate_entry, "appears twice in the file"),
    ("bad setting", _set(["settings", "daily_goal"], "lots"), "daily_goal"),
    ("lone surrogate", _set(["log_entries", 0, "note"], "\ud800"), "escaped half of a character"),
    ("year 1", _set(["log_entries", 0, "day"], "0001-01-01"), "before 1970-01-01"),
]


@pytest.mark.parametrize(("name", "change", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_malformed_record_is_rejected_whole(
    name: str,
    change: Callable[[dict[str, Any]], None],
    message: str,
    export: dict[str, Any],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    change(export)
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(export))
    before = _dump(db_path)
    assert main(["import", str(source)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert str(source) in err
    assert len(err.strip().splitlines()) == 1
    assert _dump(db_path) == before
    assert not (tmp_path / "backups").exists()


RAW_CASES: list[tuple[str, Callable[[str], bytes], str]] = [
    ("truncated", lambda text: text[: len(text) // 2].encode(), "not valid JSON at line"),
    ("empty", lambda text: b"", "is empty"),
    ("not utf-8", lambda text: b"\xff\xfe" + text.encode("utf-16-le"), "is UTF-16 text"),
    ("a list", lambda text: b"[]", "must be a JSON object"),
    (
        "duplicate key",
        lambda text: text.replace('"version": 1,', '"version": 1, "version": 1,').encode(),
        'key "version" appears twice',
    ),
    (
        "integer of 5000 digits",
        lambda text: re.sub(r'"share": \d+', '"share": ' + "9" * 5000, text, count=1).encode(),
        "too large",
    ),
    ("nested 100000 deep", lambda text: b"[" * 100_000 + b"]" * 100_000, "too deeply nested"),
]


@pytest.mark.parametrize(("name", "mangle", "message"), RAW_CASES, ids=[c[0] for c in RAW_CASES])
def test_a_broken_file_is_rejected_whole(
    name: str,
    mangle: Callable[[str], bytes],
    message: str,
    export: dict[str, Any],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "broken.json"
    source.write_bytes(mangle(json.dumps(export, indent=2)))
    before = _dump(db_path)
    assert main(["import", str(source)]) == 2
    err = capsys.readouterr().err
    assert message in err and str(source) in err
    assert len(err.strip().splitlines()) == 1
    assert _dump(db_path) == before


def test_missing_file_and_folder_are_named(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.dispose()
    assert main(["import", str(tmp_path / "nope.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["import", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_the_real_command_rejects_a_truncated_file_without_a_traceback(
    export: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "cut.json"
    source.write_text(json.dumps(export)[:500])
    before = _dump(db_path)
    result = run_cli("import", str(source))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and str(source) in result.stderr
    assert _dump(db_path) == before
