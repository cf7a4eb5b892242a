"""Two processes logging at the same time: no error, nothing lost, nothing doubled."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from studytui.db.engine import Database, reading
from studytui.db.lookup import find_area

WRITES = 250

# Imports first, then waits for "go" so that both processes really write at the same time.
WRITER = """
import sys
from datetime import date, timedelta
from pathlib import Path
from datetime import datetime
from studytui.actions.database import open_database
from studytui.actions.log import save_entry
from studytui.domain.entries import EntryDraft

db = open_database(Path(sys.argv[1]))
tag, area_id, count = sys.argv[2], sys.argv[3], int(sys.argv[4])
today = date(2026, 3, 11)
now = datetime(2026, 3, 11, 20, 30).astimezone()
sys.stdin.readline()
for i in range(count):
    draft = EntryDraft(day=today - timedelta(days=i % 200), minutes=1, area_id=area_id,
                       note=f"{tag}-{i}")
    save_entry(db, draft, now=now)
print("done", flush=True)
"""


def test_two_writers_at_once_keep_every_entry_exactly_once(db: Database, db_path: Path) -> None:
    with reading(db) as session:
        area_id = find_area(session, "machine").id
    db.dispose()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), tag, area_id, str(WRITES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("a", "b")
    ]
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == "done"
        assert err == ""

    with sqlite3.connect(db_path) as conn:
        notes = [row[0] for row in conn.execute("SELECT note FROM log_entry")]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    expected = {f"{tag}-{i}" for tag in ("a", "b") for i in range(WRITES)}
    assert len(notes) == 2 * WRITES
    assert set(notes) == expected
