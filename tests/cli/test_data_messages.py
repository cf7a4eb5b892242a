"""The advice in backup and restore errors fits the command that was run."""

from __future__ import annotations

from pathlib import Path

import pytest

from studytui.cli import main


@pytest.fixture
def location(db_path: Path) -> Path:
    """Backup and restore are of files; on a server they say so (tests/cli/test_server.py)."""
    return db_path


def test_restoring_a_text_file_says_what_to_pick_instead(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    assert main(["restore", str(notes)]) == 2
    err = capsys.readouterr().err
    assert "notes.txt is not a studytui database" in err
    assert "pick a copy made by `studytui backup`" in err
    assert "studytui restore FILE" not in err


def test_backing_up_into_a_file_asks_for_a_folder(tmp_path: Path, capsys) -> None:
    assert main(["status"]) == 0
    target = tmp_path / "notes.txt"
    target.write_text("in the way")
    assert main(["backup", str(target)]) == 2
    err = capsys.readouterr().err
    assert "it is a file, not a folder; name a folder for the copy" in err
    assert "--db" not in err
    assert target.read_text() == "in the way"
