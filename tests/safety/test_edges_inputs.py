"""Every file read as input is checked before it is read: a device, a pipe, a folder or a huge
file is refused at once (no hang), and a file that is not an export says what it is. The real
command runs in a subprocess; the database is the same, row for row, afterwards."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import run_cli
from tests.safety.conftest import fill_everything

from studytui.actions.data import export_text
from studytui.clock import now_utc
from studytui.db.engine import Database


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


@pytest.fixture
def export(db: Database, db_path: Path) -> dict[str, Any]:
    fill_everything(db)
    doc = json.loads(export_text(db, as_csv=False, now=now_utc()))
    db.dispose()
    return doc


def _refused(*args: str) -> str:
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def _fifo(tmp_path: Path) -> Path:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    return fifo


@pytest.mark.parametrize("command", ["import", "restore"])
def test_a_pipe_and_a_device_are_refused_without_reading(
    command: str, export: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    before = _dump(db_path)
    for source, what in ((_fifo(tmp_path), "pipe"), (Path("/dev/zero"), "device")):
        err = _refused(command, str(source))
        assert str(source) in err
        assert what in err or "not a regular file" in err
    assert _dump(db_path) == before


def test_a_folder_and_a_huge_file_are_refused(
    export: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    before = _dump(db_path)
    assert "is a folder; give the export file inside it" in _refused("import", str(tmp_path))
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: 70 MB on paper, nothing on disk
        handle.truncate(70 * 2**20)
    assert "files over 64 MB are refused" in _refused("import", str(huge))
    assert _dump(db_path) == before


def test_the_csv_export_given_to_import_is_named(
    export: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    csv_file = tmp_path / "log.csv"
    assert run_cli("export", "--csv", "-o", str(csv_file)).returncode == 0
    before = _dump(db_path)
    err = _refused("import", str(csv_file))
    assert "is the log as CSV (`studytui export --csv`)" in err
    assert "import reads the JSON file written by `studytui export`" in err
    assert "cut short" not in err
    assert _dump(db_path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("\ufeffname;hours\nml;3\n".encode(), "is a CSV or spreadsheet file"),
        ("date,minutes\n".encode("utf-16"), "is UTF-16 text"),
        (b"hello world", "is not a studytui export"),
        (b"   \n", "is empty"),
    ],
    ids=["bom-csv", "utf16", "text", "blank"],
)
def test_other_files_say_what_they_are(
    content: bytes, message: str, export: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "data.txt"
    source.write_bytes(content)
    before = _dump(db_path)
    err = _refused("import", str(source))
    assert message in err and "cut short" not in err
    assert _dump(db_path) == before


def test_an_export_saved_with_a_byte_order_mark_imports(
    export: dict[str, Any], tmp_path: Path
) -> None:
    source = tmp_path / "edited.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(export).encode())
    fresh = tmp_path / "fresh.db"
    result = run_cli("--db", str(fresh), "import", str(source))
    assert result.returncode == 0, result.stderr
    assert "3 log entries" in result.stdout


def test_a_json_error_in_the_middle_is_not_called_cut_short(
    export: dict[str, Any], db_path: Path, tmp_path: Path
) -> None:
    text = json.dumps(export, indent=2)
    source = tmp_path / "edited.json"
    source.write_text(text.replace('"version": 1,', '"version": 1,,', 1))
    err = _refused("import", str(source))
    assert "not valid JSON at line" in err and "changed by hand" in err
    assert "cut short" not in err
