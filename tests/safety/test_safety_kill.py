"""A writer killed with SIGKILL at random moments loses nothing it reported as saved."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from studytui.db.engine import Database, reading
from studytui.db.lookup import find_area
from studytui.db.schema import open_database

# Logs 1-minute entries forever, printing each id only after its transaction has committed:
# exactly what `studytui log` promises when it prints "Logged".
WRITER = """
import sys
from datetime import date, timedelta
from pathlib import Path
from datetime import datetime
from studytui.actions.database import open_database
from studytui.actions.log import save_entry
from studytui.domain.entries import EntryDraft

db = open_database(Path(sys.argv[1]))
today = date(2026, 3, 11)
now = datetime(2026, 3, 11, 20, 30).astimezone()
i = 0
while True:
    draft = EntryDraft(day=today - timedelta(days=i % 500), minutes=1, area_id=sys.argv[2],
                       note=f"w{i}")
    entry_id = save_entry(db, draft, now=now).entry_id
    print(entry_id, flush=True)
    i += 1
"""


def test_sigkill_mid_write_keeps_the_file_sound_and_every_reported_entry(
    db: Database, db_path: Path
) -> None:
    with reading(db) as session:
        area_id = find_area(session, "machine").id
    db.dispose()
    rng = random.Random(20260311)
    reported: list[str] = []
    for _ in range(4):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), area_id],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        # Kill after a random number of commits: the child is then somewhere in its next write.
        for _ in range(rng.randint(5, 60)):
            line = child.stdout.readline()
            assert line, "the writer stopped on its own"
            reported.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        reported.extend(child.stdout.read().split())  # printed before the kill landed
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL

    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in conn.execute("SELECT id FROM log_entry")}
    assert len(reported) >= 20
    assert set(reported) <= stored
    open_database(db_path).dispose()  # and studytui still opens it
